import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ClientPage } from "../../bindings";
import { err, renderWithQuery, written } from "../../test/render";
import { EndingCard } from "./EndingCard";
import { commands } from "../../test/backend";

vi.mock("../../bindings", () => import("../../test/backend"));

// Only what the card reads of the page.
const page = (status: "active" | "ended", ending: ClientPage["ending"], contracts: { end_date: string | null }[] = []) => ({ client: { id: 7, name: "Harbour Bakery", status }, ending, contracts }) as unknown as ClientPage;

beforeEach(() => vi.resetAllMocks());

describe("EndingCard", () => {
  it("asks why before ending a client, and shows the core's refusal beside the reason", async () => {
    commands.endClient.mockReturnValueOnce(err("validation", "Choose why they left from the list (or 'Another reason' and say more in the notes).", "reason"));
    commands.endClient.mockReturnValueOnce(written());
    renderWithQuery(<EndingCard p={page("active", null)} />);
    await userEvent.click(screen.getByRole("button", { name: "End this client…" }));
    expect(screen.getByText(/Any contract still running after this day ends on it/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Choose why they left");
    await userEvent.selectOptions(screen.getByLabelText("Why did they leave?"), "budget_cut");
    await userEvent.type(screen.getByLabelText("Exit notes (only for you)"), "New CFO");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(commands.endClient).toHaveBeenLastCalledWith(7, expect.objectContaining({ reason: "budget_cut", notes: "New CFO" }));
  });

  it("shows why an ended client left, or asks for the reason when it was never recorded", () => {
    const { unmount } = renderWithQuery(<EndingCard p={page("ended", { client_id: 7, ended_on: "2026-11-30", reason: "in_house", notes: "Hired a coordinator." })} />);
    expect(screen.getByText("Taken in-house")).toBeInTheDocument();
    expect(screen.getByText("Hired a coordinator.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Change the reason" })).toBeInTheDocument();
    unmount();
    renderWithQuery(<EndingCard p={page("ended", null, [{ end_date: "2026-06-30" }, { end_date: "2025-12-31" }])} />);
    expect(screen.getByText(/Not recorded yet/)).toBeInTheDocument();
  });

  it("suggests the end of their last contract as the last day when the reason is recorded later", async () => {
    renderWithQuery(<EndingCard p={page("ended", null, [{ end_date: "2026-06-30" }, { end_date: "2025-12-31" }])} />);
    await userEvent.click(screen.getByRole("button", { name: "Record why they left" }));
    expect(screen.getByLabelText("Last day of work")).toHaveValue("2026-06-30");
  });
});
