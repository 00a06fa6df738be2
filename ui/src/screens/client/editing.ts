// How each record on the timeline is edited: its quick form filled with the stored values (as
// the owner would type them) and the command that saves it. The core validates, as for new ones.
import { commands, type AppError, type ClientPage, type RecordRef } from "../../bindings";
import type { FieldSpec } from "../../components/QuickForm";
import { plainAmount } from "../../format";
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

/** The editor for `record`, or null for records with no edit form (referrals, hours). `digits` is
 * the studio currency's minor digits, to show stored amounts as they would be typed. */
export function editorFor(page: ClientPage, record: RecordRef, digits = 2): Editor | null {
  const clientId = page.client.id;
  const amount = (minor: number) => plainAmount(minor, digits);
  switch (record.kind) {
    case "stakeholder": {
      const s = page.stakeholders.find((x) => x.id === record.id);
      if (!s) return null;
      const initial = { name: s.name, role: s.role, email: s.email, phone: s.phone, is_primary: s.is_primary };
      return { title: `Edit ${s.name}`, fields: forms.stakeholderForm.fields, initial, send: (v) => commands.saveStakeholder(clientId, s.id, { ...v, changed_on: "" }) };
    }
    case "contract": {
      const k = page.contracts.find((x) => x.id === record.id);
      if (!k) return null;
      const initial = {
        kind: k.kind,
        value: amount(k.kind === "retainer" ? k.monthly_cents : k.fixed_cents),
        service_line: k.service_line,
        start_date: k.start_date,
        end_date: k.end_date ?? "",
        renewal_date: k.renewal_date ?? "",
        notice_days: String(k.notice_days),
        included_hours: k.included_hundredths ? plainAmount(k.included_hundredths, 2) : "",
        unused_hours: k.unused_hours,
      };
      return { title: "Edit contract", fields: forms.contractForm.fields, initial, send: (v) => commands.saveContract(clientId, k.id, v) };
    }
    case "kpi": {
      const view = page.kpis.find((x) => x.kpi.id === record.id);
      if (!view) return null;
      const k = view.kpi;
      const initial = {
        name: k.name,
        unit: k.unit,
        direction: k.direction,
        baseline: String(k.baseline),
        target: String(k.target),
        baseline_date: k.baseline_date,
        target_date: k.target_date,
        value_per_unit: k.cents_per_unit === null ? "" : amount(k.cents_per_unit),
        worth_counts: k.worth_counts,
        share: k.share_low_pct === k.share_high_pct ? String(k.share_low_pct) : `${k.share_low_pct}-${k.share_high_pct}`,
        below_baseline_counts: k.below_baseline_counts,
      };
      return { title: `Edit KPI ${k.name}`, fields: forms.kpiForm.fields, initial, send: (v) => commands.saveKpi(clientId, k.id, v) };
    }
    case "invoice": {
      const view = page.invoices.find((x) => x.invoice.id === record.id);
      if (!view) return null;
      const inv = view.invoice;
      const lines = inv.lines.map((l) => ({ description: l.description, amount: amount(l.amount_cents), kpi_id: l.kpi_id, deliverable_id: l.deliverable_id }));
      // Most invoices have one line: then it is edited here too; longer ones keep their lines.
      const single = lines.length === 1;
      const all = forms.invoiceEditFields(forms.kpiChoices(page.kpis));
      const fields = single ? all : all.filter((f) => f.name !== "description" && f.name !== "amount" && f.name !== "works_toward");
      const works_toward = lines[0]?.kpi_id === null || lines[0]?.kpi_id === undefined ? "" : String(lines[0].kpi_id);
      const initial = { number: inv.number, issued_on: inv.issued_on, due_on: inv.due_on, paid_on: inv.paid_on ?? "", void: inv.void, description: lines[0]?.description ?? "", amount: lines[0]?.amount ?? "", works_toward };
      return {
        title: `Edit invoice ${inv.number}`,
        fields,
        initial,
        send: (v) =>
          commands.saveInvoice(clientId, inv.id, {
            number: v.number,
            issued_on: v.issued_on,
            due_on: v.due_on,
            paid_on: v.paid_on,
            void: v.void,
            lines: single ? [{ ...lines[0], description: v.description, amount: v.amount, kpi_id: v.works_toward ? Number(v.works_toward) : null }] : lines,
          }),
      };
    }
    case "opportunity": {
      const o = page.opportunities.find((x) => x.id === record.id);
      if (!o) return null;
      const initial = { title: o.title, kind: o.kind, value: o.value_cents ? amount(o.value_cents) : "", stage: o.stage, opened_on: o.opened_on, closed_on: o.closed_on ?? "", show_client: o.show_client };
      return { title: "Edit opportunity", fields: forms.opportunityForm.fields, initial, send: (v) => commands.saveOpportunity(clientId, o.id, v) };
    }
    case "risk": {
      const r = page.risks.find((x) => x.id === record.id);
      if (!r) return null;
      const initial = { title: r.title, mitigation: r.mitigation, owner: r.owner, raised_on: r.raised_on, closed_on: r.closed_on ?? "", show_client: r.show_client };
      return { title: "Edit risk", fields: forms.riskForm.fields, initial, send: (v) => commands.saveRisk(clientId, r.id, v) };
    }
    case "ask": {
      const a = page.asks.find((x) => x.id === record.id);
      if (!a) return null;
      const initial = { what: a.what, who: a.who, asked_on: a.asked_on, due_on: a.due_on, if_late: a.if_late, done_on: a.done_on ?? "" };
      return { title: "Edit ask", fields: forms.askForm(page.stakeholders).fields, initial, send: (v) => commands.saveAsk(clientId, a.id, v) };
    }
    case "testimonial": {
      const t = page.testimonials.find((x) => x.id === record.id);
      if (!t) return null;
      return { title: "Edit testimonial", fields: forms.testimonialForm.fields, initial: { asked_on: t.asked_on, received_on: t.received_on ?? "", quote: t.quote }, send: (v) => commands.saveTestimonial(clientId, t.id, v) };
    }
    case "touchpoint": {
      const t = page.touchpoints.find((x) => x.id === record.id);
      if (!t) return null;
      const initial = {
        kind: t.kind,
        happened_on: t.happened_on,
        summary: t.summary,
        client_replied: t.client_replied,
        attended: t.attended,
        rescheduled: t.rescheduled,
        no_show: t.no_show,
        reply_days: t.reply_days === null ? "" : String(t.reply_days),
        with: t.stakeholder_id === null ? "" : String(t.stakeholder_id),
      };
      return { title: "Edit touchpoint", fields: forms.touchpointForm(page.stakeholders).fields, initial, send: (v) => commands.saveTouchpoint(clientId, t.id, forms.touchpointInput(v)) };
    }
    case "milestone": {
      const m = page.milestones.find((x) => x.id === record.id);
      if (!m) return null;
      return { title: "Edit milestone", fields: forms.milestoneForm.fields, initial: { title: m.title, due_on: m.due_on, done_on: m.done_on ?? "", first_value: m.first_value }, send: (v) => commands.saveMilestone(clientId, m.id, v) };
    }
    case "deliverable": {
      const d = page.deliverables.find((x) => x.id === record.id);
      if (!d) return null;
      return { title: "Edit deliverable", fields: forms.deliverableForm(forms.kpiChoices(page.kpis)).fields, initial: forms.deliverableQuick(d), send: (v) => commands.saveDeliverable(clientId, d.id, forms.deliverableInput(v)) };
    }
    case "complaint": {
      const c = page.complaints.find((x) => x.id === record.id);
      if (!c) return null;
      return { title: "Edit issue", fields: forms.complaintForm.fields, initial: { summary: c.summary, tag: c.tag, opened_on: c.opened_on, closed_on: c.closed_on ?? "" }, send: (v) => commands.saveComplaint(clientId, c.id, v) };
    }
    case "survey_answer": {
      const a = page.survey_answers.find((x) => x.id === record.id);
      if (!a) return null;
      const initial = {
        kind: a.kind,
        score: String(a.score),
        answered_by: a.stakeholder_id === null ? "" : String(a.stakeholder_id),
        answered_on: a.answered_on,
        followed_up_on: a.followed_up_on ?? "",
        comment: a.comment,
      };
      return { title: "Edit survey answer", fields: forms.surveyForm(page.stakeholders).fields, initial, send: (v) => commands.saveSurveyAnswer(clientId, a.id, forms.surveyInput(v)) };
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
