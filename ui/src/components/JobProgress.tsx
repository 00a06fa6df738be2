import type { Progress } from "../bindings";
import { formatValue } from "../format";

/**
 * How far a long job (a batch export, an import) has come, with a Stop button. Stopping is
 * asked of the core, which finishes cleanly; the button says so until the job returns.
 */
export function JobProgress({ progress, label, done, stopping, onStop }: {
  progress: Progress;
  /** What is happening, e.g. "Reading the file". */
  label: string;
  /** How the count reads: (2000, 10000) → "Checked 2,000 of 10,000 rows". */
  done: (done: string, total: string) => string;
  stopping: boolean;
  onStop: () => void;
}) {
  return (
    <div className="batch-progress" role="status">
      <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label={label} />
      <span className="small">
        {progress.total === 0 ? `${label}…` : `${done(formatValue(progress.done, ""), formatValue(progress.total, ""))}…`}
      </span>
      <button className="button button--small" disabled={stopping} onClick={onStop}>
        {stopping ? "Stopping…" : "Stop"}
      </button>
    </div>
  );
}
