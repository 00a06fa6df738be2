import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Template } from "../../bindings";
import { err, ok, renderWithQuery } from "../../test/render";
import { TemplatesCard } from "./TemplatesCard";
import { commands } from "../../test/backend";

vi.mock("../../bindings", () => import("../../test/backend"));

const ours = (script: Template["script"], label: string): Template => ({ script, label, subject: `${label} subject`, body: "{hello}\n{signature}", custom: false });

beforeEach(() => {
  vi.resetAllMocks();
  commands.messageTemplates.mockReturnValue(ok([ours("value_check_in", "Value check-in"), ours("renewal", "Renewal note")]));
});

describe("TemplatesCard", () => {
  it("saves the owner's wording for the chosen message, then offers ours back", async () => {
    commands.saveTemplate.mockReturnValue(ok({ ...ours("renewal", "Renewal note"), body: "{hello}\nShall we carry on?", custom: true }));
    commands.resetTemplate.mockReturnValue(ok(ours("renewal", "Renewal note")));
    renderWithQuery(<TemplatesCard />);
    await userEvent.selectOptions(await screen.findByLabelText("Message"), "renewal");
    const text = screen.getByLabelText("Text");
    await userEvent.clear(text);
    await userEvent.type(text, "Shall we carry on?");
    await userEvent.click(screen.getByRole("button", { name: "Save template" }));
    expect(commands.saveTemplate).toHaveBeenCalledWith("renewal", { subject: "Renewal note subject", body: "Shall we carry on?" });
    await userEvent.click(await screen.findByRole("button", { name: "Go back to Clientwell’s wording" }));
    expect(commands.resetTemplate).toHaveBeenCalledWith("renewal");
  });

  it("names an unknown field next to the text", async () => {
    commands.saveTemplate.mockReturnValue(err("validation", "{helo} is not a field Clientwell can fill; use {hello}.", "body"));
    renderWithQuery(<TemplatesCard />);
    await userEvent.click(await screen.findByRole("button", { name: "Save template" }));
    expect(await screen.findByText("{helo} is not a field Clientwell can fill; use {hello}.")).toBeInTheDocument();
  });
});
