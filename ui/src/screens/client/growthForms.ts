// Quick forms for growing the work: opportunities, hours used, referrals and testimonials.
import { OPPORTUNITY_WORDS, STAGE_WORDS } from "../../words";
import type { AskInput, HoursInput, OpportunityInput, RiskInput, TestimonialInput } from "../../bindings";
import type { FieldSpec } from "../../components/QuickForm";
import { todayIso } from "../../format";
import { optionsOf, type Person } from "./formFields";

export const opportunityForm = {
  blank: (): OpportunityInput => ({ kind: "upsell", title: "", value: "", stage: "idea", opened_on: todayIso(), closed_on: "", show_client: false }),
  fields: [
    { name: "title", label: "The idea", wide: true, placeholder: "Add paid social to the retainer" },
    {
      name: "kind",
      label: "Kind",
      type: "select",
      options: optionsOf(OPPORTUNITY_WORDS),
    },
    { name: "value", label: "Worth (estimate)", type: "number" },
    { name: "stage", label: "Stage", type: "select", options: optionsOf(STAGE_WORDS) },
    { name: "opened_on", label: "Since", type: "date" },
    { name: "closed_on", label: "Won or lost on", type: "date" },
    { name: "show_client", label: "Show it to the client in the QBR", type: "checkbox" },
  ] satisfies FieldSpec<OpportunityInput>[],
};

/** A risk of the account plan: internal unless marked for the QBR, and then with its answer. */
export const riskForm = {
  blank: (): RiskInput => ({ title: "", mitigation: "", owner: "", raised_on: todayIso(), closed_on: "", show_client: false }),
  fields: [
    { name: "title", label: "What could go wrong", wide: true, placeholder: "Their marketing lead leaves in January" },
    { name: "mitigation", label: "What we do about it", wide: true, placeholder: "A hand-over call with her successor" },
    { name: "owner", label: "Who does it", placeholder: "A name at the studio" },
    { name: "raised_on", label: "Raised on", type: "date" },
    { name: "closed_on", label: "Closed on", type: "date", hint: "When it no longer applies." },
    { name: "show_client", label: "Show it in the client's QBR, with what we do and who does it", type: "checkbox" },
  ] satisfies FieldSpec<RiskInput>[],
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

/** What the studio needs from the client: asked of the main contact unless another name is typed. */
export const askForm = (people: Person[]) => ({
  blank: (): AskInput => ({ what: "", who: people.find((p) => p.is_primary)?.name ?? "", asked_on: todayIso(), due_on: "", if_late: "", done_on: "" }),
  fields: [
    { name: "what", label: "What you need from them", wide: true, placeholder: "Approve the spring campaign's copy" },
    { name: "who", label: "Who at the client", placeholder: "Their name" },
    { name: "due_on", label: "Needed by", type: "date" },
    { name: "if_late", label: "What slips if it is late", wide: true, placeholder: "The campaign starts a week later", hint: "Optional. Said on their report beside the ask." },
    { name: "asked_on", label: "Asked on", type: "date" },
    { name: "done_on", label: "Done on", type: "date", hint: "Once done, it leaves their reports." },
  ] satisfies FieldSpec<AskInput>[],
});
