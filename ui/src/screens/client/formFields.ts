// The building blocks the quick forms share: choices of people and KPIs, select options.
import { TOUCHPOINT_WORDS } from "../../words";

/** A select's options from one of the core's word tables, in its order ("NPS: would recommend us…" when hints are given). */
export const optionsOf = <K extends string>(words: Record<K, string>, hints?: Record<K, string>) =>
  (Object.keys(words) as K[]).map((value) => ({ value, label: hints ? `${words[value]}: ${hints[value]}` : words[value] }));

export const TOUCHPOINT_KINDS = optionsOf(TOUCHPOINT_WORDS);

export type Person = { id: number; name: string; is_primary: boolean };

/** A choice of the client's people, or no one in particular (""); none when they have no people yet. */
export const personField = <N extends string>(name: N, label: string, people: Person[], none: string) =>
  people.length > 0 ? [{ name, label, type: "select" as const, options: [{ value: "", label: none }, ...people.map((p) => ({ value: String(p.id), label: p.name }))] }] : [];

/** The id picked in a select ("" when none was picked). */
export const chosenId = (choice: string) => (choice ? Number(choice) : null);

export type KpiChoice = { id: number; name: string };

/**
 * Which agreed KPI an invoice or a piece of work is for. The client's documents print it ("· for
 * Weekday orders"), so it is the owner's explicit choice, and none by default.
 */
export const worksTowardField = <N extends string>(name: N, kpis: KpiChoice[]) =>
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

export const choiceOf = (id: number | null) => (id === null ? "" : String(id));
