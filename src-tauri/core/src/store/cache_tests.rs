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

/// An 8-client demo book in `cache.sqlite3` of a temporary folder, and the day it was made for.
fn demo_book() -> (tempfile::TempDir, Store, chrono::NaiveDate) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("cache.sqlite3")).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    demo::seed_sized(&mut store, 3, today, DemoSize { clients: 8, years: 2 }).unwrap();
    (dir, store, today)
}

#[test]
fn the_book_in_memory_follows_every_kind_of_write() {
    let (dir, mut store, _) = demo_book();
    let path = dir.path().join("cache.sqlite3");
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
        stakeholder_id: None,
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

#[test]
fn client_edits_settings_and_review_ticks_keep_the_book_in_memory_right_without_reading_it_all() {
    use crate::book::referral::ReferralInput;
    use crate::book::{ClientInput, ClientStatus, PaperSize, StudioInput};

    let (dir, mut store, today) = demo_book();
    let path = dir.path().join("cache.sqlite3");
    let first = store.book().unwrap();
    let (a, b) = (first[0].client.id, first[1].client.id);
    drop(first);
    let input = |name: &str| ClientInput { name: name.into(), status: ClientStatus::Active, goal: "More leads".into(), start_date: "2026-01-05".into(), notes: String::new() };

    // A new client joins the book in name order (lower case sorts with upper, as SQLite's NOCASE).
    let new = store.create_client(&input("aardvark Studio")).unwrap();
    assert_eq!(store.book().unwrap()[0].client.id, new.id);
    assert_eq!(cached(&store), from_disk(&path));

    // A referral shows on both clients; renaming one renames it on the other's record too.
    store.save_referral(a, &ReferralInput { to_client_id: b, referred_on: "2026-02-01".into() }).unwrap();
    assert_eq!(cached(&store), from_disk(&path));
    store.update_client(a, &input("Zebra Works")).unwrap();
    let book = store.book().unwrap();
    assert_eq!(book.last().unwrap().client.name, "Zebra Works", "moved to its place by name");
    assert!(book.iter().find(|d| d.client.id == b).unwrap().referrals.iter().any(|r| r.from_client == "Zebra Works"));
    drop(book);
    assert_eq!(cached(&store), from_disk(&path));

    // Deleting the referral takes it off both.
    let referral = store.referrals(b).unwrap().iter().find(|r| r.from_client_id == a).unwrap().id;
    let deleted = store.delete_record(RecordRef::Referral(referral)).unwrap();
    assert!(store.book().unwrap().iter().all(|d| d.referrals.iter().all(|r| r.id != referral)));
    assert_eq!(cached(&store), from_disk(&path));
    store.undo_delete(deleted.token).unwrap();
    assert_eq!(cached(&store), from_disk(&path));

    // A refused rename (the name is taken) and archiving, restoring.
    assert!(store.update_client(b, &input("zebra works")).is_err());
    assert_eq!(cached(&store), from_disk(&path));
    store.archive_client(b).unwrap();
    assert_eq!(cached(&store), from_disk(&path));
    store.restore_client(b).unwrap();
    assert_eq!(cached(&store), from_disk(&path));

    // Settings, the studio and review ticks touch no client's records: the same book is kept.
    let held = store.book().unwrap();
    store.mark_done("checkin:1", today).unwrap();
    store.snooze("renewal:1", "2026-12-10", today).unwrap();
    store.reopen("checkin:1").unwrap();
    let settings = store.health_settings().unwrap();
    store.save_health_settings(settings).unwrap();
    store.save_studio(&StudioInput { name: "Renamed Studio".into(), currency: "GBP".into(), paper_size: PaperSize::Letter }).unwrap();
    // So does an import that is only previewed, or refused.
    let csv = "name,start_date\nPreviewed Co,2026-01-01\n";
    let options = crate::import::ImportOptions::usual(crate::import::DateOrder::DayFirst);
    let preview = crate::import::import(&mut store, crate::import::ImportKind::Clients, "c.csv", csv.as_bytes(), options.clone(), false, today).unwrap();
    assert_eq!((preview.created, preview.committed), (1, false));
    assert!(Arc::ptr_eq(&held, &store.book().unwrap()), "not read again");
    assert_eq!(cached(&store), from_disk(&path));
    // A committed import is read in.
    crate::import::import(&mut store, crate::import::ImportKind::Clients, "c.csv", csv.as_bytes(), options, true, today).unwrap();
    assert!(store.book().unwrap().iter().any(|d| d.client.name == "Previewed Co"));
    assert_eq!(cached(&store), from_disk(&path));

    // A write that fails on a client that does not exist leaves the book as it was.
    assert!(store.update_client(999_999, &input("Ghost")).is_err());
    assert_eq!(cached(&store), from_disk(&path));
}

#[test]
fn every_table_of_client_records_leads_to_its_client_and_no_other_table_does() {
    use super::changes::Area;
    let (_dir, store, _) = demo_book();
    let conn = store.read();
    let tables = super::touched::tables(conn).unwrap();
    assert!(tables.len() > 20, "{tables:?}");
    for table in tables {
        let paths = super::touched::client_paths(conn, &table).unwrap();
        // The trash keeps copies of deleted records; nothing on screen reads a client from it.
        let feeds_a_client = Area::of_table(&table) == [Area::Clients] && table != "trash";
        assert_eq!(!paths.is_empty(), feeds_a_client, "{table}: {paths:?}");
    }
}

#[test]
fn deleting_a_kpi_and_importing_one_clients_invoices_read_in_only_what_they_touched() {
    let (dir, mut store, today) = demo_book();
    let path = dir.path().join("cache.sqlite3");
    let first = store.book().unwrap();
    // A KPI with values and invoice lines tied to it: its delete cascades and unlinks.
    let (owner, kpi) = first.iter().find_map(|d| d.kpis.iter().find(|k| d.measurements.iter().any(|m| m.kpi_id == k.id)).map(|k| (d.client.id, k.id))).unwrap();
    let other = first.iter().find(|d| d.client.id != owner).unwrap().client.clone();
    let other_before = serde_json::to_string(first.iter().find(|d| d.client.id == other.id).unwrap()).unwrap();
    drop(first);
    let deleted = store.delete_record(RecordRef::Kpi(kpi)).unwrap();
    assert!(store.book().unwrap().iter().find(|d| d.client.id == owner).unwrap().measurements.iter().all(|m| m.kpi_id != kpi));
    assert_eq!(cached(&store), from_disk(&path));
    store.undo_delete(deleted.token).unwrap();
    assert_eq!(cached(&store), from_disk(&path));

    let owner_name = store.client(owner).unwrap().name;
    let csv = format!("client,number,issued_on,due_on,description,amount\n{owner_name},CACHE-1,2026-11-02,2026-11-30,Design,1200.00\n");
    let options = crate::import::ImportOptions::usual(crate::import::DateOrder::DayFirst);
    let report = crate::import::import(&mut store, crate::import::ImportKind::Invoices, "i.csv", csv.as_bytes(), options, true, today).unwrap();
    assert!(report.committed, "{report:?}");
    let book = store.book().unwrap();
    assert!(book.iter().find(|d| d.client.id == owner).unwrap().invoices.iter().any(|i| i.number == "CACHE-1"));
    assert_eq!(serde_json::to_string(book.iter().find(|d| d.client.id == other.id).unwrap()).unwrap(), other_before);
    drop(book);
    assert_eq!(cached(&store), from_disk(&path));
}
