//! Each tool's export, as its fixture in `tests/fixtures/imports` copies it, read into a fresh
//! book: the records it holds, exactly, and nothing at all when one row is bad.

use chrono::NaiveDate;

use super::*;
use crate::book::{PaperSize, StudioInput};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/imports").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A book with the fixtures' three clients; the studio is the one the time trackers name.
fn book() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("book.sqlite3")).unwrap();
    store.save_studio(&StudioInput { name: "Brightline Studio".into(), currency: "EUR".into(), paper_size: PaperSize::A4 }).unwrap();
    let clients = "name,start_date\nHarbour Bakery,2025-01-01\nCafé Łódź,2025-01-01\nÉcole Lumière,2025-01-01\n";
    let report = import(&mut store, ImportKind::Clients, "c.csv", clients.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), true, today()).unwrap();
    assert!(report.committed, "{:?}", report.errors);
    (dir, store)
}

fn read(store: &mut Store, name: &str, text: &str, options: ImportOptions, commit: bool) -> ImportReport {
    import(store, ImportKind::Clients, name, text.as_bytes(), options, commit, today()).unwrap()
}

/// The file as the tool exports it, with the owner's one rule ticked where the file has no
/// payment dates.
fn import_with_rule(store: &mut Store, name: &str, text: &str) -> ImportReport {
    let first = read(store, name, text, ImportOptions::usual(DateOrder::DayFirst), false);
    let mut mapping = first.mapping.clone().expect("mapped");
    mapping.paid_on_due_date = true;
    read(store, name, text, ImportOptions { mapping: Some(mapping), ..ImportOptions::usual(DateOrder::DayFirst) }, true)
}

/// An invoice as the tests compare it: number, client, issued, due, paid, void, total in cents.
type Row = (String, String, String, String, Option<String>, bool, i64);

fn invoices(store: &Store) -> Vec<Row> {
    let mut all = Vec::new();
    for c in store.clients(true).unwrap() {
        for i in store.invoices(c.id).unwrap() {
            all.push((i.number.clone(), c.name.clone(), i.issued_on.to_string(), i.due_on.to_string(), i.paid_on.map(|d| d.to_string()), i.void, i.total_cents()));
        }
    }
    all.sort();
    all
}

fn hours(store: &Store) -> Vec<(String, String, i64)> {
    let mut all = Vec::new();
    for c in store.clients(true).unwrap() {
        for h in store.hours_used(c.id).unwrap() {
            all.push((c.name.clone(), h.month.key(), h.hundredths));
        }
    }
    all.sort();
    all
}

fn row(number: &str, client: &str, issued: &str, due: &str, paid: Option<&str>, void: bool, cents: i64) -> Row {
    (number.into(), client.into(), issued.into(), due.into(), paid.map(Into::into), void, cents)
}

/// One bad row (a client nobody has) and nothing is written.
fn one_bad_row_imports_nothing(name: &str, text: &str, good: &str) {
    let (_d, mut store) = book();
    let bad = text.replacen(good, "Nobody Ltd", 1);
    let mut options = ImportOptions::usual(DateOrder::DayFirst);
    let first = read(&mut store, name, &bad, options.clone(), false);
    let mut mapping = first.mapping.clone().expect("mapped");
    mapping.paid_on_due_date = true;
    options.mapping = Some(mapping);
    let report = read(&mut store, name, &bad, options, true);
    assert!(!report.committed, "{name}");
    assert!(report.errors.iter().any(|e| e.column.as_deref() == Some("client") && e.message.contains("Nobody Ltd")), "{name}: {:?}", report.errors);
    assert!(invoices(&store).is_empty() && hours(&store).is_empty(), "{name}: nothing written");
    assert!(store.saved_mappings().unwrap().is_empty(), "{name}: not even the column choices");
}

#[test]
fn a_xero_export_is_read_as_it_comes_and_remembered_for_next_month() {
    let (_d, mut store) = book();
    let text = fixture("xero-invoices.csv");
    let first = read(&mut store, "SalesInvoices.csv", &text, ImportOptions::usual(DateOrder::MonthFirst), false);
    assert_eq!((first.source, first.kind), (Source::Xero, ImportKind::Invoices));
    let dates = first.dates.clone().unwrap();
    assert_eq!((dates.order, dates.ambiguous), (DateOrder::DayFirst, false), "14/10/2026 shows the order: {}", dates.note);
    // Xero's export has no payment date: its paid invoices wait for the owner's rule.
    assert!(first.errors.iter().all(|e| e.column.as_deref() == Some("paid_on")), "{:?}", first.errors);
    assert_eq!(first.errors.len(), 4, "the two lines of each of the two paid invoices");
    assert_eq!(first.skipped.iter().map(|s| (s.reason.as_str(), s.count)).collect::<Vec<_>>(), [("Draft invoices (not sent to the client yet)", 1)]);
    assert!(first.rules.iter().any(|r| r.contains("LineAmount")), "{:?}", first.rules);

    let report = import_with_rule(&mut store, "SalesInvoices.csv", &text);
    assert!(report.committed, "{:?}", report.errors);
    assert_eq!((report.created, report.remembered.as_deref()), (5, Some("Xero invoices")));
    assert_eq!(
        invoices(&store),
        [
            row("INV-0041", "Harbour Bakery", "2026-10-05", "2026-11-04", Some("2026-11-04"), false, 145_650),
            row("INV-0042", "Café Łódź", "2026-10-14", "2026-10-28", None, false, 46_800),
            row("INV-0043", "École Lumière", "2026-10-20", "2026-11-19", None, true, 44_700),
            row("INV-0044", "Harbour Bakery", "2026-11-03", "2026-12-03", None, false, 64_000),
            row("INV-0045", "École Lumière", "2026-11-16", "2026-12-16", Some("2026-12-01"), false, 86_575),
        ]
    );
    // Next month's file, same header: the remembered choices, rule included, in one step.
    let again = read(&mut store, "SalesInvoices (1).csv", &text, ImportOptions::usual(DateOrder::MonthFirst), true);
    assert_eq!((again.committed, again.remembered.as_deref(), again.unchanged), (true, Some("Xero invoices"), 5), "{:?}", again.errors);
    one_bad_row_imports_nothing("xero.csv", &text, "Café Łódź");
}

#[test]
fn a_quickbooks_invoice_list_is_read_under_its_title_lines_and_above_its_total() {
    let (_d, mut store) = book();
    let text = fixture("quickbooks-invoices.csv");
    let report = import_with_rule(&mut store, "Invoice List.csv", &text);
    assert!(report.committed, "{:?}", report.errors);
    assert_eq!((report.source, report.dates.as_ref().map(|d| d.order)), (Source::Quickbooks, Some(DateOrder::MonthFirst)));
    assert_eq!(report.skipped.iter().map(|s| s.count).sum::<u32>(), 2, "the TOTAL line and the report's run date: {:?}", report.skipped);
    assert_eq!(
        invoices(&store),
        [
            row("1041", "Harbour Bakery", "2026-10-05", "2026-11-04", Some("2026-11-04"), false, 174_780),
            row("1042", "Café Łódź", "2026-10-14", "2026-10-28", None, false, 56_160),
            row("1043", "École Lumière", "2026-10-20", "2026-11-19", None, true, 0),
            row("1044", "Harbour Bakery", "2026-11-03", "2026-12-03", None, false, 76_800),
            row("1045", "École Lumière", "2026-11-16", "2026-12-16", Some("2026-12-01"), false, 103_890),
        ]
    );
    one_bad_row_imports_nothing("qb.csv", &text, "Café Łódź");
}

#[test]
fn freshbooks_and_stripe_exports_carry_their_payment_dates() {
    for (name, number) in [("freshbooks-invoices.csv", "0000041"), ("stripe-invoices.csv", "BRTL-0041")] {
        let (_d, mut store) = book();
        let text = fixture(name);
        let report = read(&mut store, name, &text, ImportOptions::usual(DateOrder::DayFirst), true);
        assert!(report.committed, "{name}: {:?}", report.errors);
        assert_eq!((report.created, report.skipped.len()), (5, 1), "{name}: the draft is left out");
        let all = invoices(&store);
        let first = all.iter().find(|i| i.0 == number).unwrap();
        assert_eq!(first, &row(number, "Harbour Bakery", "2026-10-05", "2026-11-04", Some("2026-10-28"), false, 145_650), "{name}");
        let paid: Vec<Option<&str>> = all.iter().map(|i| i.4.as_deref()).collect();
        assert_eq!(paid, [Some("2026-10-28"), None, None, None, Some("2026-11-27")], "{name}");
        assert_eq!(all.iter().map(|i| i.6).sum::<i64>(), 145_650 + 46_800 + 44_700 + 64_000 + 86_575, "{name}: amounts before tax");
        one_bad_row_imports_nothing(name, &text, "Café Łódź");
    }
}

#[test]
fn time_reports_become_hours_per_client_and_month() {
    for (name, order) in [("harvest-time.csv", DateOrder::DayFirst), ("toggl-time.csv", DateOrder::DayFirst), ("clockify-time.csv", DateOrder::MonthFirst)] {
        let (_d, mut store) = book();
        let text = fixture(name);
        let report = read(&mut store, name, &text, ImportOptions::usual(DateOrder::DayFirst), true);
        assert!(report.committed, "{name}: {:?}", report.errors);
        assert_eq!(report.dates.as_ref().map(|d| d.order), Some(order), "{name}");
        assert_eq!(report.skipped.iter().map(|s| s.reason.as_str()).collect::<Vec<_>>(), ["Time with no client (the studio's own work)"], "{name}");
        let mut expected = vec![
            ("Café Łódź".to_owned(), "2026-10".to_owned(), 425),
            ("Café Łódź".to_owned(), "2026-11".to_owned(), 550),
            ("Harbour Bakery".to_owned(), "2026-10".to_owned(), 850),
            ("Harbour Bakery".to_owned(), "2026-11".to_owned(), 400),
            ("École Lumière".to_owned(), "2026-10".to_owned(), 650),
            ("École Lumière".to_owned(), "2026-11".to_owned(), 775),
        ];
        expected.sort();
        assert_eq!(hours(&store), expected, "{name}");
        one_bad_row_imports_nothing(name, &text, "Café Łódź");
    }
}

#[test]
fn a_name_the_book_does_not_know_is_suggested_confirmed_once_and_then_found() {
    let (_d, mut store) = book();
    let text = fixture("stripe-invoices.csv").replace(",Harbour Bakery,", ",Harbour Bakery Ltd,").replace(",HARBOUR BAKERY,", ",The Harbour Bakery Ltd.,");
    let first = read(&mut store, "stripe.csv", &text, ImportOptions::usual(DateOrder::DayFirst), false);
    let harbour = store.find_client("Harbour Bakery").unwrap().id;
    let said: Vec<(&str, i64, &str)> = first.suggestions.iter().map(|s| (s.written.as_str(), s.client_id, s.client.as_str())).collect();
    assert_eq!(said, [("Harbour Bakery Ltd", harbour, "Harbour Bakery"), ("The Harbour Bakery Ltd.", harbour, "Harbour Bakery")]);
    assert!(first.errors.iter().all(|e| e.message.contains("it looks like Harbour Bakery")), "{:?}", first.errors);
    assert_eq!(first.suggestions[0].rows, [2]);
    assert_eq!(store.clients(true).unwrap().len(), 3, "no client is added for a name that looks like one");

    let aliases = first.suggestions.iter().map(|s| ClientAlias { written: s.written.clone(), client_id: s.client_id }).collect();
    let done = read(&mut store, "stripe.csv", &text, ImportOptions { aliases, ..ImportOptions::usual(DateOrder::DayFirst) }, true);
    assert!(done.committed, "{:?}", done.errors);
    assert_eq!(store.invoices(harbour).unwrap().len(), 2);
    assert!(done.rows.iter().any(|r| r.summary.starts_with("Harbour Bakery (written “Harbour Bakery Ltd”)")), "{:?}", done.rows);
    // The next file finds them by the names the owner confirmed.
    let again = read(&mut store, "stripe.csv", &text, ImportOptions::usual(DateOrder::DayFirst), false);
    assert_eq!((again.error_count, again.unchanged), (0, 5), "{:?}", again.errors);
}

#[test]
fn what_a_tool_knows_and_clientwell_does_not_is_refused_or_kept_never_guessed() {
    let (_d, mut store) = book();
    let xero = fixture("xero-invoices.csv");
    // Another currency is refused, not read as euros.
    let usd = xero.replacen(",EUR,Sales invoice,Sent,Awaiting Payment", ",USD,Sales invoice,Sent,Awaiting Payment", 1);
    let refused = import_with_rule(&mut store, "x.csv", &usd);
    assert!(refused.errors.iter().any(|e| e.column.as_deref() == Some("currency") && e.message.contains("in USD")), "{:?}", refused.errors);
    // A line tied to a KPI in the app keeps the tie when the accounting export comes again.
    assert!(import_with_rule(&mut store, "x.csv", &xero).committed);
    let cafe = store.find_client("Café Łódź").unwrap().id;
    let kpi = store
        .save_kpi(cafe, None, &crate::book::kpi::KpiInput { name: "Leads".into(), unit: String::new(), direction: crate::book::kpi::Direction::Up, baseline: "1".into(), target: "2".into(), baseline_date: "2026-01-01".into(), target_date: "2026-12-31".into(), value_per_unit: String::new(), worth_counts: crate::book::kpi::WorthCounts::Monthly, share: String::new(), below_baseline_counts: false })
        .unwrap()
        .id;
    let invoice = store.invoices(cafe).unwrap().remove(0);
    store.conn_for_tests().execute("UPDATE invoice_line SET kpi_id = ?1 WHERE invoice_id = ?2", [kpi, invoice.id]).unwrap();
    let again = import_with_rule(&mut store, "x.csv", &xero.replace("Website maintenance, October", "Website care, October"));
    assert!(again.committed && again.updated == 1, "{:?}", again.errors);
    assert_eq!(store.invoices(cafe).unwrap()[0].lines[0].kpi_id, Some(kpi), "the tie survives the re-import");
}

#[test]
fn two_spellings_of_one_client_add_up_their_hours_and_a_client_called_total_is_a_client() {
    let (_d, mut store) = book();
    let harbour = store.find_client("Harbour Bakery").unwrap().id;
    let toggl = "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\n\
        Mia,m@x.ie,Harbour Bakery,Web,,A,Yes,2026-10-02,09:00:00,2026-10-02,14:00:00,05:00:00,,\n\
        Mia,m@x.ie,Harbour Bakery Ltd,Web,,B,Yes,2026-10-03,09:00:00,2026-10-03,12:00:00,03:00:00,,\n";
    let aliases = vec![ClientAlias { written: "Harbour Bakery Ltd".into(), client_id: harbour }];
    let report = read(&mut store, "t.csv", toggl, ImportOptions { aliases, ..ImportOptions::usual(DateOrder::DayFirst) }, true);
    assert!(report.committed, "{:?}", report.errors);
    assert_eq!(hours(&store), [("Harbour Bakery".to_owned(), "2026-10".to_owned(), 800)]);
    let clients = "name,start_date\nTotal Fitness,2025-01-01\n";
    assert!(read(&mut store, "c.csv", clients, ImportOptions::usual(DateOrder::DayFirst), true).committed);
    let total = toggl.replace("Harbour Bakery Ltd", "Total Fitness").replace("Mia,m@x.ie,Harbour Bakery,", "Total Fitness,m@x.ie,Total Fitness,");
    let report = read(&mut store, "t.csv", &total, ImportOptions::usual(DateOrder::DayFirst), false);
    assert_eq!((report.created, report.skipped.len()), (1, 0), "{:?} {:?}", report.skipped, report.errors);
}

#[test]
fn a_name_the_book_does_not_know_is_suggested_by_its_email_domain_never_by_a_public_one() {
    let (_d, mut store) = book();
    let people = "client,name,role,email\nHarbour Bakery,Tom Lee,finance,tom@HarbourBakery.ie\nCafé Łódź,Piotr Nowak,day_to_day,piotr.cafe@gmail.com\n";
    assert!(import(&mut store, ImportKind::Stakeholders, "p.csv", people.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), true, today()).unwrap().committed);
    let text = fixture("stripe-invoices.csv").replace(",Harbour Bakery,accounts@harbourbakery.ie,", ",HB Holdings,accounts@harbourbakery.ie,");
    assert!(text.contains("HB Holdings"), "the fixture names Harbour Bakery with its accounts address");
    let first = read(&mut store, "stripe.csv", &text, ImportOptions::usual(DateOrder::DayFirst), false);
    let said: Vec<(&str, &str, &str)> = first.suggestions.iter().map(|s| (s.written.as_str(), s.client.as_str(), s.reason.as_str())).collect();
    assert_eq!(said, [("HB Holdings", "Harbour Bakery", "its email address is at harbourbakery.ie, like Harbour Bakery's people")]);

    let public = fixture("stripe-invoices.csv").replace(",Harbour Bakery,accounts@harbourbakery.ie,", ",HB Holdings,piotr.cafe@gmail.com,");
    let refused = read(&mut store, "stripe.csv", &public, ImportOptions::usual(DateOrder::DayFirst), false);
    assert!(refused.suggestions.is_empty(), "gmail.com says nothing about a client: {:?}", refused.suggestions);
    assert!(refused.errors.iter().any(|e| e.message.starts_with("There is no client called 'HB Holdings' in this book")), "{:?}", refused.errors);
}
