// Quick forms for growing the work: opportunities, hours used, referrals and testimonials.
import { OPPORTUNITY_WORDS, STAGE_WORDS } from "../../words";
import type { HoursInput, OpportunityInput, TestimonialInput } from "../../bindings";
import type { FieldSpec } from "../../components/QuickForm";
import { todayIso } from "../../format";
import { optionsOf } from "./formFields";

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
