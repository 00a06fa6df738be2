// What the studio needs from the client: each open ask is carried to their monthly summary and
// QBR (with who, by when and what slips) until it is marked done.
import { commands, type Ask } from "../../bindings";
import { formatDate, todayIso } from "../../format";
import { AddRecord } from "./AddRecord";
import * as forms from "./forms";
import { RecordActions } from "./RecordActions";
import { useRecordMutation } from "./useRecordMutation";
import type { CardProps } from "./cards";

export function AsksCard({ p, digits }: CardProps) {
  const clientId = p.client.id;
  const markDone = useRecordMutation((a: Ask) =>
    commands.saveAsk(clientId, a.id, { what: a.what, who: a.who, asked_on: a.asked_on, due_on: a.due_on, if_late: a.if_late, done_on: todayIso() }),
  );
  const open = p.asks.filter((a) => a.done_on === null);
  const done = p.asks.filter((a) => a.done_on !== null).slice(-3);
  return (
    <section className="card" aria-labelledby="asks-title">
      <h2 id="asks-title">What we need from them</h2>
      {open.length === 0 && (
        <p className="muted small">Content, access, an approval or a decision you are waiting for. Each open ask goes on their monthly summary and QBR, with who and by when, until you mark it done.</p>
      )}
      <ul className="plain">
        {open.map((a) => (
          <li key={a.id}>
            <strong>{a.what}</strong>
            <RecordActions page={p} record={{ kind: "ask", id: a.id }} label={a.what} digits={digits} />
            <br />
            <span className="small muted">
              {a.who && `${a.who} · `}by {formatDate(a.due_on)}
              {p.late_asks.includes(a.id) && <strong> (late)</strong>}
              {a.if_late && ` · if late: ${a.if_late}`}
            </span>{" "}
            <button className="link small" disabled={markDone.isPending} onClick={() => markDone.mutate(a)}>
              Mark done
            </button>
          </li>
        ))}
      </ul>
      {done.length > 0 && (
        <ul className="plain">
          {done.map((a) => (
            <li key={a.id} className="small muted">
              Done {formatDate(a.done_on ?? a.due_on)}: {a.what}
              <RecordActions page={p} record={{ kind: "ask", id: a.id }} label={a.what} digits={digits} />
            </li>
          ))}
        </ul>
      )}
      <AddRecord label="Add what you need" form={forms.askForm(p.stakeholders)} send={(i) => commands.saveAsk(clientId, null, i)} />
    </section>
  );
}
