//! The in-memory book must always equal the book on disk: after writes that reload one client,
//! writes that reload everything, and writes made by another connection (the CLI).

use std::sync::Arc;

use super::{RecordRef, Store};
use crate::book::activity::{TouchpointInput, TouchpointKind};
use crate::book::kpi::MeasurementInput;
use crate::demo::{self, DemoSize};

fn from_disk(path: &std::path::Path) -> String {
    serde_json::to_string(&*Store::open(path).unwrap().book().unwrap()).unwrap()
}

fn cached(store: &Store) -> String {
    serde_json::to_string(&*store.book().unwrap()).unwrap()
}

#[test]
fn the_book_in_memory_follows_every_kind_of_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    demo::seed_sized(&mut store, 3, today, DemoSize { clients: 8, years: 2 }).unwrap();
    let first = store.book().unwrap();
    let (a, b) = (first[0].client.id, first[1].client.id);
    let kpi = first.iter().find_map(|d| d.kpis.first().map(|k| (d.client.id, k.id))).unwrap();
    let untouched = first.iter().position(|d| d.client.id != a && d.client.id != kpi.0).unwrap();
    let before_untouched = serde_json::to_string(&first[untouched]).unwrap();
    drop(first);

    // One client's record: only that client changes, and the result equals a fresh read.
    let tp = TouchpointInput {
        kind: TouchpointKind::Call,
        happened_on: "2026-11-25".into(),
        summary: "Cache test call".into(),
        client_replied: true,
        attended: true,
        rescheduled: false,
        no_show: false,
        reply_days: String::new(),
    };
    let saved = store.save_touchpoint(a, None, &tp).unwrap();
    assert_eq!(cached(&store), from_disk(&path));
    assert_eq!(serde_json::to_string(&store.book().unwrap()[untouched]).unwrap(), before_untouched);

    // A KPI value (found through its KPI) and a delete.
    store.save_measurement(kpi.1, None, &MeasurementInput { measured_on: "2026-11-20".into(), value: "42".into(), note: String::new() }).unwrap();
    assert_eq!(cached(&store), from_disk(&path));
    store.delete_record(RecordRef::Touchpoint(saved.id)).unwrap();
    assert_eq!(cached(&store), from_disk(&path));

    // A screen still holding the old book keeps it; the next read has the change.
    let held = store.book().unwrap();
    store.save_touchpoint(b, None, &tp).unwrap();
    let after = store.book().unwrap();
    assert!(!Arc::ptr_eq(&held, &after));
    assert!(!held.iter().any(|d| d.client.id == b && d.touchpoints.iter().any(|t| t.summary == "Cache test call")));
    assert_eq!(cached(&store), from_disk(&path));

    // A refused write changes nothing.
    assert!(store.save_touchpoint(a, None, &TouchpointInput { happened_on: "not a date".into(), ..tp.clone() }).is_err());
    assert_eq!(cached(&store), from_disk(&path));

    // Another connection's write (the CLI) is seen too.
    let mut other = Store::open(&path).unwrap();
    other.save_touchpoint(a, None, &TouchpointInput { summary: "Written by the CLI".into(), ..tp }).unwrap();
    assert!(store.book().unwrap().iter().any(|d| d.touchpoints.iter().any(|t| t.summary == "Written by the CLI")));
    assert_eq!(cached(&store), from_disk(&path));
}
