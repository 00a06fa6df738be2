//! Store tests for the records hanging off a client.

use chrono::NaiveDate;

use super::{RecordRef, Store};
use crate::book::activity::*;
use crate::book::contract::{ContractInput, ContractKind};
use crate::book::invoice::{InvoiceInput, InvoiceLineInput};
use crate::book::kpi::{Direction, KpiInput, MeasurementInput};
use crate::book::stakeholder::{StakeholderInput, StakeholderRole};
use crate::book::survey::{SurveyAnswerInput, SurveyKind};
use crate::book::{ClientInput, ClientStatus};
use crate::error::ErrorKind;

fn book() -> (tempfile::TempDir, Store, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("book.sqlite3")).unwrap();
    let mut add = |name: &str| {
        store
            .create_client(&ClientInput {
                name: name.into(),
                status: ClientStatus::Active,
                goal: "Grow".into(),
                start_date: "2026-01-01".into(),
                notes: String::new(),
            })
            .unwrap()
            .id
    };
    let (a, b) = (add("Harbour Bakery"), add("Lumen Dental"));
    (dir, store, a, b)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn person(name: &str, primary: bool) -> StakeholderInput {
    StakeholderInput {
        name: name.into(),
        role: StakeholderRole::DayToDay,
        email: format!("{}@example.com", name.to_lowercase()),
        phone: String::new(),
        is_primary: primary,
        changed_on: String::new(),
    }
}

fn kpi(name: &str) -> KpiInput {
    KpiInput {
        name: name.into(),
        unit: "leads".into(),
        direction: Direction::Up,
        baseline: "20".into(),
        target: "40".into(),
        baseline_date: "2026-01-01".into(),
        target_date: "2026-12-31".into(),
        value_per_unit: "150".into(),
        worth_counts: crate::book::kpi::WorthCounts::Monthly, share: String::new(), below_baseline_counts: false,
    }
}

fn invoice(number: &str, amounts: &[&str]) -> InvoiceInput {
    InvoiceInput {
        number: number.into(),
        issued_on: "2026-10-01".into(),
        due_on: "2026-10-31".into(),
        paid_on: String::new(),
        void: false,
        lines: amounts
            .iter()
            .map(|a| InvoiceLineInput { description: "Retainer".into(), amount: (*a).into(), kpi_id: None, deliverable_id: None })
            .collect(),
    }
}

#[test]
fn a_new_primary_contact_demotes_the_old_one_and_records_the_change() {
    let (_d, mut store, a, _) = book();
    store.save_stakeholder(a, None, &person("Ana", true), today()).unwrap();
    assert!(store.primary_contact_changes(a).unwrap().is_empty(), "the first primary is not a change");
    let mut ben = person("Ben", true);
    ben.changed_on = "2026-11-20".into();
    store.save_stakeholder(a, None, &ben, today()).unwrap();
    let people = store.stakeholders(a).unwrap();
    let primaries: Vec<_> = people.iter().filter(|p| p.is_primary).map(|p| p.name.as_str()).collect();
    assert_eq!(primaries, ["Ben"]);
    let changes = store.primary_contact_changes(a).unwrap();
    assert_eq!((changes[0].name.as_str(), changes[0].changed_on.to_string()), ("Ben", "2026-11-20".into()));
}

#[test]
fn contracts_store_money_as_cents_in_the_studio_currency() {
    let (_d, mut store, a, _) = book();
    let input = ContractInput {
        kind: ContractKind::Retainer,
        service_line: "SEO".into(),
        value: "€2,500.00".into(),
        start_date: "2026-01-01".into(),
        end_date: String::new(),
        renewal_date: "2026-12-31".into(),
        notice_days: "30".into(),
        included_hours: "10".into(),
        unused_hours: crate::book::contract::UnusedHours::NotAgreed,
    };
    let saved = store.save_contract(a, None, &input).unwrap();
    assert_eq!((saved.monthly_cents, saved.included_hundredths), (250_000, 1_000));
    assert_eq!(store.contracts(a).unwrap(), vec![saved]);
}

#[test]
fn a_success_plan_holds_at_most_five_kpis() {
    let (_d, mut store, a, _) = book();
    for n in 0..5 {
        store.save_kpi(a, None, &kpi(&format!("KPI {n}"))).unwrap();
    }
    let err = store.save_kpi(a, None, &kpi("Sixth")).unwrap_err();
    assert_eq!((err.kind, err.field.as_deref()), (ErrorKind::Validation, Some("name")));
    assert_eq!(store.kpis(a).unwrap().len(), 5);
}

#[test]
fn one_kpi_value_per_day_and_deleting_a_kpi_removes_its_values() {
    let (_d, mut store, a, _) = book();
    let k = store.save_kpi(a, None, &kpi("Leads")).unwrap();
    let value = |v: &str| MeasurementInput { measured_on: "2026-10-31".into(), value: v.into(), note: String::new() };
    let first = store.save_measurement(k.id, None, &value("27")).unwrap();
    let err = store.save_measurement(k.id, None, &value("28")).unwrap_err();
    assert_eq!((err.kind, err.field.as_deref()), (ErrorKind::Conflict, Some("measured_on")));
    assert_eq!(store.save_measurement(k.id, Some(first.id), &value("29")).unwrap().value, 29.0);
    store.delete_record(RecordRef::Kpi(k.id)).unwrap();
    assert!(store.measurements(a).unwrap().is_empty());
    assert_eq!(store.delete_record(RecordRef::Kpi(k.id)).unwrap_err().kind, ErrorKind::NotFound);
}

#[test]
fn invoice_numbers_are_unique_across_the_book() {
    let (_d, mut store, a, b) = book();
    store.save_invoice(a, None, &invoice("2026-001", &["100"])).unwrap();
    let err = store.save_invoice(b, None, &invoice("2026-001", &["100"])).unwrap_err();
    assert_eq!((err.kind, err.field.as_deref()), (ErrorKind::Conflict, Some("number")));
    assert!(store.invoices(b).unwrap().is_empty());
}

#[test]
fn editing_an_invoice_replaces_its_lines() {
    let (_d, mut store, a, _) = book();
    let saved = store.save_invoice(a, None, &invoice("A-1", &["1.000,00", "250"])).unwrap();
    assert_eq!(saved.total_cents(), 125_000);
    let edited = store.save_invoice(a, Some(saved.id), &invoice("A-1", &["900"])).unwrap();
    assert_eq!((edited.lines.len(), edited.total_cents()), (1, 90_000));
}

#[test]
fn records_cannot_point_at_another_clients_kpi_or_stakeholder() {
    let (_d, mut store, a, b) = book();
    let bs_kpi = store.save_kpi(b, None, &kpi("Leads")).unwrap();
    let mut bad = invoice("X-1", &["100"]);
    bad.lines[0].kpi_id = Some(bs_kpi.id);
    let err = store.save_invoice(a, None, &bad).unwrap_err();
    assert_eq!((err.kind, err.field.as_deref()), (ErrorKind::Validation, Some("lines.0.kpi_id")));
    assert!(store.invoices(a).unwrap().is_empty(), "nothing written");

    let bs_person = store.save_stakeholder(b, None, &person("Cleo", false), today()).unwrap();
    let answer = SurveyAnswerInput {
        stakeholder_id: Some(bs_person.id),
        kind: SurveyKind::Nps,
        score: "9".into(),
        answered_on: "2026-11-01".into(),
        comment: String::new(),
        followed_up_on: String::new(),
    };
    assert_eq!(store.save_survey_answer(a, None, &answer).unwrap_err().field.as_deref(), Some("stakeholder_id"));
}

#[test]
fn editing_another_clients_record_is_not_found() {
    let (_d, mut store, a, b) = book();
    let tp = TouchpointInput {
        kind: TouchpointKind::Call,
        happened_on: "2026-11-02".into(),
        summary: "Monthly check-in".into(),
        client_replied: true,
        attended: true,
        rescheduled: false,
        no_show: false,
        reply_days: "1".into(),
        stakeholder_id: None,
    };
    let saved = store.save_touchpoint(a, None, &tp).unwrap();
    assert_eq!(store.save_touchpoint(b, Some(saved.id), &tp).unwrap_err().kind, ErrorKind::NotFound);
    assert_eq!(store.save_touchpoint(999, None, &tp).unwrap_err().kind, ErrorKind::NotFound);
    assert_eq!(store.touchpoints(a).unwrap(), vec![saved]);
}

#[test]
fn a_touchpoint_is_with_one_of_the_clients_people_and_outlives_them() {
    let (_d, mut store, a, b) = book();
    let ana = store.save_stakeholder(a, None, &person("Ana", true), today()).unwrap();
    let cleo = store.save_stakeholder(b, None, &person("Cleo", true), today()).unwrap();
    let tp = |who: Option<i64>| TouchpointInput {
        kind: TouchpointKind::Meeting,
        happened_on: "2026-11-03".into(),
        summary: "Campaign review".into(),
        client_replied: false,
        attended: true,
        rescheduled: false,
        no_show: false,
        reply_days: String::new(),
        stakeholder_id: who,
    };
    let err = store.save_touchpoint(a, None, &tp(Some(cleo.id))).unwrap_err();
    assert_eq!((err.kind, err.field.as_deref()), (ErrorKind::Validation, Some("stakeholder_id")));
    assert!(store.touchpoints(a).unwrap().is_empty(), "nothing written");

    let saved = store.save_touchpoint(a, None, &tp(Some(ana.id))).unwrap();
    assert_eq!(saved.stakeholder_id, Some(ana.id));
    // Deleting the person keeps the touchpoint; it no longer says who it was with.
    store.delete_record(RecordRef::Stakeholder(ana.id)).unwrap();
    assert_eq!(store.touchpoints(a).unwrap()[0].stakeholder_id, None);
    assert_eq!(store.touchpoints(a).unwrap()[0].summary, "Campaign review");
}

#[test]
fn only_one_milestone_marks_first_value() {
    let (_d, mut store, a, _) = book();
    let m = |title: &str| MilestoneInput { title: title.into(), due_on: "2026-02-01".into(), done_on: String::new(), first_value: true };
    store.save_milestone(a, None, &m("Landing page live")).unwrap();
    store.save_milestone(a, None, &m("First 10 leads")).unwrap();
    let flagged: Vec<_> = store.milestones(a).unwrap().into_iter().filter(|m| m.first_value).map(|m| m.title).collect();
    assert_eq!(flagged, ["First 10 leads"]);
}

#[test]
fn deleting_a_client_record_leaves_others_alone() {
    let (_d, mut store, a, _) = book();
    let c = ComplaintInput { opened_on: "2026-06-01".into(), closed_on: String::new(), tag: ComplaintTag::Deadline, summary: "Late banner".into() };
    let first = store.save_complaint(a, None, &c).unwrap();
    let second = store.save_complaint(a, None, &c).unwrap();
    store.delete_record(RecordRef::Complaint(first.id)).unwrap();
    assert_eq!(store.complaints(a).unwrap(), vec![second]);
}

#[test]
fn a_confidence_answer_from_1_to_10_is_kept_and_the_database_refuses_one_outside() {
    let (_d, mut store, a, _) = book();
    let answer = |score: &str| SurveyAnswerInput { stakeholder_id: None, kind: SurveyKind::Confidence, score: score.into(), answered_on: "2026-11-01".into(), comment: String::new(), followed_up_on: String::new() };
    let kept = store.save_survey_answer(a, None, &answer("10")).unwrap();
    assert_eq!((kept.kind, kept.score), (SurveyKind::Confidence, 10));
    assert_eq!(store.save_survey_answer(a, None, &answer("0")).unwrap_err().field.as_deref(), Some("score"));
    // The schema's own check (v15), for a write that does not go through the form.
    let raw = store.conn_for_tests().execute("INSERT INTO survey_answer (client_id, kind, score, answered_on, created_at) VALUES (?1, 'confidence', 11, '2026-11-02', 'x')", [a]);
    assert!(raw.is_err(), "11 is outside the scale");
    assert_eq!(store.survey_answers(a).unwrap().len(), 1);
}
