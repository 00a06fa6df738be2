//! Black-box tests of the ways a careless or hostile command line could damage the book or store
//! a wrong value: each must be refused with a clear message, and the book left byte for byte.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn clientwell(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientwell")).env("CLIENTWELL_DATA_DIR", data_dir).args(args).output().expect("the clientwell binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A demo book in `dir`, checkpointed so the file on disk holds everything.
fn demo_book(dir: &Path) -> PathBuf {
    let db = dir.join("book.sqlite3");
    let made = clientwell(dir, &["--db", db.to_str().unwrap(), "demo", "--seed", "1", "--as-of", "2026-11-26"]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    db
}

/// The book's files as they are on disk: the book, its WAL and the backups folder.
fn snapshot(db: &Path) -> Vec<(String, Vec<u8>)> {
    let dir = db.parent().unwrap();
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("book.sqlite3"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    if let Ok(backups) = std::fs::read_dir(dir.join("backups")) {
        files.extend(backups.map(|e| e.unwrap().path()).map(|p| (p.display().to_string(), std::fs::read(&p).unwrap())));
    }
    files.sort();
    files
}

#[test]
fn no_out_can_write_over_the_book_its_journal_or_its_backups_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_book(dir.path());
    let backup = clientwell(dir.path(), &["--db", db.to_str().unwrap(), "backup"]);
    assert_eq!(backup.status.code(), Some(0), "{}", stderr(&backup));
    let a_backup = std::fs::read_dir(dir.path().join("backups")).unwrap().map(|e| e.unwrap().path()).find(|p| p.extension().is_some_and(|x| x == "sqlite3")).unwrap();
    let before = snapshot(&db);
    let d = db.to_str().unwrap();
    let wal = format!("{d}-wal");
    let backup_path = a_backup.to_str().unwrap();
    for target in [d, &wal, backup_path] {
        for args in [
            vec!["export", "invoices", "--out", target, "--force"],
            vec!["export", "json", "--out", target],
            vec!["calendar", "--out", target, "--force", "--as-of", "2026-11-26"],
            vec!["report", "monthly", "--client", "Harbour Bakery", "--month", "2026-10", "--out", target, "--force"],
            vec!["report", "qbr", "--client", "Harbour Bakery", "--quarter", "2026-Q3", "--out", target, "--force"],
        ] {
            let mut all = vec!["--db", d];
            all.extend(&args);
            let out = clientwell(dir.path(), &all);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
            assert!(stderr(&out).contains("Nothing was written"), "{args:?}: {}", stderr(&out));
        }
    }
    assert_eq!(snapshot(&db), before, "the book, its journal and its backups are byte for byte as they were");
    let list = clientwell(dir.path(), &["--db", d, "clients", "--json"]);
    assert_eq!(list.status.code(), Some(0), "the book still opens: {}", stderr(&list));
}

#[test]
fn an_existing_out_file_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_book(dir.path());
    let d = db.to_str().unwrap();
    let target = dir.path().join("mine.csv");
    std::fs::write(&target, "the owner's own file").unwrap();
    let t = target.to_str().unwrap();
    for args in [
        vec!["export", "clients", "--out", t],
        vec!["calendar", "--out", t, "--as-of", "2026-11-26"],
        vec!["report", "monthly", "--client", "Harbour Bakery", "--month", "2026-10", "--out", t],
    ] {
        let mut all = vec!["--db", d];
        all.extend(&args);
        let out = clientwell(dir.path(), &all);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains("already exists") && stderr(&out).contains("--force"), "{args:?}: {}", stderr(&out));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "the owner's own file");
    }
    let forced = clientwell(dir.path(), &["--db", d, "export", "clients", "--out", t, "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("name,"), "replaced with the export");
}

#[test]
fn a_batch_into_a_folder_with_earlier_files_writes_nothing_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_book(dir.path());
    let d = db.to_str().unwrap();
    let out = dir.path().join("summaries");
    std::fs::create_dir(&out).unwrap();
    let o = out.to_str().unwrap();
    let first = clientwell(dir.path(), &["--db", d, "report", "batch", "--month", "2026-10", "--out", o, "--as-of", "2026-11-26"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let written = std::fs::read_dir(&out).unwrap().count();
    assert!(stdout(&first).contains(&format!("Wrote {written} monthly summaries")), "{}", stdout(&first));
    let again = clientwell(dir.path(), &["--db", d, "report", "batch", "--month", "2026-10", "--out", o, "--as-of", "2026-11-26"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains(&format!("{written} of the {written} files are already in")), "{}", stderr(&again));
    let forced = clientwell(dir.path(), &["--db", d, "report", "batch", "--month", "2026-10", "--out", o, "--force", "--as-of", "2026-11-26"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), written);
}

/// An empty book set up for a studio, in `dir`.
fn studio_book(dir: &Path, currency: &str) -> PathBuf {
    let db = dir.join("book.sqlite3");
    let init = clientwell(dir, &["--db", db.to_str().unwrap(), "init", "--studio", "Fox & Finch", "--currency", currency]);
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    db
}

fn import(dir: &Path, db: &Path, kind: &str, csv: &str, extra: &[&str]) -> Output {
    let file = dir.join(format!("{kind}.csv"));
    std::fs::write(&file, csv).unwrap();
    let mut args = vec!["--db", db.to_str().unwrap(), "import", kind, file.to_str().unwrap()];
    args.extend(extra);
    clientwell(dir, &args)
}

#[test]
fn another_programs_database_with_a_plausible_version_is_refused_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("other.sqlite3");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine'); PRAGMA user_version = 5;").unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    for args in [vec!["clients"], vec!["backup"], vec!["import", "clients", "x.csv", "--preview"], vec!["init", "--studio", "X", "--currency", "EUR"]] {
        let mut all = vec!["--db", db.to_str().unwrap()];
        all.extend(&args);
        let out = clientwell(dir.path(), &all);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("is not a Clientwell book"), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "byte for byte");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["other.sqlite3"], "no WAL, no backups folder: {names:?}");
}

#[test]
fn a_backup_missing_tables_is_listed_as_not_restorable_and_restore_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_book(dir.path());
    let d = db.to_str().unwrap();
    assert_eq!(clientwell(dir.path(), &["--db", d, "backup"]).status.code(), Some(0));
    let backups = dir.path().join("backups");
    let good = std::fs::read_dir(&backups).unwrap().map(|e| e.unwrap().path()).find(|p| p.extension().is_some_and(|x| x == "sqlite3")).unwrap();
    // A copy of it with the invoice tables dropped: it still passes quick_check.
    let broken = backups.join("book-manual-20200101T000000Z.sqlite3");
    std::fs::copy(&good, &broken).unwrap();
    {
        let conn = rusqlite::Connection::open(&broken).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = OFF; DROP TABLE invoice_line; DROP TABLE invoice;").unwrap();
        let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).unwrap();
        assert_eq!(ok, "ok");
    }
    let list = clientwell(dir.path(), &["--db", d, "backups"]);
    assert!(stdout(&list).contains("book-manual-20200101T000000Z.sqlite3  cannot be restored: ") && stdout(&list).contains("not a complete Clientwell book"), "{}", stdout(&list));
    let before = snapshot(&db);
    let restore = clientwell(dir.path(), &["--db", d, "restore", "book-manual-20200101T000000Z.sqlite3"]);
    assert_eq!(restore.status.code(), Some(1), "{}", stderr(&restore));
    assert!(stderr(&restore).contains("invoice") && stderr(&restore).contains("Your book was not changed"), "{}", stderr(&restore));
    assert_eq!(snapshot(&db), before);
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_backups_folder_does_not_hang_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_book(dir.path());
    let d = db.to_str().unwrap();
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let fifo = backups.join("book-manual-20260101T000000Z.sqlite3");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let list = clientwell(dir.path(), &["--db", d, "backups", "--json"]);
    assert_eq!(list.status.code(), Some(0), "{}", stderr(&list));
    assert_eq!(stdout(&list).trim(), "[]", "a FIFO is not a backup");
    assert_eq!(clientwell(dir.path(), &["--db", d, "backup"]).status.code(), Some(0));
}

#[test]
fn two_backups_at_once_both_succeed_and_leftovers_of_killed_ones_are_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_book(dir.path());
    let d = db.to_str().unwrap();
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let leftover = backups.join("book-manual-20260101T000000Z.partial");
    std::fs::write(&leftover, vec![0u8; 4096]).unwrap();
    let bin = env!("CARGO_BIN_EXE_clientwell");
    let children: Vec<_> = (0..4).map(|_| Command::new(bin).env("CLIENTWELL_DATA_DIR", dir.path()).args(["--db", d, "backup"]).spawn().unwrap()).collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let names: Vec<String> = std::fs::read_dir(&backups).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names.iter().filter(|n| n.ends_with(".sqlite3")).count(), 4, "{names:?}");
    assert!(!names.iter().any(|n| n.ends_with(".partial")), "{names:?}");
}

#[test]
fn a_mistyped_db_is_an_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("typo/bok.sqlite3");
    for args in [vec!["clients"], vec!["review"], vec!["backups"], vec!["export", "json", "--out", "x.json"], vec!["backup"]] {
        let mut all = vec!["--db", missing.to_str().unwrap()];
        all.extend(&args);
        let out = clientwell(dir.path(), &all);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("There is no client book at"), "{args:?}: {}", stderr(&out));
    }
    assert!(!dir.path().join("typo").exists(), "no folder made");
}

#[test]
fn a_preview_only_reads_so_it_works_while_another_program_holds_the_write_lock() {
    let dir = tempfile::tempdir().unwrap();
    let db = studio_book(dir.path(), "EUR");
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let csv = "name,start_date\nAcme,2026-01-01\n";
    let preview = import(dir.path(), &db, "clients", csv, &["--preview"]);
    assert_eq!(preview.status.code(), Some(0), "{}", stderr(&preview));
    assert!(stdout(&preview).contains("Would import clients: 1 new"), "{}", stdout(&preview));
    // A real import waits for the lock (5 s), then says plainly that the book is busy: exit 1.
    let busy = import(dir.path(), &db, "clients", csv, &[]);
    assert_eq!(busy.status.code(), Some(1), "{}", stderr(&busy));
    assert!(stderr(&busy).contains("The book is busy") && stderr(&busy).contains("try again"), "{}", stderr(&busy));
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(import(dir.path(), &db, "clients", csv, &[]).status.code(), Some(0));
}

#[test]
fn a_client_whose_name_is_a_number_is_found_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = studio_book(dir.path(), "EUR");
    let d = db.to_str().unwrap();
    let made = import(dir.path(), &db, "clients", "name,start_date\nFirst Ltd,2026-01-01\nSecond Ltd,2026-01-01\n1,2026-01-01\n", &[]);
    assert_eq!(made.status.code(), Some(0), "{}{}", stdout(&made), stderr(&made));
    let named = clientwell(dir.path(), &["--db", d, "client", "1", "--json"]);
    let page: serde_json::Value = serde_json::from_slice(&named.stdout).unwrap();
    assert_eq!(page["client"]["name"], "1", "the client called '1', not client number 1");
    let by_number = clientwell(dir.path(), &["--db", d, "client", "#2", "--json"]);
    let page: serde_json::Value = serde_json::from_slice(&by_number.stdout).unwrap();
    assert_eq!(page["client"]["name"], "Second Ltd");
}

#[test]
fn an_import_before_the_studio_is_set_up_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite3");
    std::fs::write(&db, b"").unwrap();
    let out = import(dir.path(), &db, "clients", "name,start_date\nAcme,2026-01-01\n", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Set up the studio first"), "{}", stderr(&out));
}

#[test]
fn names_with_accented_capitals_are_one_client_and_found_by_every_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = studio_book(dir.path(), "EUR");
    let d = db.to_str().unwrap();
    let made = import(dir.path(), &db, "clients", "name,start_date\nCafé Łódź,2026-01-01\nÉcole Lumière,2026-01-01\n", &[]);
    assert_eq!(made.status.code(), Some(0), "{}", stdout(&made));
    let contracts = import(dir.path(), &db, "invoices", "client,number,issued_on,due_on,description,amount\nCafé Łódź,F-1,2026-02-01,2026-03-01,Design,100.00\nÉCOLE LUMIÈRE,F-2,2026-02-01,2026-03-01,Design,50.00\n", &[]);
    assert_eq!(contracts.status.code(), Some(0), "{}{}", stdout(&contracts), stderr(&contracts));
    let again = import(dir.path(), &db, "clients", "name,start_date\nécole lumière,2026-01-01\n", &[]);
    assert!(stdout(&again).contains("0 new"), "the same client, not a second one: {}", stdout(&again));
    let found = clientwell(dir.path(), &["--db", d, "client", "café łódź", "--json"]);
    assert_eq!(found.status.code(), Some(0), "{}", stderr(&found));
}

#[test]
fn a_report_with_text_the_font_cannot_print_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = studio_book(dir.path(), "EUR");
    let d = db.to_str().unwrap();
    assert_eq!(import(dir.path(), &db, "clients", "name,start_date\nBäckerei שלום 🥐,2026-01-01\n", &[]).status.code(), Some(0));
    let out = dir.path().join("report.pdf");
    let report = clientwell(dir.path(), &["--db", d, "report", "monthly", "--client", "Bäckerei שלום 🥐", "--month", "2026-10", "--out", out.to_str().unwrap()]);
    assert_eq!(report.status.code(), Some(0), "{}", stderr(&report));
    assert!(stderr(&report).contains("Warning:") && stderr(&report).contains("show as '?'") && stderr(&report).contains("Bäckerei שלום 🥐"), "{}", stderr(&report));
}
