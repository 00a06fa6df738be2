import { commands, type ClientPage, type EndingInput } from "../../bindings";
import type { FieldSpec } from "../../components/QuickForm";
import { formatDate, todayIso } from "../../format";
import { END_REASON_HINTS, END_REASON_WORDS } from "../../words";
import { AddRecord } from "./AddRecord";
import { optionsOf } from "./formFields";

const endingForm = (earlier: ClientPage["ending"], lastDay: string) => ({
  blank: (): EndingInput => ({ ended_on: earlier?.ended_on ?? lastDay, reason: earlier?.reason ?? "", notes: earlier?.notes ?? "" }),
  fields: [
    { name: "reason", label: "Why did they leave?", type: "select", options: [{ value: "", label: "Choose a reason…" }, ...optionsOf(END_REASON_WORDS, END_REASON_HINTS)] },
    { name: "ended_on", label: "Last day of work", type: "date", hint: "Any contract still running after this day ends on it, so the portfolio counts the loss in that period." },
    { name: "notes", label: "Exit notes (only for you)", type: "textarea" },
  ] satisfies FieldSpec<EndingInput>[],
});

/** Ending the work: asks why, and keeps the answer for the portfolio's "Why clients left". */
export function EndingCard({ p }: { p: ClientPage }) {
  const c = p.client;
  const send = (input: EndingInput) => commands.endClient(c.id, input);
  if (c.status !== "ended")
    return (
      <section className="card" aria-labelledby="ending-title">
        <h2 id="ending-title">Ending the work</h2>
        <p className="muted small">If they leave, say why: the portfolio learns from every loss.</p>
        <AddRecord label="End this client…" form={endingForm(null, todayIso())} send={send} />
      </section>
    );
  const e = p.ending;
  // Recording the reason later: their last contract's end is the likelier last day than today.
  const contractEnds = p.contracts.map((k) => k.end_date).filter((d): d is string => d !== null).sort();
  const lastDay = contractEnds.length > 0 && contractEnds.length === p.contracts.length ? contractEnds[contractEnds.length - 1] : todayIso();
  return (
    <section className="card" aria-labelledby="ending-title">
      <h2 id="ending-title">Why they left</h2>
      {e ? (
        <>
          <p>
            <strong>{END_REASON_WORDS[e.reason]}</strong> · last day {formatDate(e.ended_on)}
          </p>
          {e.notes && <p className="notes">{e.notes}</p>}
          <p className="muted small">Only for you: never in anything sent to the client.</p>
        </>
      ) : (
        <p className="muted">Not recorded yet. Saying why helps you see what makes clients leave.</p>
      )}
      <AddRecord label={e ? "Change the reason" : "Record why they left"} form={endingForm(e, lastDay)} send={send} />
    </section>
  );
}
