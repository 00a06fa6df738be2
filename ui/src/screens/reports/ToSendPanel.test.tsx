import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ToSend, ToSendRow } from "../../bindings";
import { ok, renderWithQuery, written } from "../../test/render";
import { ToSendPanel } from "./ToSendPanel";
import { commands } from "../../test/backend";

const dialog = vi.hoisted(() => ({ open: vi.fn(), save: vi.fn() }));
const opener = vi.hoisted(() => ({ openUrl: vi.fn(), revealItemInDir: vi.fn() }));
vi.mock("../../bindings", () => import("../../test/backend"));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);
vi.mock("@tauri-apps/plugin-opener", () => opener);

const row = (over: Partial<ToSendRow>): ToSendRow => ({
  client_id: 1,
  client: "Harbour Bakery",
  kind: "monthly",
  period: "2026-09",
  period_label: "September 2026",
  missing: [],
  reviewed_on: null,
  saved_to: "",
  sent_on: null,
  to_name: "Ana Ruiz",
  to_email: "ana@harbour.example",
  subject: "Harbour Bakery — results for September 2026",
  body: "Hello Ana,\n\nPlease find attached your results summary for September 2026.",
  ...over,
});

const close = (rows: ToSendRow[]): ToSend => ({ month: { year: 2026, month: 9 }, month_label: "September 2026", rows });

beforeEach(() => {
  vi.resetAllMocks();
  commands.toSend.mockReturnValue(
    ok(
      close([
        row({ missing: ["No September 2026 figure for Online orders a week — record it, or the page asks them for it."] }),
        row({ kind: "qbr", period: "2026-Q3", period_label: "Q3 2026", reviewed_on: "2026-10-02", saved_to: "/home/mia/close/Harbour QBR.pdf", sent_on: "2026-10-03" }),
      ]),
    ),
  );
  commands.markDocument.mockReturnValue(written());
  opener.openUrl.mockResolvedValue(undefined);
});

describe("ToSendPanel", () => {
  it("lists each report of the close with what to check, and marks one reviewed and sent", async () => {
    renderWithQuery(<ToSendPanel month="2026-09" onPreview={() => {}} />);
    expect(await screen.findByText("September 2026: 2 to send · 1 reviewed · 1 sent")).toBeInTheDocument();
    await userEvent.click(screen.getByText("1 to check"));
    expect(screen.getByText(/No September 2026 figure for Online orders a week/)).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText("Reviewed: Harbour Bakery, summary for September 2026"));
    expect(commands.markDocument).toHaveBeenCalledWith(1, "monthly", "2026-09", "reviewed");
    await userEvent.click(screen.getByRole("button", { name: "Mark sent: Harbour Bakery, summary for September 2026" }));
    expect(commands.markDocument).toHaveBeenLastCalledWith(1, "monthly", "2026-09", "sent");
    await userEvent.click(screen.getByRole("button", { name: "Not sent after all: Harbour Bakery, QBR for Q3 2026" }));
    expect(commands.markDocument).toHaveBeenLastCalledWith(1, "qbr", "2026-Q3", "not_sent");
  });

  it("writes the email to the finance contact with the core's cover note, and shows the saved file", async () => {
    renderWithQuery(<ToSendPanel month="2026-09" onPreview={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Write email: Harbour Bakery, summary for September 2026" }));
    expect(opener.openUrl.mock.calls[0][0]).toMatch(/^mailto:ana@harbour\.example\?subject=Harbour%20Bakery%20%E2%80%94%20results%20for%20September%202026&body=Hello%20Ana%2C/);
    await userEvent.click(screen.getByRole("button", { name: "Show the saved file: Harbour Bakery, QBR for Q3 2026" }));
    expect(opener.revealItemInDir).toHaveBeenCalledWith("/home/mia/close/Harbour QBR.pdf");
  });

  it("saves the reviewed reports into a chosen folder and offers to replace the ones kept", async () => {
    dialog.open.mockResolvedValue("/home/mia/close");
    commands.saveReviewedDocuments
      .mockReturnValueOnce(ok({ saved: [], failed: [{ client: "Harbour Bakery", path: "/home/mia/close/x.pdf", reason: "x.pdf already exists." }], not_started: [] }))
      .mockReturnValue(ok({ saved: [{ client: "Harbour Bakery", path: "/home/mia/close/x.pdf", size: 1, unprintable: [] }], failed: [], not_started: [] }));
    renderWithQuery(<ToSendPanel month="2026-09" onPreview={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Save the 1 reviewed as PDFs…" }));
    expect(commands.saveReviewedDocuments).toHaveBeenCalledWith("2026-09", "/home/mia/close", false);
    const kept = await screen.findByText(/1 not saved: Harbour Bakery \(x.pdf already exists.\)/);
    await userEvent.click(within(kept).getByRole("button", { name: "Replace them" }));
    expect(commands.saveReviewedDocuments).toHaveBeenLastCalledWith("2026-09", "/home/mia/close", true);
    expect(await screen.findByText("Saved 1 file into /home/mia/close.")).toBeInTheDocument();
  });

  it("cannot write an email when no one at the client has an address", async () => {
    commands.toSend.mockReturnValue(ok(close([row({ to_email: "", to_name: "" })])));
    renderWithQuery(<ToSendPanel month="2026-09" onPreview={() => {}} />);
    expect(await screen.findByRole("button", { name: "Write email: Harbour Bakery, summary for September 2026" })).toBeDisabled();
  });
});
