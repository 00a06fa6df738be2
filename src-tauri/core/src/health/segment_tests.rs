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
    data.contracts = vec![Contract { id: 1, client_id: 1, kind: ContractKind::Retainer, service_line: String::new(), monthly_cents: monthly, fixed_cents: 0, start_date: d("2025-01-01"), end_date: None, renewal_date: None, notice_days: 30, included_hundredths: 0, unused_hours: crate::book::contract::UnusedHours::NotAgreed }];
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
    let p = place(&champion, &health(&champion, today, &s), today, LINE, 10, 2, euros);
    assert_eq!(p.segment, Segment::Champion);
    assert_eq!(p.why, "Green, high value (€3000 a month, at or above the top-20% line of €2500) and an NPS promoter: protect and expand.");

    // Low value and 40 hours a month for €1,000 a month: a drain.
    let mut drain = with_mrr(super::tests::healthy(), 100_000);
    drain.hours_used = (9..=11).map(|m| HoursUsed { id: m, client_id: 1, month: Month { year: 2026, month: m as u32 }, hundredths: 4_000 }).collect();
    let p = place(&drain, &health(&drain, today, &s), today, LINE, 10, 2, euros);
    assert_eq!(p.segment, Segment::Drain, "{}", p.why);
    assert!(p.effort_per_thousand.unwrap() > 10.0);
    assert_eq!(place(&drain, &health(&drain, today, &s), today, LINE, 100, 2, euros).segment, Segment::Steady, "the drain line is a setting");

    // The same client amber: at risk comes first.
    let mut risky = drain.clone();
    risky.survey_answers = vec![SurveyAnswer { id: 2, client_id: 1, stakeholder_id: None, kind: SurveyKind::Nps, score: 2, answered_on: d("2026-11-20"), comment: String::new(), followed_up_on: None }];
    assert_eq!(place(&risky, &health(&risky, today, &s), today, LINE, 10, 2, euros).segment, Segment::AtRisk);

    // Healthy, high value, no promoter or expansion: steady.
    let mut steady = with_mrr(super::tests::healthy(), 300_000);
    steady.survey_answers.clear();
    assert_eq!(place(&steady, &health(&steady, today, &s), today, LINE, 10, 2, euros).segment, Segment::Steady);

    // …until they introduce a client: champions are the clients who refer others too.
    steady.referrals = vec![crate::book::referral::Referral { id: 1, from_client_id: 1, from_client: "Harbour Bakery".into(), to_client_id: 2, to_client: "Lumen Dental".into(), referred_on: d("2026-06-01") }];
    let p = place(&steady, &health(&steady, today, &s), today, LINE, 10, 2, euros);
    assert_eq!((p.segment, p.why.contains("introduced a client in the last year")), (Segment::Champion, true), "{}", p.why);
    steady.referrals[0].from_client_id = 2;
    assert_eq!(place(&steady, &health(&steady, today, &s), today, LINE, 10, 2, euros).segment, Segment::Steady, "being referred is not referring");
}

const LINE: ValueLine = ValueLine { cents: 250_000, top_pct: 20 };

#[test]
fn high_value_is_the_top_fifth_of_the_clients_who_pay() {
    let ten: Vec<i64> = (1..=10).map(|i| i * 100_000).collect();
    assert_eq!(value_line(ten.clone(), 20), 900_000, "the top 2 of 10");
    assert_eq!(value_line(ten.clone(), 50), 600_000, "the top half, as a setting");
    assert_eq!(value_line(vec![300_000, 0, 0, 100_000, 200_000], 20), 300_000, "nobody paying is not counted; at least one client is high value");
    assert_eq!(value_line(vec![], 20), 0);
    assert_eq!(value_line(vec![0, 0], 20), 0);
    assert_eq!(value_line((1..=11).map(|i| i * 100_000).collect(), 20), 900_000, "11 clients: the top 3 (rounded up)");
}
