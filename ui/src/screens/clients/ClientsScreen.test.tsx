import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Client, ClientRow } from "../../bindings";
import { err, ok, renderWithQuery } from "../../test/render";
import { ClientsScreen } from "./ClientsScreen";
import { commands } from "../../test/backend";

vi.mock("../../bindings", () => import("../../test/backend"));

const client = (id: number, name: string, goal = "More leads"): Client => ({
  id,
  name,
  status: "active",
  goal,
  start_date: "2026-03-01",
  notes: "",
  archived_at: null,
  plan: { cadence_days: 14, owner: "", recap: "", fiscal_year_start: 1, annual_budget_cents: null },
  created_at: "2026-03-01T09:00:00Z",
  updated_at: "2026-03-01T09:00:00Z",
});

const row = (c: Client, over: Partial<ClientRow> = {}): ClientRow => ({
  client: c,
  band: "green",
  score: 7,
  max: 8,
  segment: "steady",
  segment_why: "",
  mrr_cents: 250000,
  renewal_date: null,
  last_contact: null,
  lifecycle: { stage: "adoption", why: "First result on 10 Mar 2026; in the work since 1 Mar 2026." },
  ...over,
});

beforeEach(() => {
  vi.resetAllMocks();
  commands.currencies.mockResolvedValue([{ code: "EUR", name: "Euro", minor_digits: 2 }]);
});

describe("ClientsScreen", () => {
  it("tells an owner with no clients what to do next", async () => {
    commands.clientTable.mockReturnValue(ok([]));
    renderWithQuery(<ClientsScreen onOpen={() => {}} />);
    expect(await screen.findByText("No clients yet")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add your first client" })).toBeInTheDocument();
  });

  it("lists clients and filters them by name or goal", async () => {
    commands.clientTable.mockReturnValue(ok([row(client(1, "Harbour Bakery", "Weekday orders")), row(client(2, "Lumen Dental", "Saturday clinic"))]));
    renderWithQuery(<ClientsScreen onOpen={() => {}} />);
    expect(await screen.findByRole("button", { name: "Harbour Bakery" })).toBeInTheDocument();
    await userEvent.type(screen.getByRole("searchbox", { name: "Search clients" }), "saturday");
    expect(screen.queryByRole("button", { name: "Harbour Bakery" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Lumen Dental" })).toBeInTheDocument();
  });

  it("shows each client's stage with its reason, and filters by stage", async () => {
    commands.clientTable.mockReturnValue(
      ok([
        row(client(1, "Harbour Bakery")),
        row(client(2, "Lumen Dental"), { lifecycle: { stage: "renewal_window", why: "They decide by 2 Dec 2026 (notice before the renewal on 31 Jan 2027)." } }),
      ]),
    );
    renderWithQuery(<ClientsScreen onOpen={() => {}} />);
    const cell = await screen.findByRole("cell", { name: "Renewal window" });
    expect(cell).toHaveAttribute("title", expect.stringContaining("They decide by 2 Dec 2026"));
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Filter by stage" }), "renewal_window");
    expect(screen.queryByRole("button", { name: "Harbour Bakery" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Lumen Dental" })).toBeInTheDocument();
  });

  it("shows the core's validation message next to the field it is about", async () => {
    commands.clientTable.mockReturnValue(ok([]));
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
    commands.clientTable.mockReturnValue(ok([]));
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
    commands.clientTable.mockReturnValue(ok([row(client(3, "Finch Legal"))]));
    const onOpen = vi.fn();
    renderWithQuery(<ClientsScreen onOpen={onOpen} />);
    await userEvent.click(await screen.findByRole("button", { name: "Finch Legal" }));
    expect(onOpen).toHaveBeenCalledWith(3);
  });

  it("sorts by health, revenue or renewal and filters by band, clients without a value last", async () => {
    commands.clientTable.mockReturnValue(
      ok([
        row(client(1, "Amber Co"), { band: "amber", score: 5, mrr_cents: 300000, renewal_date: "2027-03-01" }),
        row(client(2, "Red Ltd"), { band: "red", score: 2, mrr_cents: 100000, renewal_date: null }),
        row(client(3, "Green plc"), { band: "green", score: 8, mrr_cents: 900000, renewal_date: "2027-01-15" }),
        row({ ...client(4, "Lost Ltd"), status: "ended" }, { band: null, score: null, max: null, segment: null, mrr_cents: 0 }),
      ]),
    );
    renderWithQuery(<ClientsScreen onOpen={() => {}} currency="EUR" />);
    await screen.findByRole("button", { name: "Amber Co" });
    const names = () => screen.getAllByRole("rowheader").map((h) => within(h).getByRole("button").textContent);
    expect(names()).toEqual(["Amber Co", "Green plc", "Lost Ltd", "Red Ltd"]);
    await userEvent.click(screen.getByRole("button", { name: /^Health/ }));
    expect(names()).toEqual(["Red Ltd", "Amber Co", "Green plc", "Lost Ltd"]);
    await userEvent.click(screen.getByRole("button", { name: /^Monthly revenue/ }));
    await userEvent.click(screen.getByRole("button", { name: /^Monthly revenue/ }));
    expect(names()).toEqual(["Green plc", "Amber Co", "Red Ltd", "Lost Ltd"]);
    expect(screen.getByRole("columnheader", { name: /Monthly revenue/ })).toHaveAttribute("aria-sort", "descending");
    await userEvent.click(screen.getByRole("button", { name: /^Renewal/ }));
    expect(names()).toEqual(["Green plc", "Amber Co", "Lost Ltd", "Red Ltd"]);
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Filter by health" }), "amber");
    expect(names()).toEqual(["Amber Co"]);
  });

  it("draws only the rows in view of a long list", async () => {
    commands.clientTable.mockReturnValue(ok(Array.from({ length: 1000 }, (_, i) => row(client(i + 1, `Client ${String(i).padStart(4, "0")}`)))));
    renderWithQuery(<ClientsScreen onOpen={() => {}} />);
    await screen.findByRole("button", { name: "Client 0000" });
    expect(screen.getAllByRole("rowheader").length).toBeLessThan(100);
  });
});
