import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type HealthOverrideInput, type Signal } from "../../bindings";
import { QuickForm, type FieldSpec } from "../../components/QuickForm";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { BAND_HINTS, BAND_WORDS } from "../../words";
import { keys } from "../../queries";

type OverrideForm = { score: string; reason: string; expires_on: string };
const OVERRIDE_FIELDS: FieldSpec<OverrideForm>[] = [
  { name: "score", label: "Score", type: "select", options: [{ value: "2", label: "2 — healthy" }, { value: "1", label: "1 — at risk" }, { value: "0", label: "0 — critical" }] },
  { name: "expires_on", label: "Until", type: "date" },
  { name: "reason", label: "Why (for you)", wide: true },
];

/** The client's health and why, signal by signal, with the last 12 weeks. Internal: never in a report. */
export function HealthCard({ clientId }: { clientId: number }) {
  const health = useQuery({ queryKey: keys.clientHealth(clientId), queryFn: () => call(commands.clientHealth(clientId)) });
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Signal | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.clientHealth(clientId) });
  const saveOverride = useMutation({
    mutationFn: (input: HealthOverrideInput) => call(commands.saveOverride(clientId, input)),
    onSuccess: () => (setEditing(null), refresh()),
  });
  const endOverride = useMutation({ mutationFn: (signal: Signal) => call(commands.endOverride(clientId, signal)), onSuccess: refresh });
  if (health.isPending) return null;
  if (health.isError) return <Banner tone="error">{asAppError(health.error).message}</Banner>;
  const { health: h, history } = health.data;
  return (
    <section className="card card--wide" aria-labelledby="health-title">
      <div className="row-between">
        <h2 id="health-title">Health</h2>
        <span className={`pill band--${h.band}`} title={BAND_HINTS[h.band]}>
          {BAND_WORDS[h.band]} {h.max > 0 && `· ${h.score} of ${h.max}`}
        </span>
      </div>
      {endOverride.isError && <Banner tone="error">{asAppError(endOverride.error).message}</Banner>}
      <ul className="health-signals">
        {h.signals.map((s) => (
          <li key={s.signal}>
            <div className="row-between">
              <span>
                <strong>{s.label}</strong> <span className="muted small">{s.reason}</span>
              </span>
              <span className="signal-actions">
                <span className="pill" title="0 critical, 1 at risk, 2 healthy; unknown signals are left out of the score">
                  {s.score === null ? "Unknown" : `${s.score}/2`}
                  {s.overridden && " (set by you)"}
                </span>
                {s.overridden ? (
                  <button className="link small" onClick={() => endOverride.mutate(s.signal)}>
                    Use measured
                  </button>
                ) : (
                  <button className="link small" onClick={() => setEditing(editing === s.signal ? null : s.signal)} aria-label={`Set ${s.label} by hand`}>
                    Set by hand
                  </button>
                )}
              </span>
            </div>
            {editing === s.signal && (
              <QuickForm
                title={`Set ${s.label} by hand`}
                fields={OVERRIDE_FIELDS}
                initial={{ score: "2", reason: "", expires_on: "" }}
                submitLabel="Save"
                pending={saveOverride.isPending}
                error={saveOverride.error}
                onSubmit={(v) => saveOverride.mutate({ signal: s.signal, score: Number(v.score), reason: v.reason, expires_on: v.expires_on })}
                onCancel={() => setEditing(null)}
              />
            )}
          </li>
        ))}
      </ul>
      <div className="weeks" aria-label="Health over the last 12 weeks">
        {history.map((w) => (
          <span key={w.week} className={`week band--${w.band}`} title={`${w.week}: ${BAND_WORDS[w.band]}${w.max > 0 ? ` (${w.score}/${w.max})` : ""}`} />
        ))}
      </div>
      <p className="muted small">Only for you: health never appears in anything sent to the client.</p>
    </section>
  );
}
