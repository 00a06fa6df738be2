use chrono::NaiveDate;

use super::export::export_csv;
use super::*;
use crate::book::{PaperSize, StudioInput};
use crate::demo;
use crate::ErrorKind;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

pub(super) fn empty_book() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("book.sqlite3")).unwrap();
    store.save_studio(&StudioInput { name: "Fox".into(), currency: "EUR".into(), paper_size: PaperSize::A4 }).unwrap();
    (dir, store)
}

const DAY_FIRST: ImportOptions = ImportOptions { dates: None, usual: DateOrder::DayFirst, mapping: None, source: None, aliases: Vec::new(), paid_on_due_date: false, metric: None };

pub(super) fn run(store: &mut Store, kind: ImportKind, text: &str) -> ImportReport {
    import(store, kind, "file.csv", text.as_bytes(), DAY_FIRST, true, today()).unwrap()
}

pub(super) const CLIENTS: &str = "name,status,goal,start_date,cadence_days\n\
    Harbour Bakery,active,More orders,2025-03-01,14\n\
    Lumen Dental,onboarding,\"Fill Saturdays, fast\",01/02/2026,\n";

#[test]
fn clients_are_created_then_matched_by_name_on_reimport() {
    let (_d, mut store) = empty_book();
    let first = run(&mut store, ImportKind::Clients, CLIENTS);
    assert_eq!((first.committed, first.created, first.errors.len()), (true, 2, 0));
    let lumen = store.find_client("lumen dental").unwrap();
    assert_eq!(lumen.start_date.to_string(), "2026-02-01", "day-first local date");
    assert_eq!(lumen.goal, "Fill Saturdays, fast");

    let again = run(&mut store, ImportKind::Clients, CLIENTS);
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 2));
    let changed = run(&mut store, ImportKind::Clients, &CLIENTS.replace("More orders", "More weekday orders"));
    assert_eq!((changed.created, changed.updated, changed.unchanged), (0, 1, 1));
    assert_eq!(store.clients(true).unwrap().len(), 2);
}

#[test]
fn one_bad_row_imports_nothing_and_names_row_and_column() {
    let (_d, mut store) = empty_book();
    let text = "name,start_date\nGood Co,2025-01-01\nBad Dates Ltd,31/02/2025\n,2025-01-01\n";
    let report = run(&mut store, ImportKind::Clients, text);
    assert!(!report.committed);
    assert_eq!(report.error_count, 2);
    assert_eq!((report.errors[0].row, report.errors[0].column.as_deref()), (3, Some("start_date")));
    assert_eq!((report.errors[1].row, report.errors[1].column.as_deref()), (4, Some("name")));
    assert!(store.clients(true).unwrap().is_empty(), "all or nothing");
}

#[test]
fn a_preview_reports_without_writing() {
    let (_d, mut store) = empty_book();
    let report = import(&mut store, ImportKind::Clients, "c.csv", CLIENTS.as_bytes(), DAY_FIRST, false, today()).unwrap();
    assert_eq!((report.committed, report.created), (false, 2));
    assert_eq!(report.rows[0].summary, "Harbour Bakery");
    assert!(store.clients(true).unwrap().is_empty());
}

#[test]
fn header_problems_are_reported_on_row_one() {
    let (_d, mut store) = empty_book();
    let report = run(&mut store, ImportKind::Clients, "Name,colour\nHarbour,blue\n");
    let messages: Vec<&str> = report.errors.iter().map(|e| e.message.as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("holds start_date (when the work started): required")), "{messages:?}");
    let mapping = report.mapping.as_ref().unwrap();
    assert_eq!(mapping.fields, [Some("name".to_owned()), None], "a column not needed is left out, not an error");
    assert!(report.errors.iter().all(|e| e.row == 1));
    let twice = run(&mut store, ImportKind::Clients, "name,NAME,start_date\na,b,2025-01-01\n");
    assert!(twice.errors[0].message.contains("appears twice"));
}

#[test]
fn empty_files_are_refused() {
    let (_d, mut store) = empty_book();
    let err = import(&mut store, ImportKind::Clients, "c.csv", b"", DAY_FIRST, true, today()).unwrap_err();
    assert_eq!((err.kind, err.field.as_deref()), (ErrorKind::Validation, Some("file")));
    let err = import(&mut store, ImportKind::Clients, "c.csv", b"name,start_date\n", DAY_FIRST, true, today()).unwrap_err();
    assert!(err.message.contains("no rows"));
}

#[test]
fn bom_and_semicolons_from_european_excel_work() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    let text = "\u{feff}client;kind;value;start_date;included_hours\nHarbour Bakery;retainer;\"2.500,50\";01.03.2025;12,5\n";
    let report = run(&mut store, ImportKind::Contracts, text);
    assert_eq!((report.created, report.error_count), (1, 0), "{:?}", report.errors);
    let id = store.find_client("Harbour Bakery").unwrap().id;
    let contract = &store.contracts(id).unwrap()[0];
    assert_eq!((contract.monthly_cents, contract.included_hundredths), (250_050, 1_250));
}

#[test]
fn bad_money_and_unknown_clients_are_row_errors() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    let text = "client,kind,value,start_date\nHarbour Bakery,retainer,lots,2025-03-01\nNobody Ltd,retainer,100,2025-03-01\n";
    let report = run(&mut store, ImportKind::Contracts, text);
    let cols: Vec<_> = report.errors.iter().map(|e| (e.row, e.column.clone().unwrap_or_default())).collect();
    assert_eq!(cols, [(2, "value".to_owned()), (3, "client".to_owned())]);
    assert!(report.errors[1].message.contains("no client called 'Nobody Ltd'"));
}

#[test]
fn invoice_lines_group_by_number_and_numbers_stay_unique() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    let text = "client,number,issued_on,due_on,description,amount\n\
        Harbour Bakery,A-1,2026-10-01,2026-10-31,Retainer,2500\n\
        Harbour Bakery,A-1,2026-10-01,2026-10-31,Photography,\"€1,200.00\"\n\
        Lumen Dental,A-2,2026-10-01,2026-10-31,Retainer,900\n";
    let report = run(&mut store, ImportKind::Invoices, text);
    assert_eq!((report.created, report.error_count), (2, 0), "{:?}", report.errors);
    let harbour = store.find_client("Harbour Bakery").unwrap().id;
    assert_eq!(store.invoices(harbour).unwrap()[0].total_cents(), 370_000);

    // A-2 already belongs to Lumen Dental: Harbour Bakery cannot take the number.
    let clash = run(&mut store, ImportKind::Invoices, "client,number,issued_on,due_on,description,amount\nHarbour Bakery,a-2,2026-11-01,2026-11-30,Retainer,2500\n");
    assert_eq!(clash.errors[0].column.as_deref(), Some("number"));
    // Lines of one invoice that disagree on its dates are refused on the disagreeing row.
    let split = run(&mut store, ImportKind::Invoices, "client,number,issued_on,due_on,description,amount\nHarbour Bakery,B-1,2026-11-01,2026-11-30,X,1\nHarbour Bakery,B-1,2026-11-02,2026-11-30,Y,1\n");
    assert_eq!((split.errors[0].row, split.errors[0].column.as_deref()), (3, Some("issued_on")));
    // A bad amount on the second line points at its row.
    let bad = run(&mut store, ImportKind::Invoices, "client,number,issued_on,due_on,description,amount\nHarbour Bakery,C-1,2026-11-01,2026-11-30,X,1\nHarbour Bakery,C-1,2026-11-01,2026-11-30,Y,abc\n");
    assert_eq!((bad.errors[0].row, bad.errors[0].column.as_deref()), (3, Some("amount")));
    assert_eq!(store.invoices(harbour).unwrap().len(), 1);
}

#[test]
fn exporting_then_importing_every_kind_leaves_the_book_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    demo::seed(&mut store, 5, today()).unwrap();
    with_a_testimonial(&mut store);
    let before = export_json_without_stamp(&store);
    for kind in ImportKind::ALL {
        let csv = export_csv(&store, *kind).unwrap();
        let report = run(&mut store, *kind, &csv);
        assert_eq!((report.created, report.updated, report.error_count), (0, 0, 0), "{kind:?}: {:?}", report.errors.first());
        assert!(report.unchanged > 0, "{kind:?} exported rows");
    }
    assert_eq!(export_json_without_stamp(&store), before);
}

/// The demo has no testimonial yet; every kind must have a row to prove its round trip.
fn with_a_testimonial(store: &mut Store) {
    let id = store.book().unwrap()[0].client.id;
    let input = crate::book::growth::TestimonialInput { asked_on: "2026-10-01".into(), received_on: "2026-10-09".into(), quote: "They doubled our weekday orders, \"fast\".".into() };
    store.save_testimonial(id, None, &input).unwrap();
}

fn export_json_without_stamp(store: &Store) -> serde_json::Value {
    let mut json: serde_json::Value = serde_json::from_str(&export::export_json(store).unwrap()).unwrap();
    json["exported_at"] = serde_json::Value::Null;
    json
}

#[test]
fn a_fresh_book_is_rebuilt_from_the_exports() {
    let dir = tempfile::tempdir().unwrap();
    let mut source = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    demo::seed(&mut source, 2, today()).unwrap();
    with_a_testimonial(&mut source);
    let (_d, mut target) = empty_book();
    for kind in ImportKind::ALL {
        let report = run(&mut target, *kind, &export_csv(&source, *kind).unwrap());
        assert_eq!(report.error_count, 0, "{kind:?}: {:?}", report.errors.first());
    }
    for kind in ImportKind::ALL {
        assert_eq!(export_csv(&target, *kind).unwrap(), export_csv(&source, *kind).unwrap(), "{kind:?}");
    }
}

#[test]
fn xlsx_files_import_with_dates_and_numbers_from_cells() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (col, header) in ["name", "start_date", "cadence_days", "goal"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "Atelier Brûlé").unwrap();
    sheet.write_datetime_with_format(1, 1, &ExcelDateTime::from_ymd(2025, 6, 15).unwrap(), &date).unwrap();
    sheet.write_number(1, 2, 14.0).unwrap();
    sheet.write_string(1, 3, "Weddings booked ahead").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let (_d, mut store) = empty_book();
    let report = import(&mut store, ImportKind::Clients, "clients.xlsx", &bytes, DAY_FIRST, true, today()).unwrap();
    assert_eq!((report.created, report.error_count), (1, 0), "{:?}", report.errors);
    let client = store.find_client("Atelier Brûlé").unwrap();
    assert_eq!((client.start_date.to_string(), client.plan.cadence_days), ("2025-06-15".to_owned(), Some(14)));
}

#[test]
fn a_ten_megabyte_file_imports_in_one_transaction() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    let mut text = String::from("client,kind,happened_on,summary,attended\n");
    let mut n = 0;
    while text.len() < 10 * 1024 * 1024 {
        n += 1;
        text.push_str(&format!("Harbour Bakery,call,2026-{:02}-{:02},Check-in number {n} about the weekday orders campaign and next steps,yes\n", 1 + n % 12, 1 + n % 28));
    }
    let report = run(&mut store, ImportKind::Touchpoints, &text);
    assert_eq!(report.error_count, 0);
    assert_eq!(report.created as usize, n);
    assert_eq!(report.rows.len(), LISTED_ROWS, "long files list only the first rows");
    let id = store.find_client("Harbour Bakery").unwrap().id;
    assert_eq!(store.touchpoints(id).unwrap().len(), n);
}

#[test]
fn the_documentation_lists_every_kind_and_column() {
    let doc = documentation();
    for kind in ImportKind::ALL {
        assert!(doc.contains(kind.as_str()));
        for c in kind.columns() {
            assert!(doc.contains(c.name));
        }
        let template = kind.template();
        assert_eq!(template.lines().count(), 2);
    }
}

fn many_clients(n: usize) -> String {
    let mut text = String::from("name,start_date\n");
    for i in 0..n {
        text.push_str(&format!("Client {i},2025-01-01\n"));
    }
    text
}

#[test]
fn progress_is_told_in_rows_up_to_the_whole_file() {
    let (_d, mut store) = empty_book();
    let seen = std::sync::Mutex::new(Vec::new());
    let text = many_clients(250);
    let report = import_watched(&mut store, ImportKind::Clients, "c.csv", text.as_bytes(), DAY_FIRST, true, today(), &|done, total| {
        seen.lock().unwrap().push((done, total));
        true
    })
    .unwrap();
    assert!(report.committed && !report.stopped);
    assert_eq!(seen.into_inner().unwrap(), vec![(0, 250), (100, 250), (200, 250), (250, 250)]);
}

#[test]
fn a_stopped_import_writes_nothing_even_after_rows_were_applied() {
    let (_d, mut store) = empty_book();
    let text = many_clients(250);
    // Stop once 200 rows are in the transaction: they must all be rolled back.
    let report = import_watched(&mut store, ImportKind::Clients, "c.csv", text.as_bytes(), DAY_FIRST, true, today(), &|done, _| done < 200).unwrap();
    assert!(report.stopped && !report.committed);
    assert_eq!(report.created, 200, "counts say how far it came");
    assert!(store.clients(true).unwrap().is_empty(), "a stopped import writes nothing");
    // Stopped before the first row.
    let report = import_watched(&mut store, ImportKind::Clients, "c.csv", text.as_bytes(), DAY_FIRST, true, today(), &|_, _| false).unwrap();
    assert!(report.stopped && report.created == 0);
}

#[test]
fn a_stopped_invoice_import_counts_every_line_and_writes_nothing() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, "name,start_date\nHarbour Bakery,2025-01-01\n");
    let mut text = String::from("client,number,issued_on,due_on,description,amount\n");
    for i in 0..150 {
        // Two lines per invoice: progress is still in rows (lines), not invoices.
        text.push_str(&format!("Harbour Bakery,INV-{i},2025-02-01,2025-03-01,Design,100\nHarbour Bakery,INV-{i},2025-02-01,2025-03-01,Hosting,20\n"));
    }
    let seen = std::sync::Mutex::new(Vec::new());
    let report = import_watched(&mut store, ImportKind::Invoices, "i.csv", text.as_bytes(), DAY_FIRST, true, today(), &|done, total| {
        seen.lock().unwrap().push((done, total));
        done < 200
    })
    .unwrap();
    assert!(report.stopped);
    assert_eq!(seen.into_inner().unwrap(), vec![(0, 300), (100, 300), (200, 300)]);
    assert_eq!(store.read().query_row("SELECT count(*) FROM invoice", [], |r| r.get::<_, i64>(0)).unwrap(), 0);
}

#[test]
fn hours_from_a_time_tracker_replace_each_month_and_bad_rows_name_their_column() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, "name,start_date\nHarbour Bakery,2025-01-01\n");
    let first = run(&mut store, ImportKind::Hours, "Client;Month;Hours\nHarbour Bakery;2026-09;12,5\nharbour bakery;10/2026;8\n");
    assert_eq!((first.committed, first.created), (true, 2), "{:?}", first.errors);
    assert_eq!(first.rows[0].summary, "Harbour Bakery: 12.50 hours in September 2026");
    let id = store.find_client("Harbour Bakery").unwrap().id;
    let months: Vec<(String, i64)> = store.hours_used(id).unwrap().iter().map(|h| (h.month.key(), h.hundredths)).collect();
    assert_eq!(months, vec![("2026-09".to_owned(), 1250), ("2026-10".to_owned(), 800)]);

    // Re-importing a corrected month replaces it; the same figure is left alone.
    let again = run(&mut store, ImportKind::Hours, "client,month,hours\nHarbour Bakery,2026-09-30,14\nHarbour Bakery,2026-10,8\n");
    assert_eq!((again.created, again.updated, again.unchanged), (0, 1, 1));
    assert_eq!(store.hours_used(id).unwrap()[0].hundredths, 1400);

    let bad = run(&mut store, ImportKind::Hours, "client,month,hours\nHarbour Bakery,Oct 2026,3\nHarbour Bakery,2026-11,lots\nNobody,2026-11,1\n");
    assert!(!bad.committed);
    let at: Vec<(usize, Option<&str>)> = bad.errors.iter().map(|e| (e.row, e.column.as_deref())).collect();
    assert_eq!(at, vec![(2, Some("month")), (3, Some("hours")), (4, Some("client"))]);
    assert_eq!(store.hours_used(id).unwrap().len(), 2, "nothing written");
}

#[test]
fn touchpoints_say_who_they_were_with_by_name() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, "name,start_date\nHarbour Bakery,2025-01-01\n");
    run(&mut store, ImportKind::Stakeholders, "client,name,is_primary\nHarbour Bakery,Ana Ribeiro,yes\n");
    let report = run(&mut store, ImportKind::Touchpoints, "client,kind,happened_on,with\nHarbour Bakery,call,2026-11-02,ana ribeiro\nHarbour Bakery,email,2026-11-03,\n");
    assert_eq!((report.committed, report.created), (true, 2), "{:?}", report.errors);
    let id = store.find_client("Harbour Bakery").unwrap().id;
    let ana = store.stakeholders(id).unwrap()[0].id;
    let with: Vec<Option<i64>> = store.touchpoints(id).unwrap().iter().map(|t| t.stakeholder_id).collect();
    assert_eq!(with, vec![None, Some(ana)], "newest first");

    let bad = run(&mut store, ImportKind::Touchpoints, "client,kind,happened_on,with\nHarbour Bakery,call,2026-11-09,Nobody\n");
    assert_eq!((bad.errors[0].row, bad.errors[0].column.as_deref()), (2, Some("with")));
    assert_eq!(store.touchpoints(id).unwrap().len(), 2);
}

#[test]
fn a_row_that_does_not_line_up_with_the_header_is_an_error_not_a_dropped_cell() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, "name,start_date\nAcme,2026-01-01\n");
    // An unquoted thousands separator makes two cells of "1,250.00"; a goal with a comma too.
    let text = "client,number,issued_on,due_on,description,amount\nAcme,F-1,2026-02-01,2026-03-01,Design,1,250.00\nAcme,F-2,2026-02-01,2026-03-01,Design\n";
    let report = run(&mut store, ImportKind::Invoices, text);
    assert!(!report.committed);
    let rows: Vec<usize> = report.errors.iter().map(|e| e.row).collect();
    assert_eq!(rows, [2, 3], "{:?}", report.errors);
    assert!(report.errors[0].message.contains("7 cells but the header has 6"), "{}", report.errors[0].message);
    assert!(store.invoices(store.find_client("Acme").unwrap().id).unwrap().is_empty());
    let goal = run(&mut store, ImportKind::Clients, "name,goal,start_date\nAcme,More leads, faster,2026-01-01\n");
    assert_eq!(goal.error_count, 1);
    assert_eq!(store.find_client("Acme").unwrap().goal, "", "the goal was not cut at the comma");
}

#[test]
fn amounts_with_too_many_decimals_and_dates_with_trailing_text_are_refused() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, "name,start_date\nAcme,2026-01-01\n");
    let text = "client,number,issued_on,due_on,description,amount\n\
        Acme,F-1,2026-02-01,2026-03-01,Design,0.125\n\
        Acme,F-2,2026-02-01,2026-03-01,Design,10.555\n\
        Acme,F-3,2026-01-05garbage,2026-03-01,Design,10.00\n";
    let report = run(&mut store, ImportKind::Invoices, text);
    let found: Vec<(usize, Option<&str>)> = report.errors.iter().map(|e| (e.row, e.column.as_deref())).collect();
    assert_eq!(found, [(2, Some("amount")), (3, Some("amount")), (4, Some("issued_on"))], "{:?}", report.errors);
    assert!(report.errors[0].message.contains("more decimals"));
}

#[test]
fn a_goal_a_spreadsheet_would_run_is_exported_escaped_and_imported_back_as_typed() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, "name,goal,start_date\nAcme,'=HYPERLINK(\"http://x\"),2026-01-01\n");
    assert_eq!(store.find_client("Acme").unwrap().goal, "=HYPERLINK(\"http://x\")");
    let csv = export_csv(&store, ImportKind::Clients).unwrap();
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "escaped for spreadsheets: {csv}");
    let (_d2, mut fresh) = empty_book();
    assert!(run(&mut fresh, ImportKind::Clients, &csv).committed);
    assert_eq!(fresh.find_client("Acme").unwrap().goal, "=HYPERLINK(\"http://x\")");
}

#[test]
fn every_bad_cell_of_a_row_and_every_bad_line_of_an_invoice_is_reported() {
    let (_d, mut store) = empty_book();
    let report = run(&mut store, ImportKind::Clients, "name,status,start_date,fiscal_year_start,cadence_days\nAcme,sleeping,31/02/2026,13,x\n");
    let columns: Vec<&str> = report.errors.iter().filter_map(|e| e.column.as_deref()).collect();
    assert_eq!(columns, ["status", "start_date", "fiscal_year_start", "cadence_days"], "{:?}", report.errors);
    assert!(report.errors.iter().all(|e| e.row == 2));

    run(&mut store, ImportKind::Clients, "name,start_date\nAcme,2026-01-01\n");
    let text = "client,number,issued_on,due_on,description,amount\n\
        Acme,F-1,2026-02-01,2026-03-01,Design,100.00\n\
        Acme,F-1,2026-02-01,2026-03-01,,12.50\n\
        Acme,F-1,2026-02-01,2026-03-01,Copy,twelve\n";
    let report = run(&mut store, ImportKind::Invoices, text);
    let found: Vec<(usize, Option<&str>)> = report.errors.iter().map(|e| (e.row, e.column.as_deref())).collect();
    assert_eq!(found, [(3, Some("description")), (4, Some("amount"))], "{:?}", report.errors);
    // A rule between fields is checked once the fields read: it is not made up from a bad date.
    let report = run(&mut store, ImportKind::Invoices, "client,number,issued_on,due_on,description,amount\nAcme,F-2,2026-02-30,2026-01-01,Design,1.00\n");
    let found: Vec<Option<&str>> = report.errors.iter().map(|e| e.column.as_deref()).collect();
    assert_eq!(found, [Some("issued_on")], "{:?}", report.errors);
}

