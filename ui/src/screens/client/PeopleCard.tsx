// The client's people: who they are, who is the main contact, and when that changed.
import { commands } from "../../bindings";
import { formatDate } from "../../format";
import { AddRecord } from "./AddRecord";
import * as forms from "./forms";
import { RecordActions } from "./RecordActions";
import type { CardProps } from "./cards";
import { ROLE_WORDS } from "../../words";

/** The people at the client, main contact first as the core orders them, with when each was last spoken with. */
export function PeopleCard({ p, digits }: CardProps) {
  const clientId = p.client.id;
  const contact = (id: number) => p.contacts.find((c) => c.stakeholder_id === id);
  return (
    <>
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <ul className="plain">
        {p.stakeholders.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong> {s.is_primary && <span className="tag">Main contact</span>}
            <RecordActions page={p} record={{ kind: "stakeholder", id: s.id }} label={s.name} digits={digits} />
            <br />
            <span className="muted small">
              {ROLE_WORDS[s.role]}
              {s.email && ` · ${s.email}`}
              {contact(s.id) && ` · ${contact(s.id)?.said}`}
            </span>
            {contact(s.id)?.quiet && (
              <>
                <br />
                <strong className="small">{contact(s.id)?.quiet}</strong>
              </>
            )}
          </li>
        ))}
      </ul>
      {p.missing_deciders && <p className="small">{p.missing_deciders}</p>}
      {p.primary_contact_changes.length > 0 && (
        <p className="muted small">
          Main contact changed: {p.primary_contact_changes.map((ch) => `${ch.name} on ${formatDate(ch.changed_on)}`).join("; ")}
        </p>
      )}
      <AddRecord label="Add person" form={forms.stakeholderForm} send={(i) => commands.saveStakeholder(clientId, null, { ...i, changed_on: "" })} />
    </section>
    </>
  );
}
