// Long file: every behaviour of the client page, one test each, over one shared page fixture.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ClientPage as Page } from "../../bindings";
import { err, ok, renderWithQuery, written } from "../../test/render";
import { ClientPage } from "./ClientPage";
import { commands } from "../../test/backend";

vi.mock("@tauri-apps/plugin-dialog", () => ({ open: vi.fn(), save: vi.fn() }));
vi.mock("../../bindings", () => import("../../test/backend"));

const studio = { name: "Fox & Finch", currency: "EUR", paper_size: "A4" as const };

function page(): Page {
  return {
    client: {
      id: 1,
      name: "Harbour Bakery",
      status: "active",
      goal: "More weekday orders",
      start_date: "2026-01-05",
      notes: "CFO is cost-sensitive",
      archived_at: null,
      plan: { cadence_days: 14, owner: "Mia", recap: "", fiscal_year_start: 1, annual_budget_cents: null },
      created_at: "",
      updated_at: "",
    },
    as_of: "2026-11-25",
    mrr_cents: 300000,
    renewal: { date: "2027-01-04", days_away: 40, notice_days: 30 },
    kpis: [
      {
        kpi: { id: 10, client_id: 1, name: "Weekday orders", unit: "orders", direction: "up", baseline: 100, target: 200, baseline_date: "2026-01-01", target_date: "2026-12-31", cents_per_unit: null, worth_counts: "monthly", share_low_pct: 100, share_high_pct: 100, below_baseline_counts: false },
        measurements: [{ id: 2, kpi_id: 10, measured_on: "2026-10-31", value: 150, note: "" }],
        progress: { latest: { id: 2, kpi_id: 10, measured_on: "2026-10-31", value: 150, note: "" }, progress: 0.5, expected: 0.83, status: "off_track", label: "Off track" },
      },
    ],
    milestones: [],
    time_to_first_value_days: null,
    stakeholders: [],
    contacts: [],
    missing_deciders: null,
    primary_contact_changes: [],
    contracts: [],
    invoices: [],
    touchpoints: [],
    deliverables: [],
    complaints: [],
    survey_answers: [],
    opportunities: [],
    risks: [],
    hours_used: [],
    referrals: [],
    testimonials: [],
    ending: null,
    asks: [],
    late_asks: [],
    sent: [{ label: "Monthly summary for October 2026", sent_on: "2026-11-03" }],
    lifecycle: { stage: "renewal_window", why: "They decide by 2 Dec 2026 (notice before the renewal on 31 Jan 2027)." },
    last_two_way_contact: "2026-11-02",
    next_check_in: "2026-11-16",
    timeline: [{ date: "2026-10-31", kind: "measurement", title: "Weekday orders: 150 orders", detail: "", record: { kind: "measurement", id: 2 } }],
    open_items: [{ text: "Invoice 2026-041 is 25 days overdue.", area: "invoices" }],
  };
}

beforeEach(() => {
  vi.resetAllMocks();
  commands.checklist.mockReturnValue(ok([]));
  commands.clientHealth.mockReturnValue(
    ok({
      client_id: 1,
      client: "Harbour Bakery",
      health: {
        as_of: "2026-11-26",
        score: 5,
        max: 8,
        band: "amber",
        summary: "5 of 8.",
        signals: [{ signal: "payment", label: "Payments", score: 1, reason: "1 of the last 3 invoices late; invoice 2026-031 paid 12 days late.", overridden: false }],
      },
      history: [{ week: "2026-W48", as_of: "2026-11-26", score: 5, max: 8, band: "amber" }],
    }),
  );
  commands.clientPage.mockReturnValue(ok(page()));
  commands.currencies.mockResolvedValue([{ code: "EUR", name: "Euro", minor_digits: 2 }]);
});

describe("ClientPage", () => {
  it("shows the goal, KPI progress in words and what needs attention", async () => {
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    expect(await screen.findByRole("heading", { name: "Harbour Bakery" })).toBeInTheDocument();
    expect(screen.getByText("More weekday orders")).toBeInTheDocument();
    expect(screen.getByLabelText("Stage")).toHaveTextContent("Renewal window — They decide by 2 Dec 2026 (notice before the renewal on 31 Jan 2027).");
    const kpi = screen.getByRole("article", { name: "Weekday orders" });
    expect(within(kpi).getByText("Off track")).toBeInTheDocument();
    expect(within(kpi).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "50");
    expect(screen.getByText("Invoice 2026-041 is 25 days overdue.")).toBeInTheDocument();
    expect(screen.getByText("CFO is cost-sensitive")).toBeInTheDocument();
    expect(screen.getByText(/^Monthly summary for October 2026, /)).toBeInTheDocument();
  });

  it("logs a touchpoint with today's date and 'attended' by default", async () => {
    commands.saveTouchpoint.mockReturnValue(written());
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    const form = await screen.findByRole("form", { name: "Log touchpoint" });
    await userEvent.type(within(form).getByLabelText("What was said or agreed"), "Reviewed October{Enter}");
    expect(commands.saveTouchpoint).toHaveBeenCalledWith(
      1,
      null,
      expect.objectContaining({ kind: "call", summary: "Reviewed October", attended: true, no_show: false, stakeholder_id: null }),
    );
    const [, , input] = commands.saveTouchpoint.mock.calls[0];
    expect(input.happened_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("says when each person was last spoken with, and which decider has gone quiet", async () => {
    const people = [
      { id: 21, client_id: 1, name: "Ana Ribeiro", role: "finance" as const, email: "", phone: "", is_primary: false },
      { id: 22, client_id: 1, name: "Tom Baker", role: "day_to_day" as const, email: "", phone: "", is_primary: true },
    ];
    const contacts = [
      { stakeholder_id: 21, last_on: "2026-09-03", said: "Last contact 3 Sep 2026", quiet: "Not heard from in 90 days: they decide the renewal" },
      { stakeholder_id: 22, last_on: "2026-11-26", said: "Last contact 26 Nov 2026", quiet: null },
    ];
    commands.clientPage.mockReturnValue(ok({ ...page(), stakeholders: people, contacts }));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    const card = await screen.findByRole("region", { name: "People" });
    expect(within(card).getByText(/Last contact 26 Nov 2026/)).toBeInTheDocument();
    expect(within(card).getByText("Not heard from in 90 days: they decide the renewal")).toBeInTheDocument();
    expect(within(card).queryByText(/No finance contact or executive sponsor/)).not.toBeInTheDocument();
  });

  it("logs a touchpoint with the main contact unless the owner picks someone else", async () => {
    commands.saveTouchpoint.mockReturnValue(written());
    const people = [
      { id: 21, client_id: 1, name: "Ana Ribeiro", role: "finance" as const, email: "", phone: "", is_primary: false },
      { id: 22, client_id: 1, name: "Tom Baker", role: "day_to_day" as const, email: "", phone: "", is_primary: true },
    ];
    commands.clientPage.mockReturnValue(ok({ ...page(), stakeholders: people }));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    const form = await screen.findByRole("form", { name: "Log touchpoint" });
    expect(within(form).getByLabelText("With")).toHaveValue("22");
    await userEvent.type(within(form).getByLabelText("What was said or agreed"), "Weekly call{Enter}");
    expect(commands.saveTouchpoint).toHaveBeenLastCalledWith(1, null, expect.objectContaining({ summary: "Weekly call", stakeholder_id: 22 }));
    expect(commands.saveTouchpoint.mock.calls[0][2]).not.toHaveProperty("with");

    const again = await screen.findByRole("form", { name: "Log touchpoint" });
    await userEvent.selectOptions(within(again).getByLabelText("With"), "No one in particular");
    await userEvent.type(within(again).getByLabelText("What was said or agreed"), "Newsletter{Enter}");
    expect(commands.saveTouchpoint).toHaveBeenLastCalledWith(1, null, expect.objectContaining({ summary: "Newsletter", stakeholder_id: null }));
  });

  it("records who answered a survey, or nobody when it is not known", async () => {
    commands.saveSurveyAnswer.mockReturnValue(written());
    const people = [{ id: 21, client_id: 1, name: "Ana Ribeiro", role: "finance" as const, email: "", phone: "", is_primary: true }];
    commands.clientPage.mockReturnValue(ok({ ...page(), stakeholders: people }));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Add survey answer" }));
    const form = screen.getByRole("form", { name: "Add survey answer" });
    expect(within(form).getByLabelText("Who answered")).toHaveValue("");
    await userEvent.selectOptions(within(form).getByLabelText("Who answered"), "Ana Ribeiro");
    await userEvent.type(within(form).getByLabelText("Score"), "9{Enter}");
    expect(commands.saveSurveyAnswer).toHaveBeenCalledWith(1, null, expect.objectContaining({ kind: "nps", score: "9", stakeholder_id: 21 }));
  });

  it("shows a refused KPI value next to the value field", async () => {
    commands.saveMeasurement.mockReturnValue(err("validation", "Value 'lots' is not a number.", "value"));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    const kpi = await screen.findByRole("article", { name: "Weekday orders" });
    await userEvent.click(within(kpi).getByRole("button", { name: "Add value" }));
    await userEvent.type(within(kpi).getByLabelText("Value"), "lots");
    await userEvent.click(within(kpi).getByRole("button", { name: "Save value" }));
    expect(await within(kpi).findByText("Value 'lots' is not a number.")).toBeInTheDocument();
    expect(commands.saveMeasurement).toHaveBeenCalledWith(10, null, expect.objectContaining({ value: "lots" }));
  });

  it("deletes a timeline entry only after confirmation, and undoes it", async () => {
    commands.deleteRecord.mockReturnValue(ok({ token: 41 }));
    commands.undoDelete.mockReturnValue(ok(null));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    const remove = await screen.findByRole("button", { name: /Delete: Weekday orders: 150 orders/ });
    await userEvent.click(remove);
    await userEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Keep it" }));
    expect(commands.deleteRecord).not.toHaveBeenCalled();
    await userEvent.click(remove);
    const ask = screen.getByRole("alertdialog", { name: /^Delete “Weekday orders: 150 orders, .+”\?$/ });
    expect(ask).toHaveAccessibleDescription("You can undo this from the notice that follows.");
    expect(ask).not.toHaveTextContent(/cannot be undone/);
    // Focus starts on "Keep it"; Tab reaches "Delete", and Enter confirms.
    await userEvent.tab();
    expect(within(ask).getByRole("button", { name: "Delete" })).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    expect(commands.deleteRecord).toHaveBeenCalledWith({ kind: "measurement", id: 2 });
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(await screen.findByText(/Deleted “Weekday orders: 150 orders/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(commands.undoDelete).toHaveBeenCalledWith(41);
  });

  it("deletes nothing when the owner keeps the entry, by button or with Escape", async () => {
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    const remove = await screen.findByRole("button", { name: /Delete: Weekday orders: 150 orders/ });
    await userEvent.click(remove);
    const keep = within(screen.getByRole("alertdialog")).getByRole("button", { name: "Keep it" });
    expect(keep).toHaveFocus();
    await userEvent.click(keep);
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(remove).toHaveFocus();
    await userEvent.click(remove);
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(commands.deleteRecord).not.toHaveBeenCalled();
    expect(screen.queryByText(/Deleted “/)).not.toBeInTheDocument();
    expect(screen.getByText("Weekday orders: 150 orders")).toBeInTheDocument();
  });

  it("refreshes the health card after a touchpoint is logged", async () => {
    commands.saveTouchpoint.mockReturnValue(written());
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    expect(await screen.findByText("Amber · 5 of 8")).toBeInTheDocument();
    const green = { as_of: "2026-11-26", score: 7, max: 8, band: "green" as const, summary: "7 of 8.", signals: [] };
    commands.clientHealth.mockReturnValue(ok({ client_id: 1, client: "Harbour Bakery", health: green, history: [{ week: "2026-W48", as_of: "2026-11-26", score: 7, max: 8, band: "green" }] }));
    const form = screen.getByRole("form", { name: "Log touchpoint" });
    await userEvent.type(within(form).getByLabelText("What was said or agreed"), "Reviewed October{Enter}");
    expect(await screen.findByText("Green · 7 of 8")).toBeInTheDocument();
  });

  it("shows the client's health with the reason for each signal", async () => {
    commands.clientPage.mockReturnValue(ok(page()));
    commands.currencies.mockResolvedValue([]);
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    expect(await screen.findByText("1 of the last 3 invoices late; invoice 2026-031 paid 12 days late.")).toBeInTheDocument();
    expect(screen.getByText("Amber · 5 of 8")).toBeInTheDocument();
    expect(screen.getByLabelText("Health over the last 12 weeks").children).toHaveLength(1);
  });

  it("lets the owner set a signal by hand with a reason and a date", async () => {
    commands.saveOverride.mockReturnValue(ok({ id: 1, client_id: 1, signal: "payment", score: 2, reason: "Paid at the meeting", set_on: "2026-11-26", expires_on: "2026-12-31" }));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Set Payments by hand" }));
    await userEvent.type(screen.getByLabelText("Why (for you)"), "Paid at the meeting");
    await userEvent.type(screen.getByLabelText("Until"), "2026-12-31");
    await userEvent.click(within(screen.getByRole("form", { name: "Set Payments by hand" })).getByRole("button", { name: "Save" }));
    expect(commands.saveOverride).toHaveBeenCalledWith(1, { signal: "payment", score: 2, reason: "Paid at the meeting", expires_on: "2026-12-31" });
  });

  it("records a client they referred, chosen from the other clients", async () => {
    const other = { ...page().client, id: 2, name: "Lumen Dental" };
    commands.listClients.mockReturnValue(ok([page().client, other]));
    commands.saveReferral.mockReturnValue(ok({ id: 1, from_client_id: 1, from_client: "Harbour Bakery", to_client_id: 2, to_client: "Lumen Dental", referred_on: "2026-11-26" }));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "They referred a client" }));
    const form = screen.getByRole("form", { name: "They referred a client" });
    expect(within(form).getByLabelText("New client")).toHaveDisplayValue("Lumen Dental");
    await userEvent.click(within(form).getByRole("button", { name: "Save" }));
    expect(commands.saveReferral).toHaveBeenCalledWith(1, expect.objectContaining({ to_client_id: 2 }));
  });

  it("starts the onboarding checklist and ticks a step", async () => {
    commands.startChecklist.mockReturnValue(ok([{ id: 5, client_id: 1, title: "Kick-off call held", done_on: null }]));
    commands.setStepDone.mockReturnValue(ok([{ id: 5, client_id: 1, title: "Kick-off call held", done_on: "2026-11-26" }]));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Start the onboarding checklist" }));
    await userEvent.click(await screen.findByRole("checkbox", { name: /Kick-off call held/ }));
    expect(commands.setStepDone).toHaveBeenCalledWith(1, 5, true);
    expect(await screen.findByText("1 of 1 done")).toBeInTheDocument();
    expect(commands.startChecklist).toHaveBeenCalledWith(1, "onboarding");
    expect(screen.queryByRole("button", { name: "Start the offboarding checklist" })).not.toBeInTheDocument();
  });

  it("offers the offboarding checklist once the client has ended", async () => {
    const ended = page();
    commands.clientPage.mockReturnValue(ok({ ...ended, client: { ...ended.client, status: "ended" } }));
    commands.startChecklist.mockReturnValue(ok([{ id: 9, client_id: 1, title: "Final invoice sent", done_on: null }]));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Start the offboarding checklist" }));
    expect(commands.startChecklist).toHaveBeenCalledWith(1, "offboarding");
    expect(await screen.findByRole("checkbox", { name: /Final invoice sent/ })).toBeInTheDocument();
  });

  it("edits a timeline entry in place with its stored values", async () => {
    commands.saveMeasurement.mockReturnValue(ok({ id: 2, kpi_id: 10, measured_on: "2026-10-31", value: 155, note: "" }));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: /^Edit: Weekday orders: 150 orders/ }));
    const value = screen.getByLabelText("Value");
    expect(value).toHaveValue("150");
    await userEvent.clear(value);
    await userEvent.type(value, "155");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(commands.saveMeasurement).toHaveBeenCalledWith(10, 2, expect.objectContaining({ value: "155", measured_on: "2026-10-31" }));
  });

  it("edits a stored invoice: marks it paid, keeping its line's amount exact", async () => {
    const data = page();
    data.invoices = [
      {
        invoice: { id: 7, client_id: 1, number: "2026-041", issued_on: "2026-10-01", due_on: "2026-10-31", paid_on: null, void: false, lines: [{ description: "October retainer", amount_cents: 250005, kpi_id: 10, deliverable_id: null }] },
        total_cents: 250005,
        status: "overdue",
        days_overdue: 25,
      },
    ];
    commands.clientPage.mockReturnValue(ok(data));
    commands.saveInvoice.mockReturnValue(written());
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Edit: invoice 2026-041" }));
    expect(screen.getByLabelText("Amount")).toHaveValue("2500.05");
    await userEvent.type(screen.getByLabelText("Paid on"), "2026-11-20");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(commands.saveInvoice).toHaveBeenCalledWith(1, 7, {
      number: "2026-041",
      issued_on: "2026-10-01",
      due_on: "2026-10-31",
      paid_on: "2026-11-20",
      void: false,
      lines: [{ description: "October retainer", amount: "2500.05", kpi_id: 10, deliverable_id: null }],
    });
  });

  it("ties a new invoice or deliverable to a KPI only when the owner picks one", async () => {
    commands.saveInvoice.mockReturnValue(written());
    commands.saveDeliverable.mockReturnValue(written());
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Add invoice" }));
    const invoice = screen.getByRole("form", { name: "Add invoice" });
    expect(within(invoice).getByLabelText("Works toward")).toHaveValue("");
    await userEvent.type(within(invoice).getByLabelText("Invoice number"), "2026-050");
    await userEvent.type(within(invoice).getByLabelText("Amount"), "900");
    await userEvent.type(within(invoice).getByLabelText("What it is for"), "Design sprint");
    await userEvent.click(within(invoice).getByRole("button", { name: "Save" }));
    expect(commands.saveInvoice).toHaveBeenCalledWith(1, null, expect.objectContaining({ lines: [{ description: "Design sprint", amount: "900", kpi_id: null, deliverable_id: null }] }));

    await userEvent.click(screen.getByRole("button", { name: "Add deliverable" }));
    const work = screen.getByRole("form", { name: "Add deliverable" });
    await userEvent.type(within(work).getByLabelText("What was delivered"), "Lunch menu page");
    await userEvent.selectOptions(within(work).getByLabelText("Works toward"), "Weekday orders");
    await userEvent.click(within(work).getByRole("button", { name: "Save" }));
    expect(commands.saveDeliverable).toHaveBeenCalledWith(1, null, expect.objectContaining({ title: "Lunch menu page", kpi_id: 10 }));
  });

  it("edits a person and makes them the main contact", async () => {
    const data = page();
    data.stakeholders = [{ id: 3, client_id: 1, name: "Ana Silva", role: "champion", email: "ana@example.com", phone: "", is_primary: false }];
    commands.clientPage.mockReturnValue(ok(data));
    commands.saveStakeholder.mockReturnValue(written());
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Edit: Ana Silva" }));
    await userEvent.click(screen.getByLabelText("Main contact"));
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(commands.saveStakeholder).toHaveBeenCalledWith(1, 3, expect.objectContaining({ name: "Ana Silva", email: "ana@example.com", is_primary: true }));
  });

  it("lists delivered work, open issues first and survey answers, each editable", async () => {
    const data = page();
    data.deliverables = [{ id: 4, client_id: 1, title: "Lunch menu page", delivered_on: "2026-10-12", kpi_id: 10 }];
    data.complaints = [
      { id: 5, client_id: 1, opened_on: "2026-09-01", closed_on: "2026-09-03", tag: "quality", summary: "Typo on flyer" },
      { id: 6, client_id: 1, opened_on: "2026-10-02", closed_on: null, tag: "deadline", summary: "Late newsletter" },
    ];
    data.survey_answers = [{ id: 8, client_id: 1, stakeholder_id: null, kind: "nps", score: 9, answered_on: "2026-10-20", comment: "Great", followed_up_on: null }];
    commands.clientPage.mockReturnValue(ok(data));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    const card = (await screen.findByRole("heading", { name: "Work, issues and surveys" })).closest("section")!;
    const text = card.textContent ?? "";
    expect(text.indexOf("Late newsletter")).toBeLessThan(text.indexOf("Typo on flyer"));
    expect(within(card).getByText(/NPS 9 — “Great”/)).toBeInTheDocument();
    expect(within(card).getByRole("button", { name: /Edit: Lunch menu page/ })).toBeInTheDocument();
  });

  it("copies the success plan the core writes", async () => {
    commands.planRecap.mockReturnValue(ok("Success plan — Harbour Bakery\n"));
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Copy plan" }));
    expect(await screen.findByText("Copied")).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith("Success plan — Harbour Bakery\n");
  });

  it("starts a touchpoint with T and a KPI value with V from the keyboard", async () => {
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    await screen.findByRole("article", { name: "Weekday orders" });
    await userEvent.keyboard("t");
    expect(within(screen.getByRole("form", { name: "Log touchpoint" })).getByLabelText("What was said or agreed")).toHaveFocus();
    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard("v");
    const kpi = screen.getByRole("article", { name: "Weekday orders" });
    expect(await within(kpi).findByLabelText("Value")).toBeInTheDocument();
  });

  it("shows a long history 40 entries at a time", async () => {
    const data = page();
    data.timeline = Array.from({ length: 95 }, (_, i) => ({ date: "2026-10-31", kind: "touchpoint" as const, title: `Call ${i}`, detail: "", record: { kind: "touchpoint" as const, id: 100 + i } }));
    commands.clientPage.mockReturnValue(ok(data));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    expect(await screen.findByText("Call 39")).toBeInTheDocument();
    expect(screen.queryByText("Call 40")).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Show 40 older entries (55 more)" }));
    await userEvent.click(screen.getByRole("button", { name: "Show 15 older entries (15 more)" }));
    expect(screen.getByText("Call 94")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /older entries/ })).not.toBeInTheDocument();
  });

  it("records what is needed from the client, shows who and by when, and marks it done today", async () => {
    const data = page();
    data.stakeholders = [{ id: 7, client_id: 1, name: "Jonas Weber", role: "executive_sponsor", email: "", phone: "", is_primary: true }];
    data.asks = [{ id: 3, client_id: 1, what: "Approve the loyalty card", who: "Jonas Weber", asked_on: "2026-11-02", due_on: "2026-11-20", if_late: "the launch moves a week", done_on: null }];
    data.late_asks = [3];
    commands.clientPage.mockReturnValue(ok(data));
    commands.saveAsk.mockReturnValue(written());
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    const card = await screen.findByRole("region", { name: "What we need from them" });
    expect(within(card).getByText("Approve the loyalty card")).toBeInTheDocument();
    expect(card).toHaveTextContent(/Jonas Weber · by .*20.*2026/);
    expect(card).toHaveTextContent("if late: the launch moves a week");
    expect(card).toHaveTextContent("(late)");
    await userEvent.click(within(card).getByRole("button", { name: "Mark done" }));
    expect(commands.saveAsk).toHaveBeenCalledWith(1, 3, expect.objectContaining({ what: "Approve the loyalty card", done_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }));

    await userEvent.click(within(card).getByRole("button", { name: "Add what you need" }));
    expect(within(card).getByLabelText("Who at the client")).toHaveValue("Jonas Weber");
    await userEvent.type(within(card).getByLabelText("What you need from them"), "Send the photos");
    await userEvent.type(within(card).getByLabelText("Needed by"), "2026-12-01");
    await userEvent.click(within(card).getByRole("button", { name: "Save" }));
    expect(commands.saveAsk).toHaveBeenLastCalledWith(1, null, expect.objectContaining({ what: "Send the photos", who: "Jonas Weber", due_on: "2026-12-01", done_on: "" }));
  });

  it("keeps the account plan's risks, says which have no plan yet, and shows the core's refusal beside the field", async () => {
    const data = page();
    data.risks = [
      { id: 5, client_id: 1, title: "Budget review in January", mitigation: "", owner: "", raised_on: "2026-11-02", closed_on: null, show_client: false },
      { id: 6, client_id: 1, title: "Launch slips", mitigation: "Weekly check-ins", owner: "Ana", raised_on: "2026-10-01", closed_on: null, show_client: true },
    ];
    commands.clientPage.mockReturnValue(ok(data));
    commands.saveRisk.mockReturnValue(err("validation", "Write what you are doing about this risk before showing it in the client's QBR.", "mitigation"));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    const card = await screen.findByRole("region", { name: "Risks" });
    expect(within(card).getByText("Budget review in January").closest("li")).toHaveTextContent("No plan written yet · nobody named yet");
    expect(within(card).getByText("Launch slips").closest("li")).toHaveTextContent("In QBR");
    expect(within(card).getByText("Launch slips").closest("li")).toHaveTextContent("What we do: Weekly check-ins · Ana");
    await userEvent.click(within(card).getByRole("button", { name: "Add risk" }));
    await userEvent.type(within(card).getByLabelText("What could go wrong"), "Their lead leaves");
    await userEvent.click(within(card).getByLabelText("Show it in the client's QBR, with what we do and who does it"));
    await userEvent.click(within(card).getByRole("button", { name: "Save" }));
    expect(commands.saveRisk).toHaveBeenCalledWith(1, null, expect.objectContaining({ title: "Their lead leaves", mitigation: "", show_client: true }));
    expect(await within(card).findByText(/before showing it in the client's QBR/)).toBeInTheDocument();
  });

  it("keeps the yearly budget the client shared with the plan, as the owner typed it", async () => {
    const data = page();
    data.client.plan.annual_budget_cents = 6240000;
    commands.clientPage.mockReturnValue(ok(data));
    commands.saveSuccessPlan.mockReturnValue(ok(data.client));
    renderWithQuery(<ClientPage clientId={1} studio={studio} onBack={() => {}} />);
    const plan = await screen.findByRole("region", { name: "Success plan" });
    expect(plan).toHaveTextContent(/budget .*62,400\.00 a year/);
    await userEvent.click(within(plan).getByRole("button", { name: "Edit plan" }));
    const budget = within(plan).getByLabelText("Their yearly budget for your work");
    expect(budget).toHaveValue("62400.00");
    await userEvent.clear(budget);
    await userEvent.type(budget, "70,000");
    await userEvent.click(within(plan).getByRole("button", { name: "Save plan" }));
    expect(commands.saveSuccessPlan).toHaveBeenCalledWith(1, expect.objectContaining({ annual_budget: "70,000", fiscal_year_start: 1 }));
  });
});
