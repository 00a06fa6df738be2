import { commands } from "../../bindings";
import { formatDate } from "../../format";
import { AddRecord } from "./AddRecord";
import * as forms from "./forms";
import { RecordActions } from "./RecordActions";
import type { CardProps } from "./cards";

/**
 * The account plan's risks: what could cost the client's result or the account, what the studio
 * does about it and who does it. Internal: the weekly review asks for a plan for each open risk,
 * and only the ones marked for the client appear in their QBR, with their answer.
 */
export function RisksCard({ p, digits }: CardProps) {
  const clientId = p.client.id;
  return (
    <section className="card" aria-labelledby="risks-title">
      <h2 id="risks-title">Risks</h2>
      {p.risks.length === 0 && (
        <p className="muted small">
          Anything that could cost this client's result or the account: a contact leaving, a budget review, a launch at risk. Write what you do about it and who does
          it; only what you mark appears in their QBR.
        </p>
      )}
      <ul className="plain">
        {p.risks.map((r) => (
          <li key={r.id}>
            <strong>{r.title}</strong> {r.show_client && <span className="tag" title="Appears, with what we do about it, in the client's QBR report">In QBR</span>}
            {r.closed_on && <span className="tag">Closed {formatDate(r.closed_on)}</span>}
            <RecordActions page={p} record={{ kind: "risk", id: r.id }} label={`risk ${r.title}`} digits={digits} />
            <br />
            <span className="muted small">
              {r.mitigation ? `What we do: ${r.mitigation}` : "No plan written yet"}
              {r.owner ? ` · ${r.owner}` : " · nobody named yet"} · raised {formatDate(r.raised_on)}
            </span>
          </li>
        ))}
      </ul>
      <AddRecord label="Add risk" form={forms.riskForm} send={(i) => commands.saveRisk(clientId, null, i)} />
    </section>
  );
}
