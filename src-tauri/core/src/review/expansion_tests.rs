use chrono::NaiveDate;

use super::*;
use crate::book::activity::{Complaint, ComplaintTag};
use crate::book::contract::Contract;
use crate::book::growth::{HoursUsed, Opportunity, OpportunityKind};
use crate::book::kpi::{Direction, Kpi, Measurement, WorthCounts};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn health(band: Band) -> Health {
    Health { as_of: d("2026-11-26"), score: 8, max: 8, band, signals: vec![], summary: "All good.".into() }
}

fn retainer(included_hundredths: i64) -> Contract {
    Contract {
        id: 1,
        client_id: 1,
        kind: ContractKind::Retainer,
        service_line: "SEO".into(),
        monthly_cents: 250_000,
        fixed_cents: 0,
        start_date: d("2026-01-01"),
        end_date: None,
        renewal_date: None,
        notice_days: 30,
        included_hundredths,
        unused_hours: crate::book::contract::UnusedHours::NotAgreed,
    }
}

fn used(id: i64, month: &str, hundredths: i64) -> HoursUsed {
    HoursUsed { id, client_id: 1, month: Month::parse("month", month).unwrap(), hundredths }
}

fn client() -> ClientData {
    let mut c = ClientData::sample(1, "Harbour Bakery");
    c.contracts = vec![retainer(2_000)];
    c
}

#[test]
fn hours_over_the_retainer_two_months_running_is_a_reason_one_month_is_not() {
    let mut c = client();
    // As of 26 Nov the last two complete months are September and October.
    c.hours_used = vec![used(1, "2026-09", 2_600), used(2, "2026-10", 2_450)];
    assert_eq!(triggers(&c, d("2026-11-26")), vec!["hours over the retainer two months running (26 h in September 2026 of 20 h included; 24.5 h in October 2026 of 20 h included)".to_owned()]);
    c.hours_used = vec![used(1, "2026-09", 1_900), used(2, "2026-10", 2_450)];
    assert!(triggers(&c, d("2026-11-26")).is_empty(), "one month over is a busy month, not a trend");
    c.hours_used = vec![used(1, "2026-09", 2_600), used(2, "2026-10", 2_450)];
    c.contracts = vec![retainer(0)];
    assert!(triggers(&c, d("2026-11-26")).is_empty(), "no hours agreed: nothing to be over");
}

#[test]
fn a_target_reached_before_its_date_is_a_reason_while_it_holds() {
    let mut c = client();
    c.kpis = vec![Kpi { id: 7, client_id: 1, name: "Qualified leads".into(), unit: "leads".into(), direction: Direction::Up, baseline: 20.0, target: 30.0, baseline_date: d("2026-01-01"), target_date: d("2026-12-31"), cents_per_unit: None, worth_counts: WorthCounts::Monthly, share_low_pct: 100, share_high_pct: 100, below_baseline_counts: false }];
    let m = |id, on: &str, value| Measurement { id, kpi_id: 7, measured_on: d(on), value, note: String::new() };
    c.measurements = vec![m(1, "2026-08-31", 26.0), m(2, "2026-09-30", 31.0), m(3, "2026-10-31", 32.0)];
    assert_eq!(triggers(&c, d("2026-11-26")), vec!["Qualified leads reached its target on 30 Sep 2026, before 31 Dec 2026".to_owned()]);
    c.measurements.push(m(4, "2026-11-20", 27.0));
    assert!(triggers(&c, d("2026-11-26")).is_empty(), "fell back below the target: not growing now");
    c.measurements.pop();
    assert!(triggers(&c, d("2027-01-15")).is_empty(), "reached more than 90 days ago");
}

#[test]
fn only_a_green_client_with_a_reason_and_no_open_issue_gets_the_item_once_a_quarter() {
    let mut c = client();
    c.opportunities = vec![Opportunity { id: 3, client_id: 1, kind: OpportunityKind::CrossSell, title: "Email newsletter".into(), value_cents: 90_000, stage: OpportunityStage::Idea, opened_on: d("2026-11-02"), closed_on: None, show_client: false }];
    let found = item(&c, d("2026-11-26"), &health(Band::Green)).expect("green, a new need");
    assert_eq!((found.kind, found.key.as_str(), found.urgency), (ItemKind::Expansion, "expansion:1:2026-Q4", 4));
    assert_eq!(found.reason, "A new need logged on 2 Nov 2026: Email newsletter. A client who is getting results is the one to propose more to.");
    assert_eq!(found.next_step, NextStep::DraftMessage { script: Script::Expansion });
    assert!(item(&c, d("2026-11-26"), &health(Band::Amber)).is_none(), "amber: keep them first");
    assert!(item(&c, d("2027-02-01"), &health(Band::Green)).is_none(), "the need is no longer new");
    c.complaints = vec![Complaint { id: 1, client_id: 1, opened_on: d("2026-11-20"), closed_on: None, tag: ComplaintTag::Quality, summary: "Typos".into() }];
    assert!(item(&c, d("2026-11-26"), &health(Band::Green)).is_none(), "an open issue comes first");
    c.complaints.clear();
    c.opportunities[0].stage = OpportunityStage::Won;
    assert!(item(&c, d("2026-11-26"), &health(Band::Green)).is_none(), "already won: not a new need");
}

#[test]
fn a_kpi_name_that_begins_the_reason_is_capitalised_by_character() {
    let mut c = client();
    c.kpis = vec![Kpi { id: 7, client_id: 1, name: "émissions évitées".into(), unit: "t".into(), direction: Direction::Down, baseline: 100.0, target: 80.0, baseline_date: d("2026-01-01"), target_date: d("2026-12-31"), cents_per_unit: None, worth_counts: WorthCounts::Once, share_low_pct: 100, share_high_pct: 100, below_baseline_counts: false }];
    c.measurements = vec![Measurement { id: 1, kpi_id: 7, measured_on: d("2026-11-01"), value: 79.0, note: String::new() }];
    let found = item(&c, d("2026-11-26"), &health(Band::Green)).expect("down is better: 79 reaches 80");
    assert!(found.reason.starts_with("Émissions évitées reached its target on 1 Nov 2026"), "{}", found.reason);
}
