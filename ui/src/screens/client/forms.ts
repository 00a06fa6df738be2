// Field lists and blank values for each record's quick form. Values are kept as typed; the core
// parses dates, amounts and numbers and says which field is wrong.
import type {
  ComplaintInput,
  ContractInput,
  DeliverableInput,
  HoursInput,
  InvoiceInput,
  KpiInput,
  MeasurementInput,
  MilestoneInput,
  OpportunityInput,
  TestimonialInput,
  StakeholderInput,
  SurveyAnswerInput,
  TouchpointInput,
} from "../../bindings";
import type { FieldSpec } from "../../components/QuickForm";
import { todayIso } from "../../format";

const options = (pairs: [string, string][]) => pairs.map(([value, label]) => ({ value, label }));

export const TOUCHPOINT_KINDS = options([
  ["call", "Call"],
  ["meeting", "Meeting"],
  ["email", "Email"],
  ["message", "Message"],
  ["qbr", "Quarterly review (QBR)"],
  ["other", "Other"],
]);

type Person = { id: number; name: string; is_primary: boolean };

/** A choice of the client's people, or no one in particular (""); none when they have no people yet. */
const personField = <N extends string>(name: N, label: string, people: Person[], none: string) =>
  people.length > 0 ? [{ name, label, type: "select" as const, options: [{ value: "", label: none }, ...people.map((p) => ({ value: String(p.id), label: p.name }))] }] : [];

/** The id picked in a select ("" when none was picked). */
const chosenId = (choice: string) => (choice ? Number(choice) : null);

type KpiChoice = { id: number; name: string };

/**
 * Which agreed KPI an invoice or a piece of work is for. The client's documents print it ("· for
 * Weekday orders"), so it is the owner's explicit choice, and none by default.
 */
const worksTowardField = <N extends string>(name: N, kpis: KpiChoice[]) =>
  kpis.length > 0
    ? [
        {
          name,
          label: "Works toward",
          type: "select" as const,
          hint: "The client's documents say what this was for.",
          options: [{ value: "", label: "No KPI in particular" }, ...kpis.map((k) => ({ value: String(k.id), label: k.name }))],
        },
      ]
    : [];

const choiceOf = (id: number | null) => (id === null ? "" : String(id));

/** The touchpoint form's values: who it was with is a choice ("" for no one in particular). */
export type TouchpointQuick = Omit<TouchpointInput, "stakeholder_id"> & { with: string };

export const touchpointInput = ({ with: who, ...rest }: TouchpointQuick): TouchpointInput => ({ ...rest, stakeholder_id: chosenId(who) });

/** Logging a touchpoint: with the main contact unless another of `people` (or no one) is chosen. */
export const touchpointForm = (people: Person[]) => ({
  blank: (): TouchpointQuick => ({
    kind: "call",
    happened_on: todayIso(),
    summary: "",
    client_replied: false,
    attended: true,
    rescheduled: false,
    no_show: false,
    reply_days: "",
    with: String(people.find((p) => p.is_primary)?.id ?? ""),
  }),
  fields: [
    { name: "kind", label: "Kind", type: "select", options: TOUCHPOINT_KINDS },
    { name: "happened_on", label: "Date", type: "date" },
    ...personField("with", "With", people, "No one in particular"),
    { name: "summary", label: "What was said or agreed", wide: true },
    { name: "reply_days", label: "Days to reply", type: "number", hint: "For emails and messages, if you know." },
    { name: "attended", label: "They attended", type: "checkbox" },
    { name: "client_replied", label: "They replied", type: "checkbox" },
    { name: "rescheduled", label: "Rescheduled", type: "checkbox" },
    { name: "no_show", label: "No-show", type: "checkbox" },
  ] satisfies FieldSpec<TouchpointQuick>[],
});

export const measurementForm = {
  blank: (): MeasurementInput => ({ measured_on: todayIso(), value: "", note: "" }),
  fields: [
    { name: "value", label: "Value", type: "number" },
    { name: "measured_on", label: "Date", type: "date" },
    { name: "note", label: "Note", wide: true },
  ] satisfies FieldSpec<MeasurementInput>[],
};

export const kpiForm = {
  blank: (): KpiInput => ({
    name: "",
    unit: "",
    direction: "up",
    baseline: "",
    target: "",
    baseline_date: todayIso(),
    target_date: "",
    value_per_unit: "",
    worth_counts: "monthly",
    share: "",
    below_baseline_counts: false,
  }),
  fields: [
    { name: "name", label: "KPI", placeholder: "Qualified leads a month", wide: true },
    { name: "unit", label: "Unit", placeholder: "leads, %, €" },
    { name: "direction", label: "Better when", type: "select", options: options([["up", "it goes up"], ["down", "it goes down"]]) },
    { name: "baseline", label: "Baseline (today)", type: "number" },
    { name: "target", label: "Target", type: "number" },
    { name: "baseline_date", label: "Baseline date", type: "date" },
    { name: "target_date", label: "Target date", type: "date" },
    { name: "value_per_unit", label: "Worth per unit (optional)", hint: "What one more unit is worth to the client, for the QBR's money page." },
    {
      name: "worth_counts",
      label: "The worth counts",
      type: "select",
      options: options([
        ["monthly", "every month the improvement lasts (leads, orders a month)"],
        ["once", "once (a cost saved once, a level reached)"],
      ]),
    },
    { name: "share", label: "Share of the improvement we claim (%)", placeholder: "100, or a range like 50-80", hint: "What the client agrees the studio's work can claim. Empty means 100 %." },
    { name: "below_baseline_counts", label: "Months below the baseline count against the value", type: "checkbox" },
  ] satisfies FieldSpec<KpiInput>[],
};

export const stakeholderForm = {
  blank: (): StakeholderInput => ({ name: "", role: "day_to_day", email: "", phone: "", is_primary: false, changed_on: "" }),
  fields: [
    { name: "name", label: "Name" },
    {
      name: "role",
      label: "Role",
      type: "select",
      options: options([
        ["day_to_day", "Day-to-day contact"],
        ["champion", "Champion"],
        ["executive_sponsor", "Executive sponsor"],
        ["finance", "Finance / CFO"],
        ["other", "Other"],
      ]),
    },
    { name: "email", label: "Email" },
    { name: "phone", label: "Phone" },
    { name: "is_primary", label: "Main contact", type: "checkbox" },
  ] satisfies FieldSpec<StakeholderInput>[],
};

export const contractForm = {
  blank: (): ContractInput => ({
    kind: "retainer",
    service_line: "",
    value: "",
    start_date: todayIso(),
    end_date: "",
    renewal_date: "",
    notice_days: "30",
    included_hours: "",
  }),
  fields: [
    { name: "kind", label: "Kind", type: "select", options: options([["retainer", "Monthly retainer"], ["project", "Project (fixed price)"]]) },
    { name: "value", label: "Value", type: "number", hint: "Per month for a retainer, in total for a project." },
    { name: "service_line", label: "Service line", placeholder: "SEO & content" },
    { name: "start_date", label: "Start", type: "date" },
    { name: "end_date", label: "Last day (if set)", type: "date" },
    { name: "renewal_date", label: "Renewal date", type: "date" },
    { name: "notice_days", label: "Notice (days)", type: "number" },
    { name: "included_hours", label: "Hours included a month", type: "number" },
  ] satisfies FieldSpec<ContractInput>[],
};

/** One-line invoice form: most studio invoices have a single line. */
export type InvoiceQuick = { number: string; issued_on: string; due_on: string; paid_on: string; description: string; amount: string; works_toward: string };

const invoiceFields = (kpis: KpiChoice[]): FieldSpec<InvoiceQuick>[] => [
  { name: "number", label: "Invoice number" },
  { name: "amount", label: "Amount", type: "number" },
  { name: "description", label: "What it is for", wide: true },
  ...worksTowardField("works_toward" as const, kpis),
  { name: "issued_on", label: "Issued", type: "date" },
  { name: "due_on", label: "Due", type: "date" },
  { name: "paid_on", label: "Paid on", type: "date" },
];

export const invoiceForm = (kpis: KpiChoice[]) => ({
  blank: (): InvoiceQuick => ({ number: "", issued_on: todayIso(), due_on: "", paid_on: "", description: "", amount: "", works_toward: "" }),
  fields: invoiceFields(kpis),
});

export const invoiceInput = (q: InvoiceQuick): InvoiceInput => ({
  number: q.number,
  issued_on: q.issued_on,
  due_on: q.due_on,
  paid_on: q.paid_on,
  void: false,
  lines: [{ description: q.description, amount: q.amount, kpi_id: chosenId(q.works_toward), deliverable_id: null }],
});

/** Editing a stored invoice: marking it paid or void is the usual change. */
export const invoiceEditFields = (kpis: KpiChoice[]): FieldSpec<InvoiceQuick & { void: boolean }>[] => [
  ...invoiceFields(kpis),
  { name: "void", label: "Cancelled (void)", type: "checkbox" },
];

export const milestoneForm = {
  blank: (): MilestoneInput => ({ title: "", due_on: "", done_on: "", first_value: false }),
  fields: [
    { name: "title", label: "Milestone", wide: true },
    { name: "due_on", label: "Due", type: "date" },
    { name: "done_on", label: "Done on", type: "date" },
    { name: "first_value", label: "Marks their first real result (time to first value)", type: "checkbox" },
  ] satisfies FieldSpec<MilestoneInput>[],
};

/** The deliverable form's values: the KPI it works toward is a choice ("" for none). */
export type DeliverableQuick = Omit<DeliverableInput, "kpi_id"> & { works_toward: string };

export const deliverableInput = ({ works_toward, ...rest }: DeliverableQuick): DeliverableInput => ({ ...rest, kpi_id: chosenId(works_toward) });

export const deliverableQuick = (d: { title: string; delivered_on: string; kpi_id: number | null }): DeliverableQuick => ({
  title: d.title,
  delivered_on: d.delivered_on,
  works_toward: choiceOf(d.kpi_id),
});

export const deliverableForm = (kpis: KpiChoice[]) => ({
  blank: (): DeliverableQuick => ({ title: "", delivered_on: todayIso(), works_toward: "" }),
  fields: [
    { name: "title", label: "What was delivered", wide: true },
    { name: "delivered_on", label: "Delivered on", type: "date" },
    ...worksTowardField("works_toward" as const, kpis),
  ] satisfies FieldSpec<DeliverableQuick>[],
});

export const kpiChoices = (kpis: { kpi: KpiChoice }[]): KpiChoice[] => kpis.map(({ kpi }) => ({ id: kpi.id, name: kpi.name }));

/** The survey form's values: who answered is a choice ("" when not known). */
export type SurveyQuick = Omit<SurveyAnswerInput, "stakeholder_id"> & { answered_by: string };

export const surveyInput = ({ answered_by, ...rest }: SurveyQuick): SurveyAnswerInput => ({ ...rest, stakeholder_id: chosenId(answered_by) });

export const surveyForm = (people: Person[]) => ({
  blank: (): SurveyQuick => ({ answered_by: "", kind: "nps", score: "", answered_on: todayIso(), comment: "", followed_up_on: "" }),
  fields: [
    {
      name: "kind",
      label: "Survey",
      type: "select",
      options: options([
        ["nps", "NPS: would recommend us (0–10)"],
        ["csat", "CSAT: satisfied (1–5)"],
        ["ces", "CES: easy to work with (1–7)"],
      ]),
    },
    { name: "score", label: "Score", type: "number" },
    ...personField("answered_by", "Who answered", people, "Not known"),
    { name: "answered_on", label: "Answered on", type: "date" },
    { name: "followed_up_on", label: "Followed up on", type: "date" },
    { name: "comment", label: "Comment", wide: true },
  ] satisfies FieldSpec<SurveyQuick>[],
});

export const complaintForm = {
  blank: (): ComplaintInput => ({ opened_on: todayIso(), closed_on: "", tag: "quality", summary: "" }),
  fields: [
    { name: "summary", label: "What went wrong", wide: true },
    {
      name: "tag",
      label: "About",
      type: "select",
      options: options([
        ["billing", "Billing"],
        ["quality", "Quality"],
        ["deadline", "Deadline"],
        ["scope", "Scope"],
        ["other", "Other"],
      ]),
    },
    { name: "opened_on", label: "Raised on", type: "date" },
    { name: "closed_on", label: "Resolved on", type: "date" },
  ] satisfies FieldSpec<ComplaintInput>[],
};

export const opportunityForm = {
  blank: (): OpportunityInput => ({ kind: "upsell", title: "", value: "", stage: "idea", opened_on: todayIso(), closed_on: "", show_client: false }),
  fields: [
    { name: "title", label: "The idea", wide: true, placeholder: "Add paid social to the retainer" },
    {
      name: "kind",
      label: "Kind",
      type: "select",
      options: options([
        ["upsell", "More of the same work"],
        ["cross_sell", "Another service"],
        ["new_project", "A new project"],
        ["price_increase", "A price review"],
        ["other", "Other"],
      ]),
    },
    { name: "value", label: "Worth (estimate)", type: "number" },
    { name: "stage", label: "Stage", type: "select", options: options([["idea", "Idea"], ["proposed", "Proposed"], ["won", "Won"], ["lost", "Lost"]]) },
    { name: "opened_on", label: "Since", type: "date" },
    { name: "closed_on", label: "Won or lost on", type: "date" },
    { name: "show_client", label: "Show it to the client in the QBR", type: "checkbox" },
  ] satisfies FieldSpec<OpportunityInput>[],
};

export const hoursForm = {
  blank: (): HoursInput => ({ month: todayIso().slice(0, 7), hours: "" }),
  fields: [
    { name: "month", label: "Month (YYYY-MM)", placeholder: "2026-10" },
    { name: "hours", label: "Hours used", type: "number" },
  ] satisfies FieldSpec<HoursInput>[],
};

export type ReferralQuick = { to_client_id: string; referred_on: string };

/** "They referred a client": which of the other clients, and when. */
export const referralForm = (clients: { value: string; label: string }[]) => ({
  blank: (): ReferralQuick => ({ to_client_id: clients[0]?.value ?? "", referred_on: todayIso() }),
  fields: [
    { name: "to_client_id", label: "New client", type: "select", options: clients },
    { name: "referred_on", label: "Introduced on", type: "date" },
  ] satisfies FieldSpec<ReferralQuick>[],
});

export const testimonialForm = {
  blank: (): TestimonialInput => ({ asked_on: todayIso(), received_on: "", quote: "" }),
  fields: [
    { name: "asked_on", label: "Asked on", type: "date" },
    { name: "received_on", label: "Received on", type: "date" },
    { name: "quote", label: "Their words (once received)", type: "textarea" },
  ] satisfies FieldSpec<TestimonialInput>[],
};
