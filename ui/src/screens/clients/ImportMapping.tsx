import type { DateOrder, ImportReport, Mapping, MetricChoice } from "../../bindings";
import { ImportMetric } from "./ImportMetric";

/**
 * The mapping step of an import: each of the file's columns beside what Clientwell reads it as
 * (the guess, or the choices remembered for this header), the rules the values are read by, how
 * the dates are read, and what is left out. Every change previews the file again.
 */
export function ImportMapping({
  report,
  datesChosen,
  onMapping,
  onDates,
  onMetric,
}: {
  report: ImportReport;
  /** True once the owner said how the dates read: the choice stays on screen to change. */
  datesChosen: boolean;
  onMapping: (mapping: Mapping) => void;
  onDates: (order: DateOrder) => void;
  onMetric: (choice: MetricChoice) => void;
}) {
  const mapping = report.mapping;
  if (!mapping) return null;
  const choose = (column: number, field: string) => {
    const fields = mapping.fields.map((f, i) => (i === column ? field || null : f === field && field ? null : f));
    onMapping({ ...mapping, fields });
  };
  const mappingProblem = report.errors.some((e) => e.row === 1);
  const read = mapping.fields.flatMap((f, i) => (f ? [i] : []));
  const ignored = mapping.fields.flatMap((f, i) => (f ? [] : [i]));
  return (
    <div className="import-mapping">
      <p>
        {report.source !== "clientwell" && (
          <>
            Read as <strong>{report.source_label}</strong>.{" "}
          </>
        )}
        {report.metric ? null : report.remembered ? <>Columns as you chose them last time (“{report.remembered}”).</> : <>Check what each column is read as.</>}
      </p>
      {report.metric && <ImportMetric ask={report.metric} onChange={onMetric} />}
      {report.asks_paid_on_due_date && (
        <label className="checkbox">
          <input type="checkbox" checked={mapping.paid_on_due_date ?? false} onChange={(e) => onMapping({ ...mapping, paid_on_due_date: e.target.checked })} /> This file says which
          invoices are paid but not when: count them as paid on their due date
        </label>
      )}
      {report.rules.length > 0 && (
        <ul className="small">
          {report.rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {report.dates && (
        <div className="small" role={report.dates.ambiguous ? "group" : undefined} aria-label={report.dates.ambiguous ? "How the dates read" : undefined}>
          <p>{report.dates.note}</p>
          {(report.dates.ambiguous || datesChosen) && (
            <div className="form__actions">
              <button className="button button--small" aria-pressed={report.dates.order === "day_first"} onClick={() => onDates("day_first")}>
                Day first (31/10/2026)
              </button>
              <button className="button button--small" aria-pressed={report.dates.order === "month_first"} onClick={() => onDates("month_first")}>
                Month first (10/31/2026)
              </button>
            </div>
          )}
        </div>
      )}
      {report.skipped.length > 0 && (
        <ul className="small muted" aria-label="Left out">
          {report.skipped.map((s) => (
            <li key={s.reason}>
              Left out: {s.reason} — {s.count} {s.count === 1 ? "row" : "rows"} (row {s.rows.join(", ")}
              {s.count > s.rows.length ? ", …" : ""})
            </li>
          ))}
        </ul>
      )}
      <details hidden={report.metric !== null} open={mappingProblem || !report.remembered}>
        <summary>
          Columns of the file: {read.length} read, {ignored.length} not needed
        </summary>
        <ColumnTable report={report} columns={read} choose={choose} />
        {ignored.length > 0 && (
          <details>
            <summary>The {ignored.length} columns not needed</summary>
            <ColumnTable report={report} columns={ignored} choose={choose} />
          </details>
        )}
      </details>
    </div>
  );
}

/** Some of the file's columns (by index), each with what it is read as. */
function ColumnTable({ report, columns, choose }: { report: ImportReport; columns: number[]; choose: (column: number, field: string) => void }) {
  const mapping = report.mapping;
  if (!mapping) return null;
  return (
    <table className="import-mapping__table">
      <thead>
        <tr>
          <th scope="col">Column in the file</th>
          <th scope="col">For example</th>
          <th scope="col">Read as</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((i) => {
          const c = report.columns[i];
          return (
            <tr key={i}>
              <td>{c.header || <span className="muted">(no name)</span>}</td>
              <td className="muted small" title={c.samples.filter((s) => s).join(" · ")}>
                {c.samples.find((s) => s) ?? ""}
              </td>
              <td>
                <select aria-label={`Read “${c.header}” as`} value={mapping.fields[i] ?? ""} onChange={(e) => choose(i, e.target.value)}>
                  <option value="">Not needed</option>
                  {report.fields.map((f) => (
                    <option key={f.name} value={f.name} title={f.help}>
                      {f.label}
                      {f.required ? " (required)" : ""}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
