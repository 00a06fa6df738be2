// Contracts and invoices: what the client pays for and what they have been billed.
import { commands } from "../../bindings";
import { formatDate } from "../../format";
import { AddRecord } from "./AddRecord";
import * as forms from "./forms";
import { RecordActions } from "./RecordActions";
import type { CardProps } from "./cards";
import { INVOICE_WORDS, UNUSED_HOURS_WORDS } from "../../words";

/** Contracts, then the six latest invoices with their status. */
export function MoneyCards({ p, digits, money }: CardProps) {
  const clientId = p.client.id;
  const kpis = forms.kpiChoices(p.kpis);
  return (
    <>
    <section className="card" aria-labelledby="contracts-title">
      <h2 id="contracts-title">Contracts</h2>
      <ul className="plain">
        {p.contracts.map((k) => (
          <li key={k.id}>
            <strong>{k.kind === "retainer" ? `${money(k.monthly_cents)} a month` : `${money(k.fixed_cents)} project`}</strong>
            {k.service_line && ` · ${k.service_line}`}
            <RecordActions page={p} record={{ kind: "contract", id: k.id }} label={`contract from ${formatDate(k.start_date)}`} digits={digits} />
            <br />
            <span className="muted small">
              from {formatDate(k.start_date)}
              {k.end_date ? ` to ${formatDate(k.end_date)}` : ""}
              {k.renewal_date ? ` · renews ${formatDate(k.renewal_date)}` : ""}
              {k.included_hundredths > 0 ? ` · ${k.included_hundredths / 100} h included a month` : ""}
              {k.included_hundredths > 0 && k.unused_hours !== "not_agreed" ? ` (unused: ${UNUSED_HOURS_WORDS[k.unused_hours].toLowerCase()})` : ""}
            </span>
          </li>
        ))}
      </ul>
      <AddRecord label="Add contract" form={forms.contractForm} send={(i) => commands.saveContract(clientId, null, i)} />
    </section>

    <section className="card" aria-labelledby="invoices-title">
      <h2 id="invoices-title">Invoices</h2>
      <ul className="plain">
        {p.invoices.slice(0, 6).map((v) => (
          <li key={v.invoice.id} className="row-between">
            <span>
              {v.invoice.number} <span className="muted small">· {formatDate(v.invoice.issued_on)}</span>
            </span>
            <span>
              {money(v.total_cents)}{" "}
              <span className={`pill pill--invoice-${v.status}`}>{v.status === "overdue" ? `${v.days_overdue} days overdue` : INVOICE_WORDS[v.status]}</span>
              <RecordActions page={p} record={{ kind: "invoice", id: v.invoice.id }} label={`invoice ${v.invoice.number}`} digits={digits} />
            </span>
          </li>
        ))}
      </ul>
      {p.invoices.length > 6 && <p className="muted small">+ {p.invoices.length - 6} older invoices</p>}
      <AddRecord
        label="Add invoice"
        form={forms.invoiceForm(kpis)}
        send={(i) => commands.saveInvoice(clientId, null, forms.invoiceInput(i))}
      />
    </section>
    </>
  );
}
