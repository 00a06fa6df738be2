//! The QBR's page furniture and its first page: the band on every later page, the footer with
//! "Page x of y", and the cover with the CFO's summary, tiles and scoreboard (drawn into fixed
//! regions, its table cut with "+ N more"). What follows the cover flows (`qbr_flow.rs`).

use super::canvas::{Canvas, Look, Style, INK, MUTED, RULE};
use super::monthly_page::{studio_logo, title, MARGIN, TINT};
use super::qbr::QbrReport;

const HEAD: Style = Style::new(7.5, true, MUTED);
const ROW: f32 = 15.0;

/// Where the flowing content starts on the pages after the first.
pub const CONTENT_TOP: f32 = MARGIN + 22.0;

/// The band at the top of every page after the first.
pub fn band(c: &mut Canvas<'_>, r: &QbrReport, look: &Look) {
    let (left, width) = (MARGIN, c.width - 2.0 * MARGIN);
    c.rect(0.0, 0.0, c.width, 5.0, look.accent);
    let name_x = left + studio_logo(c, look, left, MARGIN);
    c.text(name_x, MARGIN, width * 0.45 - (name_x - left), &r.studio, Style::new(9.0, true, look.accent));
    c.text_right(left + width, MARGIN, width * 0.53, &format!("{} · {}", r.client, r.quarter_label), Style::new(8.5, false, MUTED));
    c.rect(left, MARGIN + 8.0, width, 0.6, RULE);
}

/// Where the footer's rule is: content stays above it.
pub fn footer_top(height: f32) -> f32 {
    height - MARGIN - 14.0
}

pub fn footer(c: &mut Canvas<'_>, r: &QbrReport, page: usize, pages: usize) {
    let (left, width) = (MARGIN, c.width - 2.0 * MARGIN);
    let top = footer_top(c.height);
    c.rect(left, top, width, 0.6, RULE);
    c.text(left, top + 12.0, width * 0.6, &r.contact, Style::new(8.0, false, MUTED));
    c.text_right(left + width, top + 12.0, width * 0.38, &format!("Figures as of {} · Page {page} of {pages}", r.as_of), Style::new(8.0, false, MUTED));
}

/// A table: the first column takes what the others leave. Rows that would pass `bottom` are
/// counted in a "+ N more" line. Returns the next free y and the top of each row drawn.
fn table(c: &mut Canvas<'_>, left: f32, top: f32, width: f32, bottom: f32, columns: &[(&str, f32)], rows: &[Vec<String>]) -> (f32, Vec<f32>) {
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
    let mut tops = Vec::with_capacity(shown);
    for row in &rows[..shown] {
        tops.push(y);
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
    (y + 6.0, tops)
}

/// Draws the first page's content; returns where it ends.
pub fn cover(c: &mut Canvas<'_>, r: &QbrReport, look: &Look) -> f32 {
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
    let bottom = footer_top(c.height) - 8.0;
    y = scoreboard(c, r, left, y, width, bottom - 90.0, accent);
    let goal_style = Style::new(10.5, false, INK);
    let goal = if r.goal.trim().is_empty() { "Not written down yet.".to_owned() } else { format!("“{}”", r.goal.trim()) };
    let lines = c.wrap(&goal, width - 20.0, goal_style, 3).len().max(1) as f32;
    let box_h = 24.0 + lines * goal_style.leading();
    c.rect(left, y, width, box_h, TINT);
    c.rect(left, y, 3.0, box_h, accent);
    c.text(left + 12.0, y + 13.0, width - 20.0, "YOUR GOAL, IN YOUR WORDS", Style::new(7.5, true, MUTED));
    c.paragraph(left + 12.0, y + 27.0, width - 20.0, &goal, goal_style, 3);
    y + box_h
}

/// The four figures a CFO looks for, as (label, figure, detail): invested this quarter and this
/// year (against the budget), value to date, and the renewal with the last day to give notice.
/// The first page and the first slide show the same four.
pub fn tile_figures(r: &QbrReport) -> [(String, String, String); 4] {
    let year = if r.quarter.year_starts == 1 { "So far this year" } else { "So far this fiscal year" };
    let value = r.value_tile.clone().unwrap_or_else(|| "Not yet measured".to_owned());
    let (renewal, notice) = r.renewal_tile.clone().unwrap_or_else(|| ("No date set".to_owned(), String::new()));
    [
        (format!("Invested in {}", r.quarter_label), r.invested_quarter.clone(), String::new()),
        (year.to_owned(), r.invested_year.clone(), r.budget.clone().unwrap_or_default()),
        (r.value_label.clone(), value, r.value_against.clone().unwrap_or_default()),
        ("Renewal".to_owned(), renewal, notice),
    ]
}

fn tiles(c: &mut Canvas<'_>, r: &QbrReport, left: f32, y: f32, width: f32, accent: super::canvas::Colour) -> f32 {
    let tiles = tile_figures(r);
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
fn scoreboard(c: &mut Canvas<'_>, r: &QbrReport, left: f32, y: f32, width: f32, bottom: f32, accent: super::canvas::Colour) -> f32 {
    if r.scoreboard.is_empty() {
        return y;
    }
    let y = title(c, left, y, width, "Results at a glance");
    // The figures are the quarter's: said with its last day, not "now", which the page's date
    // ("Figures as of …") would contradict.
    let end = r.quarter.last_day().format("%-d %b").to_string();
    let expected = format!("Expected {end}");
    // The "6 months" column is left blank by the table and drawn as a small line afterwards.
    const SPARK: f32 = 58.0;
    let columns = [("Result", 0.0), ("6 months", SPARK), (end.as_str(), 50.0), ("Target", 48.0), (expected.as_str(), 74.0), ("A year before", 64.0), ("Status", 58.0)];
    let rows: Vec<Vec<String>> = r.scoreboard.iter().map(|s| vec![s.name.clone(), String::new(), s.now.clone(), s.target.clone(), s.expected.clone(), s.year_ago.clone().unwrap_or_else(|| "—".to_owned()), s.status.clone()]).collect();
    let (next, tops) = table(c, left, y, width, bottom, &columns, &rows);
    // The sparkline column starts where the first column (the rest of the width) ends.
    let fixed: f32 = columns.iter().skip(1).map(|c| c.1).sum();
    let spark_x = left + (width - fixed - 6.0) + 6.0 + 6.0;
    for (chart, top) in r.charts.iter().zip(tops) {
        sparkline(c, chart, spark_x, top + 3.0, SPARK - 12.0, ROW - 6.0, accent);
    }
    next + 10.0
}

/// A result's last six months as a small line (no axes): its direction at a glance.
fn sparkline(c: &mut Canvas<'_>, chart: &super::monthly::KpiChart, x: f32, top: f32, width: f32, height: f32, colour: super::canvas::Colour) {
    let values: Vec<(usize, f64)> = chart.points.iter().filter_map(|p| chart.months.iter().position(|m| *m == p.month).map(|i| (i, p.value))).collect();
    if values.len() < 2 {
        return;
    }
    let (lo, hi) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (_, v)| (lo.min(*v), hi.max(*v)));
    let span = if hi - lo < 1e-9 { 1.0 } else { hi - lo };
    let step = width / (chart.months.len().max(2) - 1) as f32;
    let points: Vec<(f32, f32)> = values.iter().map(|(i, v)| (x + *i as f32 * step, top + height - ((v - lo) / span) as f32 * height)).collect();
    c.line(&points, colour, 1.2, false);
    if let Some(&(px, py)) = points.last() {
        c.dot(px, py, 1.8, colour);
    }
}

