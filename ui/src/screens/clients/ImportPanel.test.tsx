import { beforeEach, describe, expect, it, vi } from "vitest";
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ImportReport, KindDoc } from "../../bindings";
import { ok, renderWithQuery } from "../../test/render";
import { ImportPanel } from "./ImportPanel";
import { commands, later } from "../../test/backend";

// The last channel the panel made, so a test can send progress through it.
const channels = vi.hoisted(() => ({ last: null as null | { onmessage: (p: { done: number; total: number }) => void } }));
const dialog = vi.hoisted(() => ({ open: vi.fn(), save: vi.fn() }));
vi.mock("../../bindings", () => import("../../test/backend"));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);
const opener = vi.hoisted(() => ({ revealItemInDir: vi.fn() }));
vi.mock("@tauri-apps/plugin-opener", () => opener);
vi.mock("@tauri-apps/api/core", () => ({
  Channel: class {
    onmessage = (_: unknown) => {};
    constructor() {
      channels.last = this;
    }
  },
}));

const kinds: KindDoc[] = [
  { kind: "clients", title: "Clients", matching: "A row updates the client with the same name.", columns: [{ name: "name", required: true, help: "The client's name.", example: "Harbour Bakery" }] },
  { kind: "invoices", title: "Invoices", matching: "One row per invoice line.", columns: [{ name: "number", required: true, help: "The invoice number.", example: "2026-041" }] },
];
const report = (over: Partial<ImportReport>): ImportReport => ({
  kind: "clients",
  committed: false,
  created: 2,
  updated: 1,
  unchanged: 0,
  rows: [{ row: 2, outcome: "created", summary: "Harbour Bakery" }],
  errors: [],
  error_count: 0,
  stopped: false,
  source: "clientwell",
  source_label: "Clientwell's own columns",
  columns: [{ header: "name", samples: ["Harbour Bakery"] }],
  fields: [{ name: "name", label: "Name", required: true, help: "The client's name." }],
  asks_paid_on_due_date: false,
  mapping: { kind: "clients", source: "clientwell", fields: ["name"], paid_on_due_date: false },
  remembered: null,
  rules: [],
  dates: null,
  skipped: [],
  suggestions: [],
  metric: null,
  ...over,
});
const first = { dates: null, mapping: null, aliases: [], metric: null, computer_locale: expect.anything() };

/** A Xero export as the core reads it before the owner has said how paid invoices are dated. */
const xero = (over: Partial<ImportReport>) =>
  report({
    kind: "invoices",
    source: "xero",
    source_label: "Xero invoices",
    columns: [
      { header: "ContactName", samples: ["Harbour Bakery"] },
      { header: "Reference", samples: ["PO-7781"] },
      { header: "InvoiceDate", samples: ["01/11/2026"] },
    ],
    fields: [
      { name: "client", label: "Client", required: true, help: "The client's name." },
      { name: "issued_on", label: "Issue date", required: true, help: "Issue date." },
      { name: "description", label: "Description", required: true, help: "What this line is for." },
    ],
    mapping: { kind: "invoices", source: "xero", fields: ["client", null, "issued_on"], paid_on_due_date: false },
    asks_paid_on_due_date: true,
    rules: ["Amounts are read from “LineAmount”."],
    dates: { order: "day_first", ambiguous: true, note: "Dates like 01/11/2026 could be read either way." },
    skipped: [{ reason: "Draft invoices (not sent to the client yet)", count: 1, rows: [9] }],
    ...over,
  });

beforeEach(() => {
  vi.resetAllMocks();
  commands.importKinds.mockReturnValue(ok(kinds));
});

describe("ImportPanel", () => {
  it("previews what a file would change, then imports it", async () => {
    dialog.open.mockResolvedValue("/home/mia/clients.csv");
    commands.importFile.mockReturnValueOnce(ok(report({}))).mockReturnValueOnce(ok(report({ committed: true })));
    renderWithQuery(<ImportPanel onClose={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Choose file and preview…" }));
    expect(commands.importFile).toHaveBeenCalledWith("clients", "/home/mia/clients.csv", first, false, expect.anything());
    expect(await screen.findByText("Row 2: New — Harbour Bakery")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Import" }));
    expect(commands.importFile).toHaveBeenLastCalledWith("clients", "/home/mia/clients.csv", first, true, expect.anything());
    expect(await screen.findByText("Imported: 2 new, 1 updated, 0 unchanged.")).toBeInTheDocument();
  });

  it("shows rows done while a file is read, and Stop leaves nothing imported", async () => {
    dialog.open.mockResolvedValue("/home/mia/big.csv");
    const read = later("importFile");
    commands.importFile.mockReturnValueOnce(read.promise);
    commands.stopBatch.mockReturnValue(ok(null));
    renderWithQuery(<ImportPanel onClose={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Choose file and preview…" }));
    expect(await screen.findByText("Reading the file…")).toBeInTheDocument();
    act(() => channels.last?.onmessage({ done: 2000, total: 10000 }));
    expect(screen.getByText(`Checked ${(2000).toLocaleString()} of ${(10000).toLocaleString()} rows…`)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(commands.stopBatch).toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Stopping…" })).toBeDisabled();
    read.answer({ status: "ok", data: report({ stopped: true, created: 2000 }) });
    expect(await screen.findByText("Stopped: nothing was imported.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Stop/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Import" })).not.toBeInTheDocument();
  });

  it("lists every bad row and column and imports nothing", async () => {
    dialog.open.mockResolvedValue("/home/mia/clients.csv");
    commands.importFile.mockReturnValue(ok(report({ error_count: 1, errors: [{ row: 3, column: "start_date", message: "Start date '31/02/2026' is not a date." }] })));
    renderWithQuery(<ImportPanel onClose={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Choose file and preview…" }));
    expect(await screen.findByText("Row 3, column start_date: Start date '31/02/2026' is not a date.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Import" })).not.toBeInTheDocument();
  });

  it("shows another tool's columns with their guess, and every choice previews the file again with it", async () => {
    dialog.open.mockResolvedValue("/home/mia/SalesInvoices.csv");
    commands.importFile.mockReturnValue(ok(xero({})));
    renderWithQuery(<ImportPanel onClose={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Choose file and preview…" }));
    expect(await screen.findByText("Xero invoices")).toBeInTheDocument();
    expect(screen.getByLabelText("The file holds")).toHaveValue("invoices");
    expect(screen.getByLabelText("Read “Reference” as")).toHaveValue("");
    expect(screen.getByText("Amounts are read from “LineAmount”.")).toBeInTheDocument();
    expect(screen.getByText(/Left out: Draft invoices/)).toHaveTextContent("1 row (row 9)");

    await userEvent.selectOptions(screen.getByLabelText("Read “Reference” as"), "description");
    const mapping = { kind: "invoices", source: "xero", fields: ["client", "description", "issued_on"], paid_on_due_date: false };
    expect(commands.importFile).toHaveBeenLastCalledWith("invoices", "/home/mia/SalesInvoices.csv", { ...first, mapping }, false, expect.anything());
    await userEvent.click(screen.getByRole("checkbox", { name: /count them as paid on their due date/ }));
    const ruled = { ...mapping, fields: ["client", null, "issued_on"], paid_on_due_date: true };
    expect(commands.importFile).toHaveBeenLastCalledWith("invoices", "/home/mia/SalesInvoices.csv", { ...first, mapping: ruled }, false, expect.anything());
    await userEvent.click(screen.getByRole("button", { name: "Month first (10/31/2026)" }));
    expect(commands.importFile).toHaveBeenLastCalledWith("invoices", "/home/mia/SalesInvoices.csv", { ...first, dates: "month_first", mapping: ruled }, false, expect.anything());
  });

  it("offers the client a name looks like, and sends the owner's yes as another name for them", async () => {
    dialog.open.mockResolvedValue("/home/mia/stripe.csv");
    const unknown = { row: 2, column: "client", message: "There is no client called 'Harbour Bakery Ltd'; it looks like Harbour Bakery." };
    commands.importFile.mockReturnValueOnce(ok(report({ error_count: 1, errors: [unknown], suggestions: [{ written: "Harbour Bakery Ltd", client_id: 7, client: "Harbour Bakery", reason: "the names are alike", rows: [2] }] }))).mockReturnValueOnce(ok(report({})));
    renderWithQuery(<ImportPanel onClose={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Choose file and preview…" }));
    expect(await screen.findByText(/looks like/, { selector: ".import-suggestions li" })).toHaveTextContent("“Harbour Bakery Ltd” (row 2) looks like Harbour Bakery (the names are alike).");
    await userEvent.click(await screen.findByRole("button", { name: "Yes, it is Harbour Bakery" }));
    expect(commands.importFile).toHaveBeenLastCalledWith("clients", "/home/mia/stripe.csv", { ...first, aliases: [{ written: "Harbour Bakery Ltd", client_id: 7 }] }, false, expect.anything());
    expect(await screen.findByText("Row 2: New — Harbour Bakery")).toBeInTheDocument();
  });

  it("uses the remembered columns without asking again", async () => {
    dialog.open.mockResolvedValue("/home/mia/SalesInvoices (1).csv");
    commands.importFile.mockReturnValueOnce(ok(xero({ remembered: "Xero invoices", asks_paid_on_due_date: false, dates: null }))).mockReturnValueOnce(ok(report({ committed: true, kind: "invoices" })));
    renderWithQuery(<ImportPanel onClose={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Choose file and preview…" }));
    expect(await screen.findByText(/Columns as you chose them last time/)).toHaveTextContent("“Xero invoices”");
    await userEvent.click(screen.getByRole("button", { name: "Import" }));
    expect(commands.importFile).toHaveBeenLastCalledWith("invoices", "/home/mia/SalesInvoices (1).csv", first, true, expect.anything());
    expect(await screen.findByText("Imported: 2 new, 1 updated, 0 unchanged.")).toBeInTheDocument();
  });

  it("asks whose KPI a GA4 file's daily figures are, and previews the months once the owner says", async () => {
    dialog.open.mockResolvedValue("/home/mia/ga4.csv");
    const ask = { columns: ["Sessions", "Key events"], column: "Sessions", month: "sum" as const, client: "", kpi: "", choices: [{ client: "École Lumière", kpis: ["Website sessions a month", "Enquiries"] }] };
    const asked = report({ kind: "kpi_values", source: "ga4", source_label: "Google Analytics 4 report", metric: ask, error_count: 1, errors: [{ row: 1, column: null, message: "Choose the client and the KPI these figures are for." }] });
    const answered = { ...ask, client: "École Lumière", kpi: "Website sessions a month" };
    const months = report({ kind: "kpi_values", created: 1, updated: 0, rows: [{ row: 35, outcome: "created", summary: "École Lumière: Website sessions a month on 2026-10-31" }], metric: answered });
    commands.importFile.mockReturnValueOnce(ok(asked)).mockReturnValueOnce(ok(months)).mockReturnValueOnce(ok({ ...months, metric: { ...answered, month: "average" } }));
    renderWithQuery(<ImportPanel onClose={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Choose file and preview…" }));
    expect(await screen.findByText("Choose the client and the KPI to see what would be written.")).toBeInTheDocument();
    expect(screen.queryByText(/Columns of the file/)).not.toBeVisible();
    await userEvent.selectOptions(screen.getByLabelText("Client"), "École Lumière");
    const chosen = { client: "École Lumière", kpi: "Website sessions a month", column: "", month: null };
    expect(commands.importFile).toHaveBeenLastCalledWith("kpi_values", "/home/mia/ga4.csv", { ...first, metric: chosen }, false, expect.anything());
    expect(await screen.findByText("Row 35: New — École Lumière: Website sessions a month on 2026-10-31")).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText("A month is"), "average");
    const averaged = { ...chosen, column: "Sessions", month: "average" };
    expect(commands.importFile).toHaveBeenLastCalledWith("kpi_values", "/home/mia/ga4.csv", { ...first, metric: averaged }, false, expect.anything());
  });

  it("saves a template and exports where the owner chose", async () => {
    dialog.save.mockResolvedValueOnce("/home/mia/invoices template.csv").mockResolvedValueOnce("/home/mia/book.json");
    commands.saveImportTemplate.mockReturnValue(ok(null));
    commands.exportData.mockReturnValue(ok(null));
    renderWithQuery(<ImportPanel onClose={() => {}} />);
    await screen.findByRole("option", { name: "Invoices" });
    await userEvent.selectOptions(screen.getByLabelText("The file holds"), "invoices");
    await userEvent.click(screen.getByRole("button", { name: "Save a template…" }));
    expect(commands.saveImportTemplate).toHaveBeenCalledWith("invoices", "/home/mia/invoices template.csv");
    await userEvent.click(screen.getByRole("button", { name: "Export the whole book (JSON)…" }));
    expect(commands.exportData).toHaveBeenCalledWith(null, "/home/mia/book.json");
    expect(await screen.findByText("Exported to /home/mia/book.json.")).toBeInTheDocument();
    // From "saved" to the file in one click, to attach it or open it.
    opener.revealItemInDir.mockResolvedValue(undefined);
    await userEvent.click(screen.getByRole("button", { name: "Show in the file manager" }));
    expect(opener.revealItemInDir).toHaveBeenCalledWith("/home/mia/book.json");
  });
});
