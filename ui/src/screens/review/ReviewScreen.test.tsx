import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReviewItem, WeeklyReview } from "../../bindings";
import { ok, renderWithQuery } from "../../test/render";
import { ReviewScreen, weekFrom } from "./ReviewScreen";
import { commands } from "../../test/backend";

const dialog = vi.hoisted(() => ({ open: vi.fn(), save: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);
vi.mock("../../bindings", () => import("../../test/backend"));
const opener = vi.hoisted(() => ({ openUrl: vi.fn() }));
vi.mock("@tauri-apps/plugin-opener", () => opener);

const item = (key: string, over: Partial<ReviewItem> = {}): ReviewItem => ({
  key,
  kind: "check_in_due",
  client_id: 7,
  client: "Harbour Bakery",
  urgency: 2,
  title: "Value check-in overdue",
  reason: "Due since 20 Oct 2026 (37 days).",
  action_label: "Draft the check-in",
  next_step: { kind: "draft_message", script: "value_check_in" },
  ...over,
});

const review = (items: ReviewItem[]): WeeklyReview => ({
  as_of: "2026-11-26",
  items,
  hidden: 0,
  health: [{ client_id: 7, client: "Harbour Bakery", band: "amber", score: 5, max: 8, summary: "5 of 8: no two-way contact for 37 days.", mrr_cents: 320000, segment: "at_risk", segment_why: "Amber: intervene before it turns worse." }],
});

beforeEach(() => vi.resetAllMocks());

describe("ReviewScreen", () => {
  it("is marked busy under its heading while the week is loading, and not once it is drawn", async () => {
    let answer: (week: { status: "ok"; data: WeeklyReview }) => void = () => {};
    commands.weeklyReview.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    renderWithQuery(<ReviewScreen currency="EUR" onOpenClient={() => {}} onGoToClients={() => {}} />);
    const week = screen.getByRole("region", { name: "This week" });
    expect(week).toHaveAttribute("aria-busy", "true");
    expect(screen.getByText("Looking at your week…")).toBeInTheDocument();
    answer({ status: "ok", data: review([item("checkin:7:2026-10-20")]) });
    await waitFor(() => expect(screen.getByRole("region", { name: "This week" })).toHaveAttribute("aria-busy", "false"));
    expect(screen.getByText("Due since 20 Oct 2026 (37 days).")).toBeInTheDocument();
    expect(screen.queryByText("Looking at your week…")).not.toBeInTheDocument();
  });

  it("lists what needs doing with its reason, and drafts the message in one click", async () => {
    commands.weeklyReview.mockReturnValue(ok(review([item("checkin:7:2026-10-20")])));
    commands.draftMessage.mockReturnValue(ok({ script: "value_check_in", to: "ana@harbour.example", to_id: 1, cc: [], recipients: [{ id: 1, name: "Ana Lopes", role: "day_to_day", email: "ana@harbour.example" }], subject: "Harbour Bakery: where we are", body: "Hi Ana,\\n\\nWhere we are: …" }));
    renderWithQuery(<ReviewScreen currency="EUR" onOpenClient={() => {}} onGoToClients={() => {}} />);
    expect(await screen.findByText("Due since 20 Oct 2026 (37 days).")).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Clients by health" })).toHaveTextContent("1 Amber");
    await userEvent.click(screen.getByRole("button", { name: "Draft the check-in" }));
    expect(commands.draftMessage).toHaveBeenCalledWith(7, "value_check_in", null);
    expect(await screen.findByText("Harbour Bakery: where we are")).toBeInTheDocument();
    expect(screen.getByText("ana@harbour.example")).toBeInTheDocument();
    opener.openUrl.mockResolvedValue(undefined);
    await userEvent.click(screen.getByRole("button", { name: "Open in my mail app" }));
    expect(opener.openUrl.mock.calls[0][0]).toMatch(/^mailto:ana@harbour\.example\?subject=Harbour%20Bakery%3A%20where%20we%20are&body=Hi%20Ana/);
  });

  it("drafts a payment reminder to the finance contact, and to whoever the owner picks instead, keeping their edits", async () => {
    commands.weeklyReview.mockReturnValue(ok(review([item("invoice:7:3", { kind: "overdue_invoice", title: "Invoice 2026-031 is 6 days overdue", action_label: "Draft a friendly reminder", next_step: { kind: "draft_message", script: "payment_reminder" } })])));
    const people = [
      { id: 2, name: "Hugo Baptiste", role: "finance" as const, email: "finance@harbour.example" },
      { id: 1, name: "Ana Lopes", role: "day_to_day" as const, email: "ana@harbour.example" },
    ];
    const draft = (to: number) => ({ script: "payment_reminder" as const, to: people.find((p) => p.id === to)!.email, to_id: to, cc: [], recipients: people, subject: "A friendly reminder", body: to === 2 ? "Hi Hugo," : "Hi Ana," });
    commands.draftMessage.mockImplementation((_c: number, _s: string, to: number | null) => Promise.resolve(ok(draft(to ?? 2))));
    renderWithQuery(<ReviewScreen currency="EUR" onOpenClient={() => {}} onGoToClients={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Draft a friendly reminder" }));
    expect(commands.draftMessage).toHaveBeenCalledWith(7, "payment_reminder", null);
    const to = await screen.findByRole("combobox", { name: "Send to" });
    expect(to).toHaveDisplayValue("Hugo Baptiste (Finance / CFO) — finance@harbour.example");
    expect(screen.getByRole("textbox")).toHaveValue("Hi Hugo,");
    await userEvent.selectOptions(to, "1");
    expect(commands.draftMessage).toHaveBeenCalledWith(7, "payment_reminder", 1);
    await waitFor(() => expect(screen.getByRole("textbox")).toHaveValue("Hi Ana,"));
    await userEvent.type(screen.getByRole("textbox"), " thanks");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Send to" }), "2");
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Send to" })).toHaveDisplayValue(/Hugo/));
    expect(screen.getByRole("textbox")).toHaveValue("Hi Ana, thanks");
  });

  it("opens the client for items whose next step is the client page", async () => {
    const open = vi.fn();
    commands.weeklyReview.mockReturnValue(ok(review([item("invoice:7:3", { kind: "overdue_invoice", title: "Invoice 2026-031 is 26 days overdue", action_label: "Send a friendly reminder", next_step: { kind: "open_client" } })])));
    renderWithQuery(<ReviewScreen currency="EUR" onOpenClient={open} onGoToClients={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Send a friendly reminder" }));
    expect(open).toHaveBeenCalledWith(7);
  });

  it("marks items done or snoozes them for a week", async () => {
    commands.weeklyReview.mockReturnValue(ok(review([item("a"), item("b", { title: "Quarterly review due" })])));
    commands.markDone.mockReturnValue(ok({ key: "a", done_on: "2026-11-26", snoozed_until: null }));
    commands.snooze.mockReturnValue(ok({ key: "b", done_on: null, snoozed_until: "2026-12-03" }));
    renderWithQuery(<ReviewScreen currency="EUR" onOpenClient={() => {}} onGoToClients={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Mark done: Value check-in overdue, Harbour Bakery" }));
    expect(commands.markDone).toHaveBeenCalledWith("a");
    expect(await screen.findByText("Done: Value check-in overdue (Harbour Bakery).")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Snooze for a week: Quarterly review due, Harbour Bakery" }));
    expect(commands.snooze).toHaveBeenCalledWith("b", weekFrom());
    expect(weekFrom(new Date(2026, 11, 28))).toBe("2027-01-04");
  });

  it("tells a new owner what to do when there are no clients", async () => {
    const go = vi.fn();
    commands.weeklyReview.mockReturnValue(ok({ as_of: "2026-11-26", items: [], hidden: 0, health: [] }));
    renderWithQuery(<ReviewScreen currency="EUR" onOpenClient={() => {}} onGoToClients={go} />);
    expect(await screen.findByText("No current clients yet")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Go to Clients" }));
    expect(go).toHaveBeenCalled();
  });

  it("saves the year's dates as a calendar file where the owner chooses", async () => {
    commands.weeklyReview.mockReturnValue(ok(review([])));
    dialog.save.mockResolvedValue("/home/mia/dates.ics");
    commands.saveCalendar.mockReturnValue(ok(23));
    renderWithQuery(<ReviewScreen currency="EUR" onOpenClient={() => {}} onGoToClients={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Add dates to my calendar…" }));
    expect(await screen.findByText(/Saved 23 dates for your calendar/)).toBeInTheDocument();
    expect(commands.saveCalendar).toHaveBeenCalledWith("/home/mia/dates.ics");
  });
});
