//! The record kinds added for other tools' data: milestones (with the first-value mark).

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
