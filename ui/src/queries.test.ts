/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { keys, reads } from "./queries";

// Every source file of the UI, as text (bundled by Vite for the test).
const sources = import.meta.glob(["./**/*.ts", "./**/*.tsx", "!./**/*.test.*"], { query: "?raw", import: "default", eager: true }) as Record<string, string>;

describe("query keys", () => {
  it("every screen's query refreshes when a client's records change, the health card included", () => {
    for (const key of [keys.clientPage(1), keys.clientHealth(1), keys.clients(), keys.weeklyReview(), keys.portfolio("2026-Q3"), keys.monthlyPreview(1, "2026-10"), keys.qbrPreview(1, "2026-Q3"), keys.draft(1, "value_check_in", null)]) {
      expect(reads(key, ["clients"]), String(key[0])).toBe(true);
    }
  });

  it("ticking off a review item refreshes the review, not every client", () => {
    expect(reads(keys.weeklyReview(), ["review"])).toBe(true);
    expect(reads(keys.clientPage(1), ["review"])).toBe(false);
    expect(reads(keys.currencies(), ["clients", "review", "settings", "studio"])).toBe(false);
  });

  it("a key the table does not know is refreshed by any change, never left stale", () => {
    expect(reads(["something-new"], ["review"])).toBe(true);
  });

  it("no screen writes a query key by hand: they all come from queries.ts", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const offenders = Object.entries(sources).filter(([file, text]) => !file.endsWith("/queries.ts") && /queryKey: \[/.test(text));
    expect(offenders.map(([file]) => file)).toEqual([]);
  });
});
