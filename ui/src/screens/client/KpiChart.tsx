import type { KpiView } from "../../bindings";

/**
 * A small line chart of a KPI's values with its target as a dashed line and the straight
 * line from baseline to target as a faint guide. Positions only: every value comes from the core.
 */
export function KpiChart({ view, width = 470, height = 90 }: { view: KpiView; width?: number; height?: number }) {
  const { kpi, measurements } = view;
  const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const t0 = time(kpi.baseline_date);
  const lastMeasured = measurements.length ? time(measurements[measurements.length - 1].measured_on) : t0;
  const t1 = Math.max(time(kpi.target_date), lastMeasured);
  const values = [kpi.baseline, kpi.target, ...measurements.map((m) => m.value)];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = 6;
  const x = (t: number) => pad + ((t - t0) / Math.max(t1 - t0, 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - lo) / Math.max(hi - lo, 1e-9)) * (height - 2 * pad);
  const points = measurements.map((m) => `${x(time(m.measured_on)).toFixed(1)},${y(m.value).toFixed(1)}`).join(" ");
  const label = `${kpi.name}: ${measurements.length} values; target ${kpi.target}${kpi.unit ? " " + kpi.unit : ""} by ${kpi.target_date}`;
  return (
    <svg className="kpi-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line className="kpi-chart__plan" x1={x(t0)} y1={y(kpi.baseline)} x2={x(time(kpi.target_date))} y2={y(kpi.target)} />
      <line className="kpi-chart__target" x1={pad} x2={width - pad} y1={y(kpi.target)} y2={y(kpi.target)} />
      {measurements.length > 1 && <polyline className="kpi-chart__line" points={points} />}
      {measurements.map((m) => (
        <circle key={m.id} className="kpi-chart__dot" cx={x(time(m.measured_on))} cy={y(m.value)} r={2.5} />
      ))}
    </svg>
  );
}
