//! Store tests for asks and the owner's words for why a result moved.

use super::growth_tests::book;
use super::{RecordRef, Store};
use crate::book::ask::{AskInput, KpiNoteInput};
use crate::book::kpi::{Direction, KpiInput, WorthCounts};
use crate::error::ErrorKind;

fn ask(what: &str) -> AskInput {
    AskInput { what: what.into(), who: "Jonas Weber".into(), asked_on: "2026-11-02".into(), due_on: "2026-11-20".into(), if_late: "the launch moves a week".into(), done_on: String::new() }
}

fn kpi(store: &mut Store, client: i64) -> i64 {
    let input = KpiInput {
        name: "Weekday orders".into(),
        unit: "orders".into(),
        direction: Direction::Up,
        baseline: "100".into(),
        target: "200".into(),
        baseline_date: "2026-01-01".into(),
        target_date: "2026-12-31".into(),
        value_per_unit: String::new(),
        worth_counts: WorthCounts::Monthly,
        share: String::new(),
        below_baseline_counts: false,
    };
    store.save_kpi(client, None, &input).unwrap().id
}

#[test]
fn an_ask_is_added_marked_done_kept_to_its_client_and_deleted_with_undo() {
    let (_d, mut store, a, b) = book();
    let saved = store.save_ask(a, None, &ask("Approve the loyalty card")).unwrap();
    assert_eq!((saved.who.as_str(), saved.due_on.to_string().as_str(), saved.done_on), ("Jonas Weber", "2026-11-20", None));
    let done = store.save_ask(a, Some(saved.id), &AskInput { done_on: "2026-11-18".into(), ..ask("Approve the loyalty card") }).unwrap();
    assert_eq!(done.done_on.map(|d| d.to_string()), Some("2026-11-18".into()));
    assert_eq!(store.save_ask(b, Some(saved.id), &ask("x")).unwrap_err().kind, ErrorKind::NotFound, "another client's ask cannot be edited through this one");
    let refused = store.save_ask(a, None, &AskInput { due_on: "2026-10-01".into(), ..ask("Too early") }).unwrap_err();
    assert_eq!(refused.field.as_deref(), Some("due_on"));
    assert_eq!(store.asks(a).unwrap().len(), 1, "the refused ask changed nothing");
    assert_eq!(store.client_data(a).unwrap().asks.len(), 1, "the aggregate the reports read carries it");
    let deleted = store.delete_record(RecordRef::Ask(saved.id)).unwrap();
    assert!(store.asks(a).unwrap().is_empty());
    store.undo_delete(deleted.token).unwrap();
    assert_eq!(store.asks(a).unwrap(), vec![done]);
}

#[test]
fn why_a_result_moved_is_written_per_period_replaced_removed_and_goes_with_its_kpi() {
    let (_d, mut store, a, b) = book();
    let k = kpi(&mut store, a);
    let note = |period: &str, why: &str| KpiNoteInput { period: period.into(), why: why.into() };
    store.save_kpi_note(a, k, &note("2026-10", "Lunch menu launched")).unwrap();
    store.save_kpi_note(a, k, &note("2027-Q2", "Two campaigns")).unwrap();
    let notes = store.save_kpi_note(a, k, &note("2026-10", "Lunch menu launched on the 12th")).unwrap();
    let periods: Vec<(&str, &str)> = notes.iter().map(|n| (n.period.as_str(), n.why.as_str())).collect();
    assert_eq!(periods, [("2026-10", "Lunch menu launched on the 12th"), ("2027-Q2", "Two campaigns")]);
    assert_eq!(store.save_kpi_note(b, k, &note("2026-10", "x")).unwrap_err().field.as_deref(), Some("kpi_id"), "another client's KPI");
    assert_eq!(store.save_kpi_note(a, k, &note("2026-10", "  ")).unwrap().len(), 1, "empty words remove the note");
    assert_eq!(store.client_data(a).unwrap().kpi_notes.len(), 1);
    store.delete_record(RecordRef::Kpi(k)).unwrap();
    assert!(store.kpi_notes(a).unwrap().is_empty(), "the notes go with their KPI");
}
