//! Every released book format opens in this version with nothing lost.
//!
//! `tests/fixtures/book-vN.sqlite3` is a book frozen at schema version N, holding a small demo
//! studio (made once by `write_schema_fixtures`, then checked in and never regenerated: it
//! stands for the files owners have on disk). Each is copied, opened with [`Store::open`] and
//! must come out at the latest version with every row of every table it had, unchanged.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::migrate::{self, LATEST};
use super::*;

fn fixture(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/book-v{version}.sqlite3"))
}

fn tables(conn: &Connection) -> Vec<String> {
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
}

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid")).unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
}

/// Every row of `table`, as text, over the given columns, in rowid order.
fn rows(conn: &Connection, table: &str, cols: &[String]) -> Vec<String> {
    let list = cols.iter().map(|c| format!("quote(\"{c}\")")).collect::<Vec<_>>().join(" || '|' || ");
    let mut stmt = conn.prepare(&format!("SELECT {list} FROM \"{table}\" ORDER BY rowid")).unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn there_is_a_fixture_for_every_released_schema_version() {
    for version in 1..=LATEST {
        assert!(fixture(version).is_file(), "add tests/fixtures/book-v{version}.sqlite3 (see write_schema_fixtures)");
    }
}

#[test]
fn a_book_of_every_released_version_is_migrated_with_every_row_kept() {
    for version in 1..=LATEST {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clientwell.sqlite3");
        std::fs::copy(fixture(version), &path).unwrap();
        let before = Connection::open(&path).unwrap();
        let found: u32 = before.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(found, version, "fixture v{version} is at its version");
        let old: Vec<(String, Vec<String>, Vec<String>)> = tables(&before)
            .into_iter()
            .map(|t| {
                let cols = columns(&before, &t);
                let rows = rows(&before, &t, &cols);
                (t, cols, rows)
            })
            .collect();
        assert!(old.iter().any(|(t, _, rows)| t == "client" && rows.len() >= 5), "fixture v{version} holds clients");
        drop(before);

        let store = Store::open(&path).unwrap();
        assert_eq!(store.migration_backup().is_some(), version < LATEST, "v{version}: a backup exactly when migrating");
        let conn = store.read();
        let now: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).unwrap();
        assert_eq!((now, check.as_str()), (LATEST, "ok"));
        for (table, cols, rows_before) in &old {
            let after = rows(conn, table, cols);
            // v19 adds the offboarding checklist's default steps after the owner's own.
            let seeded = version < 19 && table == "checklist_template";
            let kept = if seeded { after.get(..rows_before.len()).unwrap_or(&after) } else { &after[..] };
            assert_eq!(kept, &rows_before[..], "v{version}: table {table} changed in the migration");
        }
        // And the migrated book reads as a whole: every client page, health, the review.
        let book = store.book().unwrap();
        assert_eq!(book.len(), old.iter().find(|(t, _, _)| t == "client").map(|(_, _, r)| r.len()).unwrap());
    }
}

/// Writes the fixtures: a demo book made at the latest version, copied column by column into
/// a fresh book at each version. Run once when a migration is added, then check in only the
/// new version's file: `cargo test -p clientwell-core write_schema_fixtures -- --ignored`.
#[test]
#[ignore]
fn write_schema_fixtures() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.sqlite3");
    let mut store = Store::open(&source).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    crate::demo::seed_sized(&mut store, 7, today, crate::demo::DemoSize { clients: 6, years: 2 }).unwrap();
    drop(store);
    for version in 1..=LATEST {
        let target = fixture(version);
        if target.exists() {
            continue; // released fixtures are frozen
        }
        let building = dir.path().join(format!("v{version}.sqlite3"));
        let mut conn = Connection::open(&building).unwrap();
        migrate::migrate_with(&mut conn, &building, &migrate::MIGRATIONS_FOR_TESTS[..version as usize]).unwrap();
        conn.execute("ATTACH ?1 AS source", [source.to_str().unwrap()]).unwrap();
        conn.pragma_update(None, "foreign_keys", false).unwrap();
        for table in tables(&conn) {
            let cols = columns(&conn, &table).iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
            conn.execute(&format!("INSERT OR REPLACE INTO main.\"{table}\" ({cols}) SELECT {cols} FROM source.\"{table}\""), []).unwrap();
        }
        conn.execute("DETACH source", []).unwrap();
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        conn.execute("VACUUM INTO ?1", [target.to_str().unwrap()]).unwrap();
    }
}

#[test]
fn a_book_with_two_names_that_differ_only_in_accented_capitals_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    std::fs::copy(fixture(11), &path).unwrap();
    {
        // Before v12 SQLite's NOCASE let these two in; the app's own check did not exist then.
        let raw = Connection::open(&path).unwrap();
        let insert = "INSERT INTO client (name, status, goal, start_date, notes, created_at, updated_at) VALUES (?1, 'active', '', '2025-01-01', '', 'x', 'x')";
        raw.execute(insert, ["École Lumière"]).unwrap();
        raw.execute(insert, ["école lumière"]).unwrap();
    }
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.kind, crate::ErrorKind::Incompatible);
    assert!(err.message.contains("'École Lumière' and 'école lumière'"), "{}", err.message);
    let raw = Connection::open(&path).unwrap();
    let version: u32 = raw.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let names: i64 = raw.query_row("SELECT count(*) FROM client WHERE name IN ('École Lumière', 'école lumière')", [], |r| r.get(0)).unwrap();
    assert_eq!((version, names), (11, 2), "nothing changed");
}
