import type { MetricAsk, MetricChoice, MonthFrom } from "../../bindings";
import { MONTH_FROM_WORDS } from "../../words";

/**
 * A file of daily figures (GA4, Search Console, Shopify) names neither the client nor the KPI:
 * the owner chooses them, the column, and how a month is made. Every change previews again.
 */
export function ImportMetric({ ask, onChange }: { ask: MetricAsk; onChange: (choice: MetricChoice) => void }) {
  if (ask.choices.length === 0) {
    return <p role="status">No client has a KPI yet. Add the KPI these figures are for on the client's page (Success plan), then choose this file again.</p>;
  }
  const current: MetricChoice = { client: ask.client, kpi: ask.kpi, column: ask.column, month: ask.month };
  const kpis = ask.choices.find((c) => c.client === ask.client)?.kpis ?? [];
  // A new client or KPI lets the column and the month rule be guessed again from its name and unit.
  const pick = (changed: Partial<MetricChoice>) => onChange({ ...current, column: "", month: null, ...changed });
  return (
    <fieldset className="import-metric">
      <legend>Whose figures are these?</legend>
      <label className="field">
        <span>Client</span>
        <select value={ask.client} onChange={(e) => pick({ client: e.target.value, kpi: ask.choices.find((c) => c.client === e.target.value)?.kpis[0] ?? "" })}>
          <option value="">Choose the client…</option>
          {ask.choices.map((c) => (
            <option key={c.client}>{c.client}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>KPI</span>
        <select value={ask.kpi} disabled={!ask.client} onChange={(e) => pick({ kpi: e.target.value })}>
          {!ask.kpi && <option value="">Choose the KPI…</option>}
          {kpis.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Figures from the column</span>
        <select value={ask.column} onChange={(e) => onChange({ ...current, column: e.target.value, month: null })}>
          {ask.columns.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>A month is</span>
        <select value={ask.month} onChange={(e) => onChange({ ...current, month: e.target.value as MonthFrom })}>
          {(Object.keys(MONTH_FROM_WORDS) as MonthFrom[]).map((m) => (
            <option key={m} value={m}>
              {MONTH_FROM_WORDS[m]}
            </option>
          ))}
        </select>
      </label>
      <p className="small muted">Only months the file covers from their first day to their last are written, each as the value on the month's last day.</p>
    </fieldset>
  );
}
