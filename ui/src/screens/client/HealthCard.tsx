import { useQuery } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { BAND_HINTS, BAND_WORDS } from "../review/ReviewScreen";

/** The client's health and why, signal by signal, with the last 12 weeks. Internal: never in a report. */
export function HealthCard({ clientId }: { clientId: number }) {
  const health = useQuery({ queryKey: ["client-health", clientId], queryFn: () => call(commands.clientHealth(clientId)) });
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
      <ul className="health-signals">
        {h.signals.map((s) => (
          <li key={s.signal} className="row-between">
            <span>
              <strong>{s.label}</strong> <span className="muted small">{s.reason}</span>
            </span>
            <span className="pill" title="0 critical, 1 at risk, 2 healthy; unknown signals are left out of the score">
              {s.score === null ? "Unknown" : `${s.score}/2`}
            </span>
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
