import { useState, type ReactNode } from "react";
import { commands, type KpiView, type MeasurementInput } from "../../bindings";
import { QuickForm } from "../../components/QuickForm";
import { formatDate, formatShare, formatValue } from "../../format";
import { measurementForm } from "./forms";
import { KpiChart } from "./KpiChart";
import { useRecordMutation } from "./useRecordMutation";

/** One KPI: where it started, where it should get to, where it is, and a quick way to add a value. */
export function KpiCard({ view, actions }: { view: KpiView; actions?: ReactNode }) {
  const { kpi, progress } = view;
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState(0);
  const save = useRecordMutation((input: MeasurementInput) => commands.saveMeasurement(kpi.id, null, input), () => {
    setAdding(false);
    setForm((n) => n + 1);
  });
  const share = progress.progress ?? 0;
  return (
    <article className="kpi" aria-label={kpi.name}>
      <header className="kpi__head">
        <h3>{kpi.name}</h3>
        <span className={`pill pill--${progress.status}`} title="Compared with a straight line from the baseline to the target by its date">
          {progress.label}
        </span>
        {actions}
      </header>
      <p className="kpi__numbers">
        {progress.latest ? (
          <>
            <strong>{formatValue(progress.latest.value, kpi.unit)}</strong> on {formatDate(progress.latest.measured_on)}
          </>
        ) : (
          <span className="muted">No value recorded yet.</span>
        )}
        <span className="muted">
          {" "}
          · from {formatValue(kpi.baseline, kpi.unit)} to {formatValue(kpi.target, kpi.unit)} by {formatDate(kpi.target_date)}
        </span>
      </p>
      <div className="progress" role="progressbar" aria-label={`Progress to target for ${kpi.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(Math.max(0, Math.min(share, 1)) * 100)}>
        <div className="progress__bar" style={{ width: `${Math.max(0, Math.min(share, 1)) * 100}%` }} />
        <div className="progress__expected" style={{ left: `${progress.expected * 100}%` }} title="Where the plan expects to be by now" />
      </div>
      <p className="muted small">
        {progress.progress === null ? "Add a value to see progress." : `${formatShare(share)} of the way to target; the plan expects ${formatShare(progress.expected)}.`}
      </p>
      <KpiChart view={view} />
      {adding ? (
        <QuickForm
          key={form}
          title={`Add a value for ${kpi.name}`}
          fields={measurementForm.fields}
          initial={measurementForm.blank()}
          submitLabel="Save value"
          pending={save.isPending}
          error={save.error}
          onSubmit={(v) => save.mutate(v)}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button className="button button--small" onClick={() => setAdding(true)}>
          Add value
        </button>
      )}
    </article>
  );
}
