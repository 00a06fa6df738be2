import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type HealthSettings, type Signal } from "../../bindings";
import { asAppError, call, fieldError, formError } from "../../backend";
import { Banner } from "../../components/Banner";
import { Field } from "../../components/Field";
import { keys } from "../../queries";

const SIGNALS: { id: Signal; label: string; hint: string }[] = [
  { id: "engagement", label: "Engagement", hint: "Two-way contact within the agreed cadence, reschedules, no-shows, slow replies" },
  { id: "outcome", label: "Progress toward the goal", hint: "KPIs against a straight line from baseline to target" },
  { id: "payment", label: "Payments", hint: "Late and overdue invoices" },
  { id: "sentiment", label: "Sentiment", hint: "NPS, CSAT and CES answers, open issues" },
];
const NUMBERS: { name: keyof HealthSettings["thresholds"]; label: string; hint: string }[] = [
  { name: "default_cadence_days", label: "Check-in every (days)", hint: "For clients with no agreed cadence." },
  { name: "payment_grace_days", label: "Payment grace (days)", hint: "Paid this many days after the due date still counts as on time." },
  { name: "invoices_judged", label: "Invoices judged", hint: "How many of the latest invoices due count." },
  { name: "survey_months", label: "Survey answers count for (months)", hint: "" },
];
const FIELDS = ["signals", "green_eighths", "amber_eighths", "drain_effort_hours", "high_value_top_pct", ...NUMBERS.map((n) => n.name)];

/** Which signals make up health and where green and amber start. */
export function HealthSettingsCard() {
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: keys.healthSettings(), queryFn: () => call(commands.healthSettings()) });
  const [form, setForm] = useState<HealthSettings | null>(null);
  useEffect(() => {
    if (stored.data) setForm(stored.data);
  }, [stored.data]);
  const save = useMutation({
    mutationFn: (s: HealthSettings) => call(commands.saveHealthSettings(s)),
    onSuccess: (saved) => {
      queryClient.setQueryData(["health-settings"], saved);
      queryClient.invalidateQueries({ queryKey: keys.weeklyReview() });
      queryClient.invalidateQueries({ queryKey: keys.clientHealthAll() });
    },
  });
  if (stored.isError) return <Banner tone="error">{asAppError(stored.error).message}</Banner>;
  if (!form) return null;
  const toggle = (id: Signal) => setForm({ ...form, signals: form.signals.includes(id) ? form.signals.filter((s) => s !== id) : [...form.signals, id] });
  const eighths = [1, 2, 3, 4, 5, 6, 7, 8];
  return (
    <form
      className="card form"
      aria-labelledby="health-settings-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form);
      }}
    >
      <h2 id="health-settings-title">Health score</h2>
      <p className="muted small">Each signal scores 0 (critical), 1 (at risk) or 2 (healthy). Signals without data are left out, and the bands scale to what is left.</p>
      {formError(save.error, FIELDS) && <Banner tone="error">{formError(save.error, FIELDS) ?? ""}</Banner>}
      <fieldset className="field">
        <legend>Signals that count</legend>
        {SIGNALS.map((s) => (
          <label key={s.id} className="checkbox" title={s.hint}>
            <input type="checkbox" checked={form.signals.includes(s.id)} onChange={() => toggle(s.id)} /> {s.label}
          </label>
        ))}
        {fieldError(save.error, "signals") && <p className="field__error">{fieldError(save.error, "signals")}</p>}
      </fieldset>
      <div className="quickform__grid">
        {(["green_eighths", "amber_eighths"] as const).map((band) => (
          <Field key={band} label={band === "green_eighths" ? "Green from" : "Amber from"} error={fieldError(save.error, band)}>
            {(p) => (
              <select {...p} value={form[band]} onChange={(e) => setForm({ ...form, [band]: Number(e.target.value) })}>
                {eighths.map((n) => (
                  <option key={n} value={n}>
                    {n}/8 of the maximum
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
        {NUMBERS.map((n) => (
          <Field key={n.name} label={n.label} hint={n.hint} error={fieldError(save.error, n.name)}>
            {(p) => <input {...p} type="number" value={form.thresholds[n.name]} onChange={(e) => setForm({ ...form, thresholds: { ...form.thresholds, [n.name]: Number(e.target.value) } })} />}
          </Field>
        ))}
        <Field label="High value: the top (% of clients)" hint="Clients in this top share by monthly revenue are high value (customer-success practice: the top fifth, 20)." error={fieldError(save.error, "high_value_top_pct")}>
          {(p) => <input {...p} type="number" value={form.high_value_top_pct} onChange={(e) => setForm({ ...form, high_value_top_pct: Number(e.target.value) })} />}
        </Field>
        <Field label="Drain line (hours per 1,000 of revenue)" hint="A client below the high-value line needing more effort than this is a “drain”." error={fieldError(save.error, "drain_effort_hours")}>
          {(p) => <input {...p} type="number" value={form.drain_effort_hours} onChange={(e) => setForm({ ...form, drain_effort_hours: Number(e.target.value) })} />}
        </Field>
      </div>
      <div className="form__actions">
        <button className="button button--primary" disabled={save.isPending}>
          Save health settings
        </button>
        {save.isSuccess && <span className="saved">Saved</span>}
      </div>
    </form>
  );
}
