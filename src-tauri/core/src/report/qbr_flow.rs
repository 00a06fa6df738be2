//! What follows the QBR's first page, as pieces that flow over the pages (`flow.rs`): the
//! results with the owner's words for why they moved and a chart per result, what works and
//! what we adjust, what was delivered and what comes next, what we need from the client, the
//! opportunities, the money, the renewal and how the figures are worked out.

use std::rc::Rc;

use super::canvas::{Canvas, Colour, Look, Style, INK, MUTED, RULE};
use super::chart;
use super::flow::Piece;
use super::monthly::Line;
use super::monthly_page::{title, TINT};
use super::qbr::QbrReport;

const BODY: Style = Style::new(9.5, false, INK);
const HEAD: Style = Style::new(7.5, true, MUTED);
const NOTE: Style = Style::new(7.0, false, MUTED);
const ROW: f32 = 15.0;
const ITEM: f32 = 25.0;
const CHART_ROW: f32 = 154.0;

/// The column the pieces are drawn in, and a canvas to measure text with.
pub struct Frame<'m, 'f> {
    pub left: f32,
    pub width: f32,
    pub measure: &'m Canvas<'f>,
}

pub fn pieces<'a>(r: &'a QbrReport, look: &Look, f: &Frame<'_, '_>) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    results(&mut out, r, look.accent, f);
    review(&mut out, r, f);
    money(&mut out, r, look.accent, f);
    method(&mut out, r, f);
    out
}

fn section<'a>(out: &mut Vec<Piece<'a>>, text: String, f: &Frame<'_, '_>) {
    let (left, width) = (f.left, f.width);
    out.push(Piece::space(22.0));
    out.push(Piece::heading(40.0, move |c, y| {
        c.text(left, y + 18.0, width, &text, Style::new(17.0, true, INK));
        c.rect(left, y + 27.0, width, 0.8, RULE);
    }));
}

fn subtitle<'a>(out: &mut Vec<Piece<'a>>, text: String, f: &Frame<'_, '_>) {
    let (left, width) = (f.left, f.width);
    out.push(Piece::space(8.0));
    out.push(Piece::heading(19.0, move |c, y| {
        title(c, left, y, width, &text);
    }));
}

/// Lines already wrapped to the column, as one piece.
fn lines<'a>(out: &mut Vec<Piece<'a>>, lines: Vec<String>, style: Style, f: &Frame<'_, '_>) {
    if lines.is_empty() {
        return;
    }
    let (left, width) = (f.left, f.width);
    let height = lines.len() as f32 * style.leading() + 4.0;
    out.push(Piece::new(height, move |c, y| {
        let mut baseline = y + style.size + 1.0;
        for line in &lines {
            c.text(left, baseline, width, line, style);
            baseline += style.leading();
        }
    }));
}

fn paragraph<'a>(out: &mut Vec<Piece<'a>>, text: &str, style: Style, max_lines: usize, f: &Frame<'_, '_>) {
    lines(out, f.measure.wrap(text, f.width, style, max_lines), style, f);
}

/// The owner's own section: left out when not written (the preview lists it as missing).
/// Paragraphs share one budget of lines; text beyond it ends in an ellipsis.
fn owner_text<'a>(out: &mut Vec<Piece<'a>>, heading: &str, text: &str, budget: usize, f: &Frame<'_, '_>) {
    if text.trim().is_empty() {
        return;
    }
    subtitle(out, heading.to_owned(), f);
    let paragraphs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut left = budget;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if left == 0 {
            break;
        }
        let mut wrapped = f.measure.wrap(paragraph, f.width, BODY, left);
        left -= wrapped.len();
        if left == 0 && i + 1 < paragraphs.len() {
            if let Some(last) = wrapped.last_mut() {
                *last = f.measure.fit(&format!("{}…", last.trim_end_matches('…')), f.width, BODY);
            }
        }
        lines(out, wrapped, BODY, f);
    }
}

/// A table whose rows never split; a page break repeats its header. The first column takes
/// what the others leave.
fn table<'a>(out: &mut Vec<Piece<'a>>, columns: &[(&str, f32)], rows: Vec<Vec<String>>, f: &Frame<'_, '_>) {
    let (left, width) = (f.left, f.width);
    let fixed: f32 = columns.iter().skip(1).map(|c| c.1).sum();
    let first_w = width - fixed - 6.0;
    let widths: Vec<f32> = columns.iter().skip(1).map(|c| c.1).collect();
    let labels: Vec<String> = columns.iter().map(|c| c.0.to_uppercase()).collect();
    let head_widths = widths.clone();
    let header = Rc::new(Piece::heading(12.0, move |c, y| {
        c.text(left, y + 8.0, first_w, &labels[0], HEAD);
        let mut x = left + first_w + 6.0;
        for (label, w) in labels[1..].iter().zip(&head_widths) {
            c.text_right(x + w, y + 8.0, w - 4.0, label, HEAD);
            x += w;
        }
    }));
    let first = Rc::clone(&header);
    out.push(Piece::heading(12.0, move |c, y| (first.draw)(c, y)));
    for row in rows {
        let widths = widths.clone();
        out.push(Piece::row(ROW, &header, move |c, y| {
            c.rect(left, y, width, 0.5, RULE);
            c.text(left, y + 11.0, first_w, &row[0], Style::new(9.0, true, INK));
            let mut x = left + first_w + 6.0;
            for (w, cell) in widths.iter().zip(&row[1..]) {
                c.text_right(x + w, y + 11.0, w - 4.0, cell, Style::new(9.0, false, INK));
                x += w;
            }
            c.rect(left, y + ROW, width, 0.5, RULE);
        }));
    }
    out.push(Piece::space(6.0));
}

/// A titled list, one piece per item (text, and its detail under it).
fn list<'a>(out: &mut Vec<Piece<'a>>, heading: String, items: &[Line], empty: &str, f: &Frame<'_, '_>) {
    subtitle(out, heading, f);
    if items.is_empty() {
        paragraph(out, empty, Style::new(9.0, false, MUTED), 2, f);
        return;
    }
    let (left, width) = (f.left, f.width);
    for item in items {
        let (text, detail) = (item.text.clone(), item.detail.clone());
        out.push(Piece::new(ITEM, move |c, y| {
            c.text(left, y + 9.5, width, &text, Style::new(9.5, false, INK));
            c.text(left, y + 20.0, width, &detail, Style::new(8.0, false, MUTED));
        }));
    }
}

fn results<'a>(out: &mut Vec<Piece<'a>>, r: &'a QbrReport, accent: Colour, f: &Frame<'_, '_>) {
    section(out, "Results since the last review".to_owned(), f);
    if r.kpis.is_empty() {
        paragraph(out, "No measurable results are agreed yet: we will agree them together in this review.", Style::new(10.0, false, MUTED), 2, f);
        return;
    }
    let previous = r.quarter.previous().label();
    let columns = [("Measure", 0.0), ("Baseline", 50.0), ("Target", 50.0), (previous.as_str(), 62.0), (r.quarter_label.as_str(), 62.0), ("Change", 44.0), ("Progress", 48.0), ("Status", 56.0)];
    let dash = || "—".to_owned();
    let rows = r
        .kpis
        .iter()
        .map(|k| {
            let name = super::monthly::name_with_unit(&k.name, &k.unit);
            vec![name, k.baseline.clone(), k.target.clone(), k.previous.clone().unwrap_or_else(dash), k.current.clone().unwrap_or_else(dash), k.change.clone().unwrap_or_else(dash), k.progress.clone().unwrap_or_else(dash), k.status.clone()]
        })
        .collect();
    table(out, &columns, rows, f);

    // The owner's words for why each result moved this quarter, when written.
    let notes: Vec<(&str, &str)> = r.kpis.iter().filter_map(|k| k.why.as_deref().map(|w| (k.name.as_str(), w))).collect();
    if !notes.is_empty() {
        subtitle(out, "Why they moved".to_owned(), f);
        for (name, why) in notes {
            paragraph(out, &format!("{name}: {why}"), BODY, 3, f);
        }
    }

    // One chart per KPI over the previous and this quarter, two to a row.
    let (left, width) = (f.left, f.width);
    let gap = 20.0;
    let chart_w = (width - gap) / 2.0;
    out.push(Piece::space(10.0));
    for pair in r.charts.chunks(2) {
        out.push(Piece::new(CHART_ROW, move |c, y| {
            for (col, ch) in pair.iter().enumerate() {
                let x = left + col as f32 * (chart_w + gap);
                c.text(x, y + 10.0, chart_w, &ch.name, Style::new(9.5, true, INK));
                if ch.points.is_empty() {
                    c.text(x, y + 26.0, chart_w, "No values recorded in these six months.", Style::new(8.5, false, MUTED));
                } else {
                    chart::draw(c, ch, x, y + 16.0, chart_w, 120.0, accent);
                }
            }
        }));
    }
}

fn review<'a>(out: &mut Vec<Piece<'a>>, r: &'a QbrReport, f: &Frame<'_, '_>) {
    // The heading promises only what the page holds: the owner's two sections may be unwritten.
    let written = [&r.working, &r.not_working, &r.adjust].iter().any(|t| !t.trim().is_empty());
    section(out, if written { "What works, what did not, what comes next" } else { "What we delivered and what comes next" }.to_owned(), f);
    owner_text(out, "What is working", &r.working, 12, f);
    owner_text(out, "What did not work", &r.not_working, 12, f);
    owner_text(out, "What we adjust", &r.adjust, 12, f);
    list(out, format!("Delivered in {}", r.quarter_label), &r.delivered, "No new work was delivered this quarter.", f);
    list(out, format!("Plan for {}", r.next_quarter_label), &r.plan, "No milestones are due next quarter yet.", f);
    // What the studio needs from the client; left out when nothing is open.
    if !r.asks.is_empty() {
        list(out, "What we need from you".to_owned(), &r.asks, "", f);
    }
    // Only the risks the owner chose to share, each with its answer; left out when none.
    if !r.risks.is_empty() {
        list(out, "Risks we are watching, and what we do about them".to_owned(), &r.risks, "", f);
    }
    list(out, "Opportunities we see".to_owned(), &r.opportunities, "Nothing new to propose this quarter.", f);
}

fn money<'a>(out: &mut Vec<Piece<'a>>, r: &'a QbrReport, accent: Colour, f: &Frame<'_, '_>) {
    section(out, "What you invested and what it achieved".to_owned(), f);
    let (left, width) = (f.left, f.width);
    let year = if r.quarter.year_starts == 1 { "So far this year" } else { "So far this fiscal year" };
    let figures = [(format!("Invested in {}", r.quarter_label), r.invested_quarter.clone(), String::new()), (year.to_owned(), r.invested_year.clone(), r.budget.clone().unwrap_or_default())];
    out.push(Piece::new(62.0, move |c, y| {
        let half = (width - 24.0) / 2.0;
        for (i, (label, value, detail)) in figures.iter().enumerate() {
            let x = left + i as f32 * (half + 24.0);
            c.rect(x, y, half, 48.0, TINT);
            c.text(x + 12.0, y + 16.0, half - 24.0, &label.to_uppercase(), Style::new(7.5, true, MUTED));
            let w = c.text(x + 12.0, y + 38.0, half - 24.0, value, Style::new(18.0, true, accent));
            c.text(x + 20.0 + w, y + 38.0, half - 32.0 - w, detail, Style::new(8.5, false, MUTED));
        }
    }));

    if !r.by_service_line.is_empty() {
        subtitle(out, "By service".to_owned(), f);
        let rows = r.by_service_line.iter().map(|m| vec![m.label.clone(), m.quarter.clone(), m.year.clone()]).collect();
        table(out, &[("Service", 0.0), (r.quarter_label.as_str(), 100.0), ("Fiscal year", 100.0)], rows, f);
    }

    subtitle(out, "Invoices this quarter".to_owned(), f);
    if r.ledger.is_empty() {
        paragraph(out, "No invoices were issued this quarter.", Style::new(9.0, false, MUTED), 1, f);
    } else {
        let rows = r.ledger.iter().map(|l| vec![l.number.clone(), l.issued.clone(), l.due.clone(), l.status.clone(), l.amount.clone()]).collect();
        table(out, &[("Invoice", 0.0), ("Issued", 80.0), ("Due", 80.0), ("Status", 100.0), ("Amount", 90.0)], rows, f);
        paragraph(out, &r.ledger_totals, Style::new(8.5, false, MUTED), 2, f);
    }

    if !r.hours.is_empty() {
        subtitle(out, "Retainer hours".to_owned(), f);
        if r.hours.iter().any(|h| !h.carried.is_empty()) {
            let rows = r.hours.iter().map(|h| vec![h.month.clone(), h.included.clone(), h.carried.clone(), h.used.clone(), h.difference.clone()]).collect();
            table(out, &[("Month", 0.0), ("Included", 80.0), ("Carried over", 80.0), ("Used", 80.0), ("Against available", 110.0)], rows, f);
        } else {
            let rows = r.hours.iter().map(|h| vec![h.month.clone(), h.included.clone(), h.used.clone(), h.difference.clone()]).collect();
            table(out, &[("Month", 0.0), ("Included", 90.0), ("Used", 90.0), ("Against included", 110.0)], rows, f);
        }
        if let Some(rule) = &r.hours_rule {
            paragraph(out, rule, Style::new(8.5, false, MUTED), 2, f);
        }
    }

    if !r.value.is_empty() || r.value_summary.is_some() {
        subtitle(out, "Value to date".to_owned(), f);
    }
    if !r.value.is_empty() {
        let rows = r.value.iter().map(|v| vec![v.kpi.clone(), v.counts.clone(), v.improvement.clone(), v.per_unit.clone(), v.value.clone()]).collect();
        table(out, &[("Result", 0.0), ("Counted", 80.0), ("Average gain", 80.0), ("Worth × share", 100.0), ("Value", 110.0)], rows, f);
    }
    if let Some(summary) = &r.value_summary {
        paragraph(out, summary, Style::new(9.0, true, INK), 4, f);
    }
    if let Some(renewal) = &r.renewal {
        subtitle(out, "Renewal".to_owned(), f);
        paragraph(out, renewal, BODY, 4, f);
    }
}

/// How the figures are worked out, in small print at the end: the general rules as one piece
/// under the heading, then each result's worked example, each whole (a page may fall between
/// two notes, never inside one).
fn method<'a>(out: &mut Vec<Piece<'a>>, r: &'a QbrReport, f: &Frame<'_, '_>) {
    let (left, width) = (f.left, f.width);
    out.push(Piece::space(14.0));
    out.push(Piece::heading(12.0, move |c, y| {
        c.text(left, y + 8.0, width, "HOW THESE FIGURES ARE WORKED OUT", Style::new(7.0, true, MUTED));
    }));
    for note in &r.footnotes {
        paragraph(out, note, NOTE, 4, f);
    }
}
