use chrono::NaiveDate;

use super::segment::*;
use super::{health, HealthSettings};
use crate::book::contract::{Contract, ContractKind};
use crate::book::growth::HoursUsed;
use crate::book::month::Month;
use crate::book::survey::{SurveyAnswer, SurveyKind};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn with_mrr(mut data: crate::book::records::ClientData, monthly: i64) -> crate::book::records::ClientData {
    data.contracts = vec![Contract { id: 1, client_id: 1, kind: ContractKind::Retainer, service_line: String::new(), monthly_cents: monthly, fixed_cents: 0, start_date: d("2025-01-01"), end_date: None, renewal_date: None, notice_days: 30, included_hundredths: 0 }];
    data
}

fn euros(cents: i64) -> String {
    format!("€{}", cents / 100)
}

#[test]
fn the_segment_rule_in_order_at_risk_drain_champion_steady() {
    let today = d("2026-11-26");
    let s = HealthSettings::default();
    // Healthy, €3,000 a month, a promoter: a champion.
    let mut champion = with_mrr(super::tests::healthy(), 300_000);
    champion.survey_answers = vec![SurveyAnswer { id: 1, client_id: 1, stakeholder_id: None, kind: SurveyKind::Nps, score: 10, answered_on: d("2026-10-01"), comment: String::new(), followed_up_on: None }];
    let p = place(&champion, &health(&champion, today, &s), today, 250_000, 10, 2, euros);
    assert_eq!(p.segment, Segment::Champion);
    assert_eq!(p.why, "Green, high value (€3000 a month, at or above the median €2500) and an NPS promoter: protect and expand.");

    // Low value and 40 hours a month for €1,000 a month: a drain.
    let mut drain = with_mrr(super::tests::healthy(), 100_000);
    drain.hours_used = (9..=11).map(|m| HoursUsed { id: m, client_id: 1, month: Month { year: 2026, month: m as u32 }, hundredths: 4_000 }).collect();
    let p = place(&drain, &health(&drain, today, &s), today, 250_000, 10, 2, euros);
    assert_eq!(p.segment, Segment::Drain, "{}", p.why);
    assert!(p.effort_per_thousand.unwrap() > 10.0);
    assert_eq!(place(&drain, &health(&drain, today, &s), today, 250_000, 100, 2, euros).segment, Segment::Steady, "the drain line is a setting");

    // The same client amber: at risk comes first.
    let mut risky = drain.clone();
    risky.survey_answers = vec![SurveyAnswer { id: 2, client_id: 1, stakeholder_id: None, kind: SurveyKind::Nps, score: 2, answered_on: d("2026-11-20"), comment: String::new(), followed_up_on: None }];
    assert_eq!(place(&risky, &health(&risky, today, &s), today, 250_000, 10, 2, euros).segment, Segment::AtRisk);

    // Healthy, high value, no promoter or expansion: steady.
    let mut steady = with_mrr(super::tests::healthy(), 300_000);
    steady.survey_answers.clear();
    assert_eq!(place(&steady, &health(&steady, today, &s), today, 250_000, 10, 2, euros).segment, Segment::Steady);
    assert_eq!(median(vec![5, 1, 3, 2]), 2);
}
