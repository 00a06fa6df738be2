// Milestones, delivered work, issues and survey answers: what happened, each editable.
import type { ReactNode } from "react";
import { commands, type RecordRef } from "../../bindings";
import { formatDate } from "../../format";
import { AddRecord } from "./AddRecord";
import * as forms from "./forms";
import { RecordActions } from "./RecordActions";
import type { CardProps } from "./cards";

/** Milestones (with the time to first value) and the lists of work, issues and answers. */
export function HistoryCards({ p, digits }: CardProps) {
  const clientId = p.client.id;
  const kpis = forms.kpiChoices(p.kpis);
  return (
    <>
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
      <AddRecord label="Add milestone" form={forms.milestoneForm} send={(i) => commands.saveMilestone(clientId, null, i)} />
    </section>

    <section className="card" aria-labelledby="more-title">
      <h2 id="more-title">Work, issues and surveys</h2>
      <RecordList
        title="Work delivered"
        empty="Nothing delivered yet."
        items={p.deliverables.slice(0, 5).map((d) => ({ record: { kind: "deliverable", id: d.id }, text: d.title, when: `delivered ${formatDate(d.delivered_on)}` }))}
        more={p.deliverables.length - 5}
        actions={(record, label) => <RecordActions page={p} record={record} label={label} digits={digits} />}
      />
      <RecordList
        title="Issues"
        empty="No issues raised."
        items={[...p.complaints]
          .sort((a, b) => Number(a.closed_on !== null) - Number(b.closed_on !== null))
          .slice(0, 5)
          .map((c) => ({ record: { kind: "complaint", id: c.id }, text: c.summary, when: c.closed_on ? `closed ${formatDate(c.closed_on)}` : `open since ${formatDate(c.opened_on)}` }))}
        more={p.complaints.length - 5}
        actions={(record, label) => <RecordActions page={p} record={record} label={label} digits={digits} />}
      />
      <RecordList
        title="Survey answers"
        empty="No survey answers yet."
        items={p.survey_answers.slice(0, 5).map((a) => ({ record: { kind: "survey_answer", id: a.id }, text: `${a.kind.toUpperCase()} ${a.score}${a.comment ? ` — “${a.comment}”` : ""}`, when: formatDate(a.answered_on) }))}
        more={p.survey_answers.length - 5}
        actions={(record, label) => <RecordActions page={p} record={record} label={label} digits={digits} />}
      />
      <div className="stack">
        <AddRecord label="Add deliverable" form={forms.deliverableForm(kpis)} send={(i) => commands.saveDeliverable(clientId, null, forms.deliverableInput(i))} />
        <AddRecord label="Add survey answer" form={forms.surveyForm(p.stakeholders)} send={(i) => commands.saveSurveyAnswer(clientId, null, forms.surveyInput(i))} />
        <AddRecord label="Add issue or complaint" form={forms.complaintForm} send={(i) => commands.saveComplaint(clientId, null, i)} />
      </div>
    </section>
    </>
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
