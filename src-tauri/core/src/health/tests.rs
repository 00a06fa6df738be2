use chrono::NaiveDate;

use super::*;
use crate::book::activity::{Complaint, ComplaintTag, Touchpoint, TouchpointKind};
use crate::book::invoice::{Invoice, InvoiceLine};
use crate::book::kpi::{Direction, Kpi, Measurement};
use crate::book::survey::{SurveyAnswer, SurveyKind};
use crate::book::{Client, ClientStatus, SuccessPlan};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-11-26";

fn empty() -> ClientData {
    ClientData::new(Client {
            id: 1,
            name: "Harbour Bakery".into(),
            status: ClientStatus::Active,
            goal: String::new(),
            start_date: d("2026-01-05"),
            notes: String::new(),
            archived_at: None,
            plan: SuccessPlan { cadence_days: Some(14), owner: String::new(), recap: String::new(), fiscal_year_start: 1, annual_budget_cents: None },
            created_at: String::new(),
            updated_at: String::new(),
    })
}

fn call(id: i64, on: &str, two_way: bool) -> Touchpoint {
    Touchpoint { id, client_id: 1, kind: TouchpointKind::Call, happened_on: d(on), summary: String::new(), client_replied: two_way, attended: two_way, rescheduled: false, no_show: false, reply_days: None, stakeholder_id: None }
}

fn invoice(id: i64, due: &str, paid: Option<&str>) -> Invoice {
    Invoice { id, client_id: 1, number: format!("N-{id}"), issued_on: d(due) - chrono::Days::new(30), due_on: d(due), paid_on: paid.map(d), void: false, lines: vec![InvoiceLine { description: "x".into(), amount_cents: 100, kpi_id: None, deliverable_id: None }] }
}

fn nps(id: i64, on: &str, score: i64) -> SurveyAnswer {
    SurveyAnswer { id, client_id: 1, stakeholder_id: None, kind: SurveyKind::Nps, score, answered_on: d(on), comment: String::new(), followed_up_on: None }
}

fn signal(h: &Health, s: Signal) -> &SignalScore {
    h.signals.iter().find(|x| x.signal == s).unwrap()
}

pub(super) fn healthy() -> ClientData {
    let mut data = empty();
    data.touchpoints = vec![call(1, "2026-11-20", true)];
    data.kpis = vec![Kpi { id: 10, client_id: 1, name: "Leads".into(), unit: String::new(), direction: Direction::Up, baseline: 0.0, target: 100.0, baseline_date: d("2026-01-01"), target_date: d("2026-12-31"), cents_per_unit: None, worth_counts: crate::book::kpi::WorthCounts::Monthly, share_low_pct: 100, share_high_pct: 100, below_baseline_counts: false, }];
    data.measurements = vec![Measurement { id: 1, kpi_id: 10, measured_on: d("2026-10-31"), value: 90.0, note: String::new() }];
    data.invoices = vec![invoice(1, "2026-09-30", Some("2026-09-28")), invoice(2, "2026-10-31", Some("2026-10-30"))];
    data.survey_answers = vec![nps(1, "2026-10-01", 10)];
    data
}

#[test]
fn bands_scale_with_the_number_of_signals_with_data() {
    assert_eq!((band(8, 8), band(7, 8), band(6, 8), band(4, 8), band(3, 8)), (Band::Green, Band::Green, Band::Amber, Band::Amber, Band::Red));
    assert_eq!((band(6, 6), band(5, 6), band(3, 6), band(2, 6)), (Band::Green, Band::Amber, Band::Amber, Band::Red));
    assert_eq!(band(0, 0), Band::Unknown);
}

#[test]
fn a_client_with_no_records_is_unknown_not_red() {
    let h = health(&empty(), d(TODAY), &HealthSettings::default());
    assert_eq!((h.score, h.max, h.band), (0, 0, Band::Unknown));
    assert!(h.signals.iter().all(|s| s.score.is_none()));
}

#[test]
fn a_healthy_client_is_green_with_reasons() {
    let h = health(&healthy(), d(TODAY), &HealthSettings::default());
    assert_eq!((h.score, h.max, h.band), (8, 8, Band::Green), "{h:#?}");
    assert_eq!(signal(&h, Signal::Engagement).reason, "Last two-way contact 6 days ago, within the agreed: every 14 days.");
    assert_eq!(signal(&h, Signal::Payment).reason, "All of the last 2 invoices were paid on time.");
    assert_eq!(signal(&h, Signal::Sentiment).reason, "Latest NPS answer 10 (a promoter).");
}

#[test]
fn silence_beyond_twice_the_cadence_is_critical() {
    let mut data = healthy();
    data.touchpoints = vec![call(1, "2026-10-01", true), call(2, "2026-11-20", false)];
    let h = health(&data, d(TODAY), &HealthSettings::default());
    let e = signal(&h, Signal::Engagement);
    assert_eq!((e.score, e.reason.as_str()), (Some(0), "No two-way contact for 56 days (agreed: every 14 days)."));
    assert_eq!((h.score, h.band), (6, Band::Amber));
}

#[test]
fn late_payments_are_counted_and_explained() {
    let mut data = healthy();
    data.invoices = vec![invoice(1, "2026-08-31", Some("2026-08-30")), invoice(2, "2026-09-30", Some("2026-09-29")), invoice(3, "2026-10-31", Some("2026-11-12"))];
    let p = health(&data, d(TODAY), &HealthSettings::default()).signals[2].clone();
    assert_eq!((p.score, p.reason.as_str()), (Some(1), "1 of the last 3 invoices late; invoice N-3 paid 12 days late, after a history of paying on time."));

    data.invoices.push(invoice(4, "2026-10-15", None));
    let p = health(&data, d(TODAY), &HealthSettings::default()).signals[2].clone();
    assert_eq!((p.score, p.reason.as_str()), (Some(0), "Invoice N-4 is 42 days overdue."));

    let grace = HealthSettings { thresholds: Thresholds { payment_grace_days: 15, ..Thresholds::default() }, ..HealthSettings::default() };
    data.invoices.pop();
    assert_eq!(health(&data, d(TODAY), &grace).signals[2].score, Some(2), "the grace is a setting");
}

#[test]
fn a_detractor_or_an_open_complaint_is_critical() {
    let mut data = healthy();
    data.survey_answers.push(nps(2, "2026-11-10", 5));
    let s = health(&data, d(TODAY), &HealthSettings::default()).signals[3].clone();
    assert_eq!((s.score, s.reason.as_str()), (Some(0), "Latest NPS answer 5 (a detractor)."));
    let mut data = healthy();
    data.complaints = vec![Complaint { id: 1, client_id: 1, opened_on: d("2026-11-02"), closed_on: None, tag: ComplaintTag::Deadline, summary: "Menu update was late".into() }];
    let s = health(&data, d(TODAY), &HealthSettings::default()).signals[3].clone();
    assert_eq!((s.score, s.reason.as_str()), (Some(0), "Open deadline issue since 2 Nov 2026: Menu update was late."));
    assert_eq!(health(&data, d("2026-11-01"), &HealthSettings::default()).signals[3].score, Some(2), "as of before it was raised");
}

#[test]
fn outcome_follows_the_kpis_against_their_straight_line() {
    let mut data = healthy();
    data.measurements[0].value = 20.0;
    let o = health(&data, d(TODAY), &HealthSettings::default()).signals[1].clone();
    assert_eq!(o.score, Some(0));
    assert_eq!(o.reason, "0 of 1 KPIs on track; Leads is off track (20% of the way, 83% expected by now).");
}

#[test]
fn history_is_weekly_and_shows_a_drop() {
    let mut data = healthy();
    data.survey_answers.push(nps(2, "2026-11-24", 3));
    let weeks = history(&data, d(TODAY), 3, &HealthSettings::default());
    let labels: Vec<(&str, Band)> = weeks.iter().map(|w| (w.week.as_str(), w.band)).collect();
    assert_eq!(labels, [("2026-W46", Band::Green), ("2026-W47", Band::Green), ("2026-W48", Band::Amber)]);
    assert_eq!(weeks[0].as_of, d("2026-11-15"), "a past week is judged on its Sunday");
    assert_eq!(weeks[2].as_of, d(TODAY));
}

#[test]
fn an_override_replaces_the_measured_score_from_its_day_until_it_expires() {
    let mut data = healthy();
    data.overrides = vec![HealthOverride { id: 1, client_id: 1, signal: Signal::Payment, score: 0, reason: "They told us cash is tight until January".into(), set_on: d("2026-11-20"), expires_on: d("2027-01-15") }];
    let h = health(&data, d(TODAY), &HealthSettings::default());
    let p = signal(&h, Signal::Payment);
    assert_eq!((p.score, p.overridden), (Some(0), true));
    assert_eq!(p.reason, "Set by you until 15 Jan 2027: They told us cash is tight until January (measured: All of the last 2 invoices were paid on time.)");
    assert_eq!(h.score, 6);
    assert!(!signal(&health(&data, d("2026-11-19"), &HealthSettings::default()), Signal::Payment).overridden, "weeks before it was set keep the measured score");
    assert!(!signal(&health(&data, d("2027-01-15"), &HealthSettings::default()), Signal::Payment).overridden, "it ends on its expiry day");
}

#[test]
fn settings_choose_the_signals_and_where_the_bands_start() {
    let only_two = HealthSettings { signals: vec![Signal::Payment, Signal::Engagement], ..HealthSettings::default() };
    let h = health(&healthy(), d(TODAY), &only_two);
    assert_eq!((h.signals.len(), h.max), (2, 4));
    assert_eq!(band_with(5, 8, 5, 2), Band::Green);
    assert_eq!(band_with(5, 8, 7, 4), Band::Amber);
    assert_eq!(HealthSettings { signals: vec![], ..HealthSettings::default() }.validate().unwrap_err().field.as_deref(), Some("signals"));
    assert_eq!(HealthSettings { amber_eighths: 7, ..HealthSettings::default() }.validate().unwrap_err().field.as_deref(), Some("amber_eighths"));
    assert_eq!(HealthSettings { high_value_top_pct: 80, ..HealthSettings::default() }.validate().unwrap_err().field.as_deref(), Some("high_value_top_pct"));
    let stored_before: HealthSettings = serde_json::from_str(r#"{"signals":["payment"],"green_eighths":7,"amber_eighths":4,"thresholds":{"default_cadence_days":30,"payment_grace_days":3,"invoices_judged":6,"survey_months":12},"drain_effort_hours":10}"#).unwrap();
    assert_eq!(stored_before.high_value_top_pct, 20, "settings saved before the value line read the top fifth");
    let bad_grace = HealthSettings { thresholds: Thresholds { payment_grace_days: 90, ..Thresholds::default() }, ..HealthSettings::default() };
    assert_eq!(bad_grace.validate().unwrap_err().field.as_deref(), Some("payment_grace_days"));
}


#[test]
fn low_confidence_in_reaching_the_goal_is_a_risk_like_a_low_satisfaction_score() {
    let mut data = healthy();
    let confidence = |id, score| SurveyAnswer { id, client_id: 1, stakeholder_id: None, kind: SurveyKind::Confidence, score, answered_on: d("2026-11-01"), comment: String::new(), followed_up_on: None };
    data.survey_answers = vec![confidence(1, 4)];
    let s = signals::sentiment(&data, d("2026-11-26"), &Thresholds::default());
    assert_eq!((s.score, s.reason.as_str()), (Some(0), "Latest confidence in reaching the goal 4 of 10."));
    data.survey_answers = vec![confidence(2, 9)];
    assert_eq!(signals::sentiment(&data, d("2026-11-26"), &Thresholds::default()).score, Some(2));
    data.survey_answers = vec![confidence(3, 7)];
    assert_eq!(signals::sentiment(&data, d("2026-11-26"), &Thresholds::default()).score, Some(1));
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Leaving a signal with no data out never gives a worse band than counting it as 0.
        #[test]
        fn unknown_signals_never_lower_a_score(scores in proptest::collection::vec(proptest::option::of(0u8..=2), 1..6)) {
            let known: Vec<u8> = scores.iter().flatten().copied().collect();
            let left_out = band(known.iter().sum(), 2 * known.len() as u8);
            let as_zero = band(known.iter().sum(), 2 * scores.len() as u8);
            if !known.is_empty() {
                prop_assert!(left_out >= as_zero, "{left_out:?} < {as_zero:?} for {scores:?}");
            }
        }
    }
}
