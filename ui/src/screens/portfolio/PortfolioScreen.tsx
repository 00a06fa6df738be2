import { Fragment, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { commands, type Portfolio, type Share } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { formatMoney, formatShare } from "../../format";
import { BAND_WORDS } from "../../words";
import { keys } from "../../queries";
import { ChurnCard } from "./ChurnCard";

const share = (s: Share) => (s.value === null ? "No data" : formatShare(s.value));
const ratio = (v: number | null) => (v === null ? "No data" : formatShare(v));

/** How the whole book is doing over a period, every figure computed by the core with its definition on hover. */
export function PortfolioScreen({ currency, onOpenClient }: { currency: string; onOpenClient: (id: number) => void }) {
  const choices = useQuery({ queryKey: keys.periodChoices(), queryFn: () => call(commands.periodChoices()) });
  const options = choices.data ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  // Last quarter (in the studio's fiscal year) until the owner picks another period.
  const period = picked ?? options[1]?.value ?? null;
  const view = useQuery({ queryKey: keys.portfolio(period), queryFn: () => call(commands.portfolio(period ?? "")), enabled: period !== null });
  const money = (cents: number) => formatMoney(cents, currency);
  // Busy until the figures are drawn; with no period to show (no choices), there is nothing to wait for.
  const busy = choices.isPending || (period !== null && view.isPending);

  const cards = (p: Portfolio, before: Portfolio) => [
    { label: "Logo retention", value: share(p.logo_retention), detail: `${p.logo_retention.part} of ${p.logo_retention.whole} clients kept`, before: share(before.logo_retention), help: "Of the clients active on the first day, the share still active on the last day." },
    { label: "Logo churn", value: share(p.logo_churn), detail: `${p.logo_churn.part} lost`, before: share(before.logo_churn), help: "Of the clients active on the first day, the share lost by the last day." },
    { label: "Monthly revenue (MRR)", value: money(p.mrr_end_cents), detail: `${p.end_clients} active clients`, before: money(before.mrr_end_cents), help: "The monthly value of every retainer running on the period's last day." },
    { label: "Net revenue retention", value: ratio(p.nrr), detail: `${money(p.mrr_start_cents)} → ${money(p.cohort_mrr_end_cents)}`, before: ratio(before.nrr), help: "What the clients you started with pay at the end, divided by what they paid at the start. Above 100% the book grows without new clients." },
    { label: "Gross revenue retention", value: ratio(p.grr), detail: `+${money(p.expansion_cents)} expansion, −${money(p.contraction_cents)} contraction, −${money(p.churned_cents)} churned`, before: ratio(before.grr), help: "Like net revenue retention, but growth is ignored: how much of the starting revenue you kept." },
    { label: "Revenue churn", value: ratio(p.revenue_churn), detail: `of ${money(p.mrr_start_cents)} a month at the start`, before: ratio(before.revenue_churn), help: "The share of the starting monthly revenue lost to clients leaving or paying less (1 − gross revenue retention)." },
    { label: "Average revenue per client", value: money(p.arpa_cents), detail: "a month", before: money(before.arpa_cents), help: "Monthly revenue divided by the number of active clients on the last day." },
    { label: "NPS", value: p.nps.score === null ? "No answers" : String(p.nps.score), detail: `${p.nps.promoters} promoters, ${p.nps.passives} passive, ${p.nps.detractors} detractors`, before: before.nps.score === null ? "No answers" : String(before.nps.score), help: "Net Promoter Score: % of promoters (9–10) minus % of detractors (0–6), each person counted once with their latest answer." },
    { label: "Client satisfaction (CSAT)", value: share(p.csat), detail: `${p.csat.whole} answers`, before: share(before.csat), help: "Share of satisfaction answers that are 4 or 5 out of 5." },
    { label: "Customer effort (CES)", value: p.ces === null ? "No answers" : `${p.ces.toFixed(1)} of 7`, detail: `${p.ces_responses} answers`, before: before.ces === null ? "No answers" : `${before.ces.toFixed(1)} of 7`, help: "The average answer to “how easy is it to work with us” (1 = very hard, 7 = very easy)." },
    { label: "Confidence in the goal", value: p.confidence === null ? "No answers" : `${p.confidence.toFixed(1)} of 10`, detail: `${p.confidence_responses} answers`, before: before.confidence === null ? "No answers" : `${before.confidence.toFixed(1)} of 10`, help: "The average answer to “how confident are you that we will reach your goal” (1 = not at all, 10 = completely)." },
    { label: "Paid on time", value: share(p.payment_timeliness), detail: `${p.payment_timeliness.part} of ${p.payment_timeliness.whole} invoices due`, before: share(before.payment_timeliness), help: "Invoices due in the period paid by their due date (with a 3-day grace)." },
    { label: "Time to first value", value: p.median_ttfv_days === null ? "No data" : `${p.median_ttfv_days} days`, detail: `${p.new_clients} new ${p.new_clients === 1 ? "client" : "clients"}`, before: before.median_ttfv_days === null ? "No data" : `${before.median_ttfv_days} days`, help: "Median days from the start of work to the first real result, for clients who started in the period." },
    { label: "Referral rate", value: share(p.referral_rate), detail: `${p.referral_rate.part} of ${p.referral_rate.whole} new clients came by referral`, before: share(before.referral_rate), help: "Of the new clients in the period, the share introduced by an existing client." },
    { label: "Lifetime value", value: p.lifetime.projected_cents === null ? "Not enough history" : money(p.lifetime.projected_cents), detail: `${money(p.lifetime.realised_per_client_cents)} invoiced per client so far`, before: "", help: p.lifetime.method },
  ];

  return (
    <section className="screen" aria-labelledby="portfolio-title" aria-busy={busy}>
      <header className="screen__header">
        <h1 id="portfolio-title">Portfolio</h1>
      </header>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Quick periods">
          {options.map((o) => (
            <button key={o.value} className="segmented__item" aria-pressed={period === o.value} onClick={() => (setPicked(o.value), setTyped(o.value))}>
              {o.label}
            </button>
          ))}
        </div>
        <form
          className="field field--inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (typed !== null) setPicked(typed);
          }}
        >
          <label htmlFor="period">Period</label>
          <input id="period" value={typed ?? period ?? ""} onChange={(e) => setTyped(e.target.value)} size={24} title="2026-10, 2026-Q3 (your fiscal quarter), 2026 or 2026-01-01..2026-04-01" />
          <button className="button button--small">Show</button>
        </form>
      </div>
      {view.isPending && <p className="muted">Adding up your book…</p>}
      {view.isError && <Banner tone="error">{asAppError(view.error).message}</Banner>}
      {view.data && (
        <>
          <p className="muted">
            {view.data.current.period.label}: {view.data.current.start_clients} clients at the start, {view.data.current.end_clients} at the end, {view.data.current.new_clients} new.
          </p>
          <ul className="band-counts" aria-label="Health of the clients active at the end">
            {(["red", "amber", "green", "unknown"] as const).map((b) => (
              <li key={b} className={`band-count band--${b}`}>
                <strong>{view.data.health[b]}</strong> {BAND_WORDS[b]}
              </li>
            ))}
          </ul>
          <div className="metrics">
            {cards(view.data.current, view.data.previous).map((c) => (
              <div key={c.label} className="metric" title={c.help}>
                <span className="metric__label">{c.label}</span>
                <strong className="metric__value">{c.value}</strong>
                <span className="small muted">{c.detail}</span>
                {c.before && <span className="small muted">Period before: {c.before}</span>}
              </div>
            ))}
          </div>
          <h2>By segment, service and tenure</h2>
          <table className="table groups">
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Clients at the end</th>
                <th scope="col">Monthly revenue</th>
                <th scope="col">Logo retention</th>
                <th scope="col">Net revenue retention</th>
                <th scope="col" title="Net Promoter Score of the group's answers in the period">NPS</th>
                <th scope="col" title="Share of the group's satisfaction answers that are 4 or 5">CSAT</th>
              </tr>
            </thead>
            <tbody>
              {view.data.groups.map((g) => {
                const key = `${g.dimension}/${g.group}`;
                return (
                  <Fragment key={key}>
                    <tr>
                      <th scope="row">
                        <button className="link" aria-expanded={open === key} onClick={() => setOpen(open === key ? null : key)} title="Show the clients behind these figures">
                          <span className="muted small">{g.dimension}:</span> {g.group}
                        </button>
                      </th>
                      <td>{g.clients}</td>
                      <td>{money(g.mrr_end_cents)}</td>
                      <td>{share(g.logo_retention)}</td>
                      <td>{ratio(g.nrr)}</td>
                      <td>{g.nps.score === null ? "No answers" : g.nps.score}</td>
                      <td>{share(g.csat)}</td>
                    </tr>
                    {open === key && (
                      <tr>
                        <td colSpan={7}>
                          <ul className="members" aria-label={`Clients in ${g.group}`}>
                            {g.members.map((m) => (
                              <li key={m.client_id}>
                                <button className="link small" onClick={() => onOpenClient(m.client_id)}>
                                  {m.client}
                                </button>
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          <ChurnCard churn={view.data.churn} money={money} period={view.data.current.period.label} />
          <h2>Monthly revenue, last 12 months</h2>
          <Trend points={view.data.trend.map((t) => ({ label: t.label, value: t.mrr_cents, text: `${t.label}: ${money(t.mrr_cents)}, ${t.clients} clients` }))} />
          <h2>Retention and NPS, month by month</h2>
          <div className="table-scroll">
            <table className="table" aria-label="Retention and NPS by month">
              <thead>
                <tr>
                  <th scope="col" />
                  {view.data.trend.map((t) => (
                    <th key={t.label} scope="col">
                      {t.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row" title="Of the clients active on a month's first day, the share still active on its last day.">Logo retention</th>
                  {view.data.trend.map((t) => (
                    <td key={t.label}>{ratio(t.logo_retention)}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row" title="Net Promoter Score of the answers given that month.">NPS</th>
                  {view.data.trend.map((t) => (
                    <td key={t.label}>{t.nps === null ? "—" : t.nps}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Bars scaled to the largest value; each says its figure on hover and to screen readers. */
function Trend({ points }: { points: { label: string; value: number; text: string }[] }) {
  const max = Math.max(1, ...points.map((p) => p.value));
  return (
    <ul className="trend" aria-label="Monthly revenue by month">
      {points.map((p) => (
        <li key={p.label} className="trend__bar" title={p.text} aria-label={p.text}>
          <span className="trend__fill" style={{ height: `${(p.value / max) * 100}%` }} />
          <span className="trend__label">{p.label}</span>
        </li>
      ))}
    </ul>
  );
}
