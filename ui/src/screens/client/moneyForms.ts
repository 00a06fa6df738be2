// Quick forms for money and delivered work: contracts, invoices and deliverables.
import { CONTRACT_WORDS, UNUSED_HOURS_WORDS } from "../../words";
import type { ContractInput, DeliverableInput, InvoiceInput } from "../../bindings";
import type { FieldSpec } from "../../components/QuickForm";
import { todayIso } from "../../format";
import { chosenId, choiceOf, optionsOf, worksTowardField, type KpiChoice } from "./formFields";

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
    unused_hours: "not_agreed",
  }),
  fields: [
    { name: "kind", label: "Kind", type: "select", options: optionsOf(CONTRACT_WORDS) },
    { name: "value", label: "Value", type: "number", hint: "Per month for a retainer, in total for a project." },
    { name: "service_line", label: "Service line", placeholder: "SEO & content" },
    { name: "start_date", label: "Start", type: "date" },
    { name: "end_date", label: "Last day (if set)", type: "date" },
    { name: "renewal_date", label: "Renewal date", type: "date" },
    { name: "notice_days", label: "Notice (days)", type: "number" },
    { name: "included_hours", label: "Hours included a month", type: "number" },
    {
      name: "unused_hours",
      label: "Hours not used in a month",
      type: "select",
      options: optionsOf(UNUSED_HOURS_WORDS),
      hint: "As the contract says. The QBR states the rule only when you set one.",
    },
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
