//! Daily figures from GA4, Search Console and Shopify become one value a month for the KPI the
//! owner chose: whole months only, added up or averaged, blank days never read as 0.

use super::calendar_tests::{fixture, fixture_book};
use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn with_kpis() -> (tempfile::TempDir, crate::store::Store) {
    let (d, mut store) = fixture_book();
    let kpis = "client,name,unit,baseline,target,baseline_date,target_date\n\
        École Lumière,Website sessions a month,sessions,1200,2000,2026-01-01,2026-12-31\n\
        Café Łódź,Click-through rate,%,3,5,2026-01-01,2026-12-31\n\
        Harbour Bakery,Online net sales,£,3000,6000,2026-01-01,2026-12-31\n";
    let report = import(&mut store, ImportKind::Kpis, "kpis.csv", kpis.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), true, today()).unwrap();
    assert!(report.committed, "{:?}", report.errors);
    (d, store)
}

fn figures(store: &mut crate::store::Store, name: &str, bytes: &[u8], choice: Option<MetricChoice>, commit: bool) -> Result<ImportReport> {
    import(store, ImportKind::Clients, name, bytes, ImportOptions { metric: choice, ..ImportOptions::usual(DateOrder::DayFirst) }, commit, today())
}

fn choice(client: &str, kpi: &str, column: &str) -> Option<MetricChoice> {
    Some(MetricChoice { client: client.to_owned(), kpi: kpi.to_owned(), column: column.to_owned(), month: None })
}

/// The KPI's values as (date, value, note).
fn values(store: &crate::store::Store, client: &str) -> Vec<(String, f64, String)> {
    let book = store.book().unwrap();
    let d = book.iter().find(|d| d.client.name == client).unwrap();
    d.measurements.iter().map(|m| (m.measured_on.to_string(), m.value, m.note.clone())).collect()
}

fn left_out(report: &ImportReport) -> Vec<(String, u32)> {
    report.skipped.iter().map(|s| (s.reason.clone(), s.count)).collect()
}

#[test]
fn a_ga4_report_asks_whose_kpi_it_is_then_writes_octobers_sessions_added_up() {
    let (_d, mut store) = with_kpis();
    let file = fixture("ga4-sessions.csv");
    let asked = figures(&mut store, "ga4-sessions.csv", &file, None, false).unwrap();
    assert_eq!((asked.source, asked.kind, asked.committed), (Source::Ga4, ImportKind::KpiValues, false));
    assert_eq!(asked.errors[0].message, "Choose the client and the KPI these figures are for.");
    let ask = asked.metric.clone().unwrap();
    assert_eq!(ask.columns, ["Sessions", "Total users", "Key events"]);
    assert!(ask.choices.iter().any(|c| c.client == "École Lumière" && c.kpis == ["Website sessions a month"]), "{:?}", ask.choices);

    // SOURCES.md §14: October 1,828 sessions; September (from the 21st) and November (to the 8th) are part months.
    let report = figures(&mut store, "ga4-sessions.csv", &file, choice("ÉCOLE LUMIÈRE", "website sessions a month", ""), true).unwrap();
    assert!(report.committed, "{:?}", report.errors);
    let ask = report.metric.clone().unwrap();
    assert_eq!((ask.column.as_str(), ask.month), ("Sessions", MonthFrom::Sum), "the column the KPI's name holds, added up");
    assert_eq!(report.created, 1);
    assert_eq!(values(&store, "École Lumière"), [("2026-10-31".to_owned(), 1828.0, "Sessions from Google Analytics 4 report: 31 days added up".to_owned())]);
    assert_eq!(
        left_out(&report),
        [
            ("September 2026: the file covers 21 Sep to 30 Sep only, and a part month would be read as a whole one".to_owned(), 10),
            ("November 2026: the file covers 1 Nov to 8 Nov only, and a part month would be read as a whole one".to_owned(), 8)
        ]
    );
    let again = figures(&mut store, "ga4-sessions.csv", &file, choice("École Lumière", "Website sessions a month", "Sessions"), true).unwrap();
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 1), "the same file twice changes nothing");
    // Key events instead: the same month is updated, never a second value.
    let events = figures(&mut store, "ga4-sessions.csv", &file, choice("École Lumière", "Website sessions a month", "Key events"), true).unwrap();
    assert_eq!((events.created, events.updated), (0, 1));
    assert_eq!(values(&store, "École Lumière")[0].1, 60.0);
}

#[test]
fn search_console_rates_are_averaged_over_the_days_with_figures() {
    let (_d, mut store) = with_kpis();
    let file = fixture("search-console-dates.csv");
    // §15: October has 30 days with figures (4 October is empty): mean CTR 128.67 ÷ 30 = 4.289 %.
    let report = figures(&mut store, "Chart.csv", &file, choice("Café Łódź", "Click-through rate", "CTR"), true).unwrap();
    assert!(report.committed, "{:?}", report.errors);
    assert_eq!((report.source, report.metric.as_ref().map(|m| m.month)), (Source::SearchConsole, Some(MonthFrom::Average)));
    let october = values(&store, "Café Łódź");
    assert_eq!(october.len(), 1);
    assert!((october[0].1 - 4.289).abs() < 1e-9, "{october:?}");
    assert!(october[0].2.ends_with("average of 30 days with figures"), "{october:?}");

    let position = figures(&mut store, "Chart.csv", &file, choice("Café Łódź", "Click-through rate", "Position"), false).unwrap();
    assert!((position.metric.as_ref().unwrap().month == MonthFrom::Average) && position.errors.is_empty());
    // Counting the empty day as 0 would give 13.66.
    let summed = figures(&mut store, "Chart.csv", &file, Some(MetricChoice { month: Some(MonthFrom::Sum), ..choice("Café Łódź", "Click-through rate", "Clicks").unwrap() }), true).unwrap();
    assert_eq!(summed.updated, 1);
    assert_eq!(values(&store, "Café Łódź")[0].1, 190.0, "October's clicks added up, as the owner said");
}

#[test]
fn shopify_sales_are_added_up_per_month_returns_included() {
    let (_d, mut store) = with_kpis();
    let file = fixture("shopify-orders.csv");
    let report = figures(&mut store, "sales.csv", &file, choice("Harbour Bakery", "Online net sales", ""), true).unwrap();
    assert!(report.committed, "{:?}", report.errors);
    assert_eq!((report.source, report.metric.as_ref().unwrap().column.as_str()), (Source::Shopify, "Net sales"));
    assert_eq!(values(&store, "Harbour Bakery")[0].0, "2026-10-31");
    assert!((values(&store, "Harbour Bakery")[0].1 - 4916.20).abs() < 1e-9, "§16: October's net sales, with the return of 11 October");
    let orders = figures(&mut store, "sales.csv", &file, choice("Harbour Bakery", "Online net sales", "Orders"), false).unwrap();
    assert_eq!(orders.rows[0].summary, "Harbour Bakery: Online net sales on 2026-10-31");
}

#[test]
fn a_bad_figure_or_date_names_its_row_and_column_and_imports_nothing() {
    let (_d, mut store) = with_kpis();
    let text = String::from_utf8(fixture("shopify-orders.csv")).unwrap();
    let bad = text.replacen("2026-10-02,13,", "2026-10-02,1 3,", 1);
    let err = figures(&mut store, "sales.csv", bad.as_bytes(), choice("Harbour Bakery", "Online net sales", "Orders"), true).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("Orders"));
    assert_eq!(err.message, "Row 13: '1 3' in Orders is not a number.");
    let bad = text.replacen("2026-10-02,", "2026-10-32,", 1);
    let err = figures(&mut store, "sales.csv", bad.as_bytes(), choice("Harbour Bakery", "Online net sales", "Orders"), true).unwrap_err();
    assert_eq!(err.message, "Row 13: '2026-10-32' in Day is not a date (like 2026-10-31 or 20261031).");
    let unknown = figures(&mut store, "sales.csv", text.as_bytes(), choice("Harbour Bakery", "Footfall", "Orders"), true).unwrap();
    assert!(!unknown.committed && unknown.errors[0].column.as_deref() == Some("kpi"), "{:?}", unknown.errors);
    assert!(values(&store, "Harbour Bakery").is_empty(), "nothing written");
}

#[test]
fn a_totals_line_is_left_out_and_a_file_without_a_whole_month_says_so() {
    let (_d, mut store) = with_kpis();
    let text = "Day,Orders,Gross sales,Net sales\n2026-11-01,3,30,30\n2026-11-02,4,40,40\nTotal,7,70,70\n";
    let report = figures(&mut store, "sales.csv", text.as_bytes(), choice("Harbour Bakery", "Online net sales", ""), true).unwrap();
    assert!(!report.committed);
    assert_eq!(report.errors[0].message, "The file holds no whole month: export it from the first day of a month to the last.");
    assert_eq!(report.skipped[0], Skipped { reason: "A line that is not a day (a total or a note)".to_owned(), count: 1, rows: vec![4] });
}
