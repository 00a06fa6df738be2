import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { AppStatus } from "./bindings";
import { ok, pending, renderWithQuery } from "./test/render";
import { App } from "./App";
import { formatDate } from "./format";
import { commands } from "./test/backend";

vi.mock("./bindings", () => import("./test/backend"));
vi.mock("@tauri-apps/plugin-dialog", () => ({ open: vi.fn(), save: vi.fn() }));

const status = (over: Partial<AppStatus>): AppStatus => ({
  book: "mine",
  studio: { name: "Fox & Finch", currency: "EUR", paper_size: "A4" },
  book_path: "/data/clientwell.sqlite3",
  problem: null,
  log_path: null,
  ...over,
});

beforeEach(() => {
  vi.resetAllMocks();
  commands.currencies.mockResolvedValue([{ code: "EUR", name: "Euro", minor_digits: 2 }]);
  commands.listClients.mockReturnValue(ok([]));
  commands.branding.mockReturnValue(ok({ accent: "#1f6f6b", logo_data_url: null }));
  commands.weeklyReview.mockReturnValue(ok({ as_of: "2026-11-26", items: [], hidden: 0, health: [] }));
  commands.portfolio.mockReturnValue(pending());
  commands.healthSettings.mockReturnValue(pending());
  commands.metricsSettings.mockReturnValue(pending());
  commands.periodChoices.mockReturnValue(ok([]));
  commands.messageTemplates.mockReturnValue(pending());
  commands.checklistTemplate.mockReturnValue(pending());
  commands.displaySettings.mockReturnValue(ok({ locale: null }));
  commands.localeChoices.mockResolvedValue([{ tag: "de-DE", name: "Deutsch (Deutschland)" }]);
  commands.checkForUpdate.mockReturnValue(ok(null));
  commands.updateSettings.mockReturnValue(ok({ check_at_start: true, last_checked: "2026-12-04", current_version: "0.1.0" }));
});

describe("App", () => {
  it("welcomes a new owner with a studio form and the demo", async () => {
    commands.appStatus.mockReturnValue(ok(status({ studio: null })));
    commands.openDemoBook.mockReturnValue(ok(status({ book: "demo" })));
    renderWithQuery(<App />);
    expect(await screen.findByRole("heading", { name: "Welcome to Clientwell" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create my studio" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Open demo studio" }));
    expect(commands.openDemoBook).toHaveBeenCalled();
  });

  it("explains a book it could not open instead of showing a blank window", async () => {
    commands.appStatus.mockReturnValue(
      ok(status({ studio: null, problem: { kind: "incompatible", message: "This book was saved by a newer version of Clientwell.", field: null } })),
    );
    renderWithQuery(<App />);
    expect(await screen.findByText("This book was saved by a newer version of Clientwell.")).toBeInTheDocument();
  });

  it("opens on the weekly review, marks the demo as a demo and reaches every area", async () => {
    commands.appStatus.mockReturnValue(ok(status({ book: "demo" })));
    renderWithQuery(<App />);
    expect(await screen.findByRole("heading", { name: "This week" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("region", { name: "This week" })).toHaveAttribute("aria-busy", "false"));
    expect(screen.getByText("Demo")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Go to Clients" }));
    expect(await screen.findByRole("heading", { name: "Clients" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Portfolio" }));
    expect(screen.getByRole("heading", { name: "Portfolio" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Reports" }));
    expect(screen.getByRole("heading", { name: "Reports" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Settings" }));
    expect(screen.getByRole("heading", { name: "Settings" })).toBeInTheDocument();
    expect(screen.getByLabelText("Studio name")).toHaveValue("Fox & Finch");
  });

  it("mentions a newer version found by the check at start at the sidebar's foot, and opens Settings to it", async () => {
    commands.appStatus.mockReturnValue(ok(status({})));
    commands.checkForUpdate.mockReturnValue(ok({ version: "0.2.0", current_version: "0.1.0", notes: "Reports open faster.", published: "2026-12-01" }));
    renderWithQuery(<App />);
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(await within(nav).findByText(/Clientwell 0.2.0 is ready/)).toBeInTheDocument();
    expect(commands.checkForUpdate).toHaveBeenCalledWith(true);
    await userEvent.click(within(nav).getByRole("button", { name: "See what's new" }));
    expect(await screen.findByRole("heading", { name: /Clientwell 0.2.0 is ready/, level: 3 })).toBeInTheDocument();
    expect(screen.getByText("Reports open faster.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Install 0.2.0 and restart" })).toBeInTheDocument();
    expect(commands.checkForUpdate).toHaveBeenCalledTimes(1);
  });

  it("jumps to a client from the keyboard with Ctrl-K, matching without accents", async () => {
    commands.appStatus.mockReturnValue(ok(status({})));
    const client = (id: number, name: string) => ({ id, name, status: "active" as const, goal: "", start_date: "2026-01-01", notes: "", archived_at: null, plan: { cadence_days: null, owner: "", recap: "", fiscal_year_start: 1, annual_budget_cents: null }, created_at: "", updated_at: "" });
    commands.listClients.mockReturnValue(ok([client(1, "Harbour Bakery"), client(2, "Café Lumière")]));
    commands.clientPage.mockReturnValue(pending());
    commands.clientHealth.mockReturnValue(pending());
    commands.checklist.mockReturnValue(ok([]));
    renderWithQuery(<App />);
    await screen.findByRole("heading", { name: "This week" });
    // Escape closes it and gives the focus back to where it was; the palette is a named dialog.
    const finder = screen.getByRole("button", { name: /Find a client/ });
    finder.focus();
    await userEvent.keyboard("{Control>}k{/Control}");
    expect(await screen.findByRole("dialog", { name: "Go to a client or screen" })).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await waitFor(() => expect(finder).toHaveFocus());
    await userEvent.keyboard("{Control>}k{/Control}");
    const search = await screen.findByRole("combobox", { name: "Client or screen name" });
    expect(search).toHaveFocus();
    await userEvent.type(search, "cafe lum");
    expect(await screen.findByRole("option", { name: /Café Lumière/ })).toHaveAttribute("aria-selected", "true");
    expect(screen.queryByRole("option", { name: /Harbour Bakery/ })).not.toBeInTheDocument();
    await userEvent.keyboard("{Enter}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(commands.clientPage).toHaveBeenCalledWith(2, "");
  });

  it("after creating the studio, offers its look, financial year and a first client, then the week", async () => {
    commands.appStatus.mockReturnValueOnce(ok(status({ studio: null })));
    commands.appStatus.mockReturnValue(ok(status({})));
    commands.saveStudio.mockReturnValue(ok({ name: "Fox & Finch", currency: "EUR", paper_size: "A4" }));
    commands.metricsSettings.mockReturnValue(ok({ fiscal_year_start: 1, acquisition_cost: "" }));
    commands.createClient.mockReturnValue(ok({ id: 1, name: "Harbour Bakery", status: "onboarding", goal: "", start_date: "2026-11-26", notes: "", archived_at: null, plan: { cadence_days: null, owner: "", recap: "", fiscal_year_start: 1, annual_budget_cents: null }, created_at: "", updated_at: "" }));
    renderWithQuery(<App />);
    await userEvent.type(await screen.findByLabelText("Studio name"), "Fox & Finch");
    await userEvent.click(screen.getByRole("button", { name: "Create my studio" }));
    expect(await screen.findByRole("heading", { name: "Make it yours" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Your reports’ look" })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Client name"), "Harbour Bakery");
    await userEvent.click(screen.getByRole("button", { name: "Save client" }));
    expect(await screen.findByText(/Added Harbour Bakery/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Go to my week" }));
    expect(await screen.findByRole("heading", { name: "This week" })).toBeInTheDocument();
  });

  it("shows dates in the locale chosen in Settings, staying on the screen", async () => {
    commands.appStatus.mockReturnValue(ok(status({})));
    commands.saveDisplaySettings.mockReturnValue(ok({ locale: "de-DE" }));
    renderWithQuery(<App />);
    await screen.findByRole("heading", { name: "This week" });
    await userEvent.click(screen.getByRole("button", { name: "Settings" }));
    const select = await screen.findByLabelText("Show dates and amounts as");
    expect(within(select).getByRole("option", { name: /Deutsch \(Deutschland\) — 26\. Nov\. 2026 · 1\.234,50\s€/ })).toBeInTheDocument();
    await userEvent.selectOptions(select, "de-DE");
    commands.displaySettings.mockReturnValue(ok({ locale: "de-DE" }));
    await userEvent.click(within(screen.getByRole("form", { name: "Dates and numbers" })).getByRole("button", { name: "Save" }));
    expect(commands.saveDisplaySettings).toHaveBeenCalledWith({ locale: "de-DE" });
    await waitFor(() => expect(formatDate("2026-11-26")).toBe("26. Nov. 2026"));
    expect(await screen.findByRole("heading", { name: "Settings" })).toBeInTheDocument();
  });
});
