/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { BAND_WORDS, LIMITS, ROLE_WORDS, SURVEY_HINTS } from "./words";
import { optionsOf } from "./screens/client/formFields";

// Every source file of the UI, as text (bundled by Vite for the test).
const sources = import.meta.glob(["./**/*.ts", "./**/*.tsx", "!./**/*.test.*"], { query: "?raw", import: "default", eager: true }) as Record<string, string>;
// The types of stored values the core sends: their words belong in the core's table.
const bindings = sources["./bindings.ts"] ?? "";
const valueTypes = [...bindings.matchAll(/^export type (\w+) =\s*(?:\/\*\*[\s\S]*?\*\/\s*)?"/gm)].map((m) => m[1]);

describe("words from the core", () => {
  it("gives every stored value a label, in the core's order, hints where it has them", () => {
    expect(BAND_WORDS.unknown).toBe("Not enough data");
    expect(optionsOf(ROLE_WORDS).map((o) => o.value)).toEqual(["day_to_day", "champion", "executive_sponsor", "finance", "other"]);
    expect(optionsOf({ nps: "NPS" } as Record<"nps", string>, { nps: SURVEY_HINTS.nps })[0].label).toBe("NPS: would recommend us (0–10)");
    expect(LIMITS.kpisPerClient).toBe(5);
  });

  it("no screen keeps its own table of words for a stored value, or its own select options", () => {
    expect(valueTypes).toEqual(expect.arrayContaining(["StakeholderRole", "Band", "ClientStatus", "TimelineKind"]));
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const ownTable = new RegExp(`Record<(${valueTypes.join("|")}), string>\\s*=\\s*\\{`);
    const offenders = Object.entries(sources)
      .filter(([file]) => file !== "./words.ts" && file !== "./bindings.ts")
      .filter(([, text]) => ownTable.test(text) || /\boptions\(\[\s*\[/.test(text) || /kpis\.length\s*<\s*\d/.test(text))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });
});
