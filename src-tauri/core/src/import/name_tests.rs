//! A client's name in any case and any normalisation form is that client for every import, and
//! two names with one key can never both be in the book — not even written straight to SQLite.

use chrono::NaiveDate;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::*;
use crate::book::{ClientInput, ClientStatus, PaperSize, StudioInput};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// Each kind's file naming the client as `written`, one row each.
fn files(written: &str) -> Vec<(ImportKind, String)> {
    let c = export::csv_cell(written);
    vec![
        (ImportKind::Contracts, format!("client,kind,value,start_date\n{c},retainer,1000,2026-01-01\n")),
        (ImportKind::Stakeholders, format!("client,name\n{c},Ana Ribeiro\n")),
        (ImportKind::Kpis, format!("client,name,baseline,target,baseline_date,target_date\n{c},Leads,10,20,2026-01-01,2026-12-31\n")),
        (ImportKind::KpiValues, format!("client,kpi,measured_on,value\n{c},Leads,2026-06-30,14\n")),
        (ImportKind::Touchpoints, format!("client,kind,happened_on,with\n{c},call,2026-06-01,Ana Ribeiro\n")),
        (ImportKind::Invoices, format!("client,number,issued_on,due_on,description,amount\n{c},N-1,2026-06-01,2026-06-30,Retainer,1000\n")),
        (ImportKind::SurveyAnswers, format!("client,kind,score,answered_on\n{c},nps,9,2026-06-01\n")),
        (ImportKind::Hours, format!("client,month,hours\n{c},2026-06,12\n")),
    ]
}

/// The same name another way: capitals, decomposed accents, spaces around it.
fn variant(name: &str, how: u8) -> String {
    match how % 4 {
        0 => name.to_uppercase(),
        1 => name.to_lowercase(),
        2 => name.nfd().collect(),
        _ => format!("  {}  ", name.to_uppercase().nfd().collect::<String>()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn a_name_in_any_case_or_form_is_found_by_every_import_and_never_added_twice(
        name in "[A-Za-zÉéÈèÀàŁłÓóŹźŻżÇçÖöÜüÅåØøŠšĐđ]{2,8}( [A-Za-zÉéŁłÓóÜüÅå]{2,8})?",
        how in 0u8..4,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("book.sqlite3")).unwrap();
        store.save_studio(&StudioInput { name: "Fox".into(), currency: "EUR".into(), paper_size: PaperSize::A4 }).unwrap();
        let input = |n: &str| ClientInput { name: n.into(), status: ClientStatus::Active, goal: String::new(), start_date: "2025-01-01".into(), notes: String::new() };
        let client = store.create_client(&input(&name)).unwrap();
        let written = variant(&name, how);
        for (kind, text) in files(&written) {
            let report = import(&mut store, kind, "f.csv", text.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), true, today()).unwrap();
            prop_assert!(report.committed, "{kind:?} with {written:?}: {:?}", report.errors);
        }
        prop_assert_eq!(store.clients(true).unwrap().len(), 1);
        prop_assert_eq!(store.invoices(client.id).unwrap().len(), 1);
        // A clients file with the variant updates the client; the form refuses a second one.
        let clients = format!("name,start_date\n{},2025-01-01\n", export::csv_cell(&written));
        let again = import(&mut store, ImportKind::Clients, "c.csv", clients.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), true, today()).unwrap();
        prop_assert_eq!((again.created, store.clients(true).unwrap().len()), (0, 1));
        prop_assert!(store.create_client(&input(&written)).is_err());
        // And the database itself refuses it, whoever writes.
        let raw = rusqlite::Connection::open(dir.path().join("book.sqlite3")).unwrap();
        crate::store::add_functions_for_tests(&raw);
        let direct = raw.execute("INSERT INTO client (name, status, goal, start_date, notes, created_at, updated_at) VALUES (?1, 'active', '', '2025-01-01', '', 'x', 'x')", [written.as_str()]);
        let refused = direct.err().map(|e| e.to_string()).unwrap_or_default();
        // (By SQLite's ASCII-only NOCASE index when that already sees the clash, else by the key.)
        prop_assert!(refused.contains("UNIQUE constraint failed: client.name"), "a second {written:?} beside {name:?}: {refused}");
    }
}

#[test]
fn the_database_refuses_a_name_that_differs_only_in_an_accented_capital() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(&dir.path().join("book.sqlite3")).unwrap());
    let raw = rusqlite::Connection::open(dir.path().join("book.sqlite3")).unwrap();
    crate::store::add_functions_for_tests(&raw);
    let insert = "INSERT INTO client (name, status, goal, start_date, notes, created_at, updated_at) VALUES (?1, 'active', '', '2025-01-01', '', 'x', 'x')";
    raw.execute(insert, ["École Lumière"]).unwrap();
    // SQLite's NOCASE sees "école" and "École" as two names; the key does not.
    let err = raw.execute(insert, ["école lumière"]).unwrap_err().to_string();
    assert!(err.contains("UNIQUE constraint failed: client.name_key"), "{err}");
    let key: String = raw.query_row("SELECT name_key FROM client", [], |r| r.get(0)).unwrap();
    assert_eq!(key, crate::book::text::name_key("ÉCOLE LUMIÈRE"));
}
