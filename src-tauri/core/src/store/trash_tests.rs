use super::*;
use crate::book::invoice::{InvoiceInput, InvoiceLineInput};
use crate::book::kpi::{Direction, KpiInput, MeasurementInput};
use crate::book::{ClientInput, ClientStatus};
use crate::error::ErrorKind;
use crate::store::RecordRef;

fn book() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("trash.sqlite3")).unwrap();
    let client = store
        .create_client(&ClientInput { name: "Harbour Bakery".into(), status: ClientStatus::Active, goal: String::new(), start_date: "2026-01-01".into(), notes: String::new() })
        .unwrap()
        .id;
    (dir, store, client)
}

fn invoice(number: &str) -> InvoiceInput {
    InvoiceInput {
        number: number.into(),
        issued_on: "2026-10-01".into(),
        due_on: "2026-10-31".into(),
        paid_on: String::new(),
        void: false,
        lines: vec![
            InvoiceLineInput { description: "Retainer".into(), amount: "2,500.00".into(), kpi_id: None, deliverable_id: None },
            InvoiceLineInput { description: "Ads budget".into(), amount: "300".into(), kpi_id: None, deliverable_id: None },
        ],
    }
}

fn page(store: &Store, client: i64) -> String {
    serde_json::to_string(&store.client_data(client).unwrap()).unwrap()
}

#[test]
fn an_undone_delete_brings_back_the_record_and_what_went_with_it_exactly() {
    let (_dir, mut store, client) = book();
    let kpi = store
        .save_kpi(client, None, &KpiInput { name: "Orders".into(), unit: String::new(), direction: Direction::Up, baseline: "1".into(), target: "2".into(), baseline_date: "2026-01-01".into(), target_date: "2026-12-31".into(), value_per_unit: String::new(), worth_counts: crate::book::kpi::WorthCounts::Monthly, share: String::new(), below_baseline_counts: false, })
        .unwrap();
    for (day, value) in [("2026-02-01", "1.5"), ("2026-03-01", "1.75")] {
        store.save_measurement(kpi.id, None, &MeasurementInput { measured_on: day.into(), value: value.into(), note: "é 🥐".into() }).unwrap();
    }
    let inv = store.save_invoice(client, None, &invoice("2026-041")).unwrap();
    let before = page(&store, client);
    store.book().unwrap();

    let gone_kpi = store.delete_record(RecordRef::Kpi(kpi.id)).unwrap();
    let gone_invoice = store.delete_record(RecordRef::Invoice(inv.id)).unwrap();
    assert!(store.measurements(client).unwrap().is_empty(), "the KPI's values went with it");
    store.undo_delete(gone_invoice.token).unwrap();
    store.undo_delete(gone_kpi.token).unwrap();
    assert_eq!(page(&store, client), before, "same ids, same values, lines and values included");
    assert_eq!(serde_json::to_string(&store.book().unwrap().iter().find(|d| d.client.id == client).unwrap()).unwrap(), before);

    let again = store.undo_delete(gone_kpi.token).unwrap_err();
    assert_eq!(again.kind, ErrorKind::NotFound, "an undo happens once");
}

#[test]
fn an_undo_that_would_clash_changes_nothing() {
    let (_dir, mut store, client) = book();
    let inv = store.save_invoice(client, None, &invoice("2026-041")).unwrap();
    let gone = store.delete_record(RecordRef::Invoice(inv.id)).unwrap();
    store.save_invoice(client, None, &invoice("2026-041")).unwrap();
    let before = page(&store, client);
    let err = store.undo_delete(gone.token).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert_eq!(page(&store, client), before);
}

#[test]
fn undoing_a_persons_delete_links_their_touchpoints_and_answers_again() {
    use crate::book::activity::{TouchpointInput, TouchpointKind};
    use crate::book::stakeholder::{StakeholderInput, StakeholderRole};
    use crate::book::survey::{SurveyAnswerInput, SurveyKind};
    let (_dir, mut store, client) = book();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let person = |name: &str| StakeholderInput { name: name.into(), role: StakeholderRole::DayToDay, email: String::new(), phone: String::new(), is_primary: false, changed_on: String::new() };
    let ana = store.save_stakeholder(client, None, &person("Ana"), today).unwrap();
    let tom = store.save_stakeholder(client, None, &person("Tom"), today).unwrap();
    let call = |summary: &str, who: i64| TouchpointInput {
        kind: TouchpointKind::Call,
        happened_on: "2026-11-02".into(),
        summary: summary.into(),
        client_replied: false,
        attended: true,
        rescheduled: false,
        no_show: false,
        reply_days: String::new(),
        stakeholder_id: Some(who),
    };
    let first = store.save_touchpoint(client, None, &call("First call", ana.id)).unwrap();
    let second = store.save_touchpoint(client, None, &call("Second call", ana.id)).unwrap();
    let answer = SurveyAnswerInput { stakeholder_id: Some(ana.id), kind: SurveyKind::Nps, score: "9".into(), answered_on: "2026-11-03".into(), comment: String::new(), followed_up_on: String::new() };
    store.save_survey_answer(client, None, &answer).unwrap();
    let before = page(&store, client);

    let gone = store.delete_record(RecordRef::Stakeholder(ana.id)).unwrap();
    assert!(store.touchpoints(client).unwrap().iter().all(|t| t.stakeholder_id.is_none()));
    store.undo_delete(gone.token).unwrap();
    assert_eq!(page(&store, client), before, "the person and every link to them are back");

    // A link the owner made after the delete is theirs to keep.
    let gone = store.delete_record(RecordRef::Stakeholder(ana.id)).unwrap();
    store.save_touchpoint(client, Some(second.id), &call("Second call", tom.id)).unwrap();
    store.undo_delete(gone.token).unwrap();
    let with: Vec<(i64, Option<i64>)> = store.touchpoints(client).unwrap().iter().map(|t| (t.id, t.stakeholder_id)).collect();
    assert!(with.contains(&(first.id, Some(ana.id))) && with.contains(&(second.id, Some(tom.id))), "{with:?}");
}

#[test]
fn a_delete_kept_before_links_were_kept_can_still_be_undone() {
    let (_dir, mut store, client) = book();
    let inv = store.save_invoice(client, None, &invoice("2026-041")).unwrap();
    let before = page(&store, client);
    let gone = store.delete_record(RecordRef::Invoice(inv.id)).unwrap();
    // Rewrite the entry as a v8 book stored it: the rows alone.
    let json: String = store.read().query_row("SELECT rows FROM trash WHERE id = ?1", [gone.token], |r| r.get(0)).unwrap();
    let mut kept: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = kept["rows"].take();
    store.read().execute("UPDATE trash SET rows = ?1 WHERE id = ?2", rusqlite::params![rows.to_string(), gone.token]).unwrap();
    store.undo_delete(gone.token).unwrap();
    assert_eq!(page(&store, client), before);
}
