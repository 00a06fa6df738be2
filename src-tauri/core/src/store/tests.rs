use std::path::PathBuf;

use rusqlite::Connection;

use super::migrate::{self, LATEST};
use super::*;
use crate::book::{ClientInput, ClientStatus, PaperSize, StudioInput};
use crate::error::ErrorKind;

fn temp_book() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    (dir, path)
}

fn client(name: &str) -> ClientInput {
    ClientInput {
        name: name.into(),
        status: ClientStatus::Active,
        goal: "More qualified leads".into(),
        start_date: "2026-01-15".into(),
        notes: "Internal: CFO is cost-sensitive".into(),
    }
}

#[test]
fn every_connection_uses_wal_full_sync_and_foreign_keys() {
    let (_dir, path) = temp_book();
    let store = Store::open(&path).unwrap();
    let conn = store.read();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!((mode.as_str(), sync, fk, version), ("wal", 2, 1, LATEST));
}

#[test]
fn studio_and_clients_survive_a_reopen() {
    let (_dir, path) = temp_book();
    let id = {
        let mut store = Store::open(&path).unwrap();
        store
            .save_studio(&StudioInput { name: "Fox & Finch".into(), currency: "gbp".into(), paper_size: PaperSize::Letter })
            .unwrap();
        store.create_client(&client("Harbour Bakery")).unwrap().id
    };
    let store = Store::open(&path).unwrap();
    let studio = store.studio().unwrap().unwrap();
    assert_eq!((studio.name.as_str(), studio.currency.as_str(), studio.paper_size), ("Fox & Finch", "GBP", PaperSize::Letter));
    let found = store.client(id).unwrap();
    assert_eq!(found.name, "Harbour Bakery");
    assert_eq!(found.goal, "More qualified leads");
    assert_eq!(found.start_date.to_string(), "2026-01-15");
}

#[test]
fn editing_a_client_changes_only_that_client() {
    let (_dir, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let a = store.create_client(&client("Atelier Brûlé")).unwrap();
    let b = store.create_client(&client("Cobalt Accounting")).unwrap();
    let mut edit = client("Atelier Brûlé Paris");
    edit.status = ClientStatus::Paused;
    let edited = store.update_client(a.id, &edit).unwrap();
    assert_eq!((edited.name.as_str(), edited.status), ("Atelier Brûlé Paris", ClientStatus::Paused));
    assert_eq!(store.client(b.id).unwrap(), b);
}

#[test]
fn archived_clients_leave_the_list_and_can_be_restored() {
    let (_dir, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let a = store.create_client(&client("Zephyr Tea")).unwrap();
    store.create_client(&client("Acme Print")).unwrap();
    let archived = store.archive_client(a.id).unwrap();
    assert!(archived.archived_at.is_some());
    let names = |all| store.clients(all).unwrap().into_iter().map(|c| c.name).collect::<Vec<_>>();
    assert_eq!(names(false), ["Acme Print"]);
    assert_eq!(names(true), ["Acme Print", "Zephyr Tea"]);
    assert!(store.restore_client(a.id).unwrap().archived_at.is_none());
    assert_eq!(store.clients(false).unwrap().len(), 2);
}

#[test]
fn a_second_client_with_the_same_name_is_a_conflict_on_the_name_field() {
    let (_dir, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let first = store.create_client(&client("Harbour Bakery")).unwrap();
    let err = store.create_client(&client("harbour bakery")).unwrap_err();
    assert_eq!((err.kind, err.field.as_deref()), (ErrorKind::Conflict, Some("name")));
    store.archive_client(first.id).unwrap();
    let err = store.create_client(&client("Harbour Bakery")).unwrap_err();
    assert!(err.message.contains("archived"), "{}", err.message);
    assert_eq!(store.clients(true).unwrap().len(), 1);
}

#[test]
fn invalid_input_changes_nothing() {
    let (_dir, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let saved = store.create_client(&client("Harbour Bakery")).unwrap();
    let mut bad = client("Harbour Bakery");
    bad.start_date = "2026-02-31".into();
    let err = store.update_client(saved.id, &bad).unwrap_err();
    assert_eq!((err.kind, err.field.as_deref()), (ErrorKind::Validation, Some("start_date")));
    assert_eq!(store.client(saved.id).unwrap(), saved);
    assert!(store.create_client(&bad).is_err());
    assert_eq!(store.clients(true).unwrap().len(), 1);
}

#[test]
fn unknown_client_ids_are_not_found() {
    let (_dir, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.client(42).unwrap_err().kind, ErrorKind::NotFound);
    assert_eq!(store.archive_client(42).unwrap_err().kind, ErrorKind::NotFound);
    assert_eq!(store.update_client(42, &client("X")).unwrap_err().kind, ErrorKind::NotFound);
}

#[test]
fn a_book_from_a_newer_version_is_refused_and_left_byte_for_byte_untouched() {
    let (_dir, path) = temp_book();
    drop(Store::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", LATEST + 1).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("a newer book must be refused");
    assert_eq!(err.kind, ErrorKind::Incompatible);
    assert!(err.message.contains("newer version of Clientwell"), "{}", err.message);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_database_that_is_not_a_clientwell_book_is_refused() {
    let (_dir, path) = temp_book();
    Connection::open(&path).unwrap().execute_batch("CREATE TABLE photos (id INTEGER)").unwrap();
    let err = Store::open(&path).err().expect("a foreign database must be refused");
    assert_eq!(err.kind, ErrorKind::Incompatible);
    assert!(err.message.contains("not a Clientwell book"));
}

/// A book as the first schema version left it, holding one client (a fixture of v1).
fn v1_book_with_a_client() -> (tempfile::TempDir, PathBuf, Connection) {
    let (dir, path) = temp_book();
    let mut conn = Connection::open(&path).unwrap();
    configure(&conn).unwrap();
    migrate::migrate_with(&mut conn, &path, &migrate::MIGRATIONS_FOR_TESTS[..1]).unwrap();
    conn.execute(
        "INSERT INTO client (name, status, goal, start_date, notes, created_at, updated_at)
         VALUES ('Harbour Bakery', 'active', 'More orders', '2025-04-01', 'keep', '2025-04-01T09:00:00Z', '2025-04-01T09:00:00Z')",
        [],
    )
    .unwrap();
    (dir, path, conn)
}

#[test]
fn a_v1_book_is_backed_up_then_migrated_with_nothing_lost() {
    let (_dir, path, conn) = v1_book_with_a_client();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let backup = store.migration_backup().expect("a backup before migrating").to_owned();
    let clients = store.clients(true).unwrap();
    assert_eq!(clients.len(), 1);
    let c = &clients[0];
    assert_eq!((c.name.as_str(), c.goal.as_str(), c.notes.as_str()), ("Harbour Bakery", "More orders", "keep"));
    assert_eq!(c.plan.fiscal_year_start, 1, "new columns get their defaults");
    let version: u32 = store.read().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, LATEST);

    let old = Connection::open(&backup).unwrap();
    let old_version: u32 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let old_name: String = old.query_row("SELECT name FROM client", [], |r| r.get(0)).unwrap();
    assert_eq!((old_version, old_name.as_str()), (1, "Harbour Bakery"));
    assert!(backup.starts_with(backups_dir(&path)));
    drop(store);
    assert!(Store::open(&path).unwrap().migration_backup().is_none(), "no backup when nothing is pending");
}

#[test]
fn a_migration_that_fails_midway_leaves_the_book_as_it_was() {
    let (_dir, path, mut conn) = v1_book_with_a_client();
    let migrations = [
        migrate::MIGRATIONS_FOR_TESTS[0],
        "ALTER TABLE client ADD COLUMN tier TEXT; UPDATE client SET tier = 'gold'; THIS IS NOT SQL;",
    ];
    let err = migrate::migrate_with(&mut conn, &path, &migrations).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Storage);
    let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 1);
    let has_tier: bool = conn
        .query_row("SELECT EXISTS (SELECT 1 FROM pragma_table_info('client') WHERE name = 'tier')", [], |r| r.get(0))
        .unwrap();
    assert!(!has_tier, "the half-run migration must be rolled back");
    let name: String = conn.query_row("SELECT name FROM client", [], |r| r.get(0)).unwrap();
    assert_eq!(name, "Harbour Bakery");
    let backups = std::fs::read_dir(backups_dir(&path)).unwrap().filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "sqlite3")).count();
    assert_eq!(backups, 1, "the backup is kept");
}

#[test]
fn writes_roll_back_when_the_closure_fails() {
    let (_dir, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let result: Result<()> = store.write(|tx| {
        clients::insert(tx, &client("Ghost").validate().unwrap(), "2026-01-01T00:00:00Z")?;
        Err(crate::Error::internal("stop"))
    });
    assert!(result.is_err());
    assert!(store.clients(true).unwrap().is_empty());
}
