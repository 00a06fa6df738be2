import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { err, ok, renderWithQuery } from "../../test/render";
import type { Backup } from "../../bindings";
import { BackupsCard } from "./BackupsCard";
import { commands } from "../../test/backend";

vi.mock("../../bindings", () => import("../../test/backend"));

const daily: Backup = {
  file_name: "clientwell-daily-20261125T080000Z.sqlite3",
  kind: "daily",
  made_at: "2026-11-25T08:00:00Z",
  studio_name: "Fox & Finch",
  client_count: 14,
  size_bytes: 254_000,
  schema_version: 6,
  problem: null,
};
const damaged: Backup = { ...daily, file_name: "clientwell-manual-20261101T080000Z.sqlite3", kind: "manual", made_at: "2026-11-01T08:00:00Z", problem: "The file is damaged." };

beforeEach(() => {
  vi.resetAllMocks();
  commands.listBackups.mockReturnValue(ok([daily, damaged]));
});

describe("BackupsCard", () => {
  it("lists what each backup holds and cannot restore a damaged one", async () => {
    renderWithQuery(<BackupsCard />);
    const row = (await screen.findByText("14 clients · Fox & Finch")).closest("tr")!;
    expect(within(row).getByText("Automatic (daily)")).toBeInTheDocument();
    expect(within(row).getByText("254 KB")).toBeInTheDocument();
    const bad = screen.getByText("The file is damaged.").closest("tr")!;
    expect(within(bad).getByRole("button", { name: /Restore the backup/ })).toBeDisabled();
  });

  it("restores only after the owner confirms, then says the old book was kept", async () => {
    commands.restoreBackup.mockReturnValue(ok({ ...daily, kind: "before_restore" }));
    renderWithQuery(<BackupsCard />);
    await userEvent.click((await screen.findAllByRole("button", { name: /Restore the backup from/ }))[0]);
    expect(commands.restoreBackup).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Yes, restore" }));
    expect(await screen.findByText(/Your book as it was just before is kept as a backup too/)).toBeInTheDocument();
    expect(commands.restoreBackup).toHaveBeenCalledWith(daily.file_name);
  });

  it("backs up now and shows a failure in plain words", async () => {
    commands.backUpNow.mockReturnValueOnce(err("storage", "The backup could not be written: disk full"));
    commands.backUpNow.mockReturnValueOnce(ok({ ...daily, kind: "manual", client_count: 15 }));
    renderWithQuery(<BackupsCard />);
    await userEvent.click(await screen.findByRole("button", { name: "Back up now" }));
    expect(await screen.findByText(/disk full/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Back up now" }));
    expect(await screen.findByText("Backed up 15 clients")).toBeInTheDocument();
  });
});
