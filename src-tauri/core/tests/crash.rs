//! The crash test: a `clientwell write-loop` child writes clients, KPI values and invoices
//! through the real store, printing each record only after the call that saved it returned
//! (its transaction committed). We SIGKILL it at random moments, reopen the book, require
//! `PRAGMA quick_check` to say ok and every printed record to be there, exactly as printed.
//!
//! 50 kills by default; `CLIENTWELL_CRASH_KILLS=1000 cargo test -p clientwell-core --release
//! --test crash -- --nocapture` runs 1,000 (and prints the totals). `CLIENTWELL_CRASH_SEED`
//! replays a run's kill timings.
#![cfg(unix)]

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use rusqlite::Connection;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// What the database holds, in the same words the child prints.
fn contents(db: &Path) -> HashSet<String> {
    let conn = Connection::open(db).expect("the book reopens after a kill");
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok", "quick_check after a kill");
    let mut found = HashSet::new();
    let mut rows = |sql: &str| {
        let mut stmt = conn.prepare(sql).unwrap();
        let lines: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
        found.extend(lines);
    };
    rows("SELECT 'client ' || name FROM client");
    rows("SELECT 'value ' || c.name || ' ' || CAST(m.value AS INTEGER) FROM kpi_measurement m JOIN kpi k ON k.id = m.kpi_id JOIN client c ON c.id = k.client_id");
    rows("SELECT 'invoice ' || i.number || ' ' || (SELECT SUM(amount_cents) FROM invoice_line l WHERE l.invoice_id = i.id) FROM invoice i");
    found
}

#[test]
fn every_write_reported_committed_survives_a_sigkill_and_the_book_stays_sound() {
    let kills = env_number("CLIENTWELL_CRASH_KILLS", 50);
    let mut seed = env_number("CLIENTWELL_CRASH_SEED", u64::from(std::process::id()) | 1);
    let first_seed = seed;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite3");
    let bin = env!("CARGO_BIN_EXE_clientwell");
    let init = Command::new(bin).args(["--db"]).arg(&db).args(["init", "--studio", "Crash Test", "--currency", "EUR"]).output().unwrap();
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));

    let mut reported: Vec<String> = Vec::new();
    for kill in 0..kills {
        let mut child = Command::new(bin)
            .args(["--db"])
            .arg(&db)
            .arg("write-loop")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || BufReader::new(stdout).lines().map_while(Result::ok).collect::<Vec<_>>());
        // xorshift: a different moment each time, replayable from the seed.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(20 + seed % 180));
        child.kill().unwrap(); // SIGKILL on Unix: no destructors, no flush, nothing.
        child.wait().unwrap();
        reported.extend(reader.join().unwrap());

        let found = contents(&db);
        let missing: Vec<&String> = reported.iter().filter(|line| !found.contains(*line)).collect();
        assert!(missing.is_empty(), "kill {kill} (seed {first_seed}): reported committed but missing: {missing:?}");
    }
    let clients = reported.iter().filter(|l| l.starts_with("client ")).count();
    eprintln!("{kills} kills survived; {} committed writes verified ({clients} clients); seed {first_seed}", reported.len());
    assert!(clients > 0, "the child never got to write: the test would prove nothing");
}
