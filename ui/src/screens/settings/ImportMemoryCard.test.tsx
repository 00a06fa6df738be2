import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ok, renderWithQuery } from "../../test/render";
import type { ImportMemory } from "../../bindings";
import { ImportMemoryCard } from "./ImportMemoryCard";
import { commands } from "../../test/backend";

vi.mock("../../bindings", () => import("../../test/backend"));

const memory: ImportMemory = {
  columns: [{ name: "Xero invoices", holds: "Invoices", source: "Xero invoices", columns_read: 9, saved_on: "2026-11-02" }],
  other_names: [{ written: "Harbour Bakery Ltd", client_id: 7, client: "Harbour Bakery", saved_on: "2026-11-02" }],
};

beforeEach(() => {
  vi.resetAllMocks();
});

describe("ImportMemoryCard", () => {
  it("lists what imports remember and forgets one thing at the owner's click", async () => {
    commands.importMemory.mockReturnValue(ok(memory));
    commands.forgetOtherName.mockReturnValue(ok({ ...memory, other_names: [] }));
    renderWithQuery(<ImportMemoryCard />);
    expect(await screen.findByText("Harbour Bakery Ltd")).toBeInTheDocument();
    expect(screen.getByRole("row", { name: /Xero invoices Invoices 9/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Forget that “Harbour Bakery Ltd” is Harbour Bakery" }));
    expect(commands.forgetOtherName).toHaveBeenCalledWith("Harbour Bakery Ltd");
    expect(await screen.findByText(/None yet. When a file calls a client by another name/)).toBeInTheDocument();
    expect(screen.getByText("Xero invoices", { selector: "td" })).toBeInTheDocument();
  });

  it("says what will appear here when nothing is remembered yet", async () => {
    commands.importMemory.mockReturnValue(ok({ columns: [], other_names: [] }));
    renderWithQuery(<ImportMemoryCard />);
    expect(await screen.findByText(/None yet. When you import another tool's file/)).toBeInTheDocument();
  });
});
