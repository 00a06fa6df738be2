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
    let options = ImportOptions { day_first: true };
    if let Ok(report) = import::import(store, kind, name, bytes, options, false, today()) {
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
