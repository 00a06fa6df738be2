// Field lists and blank values for each record's quick form. Values are kept as typed; the core
// parses dates, amounts and numbers and says which field is wrong. Money and delivered work are
// in moneyForms.ts, growth in growthForms.ts; this module is the one the screens import.
import { COMPLAINT_WORDS, DIRECTION_WORDS, ROLE_WORDS, SURVEY_HINTS, SURVEY_WORDS, WORTH_COUNTS_WORDS } from "../../words";
import type { ComplaintInput, KpiInput, MeasurementInput, MilestoneInput, StakeholderInput, SurveyAnswerInput, TouchpointInput } from "../../bindings";
import type { FieldSpec } from "../../components/QuickForm";
import { todayIso } from "../../format";
import { chosenId, optionsOf, personField, TOUCHPOINT_KINDS, type Person } from "./formFields";

export { TOUCHPOINT_KINDS };
export * from "./moneyForms";
export * from "./growthForms";

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
    { name: "direction", label: "Better when", type: "select", options: optionsOf(DIRECTION_WORDS) },
    { name: "baseline", label: "Baseline (today)", type: "number" },
    { name: "target", label: "Target", type: "number" },
    { name: "baseline_date", label: "Baseline date", type: "date" },
    { name: "target_date", label: "Target date", type: "date" },
    { name: "value_per_unit", label: "Worth per unit (optional)", hint: "What one more unit is worth to the client, for the QBR's money page." },
    {
      name: "worth_counts",
      label: "The worth counts",
      type: "select",
      options: optionsOf(WORTH_COUNTS_WORDS),
    },
    { name: "share", label: "Share of the improvement we claim (%)", placeholder: "100, or a range like 50-80", hint: "What the client agrees the studio's work can claim. Empty means 100%." },
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
      options: optionsOf(ROLE_WORDS),
    },
    { name: "email", label: "Email" },
    { name: "phone", label: "Phone" },
    { name: "is_primary", label: "Main contact", type: "checkbox" },
  ] satisfies FieldSpec<StakeholderInput>[],
};

export const milestoneForm = {
  blank: (): MilestoneInput => ({ title: "", due_on: "", done_on: "", first_value: false }),
  fields: [
    { name: "title", label: "Milestone", wide: true },
    { name: "due_on", label: "Due", type: "date" },
    { name: "done_on", label: "Done on", type: "date" },
    { name: "first_value", label: "Marks their first real result (time to first value)", type: "checkbox" },
  ] satisfies FieldSpec<MilestoneInput>[],
};

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
      options: optionsOf(SURVEY_WORDS, SURVEY_HINTS),
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
      options: optionsOf(COMPLAINT_WORDS),
    },
    { name: "opened_on", label: "Raised on", type: "date" },
    { name: "closed_on", label: "Resolved on", type: "date" },
  ] satisfies FieldSpec<ComplaintInput>[],
};
