// Long file: every behaviour of the Reports screen (monthly, batch, QBR), one test each.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Client, MonthlyPreview, QbrPreview } from "../../bindings";
import { err, ok, renderWithQuery } from "../../test/render";
import { lastMonth, ReportsScreen } from "./ReportsScreen";
import { commands, later } from "../../test/backend";

const dialog = vi.hoisted(() => ({ open: vi.fn(), save: vi.fn() }));
vi.mock("../../bindings", () => import("../../test/backend"));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);
vi.mock("@tauri-apps/api/core", () => ({
  Channel: class {
    onmessage: (m: unknown) => void = () => {};
  },
}));

const client = (id: number, name: string, status: Client["status"] = "active"): Client => ({
  id,
  name,
  status,
  goal: "More leads",
  start_date: "2026-03-01",
  notes: "",
  archived_at: null,
  plan: { cadence_days: 14, owner: "", recap: "", fiscal_year_start: 1, annual_budget_cents: null },
  created_at: "2026-03-01T09:00:00Z",
  updated_at: "2026-03-01T09:00:00Z",
});

const preview: MonthlyPreview = {
  file_name: "Harbour Bakery - October 2026 results.pdf",
  page: "<svg xmlns='http://www.w3.org/2000/svg'><text>Harbour Bakery</text></svg>",
  unprintable: [],
  summary: {
    studio: "Fox & Finch",
    accent: "#1f6f6b",
    paper: "A4",
    client: "Harbour Bakery",
    month: { year: 2026, month: 10 },
    headline: "In October 2026, Weekday orders reached 150 orders.",
    value: null,
    goal: "More weekday orders",
    kpis: [{ kpi_id: 10, why: null, name: "Weekday orders", unit: "orders", baseline: "100", target: "200", previous: "140", current: "150", change: "+10", progress: "50%", expected: "183", status: "Off track" }],
    chart: null,
    delivered: [],
    next_focus: [],
    asks: [],
    invoices: [],
    contact: "Questions? Contact Fox & Finch.",
  },
};

beforeEach(() => {
  vi.resetAllMocks();
  commands.listClients.mockReturnValue(ok([client(1, "Harbour Bakery"), client(2, "Old Co", "ended"), client(3, "Lumen Dental", "onboarding")]));
  // The core's answer: who is current is its rule (book::Client::is_current).
  commands.currentClients.mockReturnValue(ok([client(1, "Harbour Bakery"), client(3, "Lumen Dental", "onboarding")]));
  commands.monthlyPreview.mockReturnValue(ok(preview));
});

describe("ReportsScreen", () => {
  it("defaults to last month, across a new year too", () => {
    expect(lastMonth(new Date(2026, 10, 26))).toBe("2026-10");
    expect(lastMonth(new Date(2027, 0, 5))).toBe("2026-12");
  });

  it("lists only current clients and previews what a summary will say", async () => {
    renderWithQuery(<ReportsScreen />);
    expect(await screen.findByRole("button", { name: "Harbour Bakery" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Lumen Dental" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Old Co" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Harbour Bakery" }));
    expect(await screen.findByText("In October 2026, Weekday orders reached 150 orders.")).toBeInTheDocument();
    expect(commands.monthlyPreview).toHaveBeenCalledWith(1, lastMonth());
    expect(screen.getByAltText("Preview of Harbour Bakery’s summary page").getAttribute("src")).toContain("data:image/svg+xml");
  });

  it("saves the owner's words for why a result moved in the month, for the page to print", async () => {
    commands.saveKpiNote.mockReturnValue(ok([]));
    renderWithQuery(<ReportsScreen initialClientId={1} />);
    const why = await screen.findByLabelText(/Why Weekday orders moved/);
    expect(screen.getByRole("button", { name: "Save" })).toBeDisabled();
    await userEvent.type(why, "The lunch menu went live");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(commands.saveKpiNote).toHaveBeenCalledWith(1, 10, { period: lastMonth(), why: "The lunch menu went live" });
  });

  it("says before saving which text the PDF cannot print", async () => {
    commands.monthlyPreview.mockReturnValueOnce(ok({ ...preview, unprintable: ["Bäckerei שלום 🥐"] }));
    renderWithQuery(<ReportsScreen initialClientId={1} />);
    expect(await screen.findByText("Bäckerei שלום 🥐")).toBeInTheDocument();
    expect(screen.getByText(/in the PDF they show as “\?”/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save PDF…" })).toBeEnabled();
  });

  it("saves the PDF where the owner chose, and says where", async () => {
    dialog.save.mockResolvedValue("/home/mia/Harbour.pdf");
    commands.saveMonthlySummary.mockReturnValue(ok({ client: "Harbour Bakery", path: "/home/mia/Harbour.pdf", size: 25000, unprintable: [] }));
    renderWithQuery(<ReportsScreen initialClientId={1} />);
    await userEvent.click(await screen.findByRole("button", { name: "Save PDF…" }));
    expect(dialog.save).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: "Harbour Bakery - October 2026 results.pdf" }));
    expect(await screen.findByText("Saved Harbour Bakery’s summary to /home/mia/Harbour.pdf.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Show in the file manager" })).toHaveAttribute("title", "/home/mia/Harbour.pdf");
  });

  it("writes nothing when the owner cancels the dialog", async () => {
    dialog.save.mockResolvedValue(null);
    renderWithQuery(<ReportsScreen initialClientId={1} />);
    await userEvent.click(await screen.findByRole("button", { name: "Save PDF…" }));
    expect(commands.saveMonthlySummary).not.toHaveBeenCalled();
  });

  it("saves every current client's summary into a chosen folder, and shows a failure plainly", async () => {
    dialog.open.mockResolvedValue("/home/mia/Reports");
    commands.saveMonthlySummaries.mockReturnValueOnce(ok({ saved: [{ client: "A", path: "/a.pdf", size: 1, unprintable: [] }, { client: "B", path: "/b.pdf", size: 1, unprintable: ["B 🥐"] }], failed: [], not_started: [] }));
    renderWithQuery(<ReportsScreen />);
    await userEvent.click(await screen.findByRole("button", { name: "Save all as PDFs…" }));
    expect(await screen.findByText("Saved 2 monthly summaries. Some text prints as “?” (characters the font cannot print) in: B.")).toBeInTheDocument();
    expect(commands.saveMonthlySummaries).toHaveBeenCalledWith(lastMonth(), "/home/mia/Reports", false, expect.anything());
    expect(screen.getByText("/a.pdf")).toBeInTheDocument();

    commands.saveMonthlySummaries.mockReturnValueOnce(err("validation", "The folder /home/mia/Reports does not exist.", "folder"));
    await userEvent.click(screen.getByRole("button", { name: "Save all as PDFs…" }));
    expect(await screen.findByText("The folder /home/mia/Reports does not exist.")).toBeInTheDocument();
  });

  it("asks before replacing the files of an earlier batch, and replaces them only when told", async () => {
    dialog.open.mockResolvedValue("/home/mia/Reports");
    const message = "2 of the 2 files are already in /home/mia/Reports ('2026-10 A — Monthly summary.pdf', '2026-10 B — Monthly summary.pdf'), so nothing was written.";
    commands.saveMonthlySummaries.mockReturnValueOnce(err("conflict", message, "folder"));
    renderWithQuery(<ReportsScreen />);
    await userEvent.click(await screen.findByRole("button", { name: "Save all as PDFs…" }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    commands.saveMonthlySummaries.mockReturnValueOnce(
      ok({ saved: [{ client: "A", path: "/a.pdf", size: 1, unprintable: [] }], failed: [{ client: "B", path: "/b.pdf", reason: "Disk full" }], not_started: [] }),
    );
    await userEvent.click(screen.getByRole("button", { name: "Replace them" }));
    expect(await screen.findByText("Saved 1 monthly summary. 1 could not be saved; see below.")).toBeInTheDocument();
    expect(commands.saveMonthlySummaries).toHaveBeenLastCalledWith(lastMonth(), "/home/mia/Reports", true, expect.anything());
    expect(dialog.open).toHaveBeenCalledTimes(1);
    expect(screen.getByText("B: Disk full")).toBeInTheDocument();
  });
});

const qbr = (working: string): QbrPreview => ({
  quarter: "2027-Q2",
  pages: ["<svg/>", "<svg/>", "<svg/>", "<svg/>"],
  unprintable: [],
  missing: ["“What we adjust” is empty — write it in the review notes, or it is left out."],
  file_name: "Harbour Bakery - Q2 FY2027 review.pdf",
  slides_file_name: "Harbour Bakery - Q2 FY2027 slides.pdf",
  report: {
    studio: "Fox & Finch",
    accent: "#1f6f6b",
    paper: "A4",
    client: "Harbour Bakery",
    quarter: { fiscal_year: 2027, number: 2, year_starts: 4 },
    quarter_label: "Q2 FY2027",
    quarter_span: "July – September 2026",
    summary: ["1 of 1 agreed results is on track at the end of Q2 FY2027."],
    goal: "More weekday orders",
    kpis: [],
    charts: [],
    delivered: [],
    working,
    not_working: "",
    adjust: "",
    next_quarter_label: "Q3 FY2027",
    plan: [],
    opportunities: [],
    risks: [],
    asks: [],
    invested_quarter: "€5,000.00",
    invested_year: "€7,500.00",
    budget: null,
    by_service_line: [],
    ledger: [],
    ledger_totals: "",
    hours: [],
    hours_rule: null,
    value: [],
    value_summary: null,
    renewal: null,
    renewal_tile: null,
    scoreboard: [],
    value_label: "Value to 30 Sep 2026",
    value_tile: null,
    value_against: null,
    as_of: "26 Nov 2026",
    footnotes: [],
    contact: "",
  },
});

describe("ReportsScreen, batch export", () => {
  it("shows progress while the batch is written", async () => {
    dialog.open.mockResolvedValue("/home/mia/Reports");
    const batch = later("saveMonthlySummaries");
    commands.saveMonthlySummaries.mockImplementation((_m, _f, _r, channel) => {
      channel.onmessage({ done: 1, total: 2 });
      return batch.promise;
    });
    renderWithQuery(<ReportsScreen />);
    await userEvent.click(await screen.findByRole("button", { name: "Save all as PDFs…" }));
    expect(await screen.findByText("Saved 1 of 2…")).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Saving the monthly summaries" })).toHaveAttribute("value", "1");
    batch.answer({ status: "ok", data: { saved: [{ client: "A", path: "/a.pdf", size: 1, unprintable: [] }], failed: [], not_started: [] } });
    expect(await screen.findByText("Saved 1 monthly summary.")).toBeInTheDocument();
    expect(screen.queryByText("Saved 1 of 2…")).not.toBeInTheDocument();
  });
});

describe("ReportsScreen, stopping a batch", () => {
  it("stops after the files being written and says how many were saved", async () => {
    dialog.open.mockResolvedValue("/home/mia/Reports");
    const batch = later("saveMonthlySummaries");
    commands.stopBatch.mockReturnValue(ok(null));
    commands.saveMonthlySummaries.mockImplementation((_m, _f, _r, channel) => {
      channel.onmessage({ done: 3, total: 12 });
      return batch.promise;
    });
    renderWithQuery(<ReportsScreen />);
    await userEvent.click(await screen.findByRole("button", { name: "Save all as PDFs…" }));
    await userEvent.click(await screen.findByRole("button", { name: "Stop" }));
    expect(commands.stopBatch).toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Stopping…" })).toBeDisabled();
    const saved = [1, 2, 3, 4].map((i) => ({ client: `C${i}`, path: `/c${i}.pdf`, size: 1, unprintable: [] }));
    const notStarted = [5, 6, 7, 8, 9, 10, 11, 12].map((i) => `C${i}`);
    batch.answer({ status: "ok", data: { saved, failed: [], not_started: notStarted } });
    expect(await screen.findByText("Stopped: saved 4 monthly summaries of 12. Each saved file is complete; 8 not started.")).toBeInTheDocument();
    expect(screen.getByText(`Not started: ${notStarted.join(", ")}`)).toBeInTheDocument();
  });
});

describe("ReportsScreen, quarterly review", () => {
  it("previews the client's last quarter, saves the owner's notes into it and the PDF where chosen", async () => {
    commands.qbrPreview.mockReturnValueOnce(ok(qbr(""))).mockReturnValue(ok(qbr("Search keeps climbing")));
    commands.saveQbrNotes.mockReturnValue(ok({ client_id: 1, quarter: "2027-Q2", working: "Search keeps climbing", not_working: "", adjust: "" }));
    dialog.save.mockResolvedValue("/home/mia/qbr.pdf");
    commands.saveQbrReport.mockReturnValue(ok({ client: "Harbour Bakery", path: "/home/mia/qbr.pdf", size: 30000, unprintable: [] }));
    renderWithQuery(<ReportsScreen />);
    await userEvent.click(screen.getByRole("tab", { name: "Quarterly review (QBR)" }));
    await userEvent.click(await screen.findByRole("button", { name: "Harbour Bakery" }));
    expect(await screen.findByText("1 of 1 agreed results is on track at the end of Q2 FY2027.")).toBeInTheDocument();
    expect(commands.qbrPreview).toHaveBeenCalledWith(1, "");
    expect(screen.getByLabelText("Quarter")).toHaveValue("2027-Q2");
    expect(screen.getAllByAltText(/Page \d of Harbour Bakery’s QBR/)).toHaveLength(4);
    // What is not written yet is listed before saving (the core leaves it out of the PDF).
    expect(within(screen.getByRole("note", { name: "Not written yet" })).getByText("“What we adjust” is empty — write it in the review notes, or it is left out.")).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText("What is working"), "Search keeps climbing");
    await userEvent.type(screen.getByLabelText("What did not work"), "Flyers");
    await userEvent.click(screen.getByRole("button", { name: "Save notes" }));
    expect(commands.saveQbrNotes).toHaveBeenCalledWith(1, "2027-Q2", { working: "Search keeps climbing", not_working: "Flyers", adjust: "" });
    expect(await screen.findByDisplayValue("Search keeps climbing")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Save QBR PDF…" }));
    expect(dialog.save).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: "Harbour Bakery - Q2 FY2027 review.pdf" }));
    expect(await screen.findByText("Saved Harbour Bakery’s QBR report to /home/mia/qbr.pdf.")).toBeInTheDocument();
    expect(commands.saveQbrReport).toHaveBeenCalledWith(1, "2027-Q2", "/home/mia/qbr.pdf", "report");

    // The same review as 16:9 slides for the meeting, under its own suggested name.
    dialog.save.mockResolvedValue("/home/mia/slides.pdf");
    commands.saveQbrReport.mockReturnValue(ok({ client: "Harbour Bakery", path: "/home/mia/slides.pdf", size: 30000, unprintable: [] }));
    await userEvent.click(screen.getByRole("button", { name: "Save slides (16:9)…" }));
    expect(dialog.save).toHaveBeenLastCalledWith(expect.objectContaining({ defaultPath: "Harbour Bakery - Q2 FY2027 slides.pdf" }));
    expect(await screen.findByText("Saved Harbour Bakery’s QBR slides to /home/mia/slides.pdf.")).toBeInTheDocument();
    expect(commands.saveQbrReport).toHaveBeenLastCalledWith(1, "2027-Q2", "/home/mia/slides.pdf", "slides");
  });

  it("says plainly when a typed quarter is not one", async () => {
    commands.qbrPreview.mockReturnValueOnce(ok(qbr(""))).mockReturnValue(err("validation", "'Q9' is not a quarter: write it like 2027-Q2 (fiscal year, then the quarter).", "quarter"));
    renderWithQuery(<ReportsScreen initialClientId={1} />);
    await userEvent.click(screen.getByRole("tab", { name: "Quarterly review (QBR)" }));
    const input = await screen.findByLabelText("Quarter");
    await userEvent.clear(input);
    await userEvent.type(input, "Q9");
    await userEvent.click(screen.getByRole("button", { name: "Show" }));
    expect(await screen.findByText(/'Q9' is not a quarter/)).toBeInTheDocument();
  });

  it("opens a QBR from the month's close for the quarter that row is about", async () => {
    commands.toSend.mockReturnValue(
      ok({
        month: { year: 2026, month: 9 },
        month_label: "September 2026",
        rows: [{ client_id: 1, client: "Harbour Bakery", kind: "qbr", period: "2027-Q2", period_label: "Q2 FY2027", missing: [], reviewed_on: null, saved_to: "", sent_on: null, to_name: "", to_email: "", subject: "", body: "" }],
      }),
    );
    commands.qbrPreview.mockReturnValue(ok(qbr("")));
    renderWithQuery(<ReportsScreen />);
    // The tabs answer the arrow keys, and the panel is tied to the chosen tab.
    screen.getByRole("tab", { name: "Monthly results summary" }).focus();
    await userEvent.keyboard("{ArrowLeft}");
    expect(screen.getByRole("tab", { name: "To send" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "To send" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("tab", { name: "To send" }));
    await userEvent.click(await screen.findByRole("button", { name: "Harbour Bakery" }));
    expect(await screen.findByText("1 of 1 agreed results is on track at the end of Q2 FY2027.")).toBeInTheDocument();
    expect(commands.qbrPreview).toHaveBeenCalledWith(1, "2027-Q2");
  });
});
