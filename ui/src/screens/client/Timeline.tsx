import { commands, type RecordRef, type TimelineEvent, type TimelineKind } from "../../bindings";
import { Banner } from "../../components/Banner";
import { asAppError } from "../../backend";
import { formatDate } from "../../format";
import { useRecordMutation } from "./useRecordMutation";

const KIND_LABELS: Record<TimelineKind, string> = {
  touchpoint: "Contact",
  deliverable: "Delivered",
  invoice: "Invoice",
  survey: "Survey",
  complaint: "Issue",
  milestone: "Milestone",
  measurement: "KPI",
};

/** The client's history, newest first; each line can be removed (after a confirmation). */
export function Timeline({ clientId, events, limit = 40 }: { clientId: number; events: TimelineEvent[]; limit?: number }) {
  const remove = useRecordMutation(clientId, (record: RecordRef) => commands.deleteRecord(record));
  if (events.length === 0) return <p className="muted">Nothing recorded yet. Log a touchpoint above after your next call or email.</p>;
  const shown = events.slice(0, limit);
  return (
    <>
      {remove.isError && <Banner tone="error">{asAppError(remove.error).message}</Banner>}
      <ol className="timeline">
        {shown.map((e) => (
          <li key={`${e.record.kind}-${e.record.id}`} className={`timeline__item timeline__item--${e.kind}`}>
            <span className="timeline__date">{formatDate(e.date)}</span>
            <span className="timeline__kind">{KIND_LABELS[e.kind]}</span>
            <span className="timeline__text">
              <strong>{e.title}</strong>
              {e.detail && <span className="muted"> — {e.detail}</span>}
            </span>
            <button
              className="icon-button"
              aria-label={`Delete: ${e.title}, ${formatDate(e.date)}`}
              title="Delete"
              onClick={() => {
                if (window.confirm(`Delete “${e.title}” from ${formatDate(e.date)}? This cannot be undone.`)) remove.mutate(e.record);
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      {events.length > limit && <p className="muted small">+ {events.length - limit} older entries</p>}
    </>
  );
}
