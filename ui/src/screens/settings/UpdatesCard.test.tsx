import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { err, ok, renderWithQuery } from "../../test/render";
import { UpdatesCard } from "./UpdatesCard";
import { commands } from "../../test/backend";

vi.mock("../../bindings", () => import("../../test/backend"));

const settings = { check_at_start: false, last_checked: null, current_version: "0.1.0" };

beforeEach(() => {
  vi.resetAllMocks();
  commands.updateSettings.mockReturnValue(ok(settings));
});

describe("UpdatesCard", () => {
  it("says Clientwell looks for nothing until asked, and that the version running is the newest", async () => {
    commands.checkForUpdate.mockReturnValue(ok(null));
    renderWithQuery(<UpdatesCard />);
    expect(await screen.findByText("You have version 0.1.0.")).toBeInTheDocument();
    expect(screen.getByText(/does not go online unless you ask/)).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: /check when Clientwell opens/ })).not.toBeChecked();
    expect(commands.checkForUpdate).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Check for updates" }));
    expect(commands.checkForUpdate).toHaveBeenCalledWith(false);
    expect(await screen.findByText(/It is the newest version/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Install/ })).not.toBeInTheDocument();
  });

  it("shows a newer version's notes and installs it only on the owner's click", async () => {
    commands.checkForUpdate.mockReturnValue(ok({ version: "0.2.0", current_version: "0.1.0", notes: "Reports open faster.", published: null }));
    commands.installUpdate.mockReturnValue(err("incompatible", "The downloaded update is not signed by Clientwell's release key, so it was not installed."));
    renderWithQuery(<UpdatesCard />);
    await userEvent.click(await screen.findByRole("button", { name: "Check for updates" }));
    expect(await screen.findByRole("heading", { name: "Clientwell 0.2.0 is ready" })).toBeInTheDocument();
    expect(screen.getByText("Reports open faster.")).toBeInTheDocument();
    expect(commands.installUpdate).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Install 0.2.0 and restart" }));
    expect(commands.installUpdate).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/not signed by Clientwell's release key/)).toBeInTheDocument();
  });

  it("keeps the owner's consent to a check when the app opens", async () => {
    commands.saveUpdateSettings.mockReturnValue(ok({ ...settings, check_at_start: true }));
    renderWithQuery(<UpdatesCard />);
    await userEvent.click(await screen.findByRole("checkbox", { name: /check when Clientwell opens/ }));
    expect(commands.saveUpdateSettings).toHaveBeenCalledWith(true);
    expect(await screen.findByRole("checkbox", { name: /check when Clientwell opens/ })).toBeChecked();
  });
});
