import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HealthSettings } from "../../bindings";
import { err, ok, renderWithQuery } from "../../test/render";
import { HealthSettingsCard } from "./HealthSettingsCard";
import { commands } from "../../test/backend";

vi.mock("../../bindings", () => import("../../test/backend"));

const defaults: HealthSettings = {
  signals: ["engagement", "outcome", "payment", "sentiment"],
  green_eighths: 7,
  amber_eighths: 4,
  thresholds: { default_cadence_days: 30, payment_grace_days: 3, invoices_judged: 6, survey_months: 12 },
  drain_effort_hours: 10,
  high_value_top_pct: 20,
};

beforeEach(() => {
  vi.resetAllMocks();
  commands.healthSettings.mockReturnValue(ok(defaults));
});

describe("HealthSettingsCard", () => {
  it("saves which signals count and the thresholds", async () => {
    commands.saveHealthSettings.mockImplementation((s: HealthSettings) => ok(s));
    renderWithQuery(<HealthSettingsCard />);
    await userEvent.click(await screen.findByLabelText("Sentiment"));
    const grace = screen.getByLabelText(/Payment grace/);
    await userEvent.clear(grace);
    await userEvent.type(grace, "7");
    const top = screen.getByLabelText(/High value: the top/);
    await userEvent.clear(top);
    await userEvent.type(top, "25");
    await userEvent.click(screen.getByRole("button", { name: "Save health settings" }));
    expect(commands.saveHealthSettings).toHaveBeenCalledWith({ ...defaults, signals: ["engagement", "outcome", "payment"], thresholds: { ...defaults.thresholds, payment_grace_days: 7 }, high_value_top_pct: 25 });
    expect(await screen.findByText("Saved")).toBeInTheDocument();
  });

  it("shows the core's message next to the setting it is about", async () => {
    commands.saveHealthSettings.mockReturnValue(err("validation", "Keep at least one signal: health needs something to judge by.", "signals"));
    renderWithQuery(<HealthSettingsCard />);
    await userEvent.click(await screen.findByRole("button", { name: "Save health settings" }));
    expect(await screen.findByText("Keep at least one signal: health needs something to judge by.")).toBeInTheDocument();
  });
});
