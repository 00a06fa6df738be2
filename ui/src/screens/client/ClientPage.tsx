import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { commands, type ClientPage as Page, type Studio } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { formatDate, formatMoney } from "../../format";
import { LIMITS, LIFECYCLE_HINTS, LIFECYCLE_WORDS, STATUS_WORDS } from "../../words";
import { ClientForm } from "../clients/ClientForm";
import { AddRecord } from "./AddRecord";
import * as forms from "./forms";
import { HealthCard } from "./HealthCard";
import { KpiCard } from "./KpiCard";
import { ChecklistCard } from "./ChecklistCard";
import { PlanCard } from "./PlanCard";
import { RecordActions, UndoProvider } from "./RecordActions";
import { Timeline } from "./Timeline";
import { PeopleCard } from "./PeopleCard";
import { MoneyCards } from "./MoneyCards";
import { HistoryCards } from "./HistoryCards";
import { GrowthCards } from "./GrowthCards";
import { RisksCard } from "./RisksCard";
import { EndingCard } from "./EndingCard";
import { AsksCard } from "./AsksCard";
import { keys } from "../../queries";


/** One client, readable in a minute: goal and KPIs, what needs doing, history, people and money. */
export function ClientPage({ clientId, studio, onBack }: { clientId: number; studio: Studio; onBack: () => void }) {
  const page = useQuery({ queryKey: keys.clientPage(clientId), queryFn: () => call(commands.clientPage(clientId, "")) });
  const currencies = useQuery({ queryKey: keys.currencies(), queryFn: () => commands.currencies() });
  const digits = currencies.data?.find((c) => c.code === studio.currency)?.minor_digits ?? 2;
  const money = (cents: number) => formatMoney(cents, studio.currency, digits);
  const [editing, setEditing] = useState(false);
  useQuickAddKeys();

  const back = (
    <button className="link back" onClick={onBack}>
      ← All clients
    </button>
  );
  // Until the page is drawn: the way back and the heading where they will be, marked busy.
  if (!page.isSuccess) {
    return (
      <section className="screen client-page" aria-labelledby="client-title" aria-busy={page.isPending}>
        {back}
        <header className="client-page__header">
          <h1 id="client-title">{page.isPending ? "Opening the client…" : "This client could not be opened"}</h1>
        </header>
        {page.isError && <Banner tone="error">{asAppError(page.error).message}</Banner>}
      </section>
    );
  }
  const p: Page = page.data;
  const c = p.client;

  return (
    <section className="screen client-page" aria-labelledby="client-title" aria-busy={false}>
      {back}
      <header className="client-page__header">
        <div>
          <h1 id="client-title">{c.name}</h1>
          <p className="muted">
            <span className={`status status--${c.status}`}>{STATUS_WORDS[c.status]}</span> · client since {formatDate(c.start_date)}
            {c.plan.owner && <> · looked after by {c.plan.owner}</>}
          </p>
          <p className="small" aria-label="Stage">
            <strong title={LIFECYCLE_HINTS[p.lifecycle.stage]}>{LIFECYCLE_WORDS[p.lifecycle.stage]}</strong> <span className="muted">— {p.lifecycle.why}</span>
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
            <dt>Last report sent</dt>
            <dd>{p.sent[0] ? `${p.sent[0].label}, ${formatDate(p.sent[0].sent_on)}` : "None yet"}</dd>
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

      <UndoProvider>
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
                <KpiCard key={view.kpi.id} view={view} actions={<RecordActions page={p} record={{ kind: "kpi", id: view.kpi.id }} label={`KPI ${view.kpi.name}`} digits={digits} />} />
              ))}
            </div>
            {p.kpis.length < LIMITS.kpisPerClient && <AddRecord label="Add KPI" form={forms.kpiForm} send={(i) => commands.saveKpi(clientId, null, i)} />}
          </section>

          <section aria-labelledby="log-title" className="card">
            <h2 id="log-title">
              Log a touchpoint <span className="muted small" title="Keyboard shortcuts on this page">· press T to start typing, V to add a KPI value</span>
            </h2>
            <AddRecord label="Log touchpoint" form={forms.touchpointForm(p.stakeholders)} send={(i) => commands.saveTouchpoint(clientId, null, forms.touchpointInput(i))} open />
          </section>

          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            <Timeline events={p.timeline} page={p} digits={digits} />
          </section>
        </div>

        <aside className="client-page__side">
          <PlanCard client={c} digits={digits} money={money} />
          <AsksCard p={p} digits={digits} money={money} />
          <PeopleCard p={p} digits={digits} money={money} />
          <MoneyCards p={p} digits={digits} money={money} />
          <ChecklistCard clientId={clientId} list="onboarding" />

          <HistoryCards p={p} digits={digits} money={money} />
          <RisksCard p={p} digits={digits} money={money} />
          <GrowthCards p={p} digits={digits} money={money} />
          {c.notes && (
            <section className="card" aria-labelledby="notes-title">
              <h2 id="notes-title">Internal notes</h2>
              <p className="notes">{c.notes}</p>
              <p className="muted small">Only for you: never in anything sent to the client.</p>
            </section>
          )}
          <EndingCard p={p} />
          {c.status === "ended" && <ChecklistCard clientId={clientId} list="offboarding" />}
        </aside>
      </div>
      </UndoProvider>
    </section>
  );
}

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
