//! The record kinds added for other tools' data: milestones (with the first-value mark), and a contract's rule for unused hours.

use super::tests::{empty_book, run, CLIENTS};
use super::*;

#[test]
fn milestones_import_and_the_first_value_mark_moves_to_the_row_that_has_it() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    let text = "client,title,due_on,done_on,first_value\n\
        Harbour Bakery,Kick-off,2025-03-05,2025-03-05,no\n\
        HARBOUR BAKERY,First campaign live,15/04/2025,10/04/2025,yes\n";
    let report = run(&mut store, ImportKind::Milestones, text);
    assert!(report.committed, "{:?}", report.errors);
    assert_eq!(report.rows[1].summary, "Harbour Bakery (written “HARBOUR BAKERY”): First campaign live (done 2025-04-10) · first value");
    let id = store.find_client("Harbour Bakery").unwrap().id;
    let marked: Vec<(String, bool)> = store.milestones(id).unwrap().into_iter().map(|m| (m.title, m.first_value)).collect();
    assert_eq!(marked, [("Kick-off".to_owned(), false), ("First campaign live".to_owned(), true)]);
    // A later file marks another one: it takes the mark, and re-reading the same row changes nothing.
    let moved = run(&mut store, ImportKind::Milestones, "client,title,due_on,first_value\nHarbour Bakery,kick-off,2025-03-05,yes\n");
    assert_eq!(moved.updated, 1, "{:?}", moved.errors);
    let marked: Vec<bool> = store.milestones(id).unwrap().into_iter().map(|m| m.first_value).collect();
    assert_eq!(marked, [true, false]);
    let bad = run(&mut store, ImportKind::Milestones, "client,title,due_on\nHarbour Bakery,,2025-03-05\nHarbour Bakery,Launch,someday\n");
    let at: Vec<(usize, Option<&str>)> = bad.errors.iter().map(|e| (e.row, e.column.as_deref())).collect();
    assert_eq!(at, [(2, Some("title")), (3, Some("due_on"))]);
}

#[test]
fn a_contracts_rule_for_unused_hours_is_read_kept_when_the_column_is_blank_and_refused_when_unknown() {
    use crate::book::contract::UnusedHours;
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    let report = run(&mut store, ImportKind::Contracts, "client,kind,value,start_date,included_hours,unused_hours\nHarbour Bakery,retainer,2500,2025-03-01,20,Next month\n");
    assert!(report.committed, "{:?}", report.errors);
    let id = store.find_client("Harbour Bakery").unwrap().id;
    assert_eq!(store.contracts(id).unwrap()[0].unused_hours, UnusedHours::NextMonth);
    // Another tool's file has no such column: the rule the app holds stays, and nothing changed.
    let again = run(&mut store, ImportKind::Contracts, "client,kind,value,start_date,included_hours\nHarbour Bakery,retainer,2500,2025-03-01,20\n");
    assert_eq!((again.unchanged, again.updated), (1, 0), "{:?}", again.errors);
    assert_eq!(store.contracts(id).unwrap()[0].unused_hours, UnusedHours::NextMonth);
    let bad = run(&mut store, ImportKind::Contracts, "client,kind,value,start_date,included_hours,unused_hours\nHarbour Bakery,retainer,2500,2025-03-01,20,forever\nHarbour Bakery,retainer,900,2026-03-01,,lapse\n");
    let at: Vec<(usize, Option<&str>)> = bad.errors.iter().map(|e| (e.row, e.column.as_deref())).collect();
    assert_eq!(at, [(2, Some("unused_hours")), (3, Some("unused_hours"))]);
    assert_eq!(store.contracts(id).unwrap().len(), 1, "a refused file writes nothing");
}
