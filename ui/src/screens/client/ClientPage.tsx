import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { commands, type ClientPage as Page, type InvoiceStatus, type RecordRef, type Studio } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { formatDate, formatMoney, formatMonth, formatValue, STATUS_LABELS } from "../../format";
import { ClientForm } from "../clients/ClientForm";
import { AddRecord } from "./AddRecord";
import * as forms from "./forms";
import { HealthCard } from "./HealthCard";
import { KpiCard } from "./KpiCard";
import { OnboardingCard } from "./OnboardingCard";
import { PlanCard } from "./PlanCard";
import { RecordActions, UndoProvider } from "./RecordActions";
import { Timeline } from "./Timeline";

const INVOICE_WORDS: Record<InvoiceStatus, string> = { open: "Open", overdue: "Overdue", paid: "Paid", void: "Void" };
const STAGE_WORDS: Record<string, string> = { idea: "Idea", proposed: "Proposed", won: "Won", lost: "Lost" };
const ROLE_WORDS: Record<string, string> = {
  day_to_day: "Day-to-day contact",
  champion: "Champion",
  executive_sponsor: "Executive sponsor",
  finance: "Finance / CFO",
  other: "Other",
};

/** One client, readable in a minute: goal and KPIs, what needs doing, history, people and money. */
export function ClientPage({ clientId, studio, onBack }: { clientId: number; studio: Studio; onBack: () => void }) {
  const page = useQuery({ queryKey: ["client-page", clientId], queryFn: () => call(commands.clientPage(clientId, "")) });
  const currencies = useQuery({ queryKey: ["currencies"], queryFn: () => commands.currencies() });
  const digits = currencies.data?.find((c) => c.code === studio.currency)?.minor_digits ?? 2;
  const money = (cents: number) => formatMoney(cents, studio.currency, digits);
  const [editing, setEditing] = useState(false);
  useQuickAddKeys();
  const allClients = useQuery({ queryKey: ["clients", { showArchived: false }], queryFn: () => call(commands.listClients(false)) });
  const others = (allClients.data ?? []).filter((o) => o.id !== clientId).map((o) => ({ value: String(o.id), label: o.name }));

  if (page.isPending) return <p className="muted">Loading…</p>;
  if (page.isError) return <Banner tone="error">{asAppError(page.error).message}</Banner>;
  const p: Page = page.data;
  const c = p.client;
  const kpis = forms.kpiChoices(p.kpis);

  return (
    <section className="screen client-page" aria-labelledby="client-title">
      <button className="link back" onClick={onBack}>
        ← All clients
      </button>
      <header className="client-page__header">
        <div>
          <h1 id="client-title">{c.name}</h1>
          <p className="muted">
            <span className={`status status--${c.status}`}>{STATUS_LABELS[c.status]}</span> · client since {formatDate(c.start_date)}
            {c.plan.owner && <> · looked after by {c.plan.owner}</>}
          </p>
        </div>
        <dl className="facts">
          <div>
            <dt>Monthly revenue</dt>
            <dd>{money(p.mrr_cents)}</dd>
          </div>
          <div>
            <dt>Renewal</dt>
            <dd>{p.renewal ? `${formatDate(p.renewal.date)} (in ${p.renewal.days_away} days)` : "Not set"}</dd>
          </div>
          <div>
            <dt>Last two-way contact</dt>
            <dd>{p.last_two_way_contact ? formatDate(p.last_two_way_contact) : "None yet"}</dd>
          </div>
        </dl>
        <button className="button" onClick={() => setEditing((e) => !e)}>
          {editing ? "Close" : "Edit details"}
        </button>
      </header>
      {editing && (
        <div className="panel">
          <ClientForm client={c} onDone={() => setEditing(false)} />
        </div>
      )}

      <UndoProvider clientId={clientId}>
      <blockquote className="goal-quote">
        <span className="muted small">Their goal, in their words</span>
        {c.goal || <span className="muted">No goal recorded yet — add it with “Edit details”.</span>}
      </blockquote>

      <HealthCard clientId={clientId} />

      {p.open_items.length > 0 && (
        <div className="card card--attention" aria-label="Needs attention">
          <h2>Needs attention</h2>
          <ul>
            {p.open_items.map((item) => (
              <li key={item.text}>{item.text}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="client-page__columns">
        <div className="client-page__main">
          <section aria-labelledby="kpis-title">
            <h2 id="kpis-title">Progress toward the goal</h2>
            {p.kpis.length === 0 && <p className="muted">No KPIs yet. Add one to three numbers the client agreed show progress toward their goal.</p>}
            <div className="kpis">
              {p.kpis.map((view) => (
                <KpiCard key={view.kpi.id} clientId={clientId} view={view} actions={<RecordActions clientId={clientId} page={p} record={{ kind: "kpi", id: view.kpi.id }} label={`KPI ${view.kpi.name}`} digits={digits} />} />
              ))}
            </div>
            {p.kpis.length < 5 && <AddRecord clientId={clientId} label="Add KPI" form={forms.kpiForm} send={(i) => commands.saveKpi(clientId, null, i)} />}
          </section>

          <section aria-labelledby="log-title" className="card">
            <h2 id="log-title">
              Log a touchpoint <span className="muted small" title="Keyboard shortcuts on this page">· press T to start typing, V to add a KPI value</span>
            </h2>
            <AddRecord clientId={clientId} label="Log touchpoint" form={forms.touchpointForm(p.stakeholders)} send={(i) => commands.saveTouchpoint(clientId, null, forms.touchpointInput(i))} open />
          </section>

          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            <Timeline clientId={clientId} events={p.timeline} page={p} digits={digits} />
          </section>
        </div>

        <aside className="client-page__side">
          <PlanCard client={c} />
          <section className="card" aria-labelledby="people-title">
            <h2 id="people-title">People</h2>
            <ul className="plain">
              {p.stakeholders.map((s) => (
                <li key={s.id}>
                  <strong>{s.name}</strong> {s.is_primary && <span className="tag">Main contact</span>}
                  <RecordActions clientId={clientId} page={p} record={{ kind: "stakeholder", id: s.id }} label={s.name} digits={digits} />
                  <br />
                  <span className="muted small">
                    {ROLE_WORDS[s.role]}
                    {s.email && ` · ${s.email}`}
                  </span>
                </li>
              ))}
            </ul>
            {p.primary_contact_changes.length > 0 && (
              <p className="muted small">
                Main contact changed: {p.primary_contact_changes.map((ch) => `${ch.name} on ${formatDate(ch.changed_on)}`).join("; ")}
              </p>
            )}
            <AddRecord clientId={clientId} label="Add person" form={forms.stakeholderForm} send={(i) => commands.saveStakeholder(clientId, null, { ...i, changed_on: "" })} />
          </section>

          <section className="card" aria-labelledby="contracts-title">
            <h2 id="contracts-title">Contracts</h2>
            <ul className="plain">
              {p.contracts.map((k) => (
                <li key={k.id}>
                  <strong>{k.kind === "retainer" ? `${money(k.monthly_cents)} a month` : `${money(k.fixed_cents)} project`}</strong>
                  {k.service_line && ` · ${k.service_line}`}
                  <RecordActions clientId={clientId} page={p} record={{ kind: "contract", id: k.id }} label={`contract from ${formatDate(k.start_date)}`} digits={digits} />
                  <br />
                  <span className="muted small">
                    from {formatDate(k.start_date)}
                    {k.end_date ? ` to ${formatDate(k.end_date)}` : ""}
                    {k.renewal_date ? ` · renews ${formatDate(k.renewal_date)}` : ""}
                  </span>
                </li>
              ))}
            </ul>
            <AddRecord clientId={clientId} label="Add contract" form={forms.contractForm} send={(i) => commands.saveContract(clientId, null, i)} />
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
                    <RecordActions clientId={clientId} page={p} record={{ kind: "invoice", id: v.invoice.id }} label={`invoice ${v.invoice.number}`} digits={digits} />
                  </span>
                </li>
              ))}
            </ul>
            {p.invoices.length > 6 && <p className="muted small">+ {p.invoices.length - 6} older invoices</p>}
            <AddRecord
              clientId={clientId}
              label="Add invoice"
              form={forms.invoiceForm(kpis)}
              send={(i) => commands.saveInvoice(clientId, null, forms.invoiceInput(i))}
            />
          </section>

          <OnboardingCard clientId={clientId} />

          <section className="card" aria-labelledby="milestones-title">
            <h2 id="milestones-title">Milestones</h2>
            {p.time_to_first_value_days !== null && <p className="small">First real result after {p.time_to_first_value_days} days.</p>}
            <ul className="plain">
              {p.milestones.map((m) => (
                <li key={m.id}>
                  {m.done_on ? "✓ " : ""}
                  {m.title} <span className="muted small">· {m.done_on ? `done ${formatDate(m.done_on)}` : `due ${formatDate(m.due_on)}`}</span>
                </li>
              ))}
            </ul>
            <AddRecord clientId={clientId} label="Add milestone" form={forms.milestoneForm} send={(i) => commands.saveMilestone(clientId, null, i)} />
          </section>

          <section className="card" aria-labelledby="more-title">
            <h2 id="more-title">Work, issues and surveys</h2>
            <RecordList
              title="Work delivered"
              empty="Nothing delivered yet."
              items={p.deliverables.slice(0, 5).map((d) => ({ record: { kind: "deliverable", id: d.id }, text: d.title, when: `delivered ${formatDate(d.delivered_on)}` }))}
              more={p.deliverables.length - 5}
              actions={(record, label) => <RecordActions clientId={clientId} page={p} record={record} label={label} digits={digits} />}
            />
            <RecordList
              title="Issues"
              empty="No issues raised."
              items={[...p.complaints]
                .sort((a, b) => Number(a.closed_on !== null) - Number(b.closed_on !== null))
                .slice(0, 5)
                .map((c) => ({ record: { kind: "complaint", id: c.id }, text: c.summary, when: c.closed_on ? `closed ${formatDate(c.closed_on)}` : `open since ${formatDate(c.opened_on)}` }))}
              more={p.complaints.length - 5}
              actions={(record, label) => <RecordActions clientId={clientId} page={p} record={record} label={label} digits={digits} />}
            />
            <RecordList
              title="Survey answers"
              empty="No survey answers yet."
              items={p.survey_answers.slice(0, 5).map((a) => ({ record: { kind: "survey_answer", id: a.id }, text: `${a.kind.toUpperCase()} ${a.score}${a.comment ? ` — “${a.comment}”` : ""}`, when: formatDate(a.answered_on) }))}
              more={p.survey_answers.length - 5}
              actions={(record, label) => <RecordActions clientId={clientId} page={p} record={record} label={label} digits={digits} />}
            />
            <div className="stack">
              <AddRecord clientId={clientId} label="Add deliverable" form={forms.deliverableForm(kpis)} send={(i) => commands.saveDeliverable(clientId, null, forms.deliverableInput(i))} />
              <AddRecord clientId={clientId} label="Add survey answer" form={forms.surveyForm(p.stakeholders)} send={(i) => commands.saveSurveyAnswer(clientId, null, forms.surveyInput(i))} />
              <AddRecord clientId={clientId} label="Add issue or complaint" form={forms.complaintForm} send={(i) => commands.saveComplaint(clientId, null, i)} />
            </div>
          </section>

          <section className="card" aria-labelledby="growth-title">
            <h2 id="growth-title">Opportunities</h2>
            {p.opportunities.length === 0 && <p className="muted small">Ideas to grow the work together. Mark one “show the client” to put it in their QBR.</p>}
            <ul className="plain">
              {p.opportunities.map((o) => (
                <li key={o.id}>
                  <strong>{o.title}</strong> {o.show_client && <span className="tag" title="Appears in the client's QBR report">In QBR</span>}
                  <RecordActions clientId={clientId} page={p} record={{ kind: "opportunity", id: o.id }} label={o.title} digits={digits} />
                  <br />
                  <span className="muted small">
                    {STAGE_WORDS[o.stage]}
                    {o.value_cents > 0 && ` · about ${money(o.value_cents)}`}
                  </span>
                </li>
              ))}
            </ul>
            <AddRecord clientId={clientId} label="Add opportunity" form={forms.opportunityForm} send={(i) => commands.saveOpportunity(clientId, null, i)} />
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
                    <RecordActions clientId={clientId} page={p} record={{ kind: "testimonial", id: t.id }} label={`testimonial asked ${formatDate(t.asked_on)}`} digits={digits} />
                  </li>
                ))}
              </ul>
            )}
            <AddRecord clientId={clientId} label="Ask for a testimonial" form={forms.testimonialForm} send={(i) => commands.saveTestimonial(clientId, null, i)} />
            {others.length > 0 && (
              <AddRecord
                clientId={clientId}
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
            <AddRecord clientId={clientId} label="Record hours" form={forms.hoursForm} send={(i) => commands.saveHours(clientId, i)} />
          </section>

          {c.notes && (
            <section className="card" aria-labelledby="notes-title">
              <h2 id="notes-title">Internal notes</h2>
              <p className="notes">{c.notes}</p>
              <p className="muted small">Only for you: never in anything sent to the client.</p>
            </section>
          )}
        </aside>
      </div>
      </UndoProvider>
    </section>
  );
}

type ListItem = { record: RecordRef; text: string; when: string };

/** A short list of one kind of record, newest first, each with edit and delete. */
function RecordList({ title, empty, items, more, actions }: { title: string; empty: string; items: ListItem[]; more: number; actions: (record: RecordRef, label: string) => ReactNode }) {
  return (
    <>
      <h3 className="small-heading">{title}</h3>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="plain">
          {items.map((i) => (
            <li key={`${i.record.kind}-${i.record.id}`} className="small">
              {i.text} <span className="muted">· {i.when}</span>
              {actions(i.record, `${i.text}, ${i.when}`)}
            </li>
          ))}
        </ul>
      )}
      {more > 0 && <p className="muted small">+ {more} more in the timeline</p>}
    </>
  );
}

/**
 * Quick-adds from the keyboard, when no field has the focus: T starts the touchpoint summary,
 * V opens "Add value" on the first KPI.
 */
function useQuickAddKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)))) return;
      const key = e.key.toLowerCase();
      if (key === "t") {
        const summary = document.querySelector<HTMLInputElement>("form[aria-label='Log touchpoint'] [name='summary']");
        if (summary) {
          e.preventDefault();
          summary.focus();
        }
      } else if (key === "v") {
        const add = [...document.querySelectorAll<HTMLButtonElement>("article.kpi button")].find((b) => b.textContent === "Add value");
        if (add) {
          e.preventDefault();
          add.click();
          setTimeout(() => document.querySelector<HTMLInputElement>("article.kpi [name='value']")?.focus());
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
