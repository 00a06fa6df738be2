use chrono::{NaiveDate, TimeZone};
use rusqlite::Connection;

use super::*;
use crate::book::{ClientInput, ClientStatus, PaperSize, StudioInput};
use crate::error::ErrorKind;

fn book_with(names: &[&str]) -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clientwell.sqlite3");
    let mut store = Store::open(&path).unwrap();
    store.save_studio(&StudioInput { name: "Fox & Finch".into(), currency: "EUR".into(), paper_size: PaperSize::A4 }).unwrap();
    for name in names {
        add(&mut store, name);
    }
    (dir, path, store)
}

fn add(store: &mut Store, name: &str) -> i64 {
    let input = ClientInput {
        name: (*name).into(),
        status: ClientStatus::Active,
        goal: "More orders".into(),
        start_date: "2026-01-01".into(),
        notes: String::new(),
    };
    store.create_client(&input).unwrap().id
}

fn names(store: &Store) -> Vec<String> {
    store.clients(true).unwrap().into_iter().map(|c| c.name).collect()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

#[test]
fn a_backup_is_listed_with_its_date_studio_and_client_count() {
    let (_dir, path, store) = book_with(&["Harbour Bakery", "Café Lumière"]);
    let made = store.back_up_at(BackupKind::Manual, at(2026, 11, 20, 9)).unwrap();
    assert_eq!(made.file_name, "clientwell-manual-20261120T090000Z.sqlite3");
    assert_eq!((made.client_count, made.studio_name.as_deref()), (2, Some("Fox & Finch")));
    assert_eq!((made.made_at.as_str(), made.schema_version, made.problem.as_deref()), ("2026-11-20T09:00:00Z", migrate::LATEST, None));
    assert!(made.size_bytes > 0);
    assert_eq!(list_backups(&path).unwrap(), vec![made]);
}

#[test]
fn restore_brings_back_the_backup_and_first_saves_the_book_as_it_was() {
    let (_dir, path, mut store) = book_with(&["Harbour Bakery"]);
    let old = store.back_up_at(BackupKind::Manual, at(2026, 11, 20, 9)).unwrap();
    add(&mut store, "Added After The Backup");
    assert_eq!(store.book().unwrap().len(), 2);

    let before = store.restore(&old.file_name).unwrap();
    assert_eq!((before.kind, before.client_count), (BackupKind::BeforeRestore, 2));
    assert_eq!(names(&store), vec!["Harbour Bakery"]);
    assert_eq!(store.book().unwrap().len(), 1, "the in-memory book follows the restore");
    let (mode, check): (String, String) = (
        store.read().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap(),
        store.read().query_row("PRAGMA quick_check", [], |r| r.get(0)).unwrap(),
    );
    assert_eq!((mode.as_str(), check.as_str()), ("wal", "ok"));
    drop(store);

    // The restore is on disk, and the book as it was can itself be restored.
    let mut reopened = Store::open(&path).unwrap();
    assert_eq!(names(&reopened), vec!["Harbour Bakery"]);
    reopened.restore(&before.file_name).unwrap();
    assert_eq!(names(&reopened), vec!["Added After The Backup", "Harbour Bakery"]);
}

#[test]
fn a_backup_in_an_older_format_is_updated_after_restoring() {
    let (dir, path, mut store) = book_with(&[]);
    let old = backups_dir(&path).join("clientwell-manual-20250101T080000Z.sqlite3");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    let mut conn = Connection::open(&old).unwrap();
    migrate::migrate_with(&mut conn, &old, &migrate::MIGRATIONS_FOR_TESTS[..1]).unwrap();
    conn.execute(
        "INSERT INTO client (name, status, goal, start_date, notes, created_at, updated_at)
         VALUES ('Old Client', 'active', 'g', '2025-01-01', '', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
        [],
    )
    .unwrap();
    drop(conn);
    assert_eq!(list_backups(&path).unwrap()[0].schema_version, 1);

    store.restore("clientwell-manual-20250101T080000Z.sqlite3").unwrap();
    assert_eq!(names(&store), vec!["Old Client"]);
    let version: u32 = store.read().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, migrate::LATEST);
    // The book in memory still follows writes, to tables the old backup did not have too.
    let id = store.book().unwrap()[0].client.id;
    let ask = crate::book::ask::AskInput { what: "Send the logo".into(), who: String::new(), asked_on: "2026-11-02".into(), due_on: "2026-11-20".into(), if_late: String::new(), done_on: String::new() };
    store.save_ask(id, None, &ask).unwrap();
    assert_eq!(store.book().unwrap()[0].asks.len(), 1);
    drop(dir);
}

#[test]
fn restore_refuses_unknown_foreign_or_damaged_files_and_changes_nothing() {
    let (dir, path, mut store) = book_with(&["Harbour Bakery"]);
    let backups = backups_dir(&path);
    std::fs::create_dir_all(&backups).unwrap();
    std::fs::write(backups.join("clientwell-manual-20260101T000000Z.sqlite3"), b"not a database at all").unwrap();
    std::fs::write(dir.path().join("elsewhere.sqlite3"), b"x").unwrap();

    for (name, kind) in [
        ("clientwell-manual-20990101T000000Z.sqlite3", ErrorKind::NotFound),
        ("../elsewhere.sqlite3", ErrorKind::NotFound),
        ("../clientwell.sqlite3", ErrorKind::NotFound),
        ("clientwell-manual-20260101T000000Z.sqlite3", ErrorKind::Incompatible),
    ] {
        let err = store.restore(name).unwrap_err();
        assert_eq!(err.kind, kind, "{name}: {}", err.message);
    }
    assert_eq!(names(&store), vec!["Harbour Bakery"]);
    let listed = list_backups(&path).unwrap();
    assert_eq!(listed.len(), 1, "no before-restore backup was made for a refused restore");
    assert!(listed[0].problem.is_some(), "the damaged file is listed with its problem");
}

#[test]
fn the_daily_backup_is_made_once_per_day() {
    let (_dir, path, store) = book_with(&["Harbour Bakery"]);
    assert!(store.back_up_daily(at(2026, 11, 20, 9)).unwrap().is_some());
    assert!(store.back_up_daily(at(2026, 11, 20, 17)).unwrap().is_none());
    assert!(store.back_up_daily(at(2026, 11, 21, 8)).unwrap().is_some());
    assert_eq!(list_backups(&path).unwrap().len(), 2);
}

#[test]
fn rotation_keeps_seven_days_four_weeks_ten_manual_five_before_restore_and_every_update_backup() {
    let day = |d: i64| NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(9, 0, 0).unwrap() - chrono::Duration::days(d);
    let mut backups: Vec<(BackupKind, NaiveDateTime)> = (0..60).map(|d| (BackupKind::Daily, day(d))).collect();
    backups.push((BackupKind::Daily, day(0) - chrono::Duration::hours(2))); // a second one on the newest day
    backups.extend((0..12).map(|d| (BackupKind::Manual, day(d))));
    backups.extend((0..7).map(|d| (BackupKind::BeforeRestore, day(d))));
    backups.extend((0..3).map(|d| (BackupKind::BeforeUpdate, day(100 + d))));
    let kept = keep(&backups);
    let kept_days: Vec<NaiveDate> =
        backups.iter().zip(&kept).filter(|((k, _), keep)| *k == BackupKind::Daily && **keep).map(|((_, at), _)| at.date()).collect();
    // 2026-11-30 is a Monday: the 7 newest days run back to Tuesday 11-24; then the newest of
    // each of the 4 weeks before: Monday 11-23, Sunday 11-22, 11-15, 11-08.
    let expected: Vec<NaiveDate> = ["2026-11-30", "2026-11-29", "2026-11-28", "2026-11-27", "2026-11-26", "2026-11-25", "2026-11-24", "2026-11-23", "2026-11-22", "2026-11-15", "2026-11-08"]
        .iter()
        .map(|d| d.parse().unwrap())
        .collect();
    assert_eq!(kept_days, expected);
    let count = |kind: BackupKind| backups.iter().zip(&kept).filter(|((k, _), keep)| *k == kind && **keep).count();
    assert_eq!((count(BackupKind::Manual), count(BackupKind::BeforeRestore), count(BackupKind::BeforeUpdate)), (10, 5, 3));
}

#[test]
fn backing_up_deletes_what_the_rotation_drops() {
    let (_dir, path, store) = book_with(&[]);
    for n in 0..12 {
        store.back_up_at(BackupKind::Manual, at(2026, 10, 1 + n, 9)).unwrap();
    }
    let listed = list_backups(&path).unwrap();
    assert_eq!(listed.len(), KEEP_MANUAL);
    assert_eq!(listed[0].made_at, "2026-10-12T09:00:00Z", "newest first");
    assert_eq!(listed[9].made_at, "2026-10-03T09:00:00Z", "the two oldest went");
}
