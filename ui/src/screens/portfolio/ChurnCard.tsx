import type { Churn, Profile, Share } from "../../bindings";
import { formatDate, formatShare } from "../../format";

const share = (s: Share) => (s.value === null ? "No data" : `${formatShare(s.value)} (${s.part} of ${s.whole})`);
const months = (m: number | null) => (m === null ? "No data" : `${m} ${m === 1 ? "month" : "months"}`);
const nps = (p: Profile) => (p.mean_nps_answer === null ? "No answers" : `${p.mean_nps_answer.toFixed(1)} of 10 (${p.nps_answers} ${p.nps_answers === 1 ? "answer" : "answers"})`);

/** Why the period's lost clients left (the reasons the owner gave), and the year's lost clients against the kept ones. */
export function ChurnCard({ churn, money, period }: { churn: Churn; money: (cents: number) => string; period: string }) {
  const { lost, kept, since, until } = churn.compared;
  const rows: { label: string; help: string; lost: string; kept: string }[] = [
    { label: "Clients", help: "Lost: their last day of work fell in these twelve months. Kept: under contract on the last day.", lost: String(lost.clients), kept: String(kept.clients) },
    { label: "Time with you (median)", help: "From the first day of work to the last (kept clients: to the end of the period).", lost: months(lost.median_tenure_months), kept: months(kept.median_tenure_months) },
    { label: "Health before leaving", help: "Amber or red a month before their last day (kept clients: at the end of the period), of those whose health could be judged.", lost: share(lost.amber_or_red), kept: share(kept.amber_or_red) },
    { label: "Latest NPS answer (average)", help: "Each client's latest answer to “would you recommend us” (0–10) up to that day.", lost: nps(lost), kept: nps(kept) },
    { label: "Paid on time", help: "Their invoices due in these twelve months, paid by the due date (with the grace days).", lost: share(lost.paid_on_time), kept: share(kept.paid_on_time) },
  ];
  return (
    <section className="card" aria-labelledby="churn-title">
      <h2 id="churn-title">Why clients left</h2>
      {lost.clients === 0 && churn.lost === 0 ? (
        <p className="muted">No client left in {period} or the twelve months before its end. When you end a client (on their page, “End this client…”), the reason you give shows here.</p>
      ) : (
        <>
          {churn.lost === 0 ? (
            <p className="muted">No client left in {period}.</p>
          ) : (
            <>
            <p className="muted small">
              {churn.lost} {churn.lost === 1 ? "client" : "clients"} left in {period}; {churn.lost_from_start} of them {churn.lost_from_start === 1 ? "was a client" : "were clients"} on its first day (the logo churn above).
            </p>
            <table className="table" aria-label={`Why clients left in ${period}`}>
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  <th scope="col">Clients</th>
                  <th scope="col" title="What they paid a month on their last day of work">Monthly revenue lost</th>
                </tr>
              </thead>
              <tbody>
                {churn.reasons.map((r) => (
                  <tr key={r.reason ?? "none"}>
                    <th scope="row">{r.label}</th>
                    <td>
                      {r.clients.length} <span className="muted small">({r.clients.join(", ")})</span>
                    </td>
                    <td>{money(r.mrr_cents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </>
          )}
          <h3>
            The clients you lost against the ones you kept{" "}
            <span className="muted small">
              ({formatDate(since)} – {formatDate(until)})
            </span>
          </h3>
          <table className="table" aria-label="Lost against kept">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">Lost</th>
                <th scope="col">Kept</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row" title={r.help}>
                    {r.label}
                  </th>
                  <td>{r.lost}</td>
                  <td>{r.kept}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
