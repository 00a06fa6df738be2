import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { err, ok, renderWithQuery } from "../../test/render";
import { BrandingCard } from "./BrandingCard";
import { commands } from "../../test/backend";

const dialog = vi.hoisted(() => ({ open: vi.fn(), save: vi.fn() }));
vi.mock("../../bindings", () => import("../../test/backend"));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

const LOGO = "data:image/png;base64,iVBORw0KGgo=";

beforeEach(() => {
  vi.resetAllMocks();
  commands.branding.mockReturnValue(ok({ accent: "#1f6f6b", logo_data_url: null }));
});

describe("BrandingCard", () => {
  it("saves a new accent colour and explains a pale one next to the field", async () => {
    commands.saveAccent.mockReturnValueOnce(err("validation", "This colour is too pale to read on white paper (contrast 1.1:1, at least 3:1 needed); pick a darker one.", "accent"));
    commands.saveAccent.mockReturnValueOnce(ok({ accent: "#8a1538", logo_data_url: null }));
    renderWithQuery(<BrandingCard studioName="Fox & Finch" />);
    const code = await screen.findByLabelText("Accent colour code");
    await userEvent.clear(code);
    await userEvent.type(code, "#fafafa");
    await userEvent.click(screen.getByRole("button", { name: "Save colour" }));
    expect(await screen.findByText(/too pale to read on white paper/)).toBeInTheDocument();
    await userEvent.clear(code);
    await userEvent.type(code, "#8a1538");
    await userEvent.click(screen.getByRole("button", { name: "Save colour" }));
    expect(await screen.findByText("Saved")).toBeInTheDocument();
    expect(commands.saveAccent).toHaveBeenLastCalledWith({ accent: "#8a1538" });
  });

  it("takes a logo from the file the owner picks, shows it, and removes it", async () => {
    dialog.open.mockResolvedValue("/home/mia/logo.png");
    commands.saveLogo.mockReturnValue(ok({ accent: "#1f6f6b", logo_data_url: LOGO }));
    commands.clearLogo.mockReturnValue(ok({ accent: "#1f6f6b", logo_data_url: null }));
    renderWithQuery(<BrandingCard studioName="Fox & Finch" />);
    await userEvent.click(await screen.findByRole("button", { name: "Choose logo…" }));
    expect(commands.saveLogo).toHaveBeenCalledWith("/home/mia/logo.png");
    expect(await screen.findByAltText("Your logo")).toHaveAttribute("src", LOGO);
    await userEvent.click(screen.getByRole("button", { name: "Remove logo" }));
    expect(await screen.findByRole("button", { name: "Choose logo…" })).toBeInTheDocument();
    expect(screen.queryByAltText("Your logo")).not.toBeInTheDocument();
  });

  it("says why a picked file was refused", async () => {
    dialog.open.mockResolvedValue("/home/mia/notes.txt");
    commands.saveLogo.mockReturnValue(err("validation", "The logo must be a PNG or JPEG image.", "logo"));
    renderWithQuery(<BrandingCard studioName="Fox & Finch" />);
    await userEvent.click(await screen.findByRole("button", { name: "Choose logo…" }));
    expect(await screen.findByText("The logo must be a PNG or JPEG image.")).toBeInTheDocument();
  });
});
