//! Every query the screens run is answered through an index: the statements executed while
//! loading the book, a client page, the review and the portfolio are traced, and each one's
//! `EXPLAIN QUERY PLAN` must not scan a whole table of records.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use rusqlite::trace::{TraceEvent, TraceEventCodes};

use super::Store;
use crate::demo::{self, DemoSize};
use crate::{client_page, metrics};

/// Tables small by nature (one studio, a few settings): scanning them is the right plan.
const SMALL: &[&str] = &["studio", "setting", "review_state", "checklist_template"];

#[test]
fn every_query_behind_the_screens_uses_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plans.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    demo::seed_sized(&mut store, 5, today, DemoSize { clients: 12, years: 2 }).unwrap();
    // No `ANALYZE` statistics, as in an owner's book: the plans must hold without them.
    let seen = Arc::new(Mutex::new(BTreeSet::new()));
    let sink = Arc::clone(&seen);
    store
        .conn
        .trace_v2(
            TraceEventCodes::SQLITE_TRACE_STMT,
            Some(move |event: TraceEvent<'_>| {
                if let TraceEvent::Stmt(stmt, _) = event {
                    sink.lock().unwrap().insert(stmt.sql().into_owned());
                }
            }),
        )
        .unwrap();
    let some_client = store.clients(false).unwrap()[0].id;
    client_page::client_page(&store, some_client, today).unwrap();
    crate::service::weekly_review(&store, today).unwrap();
    crate::service::portfolio(&store, &metrics::Period::parse("period", "2026-Q3", 1).unwrap(), today).unwrap();
    store.conn.trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>).unwrap();

    let statements: Vec<String> = seen.lock().unwrap().iter().filter(|s| s.trim_start().to_uppercase().starts_with("SELECT")).cloned().collect();
    assert!(statements.len() >= 15, "the trace caught the screens' queries: {statements:#?}");
    let mut scans = Vec::new();
    for sql in &statements {
        let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
        let details: Vec<String> = stmt.query_map(rusqlite::params_from_iter(nulls), |r| r.get::<_, String>(3)).unwrap().collect::<Result<_, _>>().unwrap();
        for detail in details {
            let bare_scan = detail.starts_with("SCAN ") && !detail.contains("USING") && !SMALL.iter().any(|t| detail == format!("SCAN {t}"));
            if bare_scan {
                scans.push(format!("{detail}   <- {sql}"));
            }
        }
    }
    assert!(scans.is_empty(), "queries scanning a whole table:\n{}", scans.join("\n"));
}
