/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { commands } from "./backend";

// Every test file, as text (bundled by Vite for the test).
const tests = import.meta.glob(["../**/*.test.tsx"], { query: "?raw", import: "default", eager: true }) as Record<string, string>;

describe("the typed fake backend", () => {
  it("fakes any command of the bindings, one mock each, typed like the command", async () => {
    commands.currencies.mockResolvedValue([{ code: "EUR", name: "Euro", minor_digits: 2 }]);
    expect(commands.currencies).toBe(commands.currencies);
    await expect(commands.currencies()).resolves.toEqual([{ code: "EUR", name: "Euro", minor_digits: 2 }]);
  });

  it("is the only way the tests fake the core: no file keeps its own list of commands", () => {
    expect(Object.keys(tests).length).toBeGreaterThan(10);
    const ownList = Object.entries(tests)
      .filter(([, text]) => /vi\.mock\("[./]*bindings",/.test(text) && !/vi\.mock\("[./]*bindings", \(\) => import\("[./]*test\/backend"\)\)/.test(text))
      .map(([file]) => file);
    expect(ownList).toEqual([]);
  });
});
