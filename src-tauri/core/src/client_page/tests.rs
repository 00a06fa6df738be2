use chrono::NaiveDate;

use super::*;
use crate::book::activity::{ComplaintTag, TouchpointKind};
use crate::book::contract::ContractKind;
use crate::book::invoice::InvoiceLine;
use crate::book::kpi::{Direction, KpiStatus};
use crate::book::{ClientStatus, SuccessPlan};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn data() -> ClientData {
    let client = Client {
        id: 1,
        name: "Harbour Bakery".into(),
        status: ClientStatus::Active,
        goal: "More weekday orders".into(),
        start_date: d("2026-01-05"),
        notes: "secret".into(),
        archived_at: None,
        plan: SuccessPlan { cadence_days: Some(14), owner: "Mia".into(), recap: String::new(), fiscal_year_start: 1, annual_budget_cents: None },
        created_at: String::new(),
        updated_at: String::new(),
    };
    ClientData {
        kpis: vec![Kpi {
            id: 10,
            client_id: 1,
            name: "Weekday orders".into(),
            unit: "orders".into(),
            direction: Direction::Up,
            baseline: 100.0,
            target: 200.0,
            baseline_date: d("2026-01-01"),
            target_date: d("2026-12-31"),
            cents_per_unit: Some(1_200),
            worth_counts: crate::book::kpi::WorthCounts::Monthly, share_low_pct: 100, share_high_pct: 100, below_baseline_counts: false,
        }],
        measurements: vec![
            Measurement { id: 1, kpi_id: 10, measured_on: d("2026-09-30"), value: 160.0, note: String::new() },
            Measurement { id: 2, kpi_id: 10, measured_on: d("2026-10-31"), value: 175.0, note: String::new() },
        ],
        milestones: vec![
            Milestone { id: 5, client_id: 1, title: "Online ordering live".into(), due_on: d("2026-02-01"), done_on: Some(d("2026-02-14")), first_value: true },
            Milestone { id: 6, client_id: 1, title: "Loyalty launch".into(), due_on: d("2026-11-01"), done_on: None, first_value: false },
        ],
        contracts: vec![Contract {
            id: 3,
            client_id: 1,
            kind: ContractKind::Retainer,
            service_line: "Growth".into(),
            monthly_cents: 300_000,
            fixed_cents: 0,
            start_date: d("2026-01-05"),
            end_date: None,
            renewal_date: Some(d("2027-01-04")),
            notice_days: 30,
            included_hundredths: 2_000,
            unused_hours: crate::book::contract::UnusedHours::NotAgreed,
        }],
        invoices: vec![Invoice {
            id: 7,
            client_id: 1,
            number: "2026-041".into(),
            issued_on: d("2026-10-01"),
            due_on: d("2026-10-31"),
            paid_on: None,
            void: false,
            lines: vec![InvoiceLine { description: "October retainer".into(), amount_cents: 300_000, kpi_id: Some(10), deliverable_id: None }],
        }],
        touchpoints: vec![Touchpoint {
            id: 8,
            client_id: 1,
            kind: TouchpointKind::Call,
            happened_on: d("2026-11-02"),
            summary: "Reviewed October".into(),
            client_replied: false,
            attended: true,
            rescheduled: false,
            no_show: false,
            reply_days: None,
            stakeholder_id: None,
        }],
        complaints: vec![Complaint { id: 9, client_id: 1, opened_on: d("2026-11-10"), closed_on: None, tag: ComplaintTag::Deadline, summary: "Menu update was late".into() }],
        survey_answers: vec![SurveyAnswer {
            id: 11,
            client_id: 1,
            stakeholder_id: None,
            kind: SurveyKind::Nps,
            score: 5,
            answered_on: d("2026-11-12"),
            comment: "Slow lately".into(),
            followed_up_on: None,
        }],
        ..ClientData::new(client)
    }
}

#[test]
fn money_renewal_and_first_value_are_derived_as_of_the_day() {
    let page = assemble(data(), d("2026-11-25"));
    assert_eq!(page.mrr_cents, 300_000);
    assert_eq!(page.renewal, Some(Renewal { date: d("2027-01-04"), days_away: 40, notice_days: 30 }));
    assert_eq!(page.time_to_first_value_days, Some(40));
    assert_eq!(page.invoices[0].status, InvoiceStatus::Overdue);
    assert_eq!(page.invoices[0].days_overdue, 25);
}

#[test]
fn kpi_progress_uses_the_latest_value_on_or_before_the_day() {
    let page = assemble(data(), d("2026-10-15"));
    let kpi = &page.kpis[0];
    assert_eq!(kpi.progress.latest.as_ref().map(|m| m.value), Some(160.0));
    // 60 % of the way by 30 Sep, when the straight line expects 75 %: slipping.
    assert_eq!(kpi.progress.status, KpiStatus::Slipping);
    assert_eq!(kpi.measurements.len(), 2, "the chart gets every value");
}

#[test]
fn open_items_list_what_needs_doing_in_plain_words() {
    let page = assemble(data(), d("2026-11-25"));
    let texts: Vec<&str> = page.open_items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(page.next_check_in, Some(d("2026-11-16")), "14 days after the last attended call");
    assert!(texts.iter().any(|t| t.starts_with("A value check-in has been due since 16 Nov 2026 (9 days ago)")), "{texts:?}");
    assert!(texts.contains(&"Invoice 2026-041 is 25 days overdue."), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("Menu update was late")));
    assert!(texts.iter().any(|t| t.contains("Loyalty launch")));
    assert!(texts.iter().any(|t| t.starts_with("NPS answer of 5")));
}

#[test]
fn nothing_is_open_for_a_client_in_good_order() {
    let mut good = data();
    good.invoices[0].paid_on = Some(d("2026-10-20"));
    good.complaints[0].closed_on = Some(d("2026-11-11"));
    good.milestones[1].done_on = Some(d("2026-10-30"));
    good.survey_answers[0].followed_up_on = Some(d("2026-11-13"));
    good.touchpoints[0].happened_on = d("2026-11-20");
    assert_eq!(assemble(good, d("2026-11-25")).open_items, vec![]);
}

#[test]
fn the_timeline_is_newest_first_and_points_at_each_record() {
    let page = assemble(data(), d("2026-11-25"));
    let dates: Vec<NaiveDate> = page.timeline.iter().map(|e| e.date).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(page.timeline[0].record, RecordRef::SurveyAnswer(11));
    assert!(page.timeline.iter().any(|e| e.record == RecordRef::Measurement(2) && e.title == "Weekday orders: 175 orders"));
}

#[test]
fn touchpoints_and_survey_answers_name_the_person() {
    use crate::book::stakeholder::{Stakeholder, StakeholderRole};
    let mut data = data();
    data.stakeholders.push(Stakeholder { id: 4, client_id: 1, name: "Ana Ribeiro".into(), role: StakeholderRole::Finance, email: String::new(), phone: String::new(), is_primary: true });
    data.touchpoints[0].stakeholder_id = Some(4);
    data.survey_answers[0].stakeholder_id = Some(4);
    let page = assemble(data, d("2026-11-25"));
    let call = page.timeline.iter().find(|e| e.record == RecordRef::Touchpoint(8)).unwrap();
    assert_eq!(call.title, "Call with Ana Ribeiro");
    let answer = page.timeline.iter().find(|e| matches!(e.record, RecordRef::SurveyAnswer(_))).unwrap();
    assert!(answer.title.ends_with(" from Ana Ribeiro"), "{}", answer.title);
}
