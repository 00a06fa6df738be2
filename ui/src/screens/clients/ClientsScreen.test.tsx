import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Client } from "../../bindings";
import { err, ok, renderWithQuery } from "../../test/render";
import { ClientsScreen } from "./ClientsScreen";

const commands = vi.hoisted(() => ({
  listClients: vi.fn(),
  createClient: vi.fn(),
  updateClient: vi.fn(),
  archiveClient: vi.fn(),
  restoreClient: vi.fn(),
}));
vi.mock("../../bindings", () => ({ commands }));

const client = (id: number, name: string, goal = "More leads"): Client => ({
  id,
  name,
  status: "active",
  goal,
  start_date: "2026-03-01",
  notes: "",
  archived_at: null,
  plan: { cadence_days: 14, owner: "", recap: "", fiscal_year_start: 1 },
  created_at: "2026-03-01T09:00:00Z",
  updated_at: "2026-03-01T09:00:00Z",
});

beforeEach(() => vi.resetAllMocks());

describe("ClientsScreen", () => {
  it("tells an owner with no clients what to do next", async () => {
    commands.listClients.mockReturnValue(ok([]));
    renderWithQuery(<ClientsScreen onOpen={() => {}} />);
    expect(await screen.findByText("No clients yet")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add your first client" })).toBeInTheDocument();
  });

  it("lists clients and filters them by name or goal", async () => {
    commands.listClients.mockReturnValue(ok([client(1, "Harbour Bakery", "Weekday orders"), client(2, "Lumen Dental", "Saturday clinic")]));
    renderWithQuery(<ClientsScreen onOpen={() => {}} />);
    expect(await screen.findByRole("button", { name: "Harbour Bakery" })).toBeInTheDocument();
    await userEvent.type(screen.getByRole("searchbox", { name: "Search clients" }), "saturday");
    expect(screen.queryByRole("button", { name: "Harbour Bakery" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Lumen Dental" })).toBeInTheDocument();
  });

  it("shows the core's validation message next to the field it is about", async () => {
    commands.listClients.mockReturnValue(ok([]));
    commands.createClient.mockReturnValue(err("validation", "Client name is required.", "name"));
    renderWithQuery(<ClientsScreen onOpen={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Add your first client" }));
    const form = screen.getByRole("form", { name: "Add a client" });
    await userEvent.click(within(form).getByRole("button", { name: "Save client" }));
    const name = within(form).getByLabelText("Client name");
    expect(await within(form).findByText("Client name is required.")).toBeInTheDocument();
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("Client name is required.");
  });

  it("sends the form to the core and confirms the new client", async () => {
    commands.listClients.mockReturnValue(ok([]));
    commands.createClient.mockImplementation(() => ok(client(7, "Atelier Brûlé")));
    renderWithQuery(<ClientsScreen onOpen={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Add client" }));
    await userEvent.type(screen.getByLabelText("Client name"), "Atelier Brûlé");
    await userEvent.type(screen.getByLabelText("Their goal, in their words"), "Weddings booked ahead");
    await userEvent.click(screen.getByRole("button", { name: "Save client" }));
    expect(await screen.findByText("Added Atelier Brûlé.")).toBeInTheDocument();
    expect(commands.createClient).toHaveBeenCalledWith(
      expect.objectContaining({ name: "Atelier Brûlé", goal: "Weddings booked ahead", status: "onboarding" }),
    );
  });

  it("opens a client's page from the list", async () => {
    commands.listClients.mockReturnValue(ok([client(3, "Finch Legal")]));
    const onOpen = vi.fn();
    renderWithQuery(<ClientsScreen onOpen={onOpen} />);
    await userEvent.click(await screen.findByRole("button", { name: "Finch Legal" }));
    expect(onOpen).toHaveBeenCalledWith(3);
  });
});
