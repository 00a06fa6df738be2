use chrono::NaiveDate;

use super::tests::{assert_inside, bakery, brand, d, studio, text_of_pages, SECRET};
use super::*;
use crate::book::contract::{Contract, ContractKind};
use crate::book::growth::{HoursUsed, Opportunity, OpportunityKind, OpportunityStage, QbrNotes};
use crate::book::invoice::{Invoice, InvoiceLine};
use crate::book::kpi::Measurement;
use crate::book::risk::Risk;
use crate::book::PaperSize;

/// Q2 of a fiscal year starting in April: July – September 2026, named FY2027.
pub(super) const Q: Quarter = Quarter { fiscal_year: 2027, number: 2, year_starts: 4 };

pub(super) fn notes() -> QbrNotes {
    QbrNotes { client_id: 1, quarter: Q.key(), working: "The lunch page converts.".into(), not_working: "The newsletter did not lift bookings.".into(), adjust: "Fewer posts.".into() }
}

fn invoice(id: i64, number: &str, issued: &str, cents: i64, paid: Option<&str>) -> Invoice {
    let issued_on = d(issued);
    Invoice {
        id,
        client_id: 1,
        number: number.into(),
        issued_on,
        due_on: issued_on + chrono::Days::new(30),
        paid_on: paid.map(d),
        void: false,
        lines: vec![InvoiceLine { description: "Retainer".into(), amount_cents: cents, kpi_id: None, deliverable_id: None }],
    }
}

pub(super) fn quarterly() -> crate::book::records::ClientData {
    let mut data = bakery();
    data.client.plan.fiscal_year_start = 4;
    data.contracts = vec![Contract {
        id: 1,
        client_id: 1,
        kind: ContractKind::Retainer,
        service_line: "Growth marketing".into(),
        monthly_cents: 250_000,
        fixed_cents: 0,
        start_date: d("2026-01-01"),
        end_date: None,
        renewal_date: Some(d("2027-01-01")),
        notice_days: 30,
        included_hundredths: 2_000,
        unused_hours: crate::book::contract::UnusedHours::NotAgreed,
    }];
    data.invoices = vec![
        invoice(1, "A-1", "2026-04-01", 250_000, Some("2026-04-20")),
        invoice(2, "A-2", "2026-07-01", 250_000, Some("2026-07-15")),
        invoice(3, "A-3", "2026-08-01", 250_000, None),
        invoice(4, "A-4", "2026-03-01", 250_000, Some("2026-03-10")),
    ];
    data.measurements = vec![
        Measurement { id: 1, kpi_id: 10, measured_on: d("2026-06-30"), value: 130.0, note: String::new() },
        Measurement { id: 2, kpi_id: 10, measured_on: d("2026-09-30"), value: 160.0, note: String::new() },
    ];
    data.hours_used = vec![HoursUsed { id: 1, client_id: 1, month: Month { year: 2026, month: 8 }, hundredths: 2_350 }];
    data.opportunities = vec![
        Opportunity { id: 1, client_id: 1, kind: OpportunityKind::CrossSell, title: "Newsletter to past customers".into(), value_cents: 90_000, stage: OpportunityStage::Proposed, opened_on: d("2026-09-01"), closed_on: None, show_client: true },
        Opportunity { id: 2, client_id: 1, kind: OpportunityKind::PriceIncrease, title: SECRET.into(), value_cents: 0, stage: OpportunityStage::Idea, opened_on: d("2026-09-01"), closed_on: None, show_client: false },
    ];
    let risk = |id, title: &str, mitigation: &str, raised: &str, closed: Option<&str>, show_client| {
        Risk { id, client_id: 1, title: title.into(), mitigation: mitigation.into(), owner: "Ana".into(), raised_on: d(raised), closed_on: closed.map(d), show_client }
    };
    data.risks = vec![
        risk(1, "Your marketing lead leaves in October", "A hand-over call with her successor", "2026-09-10", None, true),
        risk(2, SECRET, SECRET, "2026-08-01", None, false),
        // Marked for the client, but closed before the quarter began: not this quarter's news.
        risk(3, "Launch date slipped", "Weekly check-ins", "2026-03-01", Some("2026-06-15"), true),
    ];
    data
}

pub(super) fn today() -> NaiveDate {
    d("2026-11-26")
}

#[test]
fn the_qbr_follows_the_clients_fiscal_quarter_and_adds_up_the_money() {
    let r = qbr::build(&studio(PaperSize::A4), &brand(), &quarterly(), &notes(), Q, today());
    assert_eq!((r.quarter_label.as_str(), r.quarter_span.as_str(), r.next_quarter_label.as_str()), ("Q2 FY2027", "July – September 2026", "Q3 FY2027"));
    let k = &r.kpis[0];
    assert_eq!((k.previous.as_deref(), k.current.as_deref(), k.change.as_deref()), (Some("130"), Some("160"), Some("+30")));
    assert_eq!((r.invested_quarter.as_str(), r.invested_year.as_str()), ("€5,000.00", "€7,500.00"), "Q2 = July + August; FY from April, March excluded");
    assert_eq!(r.by_service_line.len(), 1);
    assert_eq!(r.ledger_totals, "Issued €5,000.00 · paid €2,500.00 · outstanding €2,500.00");
    assert_eq!(r.ledger[1].status, "Overdue");
    let hours: Vec<(&str, &str)> = r.hours.iter().map(|h| (h.month.as_str(), h.used.as_str())).collect();
    assert_eq!(hours, [("July 2026", "not recorded"), ("August 2026", "23.5 h"), ("September 2026", "not recorded")]);
    let differences: Vec<&str> = r.hours.iter().map(|h| h.difference.as_str()).collect();
    assert_eq!(differences, ["", "3.5 h more", ""], "23.5 h used against the 20 h the retainer includes; nothing said where nothing was recorded");
    // A flow earns its worth every month it lasts: (130 – 100) + (160 – 100) orders × €12.00.
    assert_eq!(r.value[0].value, "€1,080.00");
    assert_eq!((r.value[0].counts.as_str(), r.value[0].improvement.as_str()), ("2 months", "+45 orders"), "the average month's gain, not the 90 added up");
    assert_eq!(r.value_label, "Value to 30 Sep 2026");
    let line = r.value_summary.as_deref().unwrap_or_default();
    assert!(line.starts_with("Value from 1 Jan 2026 to 30 Sep 2026: €1,080.00;") && !line.contains("for each"), "no ratio that reads as a loss: {line}");
    assert!(r.footnotes.iter().any(|n| n.contains("(130 – 100) + (160 – 100) = 90 (each month's gain in orders, added up) × €12.00 a unit a month × 100% claimed = €1,080.00")), "{:?}", r.footnotes);
    // The renewal says the last day to give notice (30 days before 1 Jan 2027), not only the date.
    assert_eq!(r.renewal.as_deref(), Some("Your agreement for Growth marketing renews on 1 Jan 2027 (€2,500.00 a month). The last day to give notice is 2 Dec 2026 (30 days before)."));
    assert_eq!(r.renewal_tile, Some(("1 Jan 2027".to_owned(), "notice by 2 Dec 2026".to_owned())));
    // Once the last day has passed, the page says it was, not that it is.
    let late = qbr::build(&studio(PaperSize::A4), &brand(), &quarterly(), &notes(), Q, d("2026-12-10"));
    assert_eq!(late.renewal_tile, Some(("1 Jan 2027".to_owned(), "notice was due 2 Dec 2026".to_owned())));
    assert!(late.renewal.as_deref().unwrap_or_default().contains("The last day to give notice was 2 Dec 2026"), "{:?}", late.renewal);
    assert_eq!(r.opportunities.len(), 1, "only what the owner marked for the client");
    assert_eq!(r.working, "The lunch page converts.");
    assert_eq!(r.summary[0], "The agreed result is not on track at the end of Q2 FY2027.", "60% reached where the line expects 75%");
    assert_eq!(r.summary[1], "Weekday orders moved from 130 orders to 160 orders this quarter (target 200 orders; 175 orders expected by now).");
}

#[test]
fn the_first_page_decides_tiles_for_the_money_the_value_and_the_renewal_and_a_scoreboard() {
    let mut data = quarterly();
    data.stakeholders = vec![
        crate::book::stakeholder::Stakeholder { id: 5, client_id: 1, name: "Ana Ruiz".into(), role: crate::book::stakeholder::StakeholderRole::Finance, email: String::new(), phone: String::new(), is_primary: false },
        crate::book::stakeholder::Stakeholder { id: 6, client_id: 1, name: "Tom Lee".into(), role: crate::book::stakeholder::StakeholderRole::ExecutiveSponsor, email: String::new(), phone: String::new(), is_primary: false },
    ];
    let r = qbr::build(&studio(PaperSize::A4), &brand(), &data, &notes(), Q, today());
    assert!(r.renewal.as_deref().unwrap_or_default().ends_with("Decision on your side: Tom Lee (executive sponsor)."), "{:?}", r.renewal);
    assert_eq!(r.value_tile.as_deref(), Some("€1,080.00"));
    let row = &r.scoreboard[0];
    assert_eq!((row.now.as_str(), row.target.as_str(), row.status.as_str()), ("160", "200", "Slipping"));
    assert_eq!(row.year_ago, None, "the baseline is this year: nothing a year ago");
    assert_eq!(r.as_of, "26 Nov 2026");
    let pages = text_of_pages(&render_qbr(&r).unwrap().bytes);
    let first = pages[0].replace(' ', "").to_lowercase();
    for words in ["resultsataglance", "expected30sep", "valueto30sep2026€1,080.00", "noticeby2dec2026", "investedinq2fy2027€5,000.00"] {
        assert!(first.contains(words), "{words} on the first page: {first}");
    }
    for (i, page) in pages.iter().enumerate() {
        assert!(page.replace(' ', "").contains(&format!("Figuresasof26Nov2026·Page{}of{}", i + 1, pages.len())), "page {}: {page}", i + 1);
    }
}

#[test]
fn an_unwritten_section_is_left_out_and_listed_as_missing_never_printed_as_a_placeholder() {
    let empty = QbrNotes { working: String::new(), not_working: String::new(), adjust: String::new(), ..notes() };
    let r = qbr::build(&studio(PaperSize::A4), &brand(), &quarterly(), &empty, Q, today());
    let text = text_of_pages(&render_qbr(&r).unwrap().bytes).join(" ").replace(' ', "");
    assert!(!text.contains("Tobediscussed") && !text.contains("Whatisworking") && !text.contains("Whatweadjust") && !text.contains("Whatdidnotwork"), "{text}");
    let missing = qbr::missing(&r);
    assert!(missing.iter().any(|m| m.starts_with("“What is working” is empty")), "{missing:?}");
    assert!(missing.iter().any(|m| m.starts_with("“What we adjust” is empty")), "{missing:?}");
    assert!(missing.iter().any(|m| m.starts_with("“What did not work” is empty — write it or leave it out")), "{missing:?}");
    let written = qbr::build(&studio(PaperSize::A4), &brand(), &quarterly(), &notes(), Q, today());
    assert!(!qbr::missing(&written).iter().any(|m| m.contains("What is working")));
    let written_text = text_of_pages(&render_qbr(&written).unwrap().bytes).join(" ").replace(' ', "");
    assert!(written_text.contains("Whatisworking") && written_text.contains("Whatdidnotwork") && written_text.contains("Thenewsletterdidnotliftbookings."), "{written_text}");
}

#[test]
fn the_qbr_pdf_flows_without_half_empty_pages_and_carries_no_internal_data() {
    let r = render_qbr(&qbr::build(&studio(PaperSize::Letter), &brand(), &quarterly(), &notes(), Q, today())).unwrap();
    assert_inside(&r);
    assert_pages_filled(&r);
    let pages = text_of_pages(&r.bytes);
    assert_eq!(pages.len(), r.pages);
    let all = pages.join(" ");
    assert!(all.contains("Quarterly business review") && all.contains("Newsletter to past customers") && all.contains("Q2 FY2027"), "{all}");
    assert!(!all.contains(SECRET), "notes, complaints, hidden opportunities and risks stay internal");
    assert!(all.contains("Risks we are watching") && all.contains("A hand-over call with her successor (Ana)"), "a marked risk comes with its answer: {all}");
    assert!(!all.contains("Launch date slipped"), "a risk closed before the quarter is not in it");
    assert!(!String::from_utf8_lossy(&r.bytes).contains(SECRET));
}

#[test]
fn the_qbr_carries_open_asks_and_the_owners_words_for_why_a_result_moved() {
    let mut data = quarterly();
    data.asks = vec![super::tests::ask(1, "Sign off the autumn budget", "2026-12-05", None), super::tests::ask(2, "Share the analytics login", "2026-11-10", Some("2026-11-12"))];
    data.kpi_notes = vec![super::tests::why(data.kpis[0].id, &Q.key(), "The lunch page converts twice as well."), super::tests::why(data.kpis[0].id, "2026-09", "A month's note stays on the monthly summary.")];
    let r = qbr::build(&studio(PaperSize::A4), &brand(), &data, &notes(), Q, today());
    assert_eq!(r.asks.len(), 1, "the done ask is left out");
    assert_eq!(r.asks[0].detail, "Jonas Weber · by 5 Dec 2026 · if late: the launch moves a week");
    assert_eq!(r.kpis[0].why.as_deref(), Some("The lunch page converts twice as well."));
    let all = text_of_pages(&render_qbr(&r).unwrap().bytes).join(" ").replace(' ', "");
    assert!(all.contains("Whytheymoved") && all.contains("Thelunchpageconvertstwiceaswell."), "{all}");
    assert!(all.contains("Whatweneedfromyou") && all.contains("Signofftheautumnbudget"), "{all}");
    assert!(!all.contains("Sharetheanalyticslogin") && !all.contains("Amonth'snote"));
    // Nothing open: the section is left out, not printed empty.
    data.asks.clear();
    let none = text_of_pages(&render_qbr(&qbr::build(&studio(PaperSize::A4), &brand(), &data, &notes(), Q, today())).unwrap().bytes).join(" ").replace(' ', "");
    assert!(!none.contains("Whatweneedfromyou"));
}

#[test]
fn a_qbr_with_long_everything_stays_on_its_pages() {
    let mut data = quarterly();
    let long = "Remarkably verbose wording ".repeat(10);
    data.client.name = long.clone();
    data.kpis = (0..5).map(|i| {
        let mut k = bakery().kpis[0].clone();
        k.id = 10 + i;
        k.name = format!("{long} {i}");
        k
    }).collect();
    data.invoices = (0..40).map(|i| invoice(i, &format!("INV-{i:03} {long}"), "2026-08-03", 123_456_789, None)).collect();
    data.deliverables = (0..30).map(|i| crate::book::activity::Deliverable { id: i, client_id: 1, title: long.clone(), delivered_on: d("2026-08-01"), kpi_id: None }).collect();
    data.asks = (0..12).map(|i| crate::book::ask::Ask { who: long.clone(), if_late: long.clone(), ..super::tests::ask(i, &long, "2026-11-30", None) }).collect();
    data.kpi_notes = (0..5).map(|i| super::tests::why(10 + i, &Q.key(), &long)).collect();
    data.opportunities = (0..12).map(|i| Opportunity { id: i, client_id: 1, kind: OpportunityKind::Upsell, title: long.clone(), value_cents: 1, stage: OpportunityStage::Idea, opened_on: d("2026-08-01"), closed_on: None, show_client: true }).collect();
    let notes = QbrNotes { client_id: 1, quarter: Q.key(), working: long.repeat(20), not_working: long.repeat(6), adjust: format!("{long}\n").repeat(12) };
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let r = render_qbr(&qbr::build(&studio(paper), &brand(), &data, &notes, Q, today())).unwrap();
        assert_inside(&r);
        assert_pages_filled(&r);
        let pages = text_of_pages(&r.bytes);
        assert!(r.pages >= 5, "long lists continue on more pages: {}", r.pages);
        let all = pages.join(" ").replace(' ', "");
        // Every invoice is listed (none cut), and the ledger's header comes again where it continues.
        assert!((0..40).all(|i| all.contains(&format!("INV-{i:03}"))), "every invoice is in the ledger");
        let headers = pages.iter().filter(|p| p.replace(' ', "").contains("INVOICEISSUEDDUESTATUSAMOUNT")).count();
        assert!(headers >= 2, "the continued ledger repeats its header: on {headers} pages");
    }
}

#[test]
fn every_demo_client_gets_a_qbr_for_last_quarter() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    crate::demo::seed(&mut store, 1, today()).unwrap();
    for client in store.clients(true).unwrap() {
        let quarter = client_quarter(&store, client.id, None, today()).unwrap();
        assert!(quarter.end() <= today(), "the last complete quarter");
        let r = render_qbr(&qbr_report(&store, client.id, quarter, today()).unwrap()).unwrap();
        assert_inside(&r);
        assert_pages_filled(&r);
        // Our own words (the method notes, the verdict) must all be printable in the font.
        assert_eq!(r.unprintable, Vec::<String>::new(), "{}", client.name);
        let m = render_monthly(&monthly_summary(&store, client.id, Month::of(today()).previous(), today()).unwrap()).unwrap();
        assert_eq!(m.unprintable, Vec::<String>::new(), "{}", client.name);
    }
    let first = store.clients(true).unwrap()[0].id;
    assert_eq!(client_quarter(&store, first, Some("2026-Q5"), today()).unwrap_err().field.as_deref(), Some("quarter"));
}

/// Right-to-left scripts, emoji sequences, combining marks, CJK and 10,000-character text go
/// into the store, come back exactly, and never break either document's layout.
#[test]
fn any_unicode_round_trips_through_the_store_and_stays_inside_the_pages() {
    use crate::book::kpi::{Direction, KpiInput, MeasurementInput};
    use crate::book::{ClientInput, SuccessPlanInput};
    let samples = [
        "مخبز الميناء — طلبات أكثر",
        "מאפיית הנמל",
        "👩‍👩‍👧‍👦 Family 🇧🇪 Bakery 🥐",
        "Cafe\u{301} Zalgo: a\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}",
        "港口面包店 · 港のパン屋 · 항구 빵집",
        "\u{202e}reversed\u{202c} and \u{200b}zero-width",
    ];
    let huge: String = samples.concat().chars().cycle().take(10_000).collect();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("unicode.sqlite3")).unwrap();
    for (i, sample) in samples.iter().enumerate() {
        let input = ClientInput {
            name: format!("{sample} {i}").chars().take(120).collect(),
            status: crate::book::ClientStatus::Active,
            goal: sample.repeat(40).chars().take(500).collect(),
            start_date: "2026-01-05".into(),
            notes: huge.clone(),
        };
        let id = store.create_client(&input).unwrap().id;
        store.save_success_plan(id, &SuccessPlanInput { cadence_days: "14".into(), owner: sample.to_string(), recap: huge.clone(), fiscal_year_start: 4, annual_budget: String::new() }).unwrap();
        let kpi = store
            .save_kpi(id, None, &KpiInput {
                name: sample.chars().take(80).collect(),
                unit: "🥐".into(),
                direction: Direction::Up,
                baseline: "10".into(),
                target: "20".into(),
                baseline_date: "2026-01-05".into(),
                target_date: "2026-12-31".into(),
                value_per_unit: String::new(),
                worth_counts: crate::book::kpi::WorthCounts::Monthly, share: String::new(), below_baseline_counts: false,
            })
            .unwrap();
        store.save_measurement(kpi.id, None, &MeasurementInput { measured_on: "2026-08-31".into(), value: "14".into(), note: huge.chars().take(500).collect() }).unwrap();

        drop(store);
        store = Store::open(&dir.path().join("unicode.sqlite3")).unwrap();
        let data = store.client_data(id).unwrap();
        assert_eq!(data.client.name, input.name.trim(), "name {i}");
        assert_eq!((data.client.goal.as_str(), data.client.notes.as_str()), (input.goal.trim(), huge.trim()), "sample {i}");
        assert_eq!(data.client.plan.recap, huge.trim());
        assert_eq!(data.kpis[0].name, sample.chars().take(80).collect::<String>().trim());

        for paper in [PaperSize::A4, PaperSize::Letter] {
            let month = crate::book::month::Month::parse("month", "2026-08").unwrap();
            let monthly = render_monthly(&monthly::build(&studio(paper), &brand(), &data, month, today())).unwrap();
            assert_inside(&monthly);
            assert_eq!(text_of_pages(&monthly.bytes).len(), 1);
            let notes = QbrNotes { client_id: id, quarter: Q.key(), working: huge.clone(), not_working: sample.to_string(), adjust: sample.to_string() };
            let qbr = render_qbr(&qbr::build(&studio(paper), &brand(), &data, &notes, Q, today())).unwrap();
            assert_inside(&qbr);
            assert_pages_filled(&qbr);
        }
    }
}

#[test]
fn the_year_so_far_is_set_against_the_budget_the_client_shared() {
    let mut data = quarterly();
    let r = qbr::build(&studio(PaperSize::A4), &brand(), &data, &notes(), Q, today());
    assert_eq!(r.budget, None, "no budget shared: nothing said");
    data.client.plan.annual_budget_cents = Some(6_240_000);
    let r = qbr::build(&studio(PaperSize::A4), &brand(), &data, &notes(), Q, today());
    assert_eq!(r.budget.as_deref(), Some("of a €62,400.00 budget (12%)"), "€7,500 of €62,400 so far this fiscal year");
    assert!(r.summary.iter().any(|l| l.contains("(€7,500.00 so far this fiscal year, of a €62,400.00 budget (12%))")), "{:?}", r.summary);
    let first = text_of_pages(&render_qbr(&r).unwrap().bytes)[0].replace(' ', "");
    assert!(first.contains("ofa€62,400.00budget(12%)"), "on the first page's tile: {first}");
}

#[test]
fn the_slides_state_one_message_each_on_16_by_9_pages_from_the_same_report() {
    let mut data = quarterly();
    data.asks = vec![super::tests::ask(1, "Sign off the autumn budget", "2026-12-05", None)];
    data.kpi_notes = vec![super::tests::why(data.kpis[0].id, &Q.key(), "The lunch page converts twice as well.")];
    let r = qbr::build(&studio(PaperSize::A4), &brand(), &data, &notes(), Q, today());
    assert_eq!(deck::kpi_message(&r.kpis[0]), "Weekday orders up 30 to 160 orders — 60% of the way to 200 orders");
    let rendered = render_qbr_deck(&r).unwrap();
    assert_eq!((rendered.width, rendered.height), (960.0, 540.0), "16:9");
    assert_inside(&rendered);
    let slides: Vec<String> = text_of_pages(&rendered.bytes).iter().map(|p| p.replace(' ', "")).collect();
    assert_eq!(slides.len(), rendered.pages);
    assert!(slides[0].contains("Quarterlybusinessreview") && slides[0].contains("HarbourBakery"), "a title slide: {}", slides[0]);
    let titled = |words: &str| slides.iter().any(|s| s.contains(&words.replace(' ', "")));
    for message in [
        "Weekday orders up 30 to 160 orders — 60% of the way to 200 orders",
        "The lunch page converts twice as well.",
        "Next: the plan for Q3 FY2027, and 1 thing we need from you",
        "Sign off the autumn budget",
        "You invested €5,000.00 in Q2 FY2027",
    ] {
        assert!(titled(message), "“{message}” on a slide: {slides:?}");
    }
    for (i, slide) in slides.iter().enumerate() {
        assert!(slide.contains(&format!("{}/{}", i + 1, slides.len())), "slide {} numbered", i + 1);
    }
    assert!(!slides.join(" ").contains(SECRET), "nothing internal");
}

#[test]
fn hours_against_the_included_ones_are_said_in_words() {
    assert_eq!(super::qbr_words::hours_difference(1_000, 2_250), "12.5 h fewer");
    assert_eq!(super::qbr_words::hours_difference(2_000, 2_000), "as included");
    assert_eq!(super::qbr_words::hours_difference(2_400, 2_000), "4 h more");
}

/// No page but the last is under half full (measured from what is drawn above the footer), and
/// no page ends with a heading.
fn assert_pages_filled(r: &Rendered) {
    use super::canvas::Shape;
    let footer = r.height - super::monthly_page::MARGIN - 14.0 - 1.0;
    for (i, page) in r.shapes.iter().enumerate().take(r.shapes.len().saturating_sub(1)) {
        let bottom = |s: &Shape| match s {
            Shape::Text { baseline, size, .. } => baseline + size * 0.29,
            Shape::Rect { top, height, .. } | Shape::Image { top, height, .. } => top + height,
            Shape::Line { points, .. } => points.iter().map(|p| p.1).fold(0.0, f32::max),
            Shape::Dot { y, radius, .. } => y + radius,
        };
        let content: Vec<&Shape> = page.iter().filter(|s| bottom(s) < footer).collect();
        let last = content.iter().copied().max_by(|a, b| bottom(a).total_cmp(&bottom(b)));
        let filled = last.map_or(0.0, bottom) / r.height;
        assert!(filled >= 0.5, "page {} of {} is only {:.0}% full", i + 1, r.pages, filled * 100.0);
        let last_text = content.iter().filter(|s| matches!(s, Shape::Text { .. })).max_by(|a, b| bottom(a).total_cmp(&bottom(b)));
        if let Some(Shape::Text { bold: true, size, text, colour, .. }) = last_text {
            assert!(*size < 10.5 || *colour != super::canvas::INK, "page {} ends with the heading “{text}”", i + 1);
        }
    }
}

/// `qpdf --check` finds nothing wrong with `pdf`.
pub(super) fn assert_qpdf_ok(pdf: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).unwrap();
    match std::process::Command::new("qpdf").arg("--check").arg(&path).output() {
        Ok(out) => assert!(out.status.success(), "qpdf --check: {}", String::from_utf8_lossy(&out.stdout)),
        // CI installs qpdf and sets this, so there the check cannot be skipped.
        Err(_) if std::env::var_os("CLIENTWELL_REQUIRE_TOOLS").is_none() => eprintln!("qpdf not installed: check skipped"),
        Err(e) => panic!("qpdf is required here: {e}"),
    }
}

#[test]
fn the_flowing_qbr_and_its_slides_pass_qpdf_check_with_long_data() {
    let mut data = quarterly();
    data.invoices = (0..48).map(|i| invoice(i, &format!("INV-{i:03}"), "2026-08-03", 100_000, None)).collect();
    data.asks = (0..12).map(|i| super::tests::ask(i, "Approve the copy", "2026-11-30", None)).collect();
    let r = qbr::build(&studio(PaperSize::Letter), &brand(), &data, &notes(), Q, today());
    assert_qpdf_ok(&render_qbr(&r).unwrap().bytes);
    assert_qpdf_ok(&render_qbr_deck(&r).unwrap().bytes);
}
