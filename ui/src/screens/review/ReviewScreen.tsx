import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type Band, type ReviewItem } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { SavedNotice, type Notice } from "../../components/SavedNotice";
import { EmptyState } from "../../components/EmptyState";
import { formatMoney } from "../../format";
import { pickSavePath } from "../../files";
import { DraftPanel } from "./DraftPanel";
import { useFirstPaint } from "../../startup";
import { keys } from "../../queries";
import { BAND_HINTS, BAND_WORDS, SEGMENT_WORDS } from "../../words";

/** A week from `today` as YYYY-MM-DD, the default snooze. */
export function weekFrom(today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 7);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The home screen: what needs doing this week, most urgent first, each with its next step. */
export function ReviewScreen({ onOpenClient, onGoToClients, currency }: { onOpenClient: (id: number) => void; onGoToClients: () => void; currency: string }) {
  const queryClient = useQueryClient();
  const review = useQuery({ queryKey: keys.weeklyReview(), queryFn: () => call(commands.weeklyReview()) });
  const [drafting, setDrafting] = useState<ReviewItem | null>(null);
  const [notice, setNotice] = useState<Notice>("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.weeklyReview() });
  const done = useMutation({ mutationFn: (item: ReviewItem) => call(commands.markDone(item.key)), onSuccess: (_s, item) => (setNotice(`Done: ${item.title} (${item.client}).`), refresh()) });
  const snooze = useMutation({ mutationFn: (item: ReviewItem) => call(commands.snooze(item.key, weekFrom())), onSuccess: (_s, item) => (setNotice(`Snoozed for a week: ${item.title} (${item.client}).`), refresh()) });

  useFirstPaint(review.isSuccess);
  const calendar = useMutation({
    mutationFn: async () => {
      const path = await pickSavePath({ defaultPath: "Clientwell renewals and check-ins.ics", filters: [{ name: "Calendar", extensions: ["ics"] }] });
      return path ? { events: await call(commands.saveCalendar(path)), path } : null;
    },
    onSuccess: (saved) => saved && setNotice({ text: `Saved ${saved.events} dates for your calendar. Open the file to add them to your calendar app.`, path: saved.path }),
  });

  const title = <h1 id="review-title">This week</h1>;
  // Until the week is drawn: the same screen and heading, marked busy, so nothing jumps.
  if (!review.isSuccess) {
    return (
      <section className="screen" aria-labelledby="review-title" aria-busy={review.isPending}>
        <header className="screen__header">{title}</header>
        {review.isPending ? <p className="muted">Looking at your week…</p> : <Banner tone="error">{asAppError(review.error).message}</Banner>}
      </section>
    );
  }
  const r = review.data;
  const counts = (["red", "amber", "green", "unknown"] as Band[]).map((b) => [b, r.health.filter((h) => h.band === b).length] as const);
  const act = (item: ReviewItem) => {
    if (item.next_step.kind === "draft_message") setDrafting(item);
    else onOpenClient(item.client_id);
  };
  return (
    <section className="screen" aria-labelledby="review-title" aria-busy={false}>
      <header className="screen__header">
        {title}
        {r.health.length > 0 && (
          <button className="button" onClick={() => calendar.mutate()} title="Renewals, notice deadlines, check-ins and quarterly reviews over the next year, as a file your calendar app opens (.ics)">
            Add dates to my calendar…
          </button>
        )}
      </header>
      {r.health.length > 0 && (
        <ul className="band-counts" aria-label="Clients by health">
          {counts.map(([band, n]) => (
            <li key={band} className={`band-count band--${band}`} title={BAND_HINTS[band]}>
              <strong>{n}</strong> {BAND_WORDS[band]}
            </li>
          ))}
        </ul>
      )}
      <SavedNotice notice={notice} />
      {(done.isError || snooze.isError || calendar.isError) && <Banner tone="error">{asAppError(done.error ?? snooze.error ?? calendar.error).message}</Banner>}
      <div className={drafting ? "split split--open" : "split"}>
        <div>
          {r.items.length === 0 ? (
            <EmptyState
              title={r.health.length === 0 ? "No current clients yet" : "Nothing needs you this week"}
              action={
                r.health.length === 0 ? (
                  <button className="button button--primary" onClick={onGoToClients}>
                    Go to Clients
                  </button>
                ) : undefined
              }
            >
              {r.health.length === 0
                ? "Add a client in Clients with their goal, then log touchpoints, KPI values and invoices: this page will tell you who needs attention each Monday."
                : "Every current client is on track. Check back next Monday — or open Portfolio to see how the whole book is doing."}
            </EmptyState>
          ) : (
            <ol className="review-list">
              {r.items.map((item) => (
                <li key={item.key} className={`review-item review-item--u${Math.min(item.urgency, 3)}`}>
                  <div className="review-item__head">
                    <button className="link" onClick={() => onOpenClient(item.client_id)}>
                      {item.client}
                    </button>
                    <span className="review-item__title">{item.title}</span>
                  </div>
                  <p className="review-item__reason">{item.reason}</p>
                  <div className="form__actions">
                    <button className="button button--small button--primary" onClick={() => act(item)}>
                      {item.action_label}
                    </button>
                    <button className="button button--small" onClick={() => done.mutate(item)} aria-label={`Mark done: ${item.title}, ${item.client}`}>
                      Done
                    </button>
                    <button className="button button--small" onClick={() => snooze.mutate(item)} aria-label={`Snooze for a week: ${item.title}, ${item.client}`}>
                      Snooze a week
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          )}
          {r.hidden > 0 && <p className="muted small">{r.hidden} done or snoozed this week.</p>}
        </div>
        {drafting && drafting.next_step.kind === "draft_message" && (
          <DraftPanel key={`${drafting.client_id}-${drafting.next_step.script}`} clientId={drafting.client_id} script={drafting.next_step.script} onClose={() => setDrafting(null)} />
        )}
      </div>
      {r.health.length > 0 && (
        <details className="card health-list">
          <summary>Every current client’s health</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Health</th>
                <th scope="col">Why</th>
                <th scope="col" title="Champions: high value, healthy, promoters. Steady: healthy. At risk: amber or red. Drains: low value, high effort.">
                  Segment
                </th>
                <th scope="col">Monthly revenue</th>
              </tr>
            </thead>
            <tbody>
              {r.health.map((h) => (
                <tr key={h.client_id}>
                  <th scope="row">
                    <button className="link" onClick={() => onOpenClient(h.client_id)}>
                      {h.client}
                    </button>
                  </th>
                  <td>
                    <span className={`pill band--${h.band}`} title={BAND_HINTS[h.band]}>
                      {BAND_WORDS[h.band]} {h.max > 0 && `${h.score}/${h.max}`}
                    </span>
                  </td>
                  <td className="small">{h.summary}</td>
                  <td title={h.segment_why}>{SEGMENT_WORDS[h.segment]}</td>
                  <td>{formatMoney(h.mrr_cents, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
