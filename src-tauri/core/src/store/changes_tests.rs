//! The change signal reports what committed writes touched, derived from the tables written:
//! the screens refresh from it, so a missing area is a stale screen.

use super::{Area, BookChange, Store};
use crate::book::activity::{TouchpointInput, TouchpointKind};
use crate::book::ClientInput;
use crate::book::ClientStatus;

fn book() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("changes.sqlite3")).unwrap();
    store.save_studio(&crate::book::StudioInput { name: "Fox & Finch".into(), currency: "EUR".into(), paper_size: crate::book::PaperSize::A4 }).unwrap();
    let client = store
        .create_client(&ClientInput { name: "Harbour Bakery".into(), status: ClientStatus::Active, goal: String::new(), start_date: "2026-01-05".into(), notes: String::new() })
        .unwrap();
    (dir, store, client.id)
}

fn call(on: &str) -> TouchpointInput {
    TouchpointInput {
        kind: TouchpointKind::Call,
        happened_on: on.into(),
        summary: "Check-in".into(),
        client_replied: true,
        attended: true,
        rescheduled: false,
        no_show: false,
        reply_days: String::new(),
        stakeholder_id: None,
    }
}

#[test]
fn setting_up_reports_the_studio_and_clients_then_nothing_until_the_next_write() {
    let (_dir, store, _) = book();
    assert_eq!(store.take_changes().unwrap(), Some(BookChange { areas: vec![Area::Clients, Area::Studio] }));
    assert_eq!(store.take_changes().unwrap(), None);
}

#[test]
fn logging_a_touchpoint_reports_a_change_to_clients_only() {
    let (_dir, mut store, id) = book();
    store.take_changes().unwrap();
    store.save_touchpoint(id, None, &call("2026-11-25")).unwrap();
    assert_eq!(store.take_changes().unwrap(), Some(BookChange { areas: vec![Area::Clients] }));
}

#[test]
fn ticking_off_a_review_item_reports_the_review_only() {
    let (_dir, mut store, _) = book();
    store.take_changes().unwrap();
    store.mark_done("checkin:1:2026-11-20", chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).unwrap();
    assert_eq!(store.take_changes().unwrap(), Some(BookChange { areas: vec![Area::Review] }));
}

#[test]
fn a_refused_write_reports_nothing_because_nothing_changed() {
    let (_dir, mut store, id) = book();
    store.take_changes().unwrap();
    assert!(store.save_touchpoint(id, None, &call("not a date")).is_err());
    assert!(store.save_touchpoint(id + 100, None, &call("2026-11-25")).is_err(), "no such client");
    assert_eq!(store.take_changes().unwrap(), None);
}

#[test]
fn another_programs_write_to_the_book_reports_everything() {
    let (dir, store, id) = book();
    store.take_changes().unwrap();
    let mut cli = Store::open(&dir.path().join("changes.sqlite3")).unwrap();
    cli.save_touchpoint(id, None, &call("2026-11-25")).unwrap();
    assert_eq!(store.take_changes().unwrap(), Some(BookChange::everything()));
    assert_eq!(store.take_changes().unwrap(), None);
}

#[test]
fn every_table_in_the_book_belongs_to_a_named_area() {
    let (_dir, store, _) = book();
    let tables: Vec<String> = store
        .read()
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(tables.len() > 20, "{tables:?}");
    let unnamed: Vec<&String> = tables.iter().filter(|t| Area::of_table(t).len() == Area::ALL.len()).collect();
    assert!(unnamed.is_empty(), "give these tables an area in store/changes.rs: {unnamed:?}");
}

#[test]
fn a_backup_is_not_a_change_to_the_book() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    store.save_studio(&crate::book::StudioInput { name: "Fox".into(), currency: "EUR".into(), paper_size: crate::book::PaperSize::A4 }).unwrap();
    let _ = store.take_changes().unwrap();
    // VACUUM INTO copies the triggers into the backup's schema through this connection.
    store.back_up_daily(chrono::Utc::now()).unwrap();
    assert_eq!(store.take_changes().unwrap(), None);
}
