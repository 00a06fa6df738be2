// Opportunities, referrals and testimonials, and the hours used each month.
import { useQuery } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { call } from "../../backend";
import { keys } from "../../queries";
import { formatDate, formatMonth, formatValue } from "../../format";
import { AddRecord } from "./AddRecord";
import * as forms from "./forms";
import { RecordActions } from "./RecordActions";
import type { CardProps } from "./cards";
import { STAGE_WORDS } from "../../words";

/** Growth: ideas to grow the work, who they referred, testimonials, and hours used. */
export function GrowthCards({ p, digits, money }: CardProps) {
  const clientId = p.client.id;
  const others = useOtherClients(clientId);
  return (
    <>
    <section className="card" aria-labelledby="growth-title">
      <h2 id="growth-title">Opportunities</h2>
      {p.opportunities.length === 0 && <p className="muted small">Ideas to grow the work together. Mark one “show the client” to put it in their QBR.</p>}
      <ul className="plain">
        {p.opportunities.map((o) => (
          <li key={o.id}>
            <strong>{o.title}</strong> {o.show_client && <span className="tag" title="Appears in the client's QBR report">In QBR</span>}
            <RecordActions page={p} record={{ kind: "opportunity", id: o.id }} label={o.title} digits={digits} />
            <br />
            <span className="muted small">
              {STAGE_WORDS[o.stage]}
              {o.value_cents > 0 && ` · about ${money(o.value_cents)}`}
            </span>
          </li>
        ))}
      </ul>
      <AddRecord label="Add opportunity" form={forms.opportunityForm} send={(i) => commands.saveOpportunity(clientId, null, i)} />
    </section>

    <section className="card" aria-labelledby="referrals-title">
      <h2 id="referrals-title">Referrals and testimonials</h2>
      {p.referrals.length === 0 && <p className="muted small">When this client introduces a new client, record it here: it counts in your referral rate.</p>}
      <ul className="plain">
        {p.referrals.map((r) => (
          <li key={r.id} className="small">
            {r.from_client_id === clientId ? `Referred ${r.to_client}` : `Came from ${r.from_client}`} <span className="muted">· {formatDate(r.referred_on)}</span>
          </li>
        ))}
      </ul>
      {p.testimonials.length > 0 && (
        <ul className="plain">
          {p.testimonials.map((t) => (
            <li key={t.id} className="small">
              {t.received_on ? `Testimonial received ${formatDate(t.received_on)}` : `Testimonial asked ${formatDate(t.asked_on)}`}
              {t.quote && <q className="muted"> {t.quote}</q>}
              <RecordActions page={p} record={{ kind: "testimonial", id: t.id }} label={`testimonial asked ${formatDate(t.asked_on)}`} digits={digits} />
            </li>
          ))}
        </ul>
      )}
      <AddRecord label="Ask for a testimonial" form={forms.testimonialForm} send={(i) => commands.saveTestimonial(clientId, null, i)} />
      {others.length > 0 && (
        <AddRecord
          label="They referred a client"
          form={forms.referralForm(others)}
          send={(i) => commands.saveReferral(clientId, { to_client_id: Number(i.to_client_id), referred_on: i.referred_on })}
        />
      )}
    </section>

    <section className="card" aria-labelledby="hours-title">
      <h2 id="hours-title">Hours used</h2>
      {p.hours_used.length === 0 && <p className="muted small">Hours worked each month, compared with the hours the retainer includes in the QBR. Add a month here, or import a time tracker’s export (Clients → Import or export…, “Hours used”).</p>}
      <ul className="plain">
        {p.hours_used.slice(-4).reverse().map((h) => (
          <li key={h.id} className="row-between">
            <span>{formatMonth(h.month.year, h.month.month)}</span>
            <span>{formatValue(h.hundredths / 100, "h")}</span>
          </li>
        ))}
      </ul>
      <AddRecord label="Record hours" form={forms.hoursForm} send={(i) => commands.saveHours(clientId, i)} />
    </section>
    </>
  );
}

/** The other current clients, to say whom this one referred. */
function useOtherClients(clientId: number) {
  const all = useQuery({ queryKey: keys.clients({ showArchived: false }), queryFn: () => call(commands.listClients(false)) });
  return (all.data ?? []).filter((o) => o.id !== clientId).map((o) => ({ value: String(o.id), label: o.name }));
}
