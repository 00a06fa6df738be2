//! Store tests for ending a client: the reason kept, the contracts ended, nothing on a refusal.

use super::Store;
use crate::book::contract::{ContractInput, ContractKind};
use crate::book::ending::{EndReason, EndingInput};
use crate::book::{ClientInput, ClientStatus};

fn book() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("book.sqlite3")).unwrap();
    let input = ClientInput { name: "Harbour Bakery".into(), status: ClientStatus::Active, goal: String::new(), start_date: "2026-01-01".into(), notes: String::new() };
    let id = store.create_client(&input).unwrap().id;
    (dir, store, id)
}

fn contract(start: &str, end: &str) -> ContractInput {
    ContractInput {
        kind: ContractKind::Retainer,
        service_line: "SEO".into(),
        value: "2,500".into(),
        start_date: start.into(),
        end_date: end.into(),
        renewal_date: String::new(),
        notice_days: "30".into(),
        included_hours: String::new(),
        unused_hours: crate::book::contract::UnusedHours::NotAgreed,
    }
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

fn ending(on: &str, reason: &str) -> EndingInput {
    EndingInput { ended_on: on.into(), reason: reason.into(), notes: "New CFO froze outside spend.".into() }
}

#[test]
fn ending_a_client_keeps_the_reason_and_ends_the_contracts_still_running() {
    let (_d, mut store, id) = book();
    let open = store.save_contract(id, None, &contract("2026-01-01", "")).unwrap();
    let longer = store.save_contract(id, None, &contract("2026-02-01", "2027-06-30")).unwrap();
    let done = store.save_contract(id, None, &contract("2026-01-01", "2026-03-31")).unwrap();
    let client = store.end_client(id, &ending("2026-11-30", "budget_cut"), today()).unwrap();
    assert_eq!(client.status, ClientStatus::Ended);
    let kept = store.ending(id).unwrap().unwrap();
    assert_eq!((kept.ended_on.to_string(), kept.reason, kept.notes.as_str()), ("2026-11-30".into(), EndReason::BudgetCut, "New CFO froze outside spend."));
    let ends: Vec<(i64, Option<String>)> = store.contracts(id).unwrap().iter().map(|c| (c.id, c.end_date.map(|d| d.to_string()))).collect();
    assert!(ends.contains(&(open.id, Some("2026-11-30".into()))), "the open-ended retainer ends on the last day: {ends:?}");
    assert!(ends.contains(&(longer.id, Some("2026-11-30".into()))), "one running past it too");
    assert!(ends.contains(&(done.id, Some("2026-03-31".into()))), "an earlier end is left as it was");
    assert_eq!(store.client_data(id).unwrap().ending, Some(kept), "the aggregate carries it");

    // Asked again (the owner corrects it), the answer replaces the first one.
    store.end_client(id, &ending("2026-11-30", "results"), today()).unwrap();
    assert_eq!(store.ending(id).unwrap().map(|e| e.reason), Some(EndReason::Results));
}

#[test]
fn a_refused_ending_changes_nothing() {
    let (_d, mut store, id) = book();
    store.save_contract(id, None, &contract("2026-01-01", "")).unwrap();
    store.save_contract(id, None, &contract("2027-01-01", "")).unwrap();
    let before = (store.client(id).unwrap(), store.contracts(id).unwrap());
    for (input, field) in [
        (ending("2026-11-30", "bored"), "reason"),
        (ending("2025-12-31", "price"), "ended_on"),
        (ending("not a day", "price"), "ended_on"),
        (ending("2026-12-31", "price"), "ended_on"),
        // The second contract starts after that day: ending would not end it.
        (ending("2026-11-30", "price"), "ended_on"),
    ] {
        let e = store.end_client(id, &input, today()).unwrap_err();
        assert_eq!(e.field.as_deref(), Some(field), "{input:?}: {e:?}");
        assert_eq!((store.client(id).unwrap(), store.contracts(id).unwrap()), before, "{input:?} changed the book");
        assert_eq!(store.ending(id).unwrap(), None);
    }
    assert!(store.end_client(999, &ending("2026-11-30", "price"), today()).is_err(), "no such client");
}
