import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Portfolio, PortfolioView } from "../../bindings";
import { err, ok, renderWithQuery } from "../../test/render";
import { PortfolioScreen } from "./PortfolioScreen";
import { commands } from "../../test/backend";

vi.mock("../../bindings", () => import("../../test/backend"));

const share = (part: number, whole: number) => ({ part, whole, value: whole ? part / whole : null });
const metrics = (label: string, retained: number): Portfolio => ({
  period: { start: "2026-07-01", end: "2026-10-01", label },
  start_clients: 40,
  end_clients: 42,
  new_clients: 6,
  logo_retention: share(retained, 40),
  logo_churn: share(40 - retained, 40),
  mrr_start_cents: 100_000_00,
  mrr_end_cents: 110_000_00,
  cohort_mrr_end_cents: 95_000_00,
  expansion_cents: 0,
  contraction_cents: 0,
  churned_cents: 5_000_00,
  nrr: 0.95,
  grr: 0.95,
  revenue_churn: 0.05,
  arpa_cents: 2_600_00,
  nps: { promoters: 6, passives: 1, detractors: 1, responses: 8, score: 63 },
  csat: share(6, 7),
  ces: null,
  ces_responses: 0,
  confidence: 7.5,
  confidence_responses: 4,
  median_ttfv_days: 30,
  payment_timeliness: share(31, 37),
  referral_rate: share(1, 6),
  lifetime: { realised_per_client_cents: 5_000_00, projected_cents: null, method: "Not enough history: no client has left." },
});
const view: PortfolioView = {
  current: metrics("Q2 FY2027", 36),
  previous: metrics("Q1 FY2027", 40),
  trend: [{ label: "Sep", mrr_cents: 110_000_00, clients: 42, logo_retention: 0.9, nps: 63 }],
  groups: [{ dimension: "Segment", group: "At risk", clients: 2, mrr_end_cents: 5_000_00, logo_retention: share(2, 2), nrr: 1, nps: { promoters: 1, passives: 0, detractors: 1, responses: 2, score: 0 }, csat: share(1, 2), members: [{ client_id: 7, client: "Harbour Bakery" }] }],
  health: { green: 30, amber: 8, red: 4, unknown: 0 },
  churn: {
    lost: 5,
    lost_from_start: 4,
    reasons: [
      { reason: "budget_cut", label: "Their budget was cut", clients: ["Lumen Dental", "Nordlicht Yoga"], mrr_cents: 4_800_00 },
      { reason: null, label: "Not recorded yet", clients: ["Harbour Bakery"], mrr_cents: 2_000_00 },
    ],
    compared: {
      since: "2025-10-01",
      until: "2026-09-30",
      lost: { clients: 9, median_tenure_months: 11, mean_nps_answer: 5.5, nps_answers: 4, paid_on_time: share(20, 30), amber_or_red: share(6, 8) },
      kept: { clients: 42, median_tenure_months: 26, mean_nps_answer: 8.75, nps_answers: 30, paid_on_time: share(300, 320), amber_or_red: share(12, 42) },
    },
  },
};

beforeEach(() => {
  vi.resetAllMocks();
  commands.periodChoices.mockReturnValue(ok([{ label: "Last month", value: "2026-10" }, { label: "Last quarter", value: "2027-Q2" }]));
  commands.portfolio.mockReturnValue(ok(view));
});

describe("PortfolioScreen", () => {
  it("opens on last quarter as the core names it, with the period before beside each figure", async () => {
    renderWithQuery(<PortfolioScreen currency="EUR" onOpenClient={() => {}} />);
    expect(await screen.findByText("36 of 40 clients kept")).toBeInTheDocument();
    expect(commands.portfolio).toHaveBeenCalledWith("2027-Q2");
    expect(screen.getByText("Period before: 100%")).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Health of the clients active at the end" })).toHaveTextContent("4 Red");
    expect(screen.getByTitle(/share of the starting monthly revenue lost/)).toHaveTextContent("Revenue churn5%");
    expect(screen.getByRole("table", { name: "Retention and NPS by month" })).toHaveTextContent("Logo retention90%");
    expect(screen.getByTitle(/how confident are you that we will reach your goal/)).toHaveTextContent("Confidence in the goal7.5 of 10");
  });

  it("clicks through from a group to the clients behind it", async () => {
    const open = vi.fn();
    renderWithQuery(<PortfolioScreen currency="EUR" onOpenClient={open} />);
    await userEvent.click(await screen.findByRole("button", { name: /At risk/ }));
    await userEvent.click(screen.getByRole("button", { name: "Harbour Bakery" }));
    expect(open).toHaveBeenCalledWith(7);
  });

  it("says why clients left, each reason with its clients, and sets the lost against the kept", async () => {
    renderWithQuery(<PortfolioScreen currency="EUR" onOpenClient={() => {}} />);
    const reasons = await screen.findByRole("table", { name: "Why clients left in Q2 FY2027" });
    expect(reasons).toHaveTextContent("Their budget was cut2 (Lumen Dental, Nordlicht Yoga)");
    expect(reasons).toHaveTextContent("Not recorded yet1 (Harbour Bakery)");
    expect(screen.getByText(/5 clients left in Q2 FY2027; 4 of them were clients on its first day/)).toBeInTheDocument();
    const compared = screen.getByRole("table", { name: "Lost against kept" });
    expect(compared).toHaveTextContent("Time with you (median)11 months26 months");
    expect(compared).toHaveTextContent("Health before leaving75% (6 of 8)29% (12 of 42)");
    expect(compared).toHaveTextContent("5.5 of 10 (4 answers)");
  });

  it("explains a period it cannot read", async () => {
    renderWithQuery(<PortfolioScreen currency="EUR" onOpenClient={() => {}} />);
    await screen.findByText("36 of 40 clients kept");
    commands.portfolio.mockReturnValue(err("validation", "'someday' is not a period: write 2026-10 (a month), 2026-Q3 (a quarter), 2026 (a year) or 2026-01-01..2026-04-01.", "period"));
    const input = screen.getByLabelText("Period");
    await userEvent.clear(input);
    await userEvent.type(input, "someday");
    await userEvent.click(screen.getByRole("button", { name: "Show" }));
    expect(await screen.findByText(/'someday' is not a period/)).toBeInTheDocument();
  });
});
