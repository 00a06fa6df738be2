import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PlaybookSettings } from "../../bindings";
import { err, ok, renderWithQuery } from "../../test/render";
import { PlaybookSettingsCard } from "./PlaybookSettingsCard";
import { commands } from "../../test/backend";

vi.mock("../../bindings", () => import("../../test/backend"));

const defaults: PlaybookSettings = { first_value_days: 30, nps_every_days: 90, renewal_lead_days: 90, signed_by: "" };

beforeEach(() => {
  vi.resetAllMocks();
  commands.playbookSettings.mockReturnValue(ok(defaults));
});

describe("PlaybookSettingsCard", () => {
  it("saves when a first result is expected, and shows the core's refusal beside the field", async () => {
    commands.savePlaybookSettings.mockReturnValueOnce(err("validation", "A first result is expected within 7 to 180 days.", "first_value_days"));
    commands.savePlaybookSettings.mockImplementation((s: PlaybookSettings) => ok(s));
    renderWithQuery(<PlaybookSettingsCard />);
    const first = await screen.findByLabelText(/First result expected within/);
    await userEvent.clear(first);
    await userEvent.type(first, "3");
    await userEvent.click(screen.getByRole("button", { name: "Save review settings" }));
    expect(await screen.findByText("A first result is expected within 7 to 180 days.")).toBeInTheDocument();
    await userEvent.clear(first);
    await userEvent.type(first, "45");
    await userEvent.click(screen.getByRole("button", { name: "Save review settings" }));
    expect(commands.savePlaybookSettings).toHaveBeenLastCalledWith({ ...defaults, first_value_days: 45 });
    expect(await screen.findByText("Saved")).toBeInTheDocument();
  });

  it("saves the owner's name that signs the drafts", async () => {
    commands.savePlaybookSettings.mockImplementation((s: PlaybookSettings) => ok(s));
    renderWithQuery(<PlaybookSettingsCard />);
    await userEvent.type(await screen.findByLabelText(/Your name \(signs the drafts\)/), "Mia Okafor");
    await userEvent.click(screen.getByRole("button", { name: "Save review settings" }));
    expect(commands.savePlaybookSettings).toHaveBeenLastCalledWith({ ...defaults, signed_by: "Mia Okafor" });
  });
});
