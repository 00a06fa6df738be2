//! The layout of the QBR report: four pages (cover and summary, results, review and plan, the
//! money page), each drawn into fixed regions so long data is cut with "+ N more" instead of
//! spilling over. Same canvas, fonts and chart as the monthly summary.

use super::canvas::{Canvas, Look, Style, INK, MUTED, RULE};
use super::chart;
use super::monthly_page::{list, list_height, studio_logo, title, MARGIN, TINT};
use super::qbr::QbrReport;

pub const PAGES: usize = 4;

const BODY: Style = Style::new(9.5, false, INK);
const HEAD: Style = Style::new(7.5, true, MUTED);
const ROW: f32 = 15.0;

/// The band at the top of pages 2-4; returns where content starts.
fn header(c: &mut Canvas<'_>, r: &QbrReport, heading: &str, look: &Look) -> f32 {
    let (left, width) = (MARGIN, c.width - 2.0 * MARGIN);
    c.rect(0.0, 0.0, c.width, 5.0, look.accent);
    let name_x = left + studio_logo(c, look, left, MARGIN);
    c.text(name_x, MARGIN, width * 0.45 - (name_x - left), &r.studio, Style::new(9.0, true, look.accent));
    c.text_right(left + width, MARGIN, width * 0.53, &format!("{} · {}", r.client, r.quarter_label), Style::new(8.5, false, MUTED));
    c.text(left, MARGIN + 30.0, width, heading, Style::new(17.0, true, INK));
    c.rect(left, MARGIN + 40.0, width, 0.8, RULE);
    MARGIN + 58.0
}

fn footer(c: &mut Canvas<'_>, r: &QbrReport, page: usize) -> f32 {
    let (left, width) = (MARGIN, c.width - 2.0 * MARGIN);
    let top = c.height - MARGIN - 14.0;
    c.rect(left, top, width, 0.6, RULE);
    c.text(left, top + 12.0, width * 0.6, &r.contact, Style::new(8.0, false, MUTED));
    c.text_right(left + width, top + 12.0, width * 0.38, &format!("Figures as of {} · Page {page} of {PAGES}", r.as_of), Style::new(8.0, false, MUTED));
    top
}

/// A table: the first column takes what the others leave. Rows that would pass `bottom` are
/// counted in a "+ N more" line. Returns the next free y.
fn table(c: &mut Canvas<'_>, left: f32, top: f32, width: f32, bottom: f32, columns: &[(&str, f32)], rows: &[Vec<String>]) -> f32 {
    let fixed: f32 = columns.iter().skip(1).map(|c| c.1).sum();
    let first_w = width - fixed - 6.0;
    let mut y = top;
    c.text(left, y + 8.0, first_w, &columns[0].0.to_uppercase(), HEAD);
    let mut x = left + first_w + 6.0;
    for (label, w) in &columns[1..] {
        c.text_right(x + w, y + 8.0, w - 4.0, &label.to_uppercase(), HEAD);
        x += w;
    }
    y += 12.0;
    let fits = ((bottom - y) / ROW).floor().max(0.0) as usize;
    let shown = if rows.len() <= fits { rows.len() } else { fits.saturating_sub(1) };
    for row in &rows[..shown] {
        c.rect(left, y, width, 0.5, RULE);
        c.text(left, y + 11.0, first_w, &row[0], Style::new(9.0, true, INK));
        let mut x = left + first_w + 6.0;
        for ((_, w), cell) in columns[1..].iter().zip(&row[1..]) {
            c.text_right(x + w, y + 11.0, w - 4.0, cell, Style::new(9.0, false, INK));
            x += w;
        }
        y += ROW;
    }
    c.rect(left, y, width, 0.5, RULE);
    if shown < rows.len() {
        c.text(left, y + 11.0, width, &format!("+ {} more", rows.len() - shown), Style::new(8.5, true, MUTED));
        y += ROW;
    }
    y + 6.0
}

pub fn cover(c: &mut Canvas<'_>, r: &QbrReport, look: &Look) {
    let accent = look.accent;
    let (left, width) = (MARGIN, c.width - 2.0 * MARGIN);
    c.rect(0.0, 0.0, c.width, 5.0, accent);
    let name_x = left + studio_logo(c, look, left, MARGIN + 4.0);
    c.text(name_x, MARGIN + 4.0, width - (name_x - left), &r.studio, Style::new(12.0, true, accent));
    c.text(left, MARGIN + 110.0, width, "Quarterly business review", Style::new(14.0, false, MUTED));
    let mut y = c.paragraph(left, MARGIN + 146.0, width, &r.client, Style::new(28.0, true, INK), 2);
    c.text(left, y + 4.0, width, &format!("{} · {}", r.quarter_label, r.quarter_span), Style::new(14.0, false, MUTED));
    y += 30.0;
    c.rect(left, y, width, 0.8, RULE);
    y += 18.0;
    y = title(c, left, y, width, "Executive summary");
    for line in &r.summary {
        y = c.paragraph(left, y + 8.0, width, line, Style::new(11.0, false, INK), 3) + 2.0;
    }
    y += 10.0;
    y = tiles(c, r, left, y, width, accent) + 14.0;
    let bottom = footer(c, r, 1) - 8.0;
    y = scoreboard(c, r, left, y, width, bottom - 90.0);
    let goal_style = Style::new(10.5, false, INK);
    let goal = if r.goal.trim().is_empty() { "Not written down yet.".to_owned() } else { format!("“{}”", r.goal.trim()) };
    let lines = c.wrap(&goal, width - 20.0, goal_style, 3).len().max(1) as f32;
    let box_h = 24.0 + lines * goal_style.leading();
    c.rect(left, y, width, box_h, TINT);
    c.rect(left, y, 3.0, box_h, accent);
    c.text(left + 12.0, y + 13.0, width - 20.0, "YOUR GOAL, IN YOUR WORDS", Style::new(7.5, true, MUTED));
    c.paragraph(left + 12.0, y + 27.0, width - 20.0, &goal, goal_style, 3);
}

/// The first page's four figures a CFO looks for: invested this quarter and this year, value to
/// date, and the renewal with the last day to give notice.
fn tiles(c: &mut Canvas<'_>, r: &QbrReport, left: f32, y: f32, width: f32, accent: super::canvas::Colour) -> f32 {
    let year = if r.quarter.year_starts == 1 { "So far this year" } else { "So far this fiscal year" };
    let value = r.value_tile.clone().unwrap_or_else(|| "Not yet measured".to_owned());
    let (renewal, notice) = r.renewal_tile.clone().unwrap_or_else(|| ("No date set".to_owned(), String::new()));
    let tiles = [(format!("Invested in {}", r.quarter_label), r.invested_quarter.clone(), String::new()), (year.to_owned(), r.invested_year.clone(), String::new()), (r.value_label.clone(), value, r.value_against.clone().unwrap_or_default()), ("Renewal".to_owned(), renewal, notice)];
    let gap = 10.0;
    let w = (width - 3.0 * gap) / 4.0;
    let h = 62.0;
    for (i, (label, figure, detail)) in tiles.iter().enumerate() {
        let x = left + i as f32 * (w + gap);
        c.rect(x, y, w, h, TINT);
        c.text(x + 8.0, y + 14.0, w - 16.0, &label.to_uppercase(), Style::new(6.5, true, MUTED));
        let after = c.paragraph(x + 8.0, y + 30.0, w - 16.0, figure, Style::new(11.0, true, accent), 2);
        if !detail.is_empty() {
            c.text(x + 8.0, after.min(y + h - 6.0), w - 16.0, detail, Style::new(7.5, false, MUTED));
        }
    }
    y + h
}

/// Every agreed result: now, target, where it should be by now, a year ago, and its status.
fn scoreboard(c: &mut Canvas<'_>, r: &QbrReport, left: f32, y: f32, width: f32, bottom: f32) -> f32 {
    if r.scoreboard.is_empty() {
        return y;
    }
    let y = title(c, left, y, width, "Results at a glance");
    let columns = [("Result", 0.0), ("Now", 56.0), ("Target", 52.0), ("Expected by now", 82.0), ("A year ago", 64.0), ("Status", 62.0)];
    let rows: Vec<Vec<String>> = r.scoreboard.iter().map(|s| vec![s.name.clone(), s.now.clone(), s.target.clone(), s.expected.clone(), s.year_ago.clone().unwrap_or_else(|| "—".to_owned()), s.status.clone()]).collect();
    table(c, left, y, width, bottom, &columns, &rows) + 10.0
}

pub fn results(c: &mut Canvas<'_>, r: &QbrReport, look: &Look) {
    let accent = look.accent;
    let (left, width) = (MARGIN, c.width - 2.0 * MARGIN);
    let mut y = header(c, r, "Results since the last review", look);
    let bottom = footer(c, r, 2) - 8.0;
    if r.kpis.is_empty() {
        c.text(left, y + 10.0, width, "No measurable results are agreed yet: we will agree them together in this review.", Style::new(10.0, false, MUTED));
        return;
    }
    let previous = r.quarter.previous().label();
    let columns = [("Measure", 0.0), ("Baseline", 50.0), ("Target", 50.0), (previous.as_str(), 62.0), (r.quarter_label.as_str(), 62.0), ("Change", 44.0), ("Progress", 48.0), ("Status", 56.0)];
    let dash = || "—".to_owned();
    let rows: Vec<Vec<String>> = r
        .kpis
        .iter()
        .map(|k| {
            let name = super::monthly::name_with_unit(&k.name, &k.unit);
            vec![name, k.baseline.clone(), k.target.clone(), k.previous.clone().unwrap_or_else(dash), k.current.clone().unwrap_or_else(dash), k.change.clone().unwrap_or_else(dash), k.progress.clone().unwrap_or_else(dash), k.status.clone()]
        })
        .collect();
    y = table(c, left, y, width, bottom, &columns, &rows) + 10.0;
    y = why_they_moved(c, r, left, y, width);

    // One chart per KPI, two to a row, over the previous and this quarter.
    let gap = 20.0;
    let chart_w = (width - gap) / 2.0;
    let chart_h = 120.0;
    for (i, ch) in r.charts.iter().enumerate() {
        let (col, row) = (i % 2, i / 2);
        let (x, top) = (left + col as f32 * (chart_w + gap), y + row as f32 * (chart_h + 34.0));
        if top + chart_h + 30.0 > bottom {
            break;
        }
        c.text(x, top + 10.0, chart_w, &ch.name, Style::new(9.5, true, INK));
        if ch.points.is_empty() {
            c.text(x, top + 26.0, chart_w, "No values recorded in these six months.", Style::new(8.5, false, MUTED));
        } else {
            chart::draw(c, ch, x, top + 16.0, chart_w, chart_h, accent);
        }
    }
}

/// The owner's words for why each result moved this quarter, under the table, when written.
fn why_they_moved(c: &mut Canvas<'_>, r: &QbrReport, left: f32, y: f32, width: f32) -> f32 {
    let notes: Vec<(&str, &str)> = r.kpis.iter().filter_map(|k| k.why.as_deref().map(|w| (k.name.as_str(), w))).collect();
    if notes.is_empty() {
        return y;
    }
    let mut y = title(c, left, y, width, "Why they moved");
    for (name, why) in notes {
        y = c.paragraph(left, y + 9.0, width, &format!("{name}: {why}"), BODY, 2) - 9.0 + 3.0;
    }
    y + 14.0
}

fn text_block(c: &mut Canvas<'_>, left: f32, y: f32, width: f32, heading: &str, text: &str, lines: usize) -> f32 {
    // A section the owner did not write is left out: a document sent to a CFO carries no
    // placeholder (the preview lists what is missing before saving).
    if text.trim().is_empty() {
        return y;
    }
    let y = title(c, left, y, width, heading);
    // Paragraphs share one budget of lines; text beyond it ends in an ellipsis.
    let paragraphs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let (mut next, mut budget) = (y + 9.0, lines);
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if budget == 0 {
            break;
        }
        let mut wrapped = c.wrap(paragraph, width, BODY, budget);
        budget -= wrapped.len();
        if budget == 0 && i + 1 < paragraphs.len() {
            if let Some(last) = wrapped.last_mut() {
                *last = c.fit(&format!("{}…", last.trim_end_matches('…')), width, BODY);
            }
        }
        for line in wrapped {
            c.text(left, next, width, &line, BODY);
            next += BODY.leading();
        }
        next += 3.0;
    }
    next + 6.0
}

pub fn review(c: &mut Canvas<'_>, r: &QbrReport, look: &Look) {
    let (left, width) = (MARGIN, c.width - 2.0 * MARGIN);
    let mut y = header(c, r, "What works, what we adjust, what comes next", look);
    let bottom = footer(c, r, 3) - 8.0;
    y = text_block(c, left, y, width, "What is working", &r.working, 7);
    y = text_block(c, left, y, width, "What we adjust", &r.adjust, 7) + 6.0;

    let half = (width - 24.0) / 2.0;
    let room = bottom - y;
    let opportunities_h = list_height(&r.opportunities).min(room * 0.3);
    // What the studio needs from the client; left out when nothing is open.
    let asks_h = if r.asks.is_empty() { 0.0 } else { list_height(&r.asks).min(room * 0.3) + 10.0 };
    let columns_h = room - opportunities_h - asks_h - 10.0;
    list(c, left, y, half, columns_h, &format!("Delivered in {}", r.quarter_label), &r.delivered, "No new work was delivered this quarter.");
    list(c, left + half + 24.0, y, half, columns_h, &format!("Plan for {}", r.next_quarter_label), &r.plan, "No milestones are due next quarter yet.");
    let used = list_height(&r.delivered).max(list_height(&r.plan)).min(columns_h);
    let mut y = y + used + 10.0;
    if !r.asks.is_empty() {
        y += list(c, left, y, width, asks_h - 10.0, "What we need from you", &r.asks, "") + 10.0;
    }
    list(c, left, y, width, bottom - y, "Opportunities we see", &r.opportunities, "Nothing new to propose this quarter.");
}

pub fn money(c: &mut Canvas<'_>, r: &QbrReport, look: &Look) {
    let accent = look.accent;
    let (left, width) = (MARGIN, c.width - 2.0 * MARGIN);
    let mut y = header(c, r, "What you invested and what it achieved", look);
    let footer_top = footer(c, r, 4);

    // Method notes sit above the footer; everything else stops above them.
    let note = Style::new(7.0, false, MUTED);
    let notes: Vec<Vec<String>> = r.footnotes.iter().map(|n| c.wrap(n, width, note, 3)).collect();
    let notes_h: f32 = notes.iter().map(|l| l.len() as f32 * note.leading() + 2.0).sum::<f32>() + 14.0;
    let bottom = footer_top - notes_h - 6.0;
    let mut ny = bottom + 12.0;
    c.text(left, ny, width, "HOW THESE FIGURES ARE WORKED OUT", Style::new(7.0, true, MUTED));
    ny += 10.0;
    for lines in &notes {
        for line in lines {
            c.text(left, ny, width, line, note);
            ny += note.leading();
        }
        ny += 2.0;
    }

    // Two headline figures.
    let half = (width - 24.0) / 2.0;
    for (i, (label, value)) in [(format!("Invested in {}", r.quarter_label), &r.invested_quarter), (if r.quarter.year_starts == 1 { "So far this year" } else { "So far this fiscal year" }.to_owned(), &r.invested_year)].iter().enumerate() {
        let x = left + i as f32 * (half + 24.0);
        c.rect(x, y, half, 48.0, TINT);
        c.text(x + 12.0, y + 16.0, half - 24.0, &label.to_uppercase(), Style::new(7.5, true, MUTED));
        c.text(x + 12.0, y + 38.0, half - 24.0, value, Style::new(18.0, true, accent));
    }
    y += 62.0;

    let rows: Vec<Vec<String>> = r.by_service_line.iter().map(|m| vec![m.label.clone(), m.quarter.clone(), m.year.clone()]).collect();
    if !rows.is_empty() {
        y = title(c, left, y, width, "By service");
        y = table(c, left, y, width, (y + 16.0 + 4.0 * ROW).min(bottom), &[("Service", 0.0), (r.quarter_label.as_str(), 100.0), ("Fiscal year", 100.0)], &rows);
    }

    y = title(c, left, y + 4.0, width, "Invoices this quarter");
    let ledger: Vec<Vec<String>> = r.ledger.iter().map(|l| vec![l.number.clone(), l.issued.clone(), l.due.clone(), l.status.clone(), l.amount.clone()]).collect();
    if ledger.is_empty() {
        c.text(left, y + 9.0, width, "No invoices were issued this quarter.", Style::new(9.0, false, MUTED));
        y += 18.0;
    } else {
        y = table(c, left, y, width, (y + 16.0 + 6.0 * ROW).min(bottom), &[("Invoice", 0.0), ("Issued", 80.0), ("Due", 80.0), ("Status", 100.0), ("Amount", 90.0)], &ledger);
        c.text(left, y + 6.0, width, &r.ledger_totals, Style::new(8.5, false, MUTED));
        y += 14.0;
    }

    let hours: Vec<Vec<String>> = r.hours.iter().map(|h| vec![h.month.clone(), h.included.clone(), h.used.clone()]).collect();
    if !hours.is_empty() && y + 60.0 < bottom {
        y = title(c, left, y + 6.0, width, "Retainer hours");
        y = table(c, left, y, width, bottom, &[("Month", 0.0), ("Included", 90.0), ("Used", 90.0)], &hours);
    }

    let value: Vec<Vec<String>> = r.value.iter().map(|v| vec![v.kpi.clone(), v.counts.clone(), v.improvement.clone(), v.per_unit.clone(), v.value.clone()]).collect();
    if !value.is_empty() && y + 60.0 < bottom {
        y = title(c, left, y + 6.0, width, "Value to date");
        y = table(c, left, y, width, bottom - 24.0, &[("Result", 0.0), ("Counted", 80.0), ("Average gain", 80.0), ("Worth × share", 100.0), ("Value", 110.0)], &value);
    }
    if let Some(summary) = r.value_summary.as_ref().filter(|_| y + 30.0 < bottom) {
        if value.is_empty() {
            y = title(c, left, y + 6.0, width, "Value to date");
        }
        y = c.paragraph(left, y + 6.0, width, summary, Style::new(9.0, true, INK), 3);
    }
    if let Some(renewal) = &r.renewal {
        if y + 30.0 < bottom {
            y = title(c, left, y + 6.0, width, "Renewal");
            c.paragraph(left, y + 9.0, width, renewal, BODY, 2);
        }
    }
}
