// How each record on the timeline is edited: its quick form filled with the stored values (as
// the owner would type them) and the command that saves it. The core validates, as for new ones.
import { commands, type AppError, type ClientPage, type RecordRef } from "../../bindings";
import type { FieldSpec } from "../../components/QuickForm";
import * as forms from "./forms";

type Value = string | boolean | number | null;
type Result = Promise<{ status: "ok"; data: unknown } | { status: "error"; error: AppError }>;

export type Editor = {
  title: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  fields: FieldSpec<any>[];
  initial: Record<string, Value>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  send: (values: any) => Result;
};

/** The editor for `record`, or null for records edited elsewhere (invoices). */
export function editorFor(page: ClientPage, record: RecordRef): Editor | null {
  const clientId = page.client.id;
  switch (record.kind) {
    case "touchpoint": {
      const t = page.touchpoints.find((x) => x.id === record.id);
      if (!t) return null;
      const initial = { kind: t.kind, happened_on: t.happened_on, summary: t.summary, client_replied: t.client_replied, attended: t.attended, rescheduled: t.rescheduled, no_show: t.no_show, reply_days: t.reply_days === null ? "" : String(t.reply_days) };
      return { title: "Edit touchpoint", fields: forms.touchpointForm.fields, initial, send: (v) => commands.saveTouchpoint(clientId, t.id, v) };
    }
    case "milestone": {
      const m = page.milestones.find((x) => x.id === record.id);
      if (!m) return null;
      return { title: "Edit milestone", fields: forms.milestoneForm.fields, initial: { title: m.title, due_on: m.due_on, done_on: m.done_on ?? "", first_value: m.first_value }, send: (v) => commands.saveMilestone(clientId, m.id, v) };
    }
    case "deliverable": {
      const d = page.deliverables.find((x) => x.id === record.id);
      if (!d) return null;
      return { title: "Edit deliverable", fields: forms.deliverableForm.fields, initial: { title: d.title, delivered_on: d.delivered_on }, send: (v) => commands.saveDeliverable(clientId, d.id, { ...v, kpi_id: d.kpi_id }) };
    }
    case "complaint": {
      const c = page.complaints.find((x) => x.id === record.id);
      if (!c) return null;
      return { title: "Edit issue", fields: forms.complaintForm.fields, initial: { summary: c.summary, tag: c.tag, opened_on: c.opened_on, closed_on: c.closed_on ?? "" }, send: (v) => commands.saveComplaint(clientId, c.id, v) };
    }
    case "survey_answer": {
      const a = page.survey_answers.find((x) => x.id === record.id);
      if (!a) return null;
      const initial = { kind: a.kind, score: String(a.score), answered_on: a.answered_on, followed_up_on: a.followed_up_on ?? "", comment: a.comment };
      return { title: "Edit survey answer", fields: forms.surveyForm.fields, initial, send: (v) => commands.saveSurveyAnswer(clientId, a.id, { ...v, stakeholder_id: a.stakeholder_id }) };
    }
    case "measurement": {
      const view = page.kpis.find((k) => k.measurements.some((m) => m.id === record.id));
      const m = view?.measurements.find((x) => x.id === record.id);
      if (!view || !m) return null;
      return { title: `Edit ${view.kpi.name} value`, fields: forms.measurementForm.fields, initial: { value: String(m.value), measured_on: m.measured_on, note: m.note }, send: (v) => commands.saveMeasurement(view.kpi.id, m.id, v) };
    }
    default:
      return null;
  }
}
