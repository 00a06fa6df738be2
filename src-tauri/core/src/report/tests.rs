use chrono::NaiveDate;

use super::*;
use crate::book::activity::{Complaint, ComplaintTag, Deliverable, Milestone};
use crate::book::invoice::{Invoice, InvoiceLine};
use crate::book::kpi::{Direction, Kpi, Measurement};
use crate::book::{Client, ClientStatus, Studio, SuccessPlan};
use crate::book::records::ClientData;
use crate::output::Existing;
use crate::store::Store;

pub(super) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub(super) const OCTOBER: Month = Month { year: 2026, month: 10 };
pub(super) const SECRET: &str = "SECRET-INTERNAL-7731";

pub(super) fn studio(paper: PaperSize) -> Studio {
    Studio { name: "Fox & Finch Studio".into(), currency: "EUR".into(), paper_size: paper }
}

pub(super) fn brand() -> Brand {
    Brand { accent: "#1f6f6b".into(), logo: None }
}

fn kpi(id: i64, name: &str) -> Kpi {
    Kpi {
        id,
        client_id: 1,
        name: name.into(),
        unit: "orders".into(),
        direction: Direction::Up,
        baseline: 100.0,
        target: 200.0,
        baseline_date: d("2026-01-01"),
        target_date: d("2026-12-31"),
        cents_per_unit: Some(1_200),
        worth_counts: crate::book::kpi::WorthCounts::Monthly, share_low_pct: 100, share_high_pct: 100, below_baseline_counts: false,
    }
}

fn value(id: i64, kpi_id: i64, on: &str, value: f64) -> Measurement {
    Measurement { id, kpi_id, measured_on: d(on), value, note: SECRET.into() }
}

pub(super) fn bakery() -> ClientData {
    let client = Client {
        id: 1,
        name: "Harbour Bakery".into(),
        status: ClientStatus::Active,
        goal: "More weekday orders without more staff".into(),
        start_date: d("2026-01-05"),
        notes: SECRET.into(),
        archived_at: None,
        plan: SuccessPlan { cadence_days: Some(14), owner: "Mia Fox".into(), recap: String::new(), fiscal_year_start: 1, annual_budget_cents: None },
        created_at: String::new(),
        updated_at: String::new(),
    };
    ClientData {
        kpis: vec![kpi(10, "Weekday orders")],
        measurements: vec![value(1, 10, "2026-08-31", 130.0), value(2, 10, "2026-09-30", 140.0), value(3, 10, "2026-10-31", 150.0)],
        milestones: vec![Milestone { id: 1, client_id: 1, title: "Loyalty card launch".into(), due_on: d("2026-11-20"), done_on: None, first_value: false }],
        invoices: vec![Invoice {
            id: 1,
            client_id: 1,
            number: "2026-041".into(),
            issued_on: d("2026-10-01"),
            due_on: d("2026-10-31"),
            paid_on: Some(d("2026-10-20")),
            void: false,
            lines: vec![InvoiceLine { description: "October retainer".into(), amount_cents: 250_000, kpi_id: Some(10), deliverable_id: None }],
        }],
        deliverables: vec![Deliverable { id: 1, client_id: 1, title: "Weekday lunch menu page".into(), delivered_on: d("2026-10-12"), kpi_id: Some(10) }],
        complaints: vec![Complaint { id: 1, client_id: 1, opened_on: d("2026-10-02"), closed_on: None, tag: ComplaintTag::Quality, summary: SECRET.into() }],
        ..ClientData::new(client)
    }
}

/// An ask of client 1, asked on 2 Nov 2026.
pub(super) fn ask(id: i64, what: &str, due: &str, done: Option<&str>) -> crate::book::ask::Ask {
    crate::book::ask::Ask { id, client_id: 1, what: what.into(), who: "Jonas Weber".into(), asked_on: d("2026-11-02"), due_on: d(due), if_late: "the launch moves a week".into(), done_on: done.map(d) }
}

/// The owner's words for why KPI `kpi_id` moved in `period`.
pub(super) fn why(kpi_id: i64, period: &str, words: &str) -> crate::book::ask::KpiNote {
    crate::book::ask::KpiNote { kpi_id, period: period.into(), why: words.into() }
}

/// The text of each page, read back from the PDF.
pub(super) fn text_of_pages(pdf: &[u8]) -> Vec<String> {
    let doc = printpdf::PdfDocument::parse(pdf, &printpdf::PdfParseOptions::default(), &mut Vec::new()).expect("the PDF parses back");
    doc.extract_text().into_iter().map(|page| page.join(" ")).collect()
}

pub(super) fn text_of(pdf: &[u8]) -> String {
    let pages = text_of_pages(pdf);
    assert_eq!(pages.len(), 1, "exactly one page");
    pages.join(" ")
}

/// Every drawn box lies on the page, and text stays inside the margins.
pub(super) fn assert_inside(r: &Rendered) {
    for b in &r.drawn {
        assert!(b.x >= -0.01 && b.top >= -0.01, "box off the top or left: {b:?}");
        assert!(b.x + b.width <= r.width + 0.01 && b.top + b.height <= r.height - monthly_page::MARGIN / 2.0, "box off the page: {b:?}");
    }
}

#[test]
fn the_summary_reports_the_month_from_the_records() {
    let s = monthly::build(&studio(PaperSize::A4), &brand(), &bakery(), OCTOBER, d("2026-11-26"));
    let row = &s.kpis[0];
    assert_eq!((row.current.as_deref(), row.previous.as_deref(), row.change.as_deref(), row.progress.as_deref()), (Some("150"), Some("140"), Some("+10"), Some("50%")));
    assert_eq!(row.status, "Off track", "50% reached where the straight line expects 83% (more than 25 points behind)");
    // The verdict as a person would write it: how it moved, how far along, where the plan expected it.
    assert_eq!(s.headline, "In October 2026, Weekday orders rose by 10 to 150 orders, 50% of the way from 100 orders to the target of 200 orders (183 orders expected by the end of October). We delivered “Weekday lunch menu page”.");
    assert_eq!(s.delivered[0].detail, "12 Oct 2026 · for Weekday orders");
    assert_eq!(s.next_focus[0].text, "Loyalty card launch");
    assert!(s.asks.is_empty(), "October has a figure and the invoice is paid");
    assert_eq!(s.invoices[0].total, "€2,500.00");
    assert_eq!(s.invoices[0].dates, "Issued 1 Oct 2026 · due 31 Oct 2026 · paid 20 Oct 2026");
    let chart = s.chart.as_ref().unwrap();
    assert_eq!((chart.months.len(), chart.points.len()), (12, 3));
    assert_eq!(chart.months[0], Month { year: 2025, month: 11 });
}

#[test]
fn a_missing_figure_and_an_overdue_invoice_become_asks() {
    let mut data = bakery();
    data.measurements.retain(|m| m.measured_on < d("2026-10-01"));
    data.invoices[0].paid_on = None;
    let s = monthly::build(&studio(PaperSize::A4), &brand(), &data, OCTOBER, d("2026-11-26"));
    let asks: Vec<&str> = s.asks.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(asks, ["Your October 2026 figure for Weekday orders", "Payment of invoice 2026-041"]);
    assert!(s.headline.starts_with("No new figure for Weekday orders was recorded in October 2026."));
}

#[test]
fn an_open_ask_comes_first_with_who_by_when_and_what_slips_until_it_is_done() {
    let mut data = bakery();
    data.asks = vec![ask(1, "Approve the loyalty card design", "2026-11-20", None), ask(2, "Send the new photos", "2026-11-10", Some("2026-11-09"))];
    data.kpi_notes = vec![why(10, "2026-10", "The lunch menu page went live on the 12th."), why(10, "2026-09", "Not this month's words.")];
    data.measurements.retain(|m| m.measured_on < d("2026-10-01"));
    let s = monthly::build(&studio(PaperSize::A4), &brand(), &data, OCTOBER, d("2026-11-26"));
    let asks: Vec<(&str, &str)> = s.asks.iter().map(|a| (a.text.as_str(), a.detail.as_str())).collect();
    assert_eq!(asks[0], ("Approve the loyalty card design", "Jonas Weber · by 20 Nov 2026 · if late: the launch moves a week"));
    assert_eq!(asks[1].0, "Your October 2026 figure for Weekday orders", "then what the records show is missing");
    assert!(!asks.iter().any(|a| a.0 == "Send the new photos"), "done on 9 Nov: no longer asked");
    assert_eq!(s.kpis[0].why.as_deref(), Some("The lunch menu page went live on the 12th."));
    let text = text_of(&render_monthly(&s).unwrap().bytes).replace(' ', "");
    assert!(text.contains("Why:Thelunchmenupagewentliveonthe12th."), "{text}");
    assert!(text.contains("ApprovetheloyaltycarddesignJonasWeber·by20Nov2026·iflate:thelaunchmovesaweek"), "{text}");
    // Made on 1 Nov, before it was asked, the summary does not carry it.
    let early = monthly::build(&studio(PaperSize::A4), &brand(), &data, OCTOBER, d("2026-11-01"));
    assert!(early.asks.iter().all(|a| a.text != "Approve the loyalty card design"));
}

#[test]
fn no_internal_data_reaches_the_pdf() {
    let s = monthly::build(&studio(PaperSize::A4), &brand(), &bakery(), OCTOBER, d("2026-11-26"));
    let r = render_monthly(&s).unwrap();
    let text = text_of(&r.bytes);
    assert!(text.contains("Harbour Bakery") && text.contains("Weekday lunch menu page"), "the PDF's text is readable: {text}");
    assert!(!text.contains(SECRET), "notes, complaints and measurement notes stay internal");
    assert!(!String::from_utf8_lossy(&r.bytes).contains(SECRET));
}

#[test]
fn the_pdf_embeds_a_subset_of_its_own_font_and_names_the_studio() {
    let r = render_monthly(&monthly::build(&studio(PaperSize::Letter), &brand(), &bakery(), OCTOBER, d("2026-11-26"))).unwrap();
    let raw = String::from_utf8_lossy(&r.bytes);
    assert!(raw.contains("/FontFile2"), "TrueType font embedded");
    assert!(!raw.contains("/Helvetica") && !raw.contains("/Times"), "no base-14 fallback");
    assert!(r.bytes.len() < 120_000, "subset, not the whole 500 KB font: {} bytes", r.bytes.len());
    let parsed = printpdf::PdfDocument::parse(&r.bytes, &printpdf::PdfParseOptions::default(), &mut Vec::new()).unwrap();
    assert_eq!(parsed.metadata.info.author, "Fox & Finch Studio");
    assert_eq!(parsed.metadata.info.document_title, "Harbour Bakery — results for October 2026");
    assert_eq!((r.width, r.height), (612.0, 792.0), "Letter from the studio setting");
    assert_inside(&r);
}

#[test]
fn whatever_the_data_it_stays_on_one_page() {
    let long = "Extraordinarily long name ".repeat(12);
    let mut data = bakery();
    data.client.name = format!("{long} — Élan Crêperie & Søn 🥐 שלום");
    data.client.goal = "grow ".repeat(2_000);
    data.kpis = (0..5).map(|i| kpi(10 + i, &format!("{long} KPI {i}"))).collect();
    data.measurements = (0..5).flat_map(|i| (1..=12).map(move |m| value(i * 100 + m, 10 + i, &format!("2026-{m:02}-15"), 100.0 + (m * 7 % 13) as f64 * 1000.0))).collect();
    data.deliverables = (0..20).map(|i| Deliverable { id: i, client_id: 1, title: format!("Deliverable {i} {long}"), delivered_on: d("2026-10-10"), kpi_id: Some(10) }).collect();
    data.milestones = (0..15).map(|i| Milestone { id: i, client_id: 1, title: format!("Milestone {i}"), due_on: d("2026-11-10"), done_on: None, first_value: false }).collect();
    data.asks = (0..12).map(|i| crate::book::ask::Ask { who: long.clone(), if_late: long.clone(), ..ask(i, &long, "2026-11-30", None) }).collect();
    data.kpi_notes = (0..5).map(|i| why(10 + i, "2026-10", &long)).collect();
    data.invoices = (0..6)
        .map(|i| Invoice {
            id: i,
            client_id: 1,
            number: format!("2026-{i:03}-{long}"),
            issued_on: d("2026-10-05"),
            due_on: d("2026-10-20"),
            paid_on: None,
            void: false,
            lines: (0..8).map(|l| InvoiceLine { description: format!("Line {l} {long}"), amount_cents: 123_456_789, kpi_id: Some(10), deliverable_id: None }).collect(),
        })
        .collect();
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let s = monthly::build(&studio(paper), &brand(), &data, OCTOBER, d("2026-11-26"));
        let r = render_monthly(&s).unwrap();
        assert_inside(&r);
        let text = text_of(&r.bytes);
        assert!(text.contains("more invoice lines") && text.contains("+ "), "long lists are cut with a count: {text}");
        assert!(text.contains('…'), "long text is clipped with an ellipsis");
    }
}

#[test]
fn a_client_with_no_records_yet_gets_a_page_that_says_so() {
    let mut data = bakery();
    data.kpis.clear();
    data.measurements.clear();
    data.milestones.clear();
    data.invoices.clear();
    data.deliverables.clear();
    data.client.goal.clear();
    let r = render_monthly(&monthly::build(&studio(PaperSize::A4), &brand(), &data, OCTOBER, d("2026-11-26"))).unwrap();
    let text = text_of(&r.bytes);
    for expected in ["No measurable results are agreed yet.", "Nothing was delivered this month.", "No invoices were issued this month.", "Not written down yet."] {
        assert!(text.contains(expected), "missing “{expected}” in {text}");
    }
    assert_inside(&r);
}

#[test]
fn the_pdf_passes_qpdf_check() {
    let r = render_monthly(&monthly::build(&studio(PaperSize::A4), &brand(), &bakery(), OCTOBER, d("2026-11-26"))).unwrap();
    super::qbr_tests::assert_qpdf_ok(&r.bytes);
}

#[test]
fn every_demo_client_gets_a_one_page_summary() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    let today = d("2026-11-26");
    crate::demo::seed(&mut store, 1, today).unwrap();
    for client in store.clients(true).unwrap() {
        let s = monthly_summary(&store, client.id, OCTOBER, today).unwrap();
        let r = render_monthly(&s).unwrap();
        assert_inside(&r);
        assert!(!text_of(&r.bytes).contains(&client.notes) || client.notes.is_empty(), "{}'s notes stay internal", client.name);
    }
}

#[test]
fn file_names_from_client_names_are_safe_everywhere() {
    assert_eq!(monthly_file_name("Acme Ltd", OCTOBER), "2026-10 Acme Ltd — Monthly summary.pdf");
    assert_eq!(qbr_file_name("Acme Ltd", Quarter { fiscal_year: 2027, number: 2, year_starts: 4 }, QbrFormat::Report), "2027-Q2 Acme Ltd — QBR.pdf");
    assert_eq!(monthly_file_name("A/B: C*D?", OCTOBER), "2026-10 A_B_ C_D_ — Monthly summary.pdf");
    assert_eq!(monthly_file_name("../../etc", OCTOBER), "2026-10 _.._etc — Monthly summary.pdf");
    assert!(monthly_file_name(&"x".repeat(500), OCTOBER).len() <= 200);
    // 80 CJK characters are 240 bytes: the name is cut at a character to fit the file system.
    let cjk = monthly_file_name(&"漢".repeat(80), OCTOBER);
    assert!(cjk.len() <= 200 && cjk.ends_with(" — Monthly summary.pdf") && cjk.contains("漢漢"), "{cjk}");
    assert_eq!(files::file_name("", "CON", "x"), "Report CON — x.pdf", "reserved Windows names");
    assert_eq!(files::file_name("", "com1", "x"), "Report com1 — x.pdf");
}

#[test]
fn saving_writes_whole_pdfs_where_asked_and_refuses_a_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    let today = d("2026-11-26");
    crate::demo::seed(&mut store, 1, today).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();

    let bakery = store.find_client("Harbour Bakery").unwrap();
    let preview = monthly_preview(&store, bakery.id, OCTOBER, today).unwrap();
    assert_eq!(preview.file_name, "2026-10 Harbour Bakery — Monthly summary.pdf");
    assert!(preview.page.starts_with("<svg") && preview.page.contains("Harbour Bakery"), "a preview of the page itself");
    let saved = save_monthly(&store, bakery.id, OCTOBER, today, &out.join(&preview.file_name), Existing::Keep).unwrap();
    let bytes = std::fs::read(&saved.path).unwrap();
    assert!(bytes.starts_with(b"%PDF-") && bytes.len() as u32 == saved.size);

    let missing = save_monthly(&store, bakery.id, OCTOBER, today, &dir.path().join("nope").join("x.pdf"), Existing::Keep).unwrap_err();
    assert_eq!(missing.field.as_deref(), Some("path"));

    // The bakery's file is already there: nothing is written until the owner agrees to replace it.
    let refused = save_monthly_batch(&store, OCTOBER, today, &out, Existing::Keep, &|_, _| true).unwrap_err();
    assert_eq!(refused.kind, crate::ErrorKind::Conflict);
    assert!(refused.message.contains("1 of the") && refused.message.contains("Harbour Bakery"), "{}", refused.message);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);

    let calls = std::sync::atomic::AtomicU32::new(0);
    let batch = save_monthly_batch(&store, OCTOBER, today, &out, Existing::Replace, &|done, total| {
        assert!(done >= 1 && done <= total);
        calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        true
    })
    .unwrap();
    assert!(batch.failed.is_empty() && batch.not_started.is_empty());
    let batch = batch.saved;
    assert_eq!(calls.into_inner() as usize, batch.len(), "progress after every file");
    let current = store.clients(false).unwrap().iter().filter(|c| matches!(c.status, ClientStatus::Active | ClientStatus::Onboarding | ClientStatus::Paused)).count();
    assert_eq!(batch.len(), current);
    assert!(batch.len() >= 10, "the demo has many current clients");
    let files = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(files, batch.len(), "one file per client, no leftovers from the temporary writes");

    // Stop after the third file: no new file is started, and what was written is whole.
    let stopped = dir.path().join("stopped");
    std::fs::create_dir(&stopped).unwrap();
    let report = save_monthly_batch(&store, OCTOBER, today, &stopped, Existing::Keep, &|done, _| done < 3).unwrap();
    assert_eq!(report.saved.len() + report.not_started.len(), current, "every client is either saved or named as not started");
    let partial = report.saved;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    assert!(partial.len() >= 3 && partial.len() < 3 + workers, "{} files after stopping at 3 on {workers} cores", partial.len());
    assert_eq!(std::fs::read_dir(&stopped).unwrap().count(), partial.len());
    for saved in &partial {
        assert!(std::fs::read(&saved.path).unwrap().starts_with(b"%PDF-"));
    }
}

#[test]
fn a_batch_gives_clients_whose_names_clash_their_own_files_and_fits_long_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("book.sqlite3")).unwrap();
    store.save_studio(&crate::book::StudioInput { name: "Fox".into(), currency: "EUR".into(), paper_size: PaperSize::A4 }).unwrap();
    for name in ["A/B", "A:B", "A*B", "a?b", "A|B", &"漢".repeat(80)] {
        store.create_client(&crate::book::ClientInput { name: name.into(), status: ClientStatus::Active, goal: "Grow".into(), start_date: "2026-01-01".into(), notes: String::new() }).unwrap();
    }
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let report = save_monthly_batch(&store, OCTOBER, d("2026-11-26"), &out, Existing::Keep, &|_, _| true).unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.saved.len(), 6);
    let mut names: Vec<String> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names.len(), 6, "six clients, six files: {names:?}");
    let folded: std::collections::HashSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
    assert_eq!(folded.len(), 6, "distinct on a case-insensitive disk too: {names:?}");
    assert!(names.iter().all(|n| n.len() <= 200));
}

#[test]
fn the_studio_logo_and_accent_go_on_both_documents() {
    let look = Brand { accent: "#8a1538".into(), logo: Some(crate::book::branding::tests::tiny_png()) };
    let monthly = render_monthly(&monthly::build(&studio(PaperSize::A4), &look, &bakery(), OCTOBER, d("2026-11-26"))).unwrap();
    let qbr = render_qbr(&qbr::build(&studio(PaperSize::A4), &look, &bakery(), &Default::default(), Quarter::containing(d("2026-10-01"), 1), d("2026-11-26"))).unwrap();
    for r in [&monthly, &qbr] {
        let parsed = printpdf::PdfDocument::parse(&r.bytes, &printpdf::PdfParseOptions::default(), &mut Vec::new()).unwrap();
        assert_eq!(parsed.resources.xobjects.map.len(), 1, "the logo is embedded once");
        // The 40×20 logo is drawn 26 pt tall at the top-left, beside the studio name.
        assert!(r.drawn.iter().any(|b| (b.height - 26.0).abs() < 0.01 && (b.width - 52.0).abs() < 0.01 && b.x == monthly_page::MARGIN));
        assert_inside(r);
    }
    let plain = render_monthly(&monthly::build(&studio(PaperSize::A4), &brand(), &bakery(), OCTOBER, d("2026-11-26"))).unwrap();
    let parsed = printpdf::PdfDocument::parse(&plain.bytes, &printpdf::PdfParseOptions::default(), &mut Vec::new()).unwrap();
    assert!(parsed.resources.xobjects.map.is_empty(), "no logo, no image");
}

#[test]
fn a_word_longer_than_the_line_is_broken_inside_the_margins() {
    let mut s = monthly::build(&studio(PaperSize::A4), &brand(), &bakery(), OCTOBER, d("2026-11-26"));
    let word = "Weekdayordersgrewbecausethenewlunchmenupageconvertsbetterthananythingbefore".repeat(1);
    assert!(word.chars().count() >= 75);
    s.headline = format!("{word} and more");
    let r = render_monthly(&s).unwrap();
    assert_inside(&r);
    let text = text_of(&r.bytes);
    assert!(text.contains("Weekdayordersgrew") && text.contains("and more"), "the whole headline is drawn, broken across lines: {text}");
    let c = canvas::Canvas::new(300.0, 400.0, font::fonts().unwrap(), printpdf::FontId::new(), printpdf::FontId::new());
    let style = canvas::Style::new(11.0, false, canvas::INK);
    let lines = c.wrap(&word, 120.0, style, 10);
    assert!(lines.len() > 2 && lines.iter().all(|l| c.measure(l, style) <= 120.0), "{lines:?}");
    assert_eq!(lines.concat(), word, "broken between characters, nothing lost");
}

#[test]
fn text_the_font_cannot_print_is_named_before_saving_never_a_silent_question_mark() {
    let mut data = bakery();
    data.client.name = "Bäckerei שלום 🥐".into();
    let s = monthly::build(&studio(PaperSize::A4), &brand(), &data, OCTOBER, d("2026-11-26"));
    let r = render_monthly(&s).unwrap();
    assert!(r.unprintable.iter().any(|t| t.contains("Bäckerei שלום 🥐")), "{:?}", r.unprintable);
    let plain = render_monthly(&monthly::build(&studio(PaperSize::A4), &brand(), &bakery(), OCTOBER, d("2026-11-26"))).unwrap();
    assert!(plain.unprintable.is_empty(), "Latin text is printable: {:?}", plain.unprintable);
    let qbr = render_qbr(&qbr::build(&studio(PaperSize::A4), &brand(), &data, &Default::default(), Quarter::containing(d("2026-10-01"), 1), d("2026-11-26"))).unwrap();
    assert!(qbr.unprintable.iter().any(|t| t.contains("שלום")), "{:?}", qbr.unprintable);
}
