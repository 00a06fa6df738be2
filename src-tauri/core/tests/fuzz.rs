//! Fuzzing with proptest: arbitrary bytes and near-valid files into the CSV and XLSX importers,
//! arbitrary text into the money and date parsers. Nothing may panic, and an import that is
//! refused (or only previewed) must leave the book exactly as it was.
//!
//! Each property runs `CLIENTWELL_FUZZ_CASES` cases (default 300; CI uses the default).
//! `CLIENTWELL_FUZZ_CASES=20000 cargo test -p clientwell-core --release --test fuzz -- --nocapture`
//! runs a longer campaign and prints the executions.

use chrono::NaiveDate;
use clientwell_core::book::{money, text, ClientInput, ClientStatus, PaperSize, StudioInput};
use clientwell_core::import::{self, export, ImportKind, ImportOptions};
use clientwell_core::Store;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

fn cases() -> u32 {
    std::env::var("CLIENTWELL_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300)
}

fn runner() -> TestRunner {
    TestRunner::new(Config { cases: cases(), failure_persistence: None, ..Config::default() })
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn book() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("fuzz.sqlite3")).unwrap();
    store.save_studio(&StudioInput { name: "Fuzz Studio".into(), currency: "EUR".into(), paper_size: PaperSize::A4 }).unwrap();
    store
        .create_client(&ClientInput {
            name: "Harbour Bakery".into(),
            status: ClientStatus::Active,
            goal: "More orders".into(),
            start_date: "2026-01-01".into(),
            notes: String::new(),
        })
        .unwrap();
    (dir, store)
}

/// Imports `bytes` as `kind`, first as a preview, then for real; whatever happens, a refused or
/// previewed import must not have changed the book, and nothing may panic.
/// The whole book as JSON, less the export's own timestamp.
fn contents(store: &Store) -> String {
    export::export_json(store).unwrap().lines().filter(|l| !l.contains("\"exported_at\"")).collect::<Vec<_>>().join("\n")
}

fn import_checked(store: &mut Store, kind: ImportKind, name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let before = contents(store);
    let options = ImportOptions::usual(clientwell_core::import::DateOrder::DayFirst);
    if let Ok(report) = import::import(store, kind, name, bytes, options.clone(), false, today()) {
        prop_assert!(!report.committed);
    }
    prop_assert_eq!(&contents(store), &before, "a preview wrote to the book");
    match import::import(store, kind, name, bytes, options, true, today()) {
        Ok(report) if report.committed => prop_assert!(report.errors.is_empty()),
        _ => prop_assert_eq!(&contents(store), &before, "a refused import wrote to the book"),
    }
    Ok(())
}

/// A cell: sometimes a plausible value (dates, amounts, the client's name), sometimes anything.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Harbour Bakery".to_string()),
        Just(String::new()),
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]",
        "[0-3][0-9]/[01][0-9]/20[0-9]{2}",
        "[€$£]?[0-9]{1,7}([.,][0-9]{1,3})?",
        "(call|email|nps|csat|retainer|project|up|down|yes|no|champion)",
        "[0-9]{1,3}",
        any::<String>(),
        ".{0,300}",
    ]
}

/// A CSV for `kind`: its real header (shuffled case, sometimes a column dropped or an unknown
/// one added) and rows of fuzzed cells, with `,` or `;` and maybe a BOM.
fn near_valid_csv() -> impl Strategy<Value = (ImportKind, Vec<u8>)> {
    (0..ImportKind::ALL.len(), proptest::collection::vec(proptest::collection::vec(cell(), 0..12), 0..8), any::<bool>(), any::<bool>(), any::<u8>())
        .prop_map(|(k, rows, semicolon, bom, twist)| {
            let kind = ImportKind::ALL[k];
            let mut header: Vec<String> = kind.columns().iter().map(|c| if twist % 2 == 0 { c.name.to_uppercase() } else { c.name.to_string() }).collect();
            match twist % 5 {
                1 if header.len() > 1 => {
                    header.remove(usize::from(twist) % header.len());
                }
                2 => header.push("mystery column".into()),
                _ => {}
            }
            let sep = if semicolon { ';' } else { ',' };
            let mut writer = csv::WriterBuilder::new().delimiter(sep as u8).flexible(true).from_writer(Vec::new());
            writer.write_record(&header).unwrap();
            for row in rows {
                writer.write_record(&row).unwrap();
            }
            let mut bytes = if bom { vec![0xEF, 0xBB, 0xBF] } else { Vec::new() };
            bytes.extend(writer.into_inner().unwrap());
            (kind, bytes)
        })
}

#[test]
fn arbitrary_bytes_as_csv_or_xlsx_never_panic_or_write() {
    let (_dir, store) = book();
    let store = std::cell::RefCell::new(store);
    let runs = std::cell::Cell::new(0u32);
    runner()
        .run(&(0..ImportKind::ALL.len(), proptest::collection::vec(any::<u8>(), 0..2_000), any::<bool>()), |(k, bytes, xlsx)| {
            runs.set(runs.get() + 1);
            let name = if xlsx { "fuzz.xlsx" } else { "fuzz.csv" };
            import_checked(&mut store.borrow_mut(), ImportKind::ALL[k], name, &bytes)
        })
        .unwrap();
    eprintln!("arbitrary bytes: {} imports (each previewed and committed)", runs.get());
}

#[test]
fn near_valid_csv_files_import_all_or_nothing() {
    let (_dir, store) = book();
    let store = std::cell::RefCell::new(store);
    let runs = std::cell::Cell::new(0u32);
    runner()
        .run(&near_valid_csv(), |(kind, bytes)| {
            runs.set(runs.get() + 1);
            import_checked(&mut store.borrow_mut(), kind, "fuzz.csv", &bytes)
        })
        .unwrap();
    eprintln!("near-valid CSV: {} imports", runs.get());
}

#[test]
fn damaged_xlsx_files_never_panic_or_write() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, header) in ["client", "kind", "date", "summary"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    for row in 1..20u32 {
        sheet.write_string(row, 0, "Harbour Bakery").unwrap();
        sheet.write_string(row, 1, "call").unwrap();
        sheet.write_string(row, 2, format!("2026-03-{:02}", row)).unwrap();
        sheet.write_string(row, 3, "Monthly call").unwrap();
    }
    let valid = workbook.save_to_buffer().unwrap();
    let (_dir, store) = book();
    let store = std::cell::RefCell::new(store);
    let runs = std::cell::Cell::new(0u32);
    runner()
        .run(&proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 1..40), |flips| {
            runs.set(runs.get() + 1);
            let mut bytes = valid.clone();
            for (at, value) in flips {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            import_checked(&mut store.borrow_mut(), ImportKind::Touchpoints, "fuzz.xlsx", &bytes)
        })
        .unwrap();
    eprintln!("damaged XLSX: {} imports", runs.get());
}

#[test]
fn money_parsing_never_panics_and_what_it_accepts_round_trips_exactly() {
    let runs = std::cell::Cell::new(0u32);
    let text = prop_oneof![any::<String>(), "[-+(]?[€$£ ]{0,2}[0-9., '_]{0,20}[)€ ]{0,2}", "[A-Za-z$€]{0,4} ?-?[0-9]{1,16}([.,][0-9]{0,4})?"];
    runner()
        .run(&(text, 0u8..=3), |(text, digits)| {
            runs.set(runs.get() + 1);
            if let Ok(cents) = money::parse_money("amount", "Amount", &text, digits) {
                prop_assert!(cents.unsigned_abs() <= 1u64 << 53);
                let plain = money::plain(cents, digits);
                prop_assert_eq!(money::parse_money("amount", "Amount", &plain, digits), Ok(cents), "{} → {}", text, plain);
            }
            Ok(())
        })
        .unwrap();
    eprintln!("money: {} parses", runs.get());
}

#[test]
fn date_parsing_never_panics_and_accepts_only_real_dates_in_range() {
    let runs = std::cell::Cell::new(0u32);
    let text = prop_oneof![any::<String>(), "[0-9]{1,5}-[0-9]{1,3}-[0-9]{1,3}", "[ 0-9/.-]{0,12}"];
    runner()
        .run(&text, |text| {
            runs.set(runs.get() + 1);
            if let Ok(date) = text::date("date", "Date", &text) {
                // "2026-3-1" is read as 2026-03-01: the numbers written are the date's numbers.
                let parts: Vec<i64> = text.trim().split('-').map(|p| p.parse().unwrap_or(-1)).collect();
                use chrono::Datelike;
                prop_assert_eq!(parts, vec![i64::from(date.year()), i64::from(date.month()), i64::from(date.day())]);
                prop_assert!((1970..=2100).contains(&chrono::Datelike::year(&date)));
            }
            Ok(())
        })
        .unwrap();
    eprintln!("dates: {} parses", runs.get());
}

/// A valid touchpoints workbook with the given extra cells written into it.
fn workbook(extra: &[(u32, u16, &str)]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, header) in ["client", "kind", "happened_on", "summary"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    for (col, value) in ["Harbour Bakery", "call", "2026-03-01", "Monthly call"].iter().enumerate() {
        sheet.write_string(1, col as u16, *value).unwrap();
    }
    for (row, col, text) in extra {
        sheet.write_string(*row, *col, *text).unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

/// `xlsx` with the entry `name` replaced by `contents` (or added, when it is not there).
fn with_entry(xlsx: &[u8], name: &str, contents: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let entry_name = entry.name().unwrap().into_owned();
        if entry_name == name {
            continue;
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        out.start_file(entry_name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    out.start_file(name, options).unwrap();
    out.write_all(contents).unwrap();
    out.finish().unwrap().into_inner()
}

/// The resource cases of the fuzz corpus: small files that would make the spreadsheet reader
/// allocate far beyond the file (and abort the app). Each must be refused with a clear message,
/// before it is read, and leave the book as it was.
#[test]
fn xlsx_files_that_would_allocate_without_bound_are_refused_before_reading() {
    let far_cell = workbook(&[(1_048_575, 16_383, "x")]);
    let sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:XFD1048576\"/><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>client</t></is></c></row></sheetData></worksheet>";
    let lying_dimension = with_entry(&workbook(&[]), "xl/worksheets/sheet1.xml", sheet.as_bytes());
    let strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1000000000\" uniqueCount=\"1000000000\"><si><t>client</t></si></sst>";
    let many_strings = with_entry(&workbook(&[]), "xl/sharedStrings.xml", strings.as_bytes());
    // 300 MB of one letter compress to a few hundred KB: a zip bomb.
    let bomb = with_entry(&workbook(&[]), "xl/media/big.bin", &vec![b'a'; 300 * 1024 * 1024]);
    assert!(bomb.len() < 2 * 1024 * 1024, "the bomb is small on disk: {} bytes", bomb.len());
    let (_dir, mut store) = book();
    let before = contents(&store);
    for (what, bytes, says) in [
        ("a cell at XFD1048576", &far_cell, "column 16384"),
        ("a <dimension> of the whole sheet", &lying_dimension, "row 1048576"),
        ("a billion declared texts", &many_strings, "declares 1000000000 texts"),
        ("a zip bomb", &bomb, "unpacks to more than 200 MB"),
    ] {
        for commit in [false, true] {
            let err = import::import(&mut store, ImportKind::Touchpoints, "big.xlsx", bytes, ImportOptions::usual(clientwell_core::import::DateOrder::DayFirst), commit, today()).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("file"), "{what}");
            assert!(err.message.contains(says) && err.message.contains("Nothing was imported"), "{what}: {}", err.message);
        }
    }
    assert_eq!(contents(&store), before);
    // The same file without the far cell imports: the limit is on what a file declares, not its kind.
    let fine = import::import(&mut store, ImportKind::Touchpoints, "ok.xlsx", &workbook(&[]), ImportOptions::usual(clientwell_core::import::DateOrder::DayFirst), true, today()).unwrap();
    assert!(fine.committed, "{:?}", fine.errors);
}

/// A text cell the owner could type: sometimes what a spreadsheet would run as a formula.
fn owner_text() -> impl Strategy<Value = String> {
    prop_oneof!["[=+@'-]{0,2}[A-Za-zé漢 ,;\"'()=+-]{0,24}", any::<String>()]
}

#[test]
fn accepted_amounts_dates_and_text_round_trip_through_export_and_import_unchanged() {
    let runs = std::cell::Cell::new(0u32);
    let config = Config { cases: cases().min(200), failure_persistence: None, ..Config::default() };
    TestRunner::new(config)
        .run(&(owner_text(), owner_text(), 0i64..99_999_999_999_999, 0u32..40_000), |(goal, description, cents, day)| {
            let start = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(u64::from(day));
            let (_dir, mut store) = book();
            let Ok(client) = store.create_client(&ClientInput { name: "Café Łódź".into(), status: ClientStatus::Active, goal: goal.clone(), start_date: start.to_string(), notes: String::new() }) else {
                return Ok(()); // the book refused the text: nothing to round-trip
            };
            let line = clientwell_core::book::invoice::InvoiceLineInput { description: description.clone(), amount: money::plain(cents, 2), kpi_id: None, deliverable_id: None };
            let invoice = clientwell_core::book::invoice::InvoiceInput { number: "F-1".into(), issued_on: start.to_string(), due_on: start.to_string(), paid_on: String::new(), void: false, lines: vec![line] };
            if store.save_invoice(client.id, None, &invoice).is_err() {
                return Ok(());
            }
            runs.set(runs.get() + 1);
            let (clients, invoices) = (export::export_csv(&store, ImportKind::Clients).unwrap(), export::export_csv(&store, ImportKind::Invoices).unwrap());
            let dir = tempfile::tempdir().unwrap();
            let mut fresh = Store::open(&dir.path().join("fresh.sqlite3")).unwrap();
            fresh.save_studio(&StudioInput { name: "Fuzz Studio".into(), currency: "EUR".into(), paper_size: PaperSize::A4 }).unwrap();
            for (kind, csv) in [(ImportKind::Clients, &clients), (ImportKind::Invoices, &invoices)] {
                let report = import::import(&mut fresh, kind, "back.csv", csv.as_bytes(), ImportOptions::usual(clientwell_core::import::DateOrder::DayFirst), true, today()).unwrap();
                prop_assert!(report.committed, "{:?} {:?}\n{}", kind, report.errors, csv);
            }
            let back = fresh.find_client("Café Łódź").unwrap();
            prop_assert_eq!(&back.goal, &store.client(client.id).unwrap().goal);
            prop_assert_eq!(back.start_date, start);
            let lines = &fresh.invoices(back.id).unwrap()[0].lines;
            prop_assert_eq!(lines[0].amount_cents, cents);
            prop_assert_eq!(&lines[0].description, &store.invoices(client.id).unwrap()[0].lines[0].description);
            Ok(())
        })
        .unwrap();
    eprintln!("round trips: {}", runs.get());
    assert!(runs.get() > 0, "some generated records were accepted");
}
