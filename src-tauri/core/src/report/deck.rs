//! The QBR as a 16:9 presentation for the screen share in the meeting: one message per slide,
//! each title stating it ("Online orders a week up 4 to 103 — 72% of the way to 120"). Drawn
//! from the same `QbrReport` as the pre-read, so it can show nothing the pre-read does not.

use super::canvas::{Canvas, Colour, Look, Style, INK, MUTED, RULE};
use super::chart;
use super::monthly::{with_unit, KpiRow, Line};
use super::monthly_page::{studio_logo, TINT};
use super::qbr::QbrReport;

/// A 16:9 slide in points (13.33 × 7.5 inches, as presentation apps use).
pub const WIDTH: f32 = 960.0;
pub const HEIGHT: f32 = 540.0;
const M: f32 = 48.0;
const BODY_TOP: f32 = M + 96.0;
const BODY_BOTTOM: f32 = HEIGHT - M - 8.0;

type Body<'a> = Box<dyn Fn(&mut Canvas<'_>, Colour) + 'a>;

/// One slide: its title (the message) and what is drawn under it.
pub struct Slide<'a> {
    pub title: String,
    body: Body<'a>,
}

impl<'a> Slide<'a> {
    fn new(title: String, body: impl Fn(&mut Canvas<'_>, Colour) + 'a) -> Slide<'a> {
        Slide { title, body: Box::new(body) }
    }
}

/// A result's movement as a slide title: "Online orders a week up 4 to 103 — 72% of the way to
/// 120", "… held at 44%", "… at 103" with nothing to compare, or that no figure is recorded.
pub fn kpi_message(row: &KpiRow) -> String {
    let unit = |v: &str| with_unit(v, &row.unit);
    let toward = row.progress.as_ref().map_or_else(String::new, |p| format!(" — {p} of the way to {}", unit(&row.target)));
    match (&row.current, &row.previous, &row.change) {
        (Some(now), Some(_), Some(change)) if change == "0" => format!("{} held at {}{toward}", row.name, unit(now)),
        (Some(now), Some(_), Some(change)) => {
            let (word, by) = match change.strip_prefix('+') {
                Some(by) => ("up", by.to_owned()),
                None => ("down", change.trim_start_matches('\u{2013}').to_owned()),
            };
            format!("{} {word} {by} to {}{toward}", row.name, unit(now))
        }
        (Some(now), _, _) => format!("{} at {}{toward}", row.name, unit(now)),
        _ => format!("{}: no figure recorded yet", row.name),
    }
}

/// Every slide of the deck, in the order of the meeting.
pub fn slides<'a>(r: &'a QbrReport) -> Vec<Slide<'a>> {
    let mut out = Vec::new();
    let verdict = r.summary.first().cloned().unwrap_or_else(|| format!("Where we stand at the end of {}", r.quarter_label));
    out.push(Slide::new(verdict, move |c, accent| {
        let lines: Vec<String> = r.summary.iter().skip(1).cloned().collect();
        let y = bullets(c, &lines, BODY_TOP, WIDTH - 2.0 * M);
        tiles(c, r, y.max(BODY_TOP + 150.0), accent);
    }));
    for (i, row) in r.kpis.iter().enumerate() {
        out.push(Slide::new(kpi_message(row), move |c, accent| kpi_slide(c, r, i, row, accent)));
    }
    // The owner's review in as many columns as they wrote; the title names only those.
    let review: Vec<(&str, &str, &str)> = [("What is working", "what works", &r.working), ("What did not work", "what did not", &r.not_working), ("What we adjust", "what we adjust", &r.adjust)]
        .into_iter()
        .filter(|(_, _, text)| !text.trim().is_empty())
        .map(|(heading, short, text)| (heading, short, text.as_str()))
        .collect();
    if !review.is_empty() {
        let shorts: Vec<&str> = review.iter().map(|(_, short, _)| *short).collect();
        let title = match shorts.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{}, and {last}", rest.join(", ")),
            _ => shorts.concat(),
        };
        let title = crate::book::text::capitalised(&title);
        out.push(Slide::new(title, move |c, _| {
            let gap = 32.0;
            let n = review.len() as f32;
            let width = (WIDTH - 2.0 * M - gap * (n - 1.0)) / n;
            for (i, (heading, _, text)) in review.iter().enumerate() {
                text_column(c, M + i as f32 * (width + gap), heading, text, width);
            }
        }));
    }
    let delivered = match r.delivered.len() {
        0 => format!("No new work was delivered in {}", r.quarter_label),
        1 => format!("We delivered 1 piece of work in {}", r.quarter_label),
        n => format!("We delivered {n} pieces of work in {}", r.quarter_label),
    };
    out.push(Slide::new(delivered, move |c, _| items(c, M, BODY_TOP, WIDTH - 2.0 * M, &r.delivered, 2)));
    let next = match r.asks.len() {
        0 => format!("Next: the plan for {}", r.next_quarter_label),
        1 => format!("Next: the plan for {}, and 1 thing we need from you", r.next_quarter_label),
        n => format!("Next: the plan for {}, and {n} things we need from you", r.next_quarter_label),
    };
    out.push(Slide::new(next, move |c, _| {
        let half = (WIDTH - 2.0 * M - 40.0) / 2.0;
        let y = heading(c, M, BODY_TOP, half, &format!("Plan for {}", r.next_quarter_label));
        if r.plan.is_empty() {
            c.text(M, y + 14.0, half, "No milestones are due next quarter yet.", Style::new(13.0, false, MUTED));
        }
        items(c, M, y, half, &r.plan, 1);
        let right = M + half + 40.0;
        let y = heading(c, right, BODY_TOP, half, "What we need from you");
        if r.asks.is_empty() {
            c.text(right, y + 14.0, half, "Nothing is needed from you right now.", Style::new(13.0, false, MUTED));
        }
        items(c, right, y, half, &r.asks, 1);
    }));
    if !r.risks.is_empty() {
        out.push(Slide::new("Risks we are watching, and what we do about them".to_owned(), move |c, _| items(c, M, BODY_TOP, WIDTH - 2.0 * M, &r.risks, 2)));
    }
    if !r.opportunities.is_empty() {
        out.push(Slide::new("Ideas we would like to explore with you".to_owned(), move |c, _| items(c, M, BODY_TOP, WIDTH - 2.0 * M, &r.opportunities, 2)));
    }
    // The money: what each result is worth against what was invested, and the renewal (the
    // tiles are on the first slide already).
    out.push(Slide::new(format!("You invested {} in {} ({} {})", r.invested_quarter, r.quarter_label, r.invested_year, if r.quarter.year_starts == 1 { "this year" } else { "this fiscal year" }), move |c, accent| {
        let mut y = BODY_TOP;
        for v in &r.value {
            c.text(M, y + 18.0, 380.0, &v.kpi, Style::new(14.0, true, INK));
            let how = if v.counts == "once" { format!("{}, counted once", v.improvement) } else { format!("{} on average over {}", v.improvement, v.counts) };
            c.text(M + 390.0, y + 18.0, 230.0, &how, Style::new(13.0, false, MUTED));
            c.text_right(WIDTH - M, y + 18.0, 220.0, &v.value, Style::new(16.0, true, accent));
            c.rect(M, y + 28.0, WIDTH - 2.0 * M, 0.6, RULE);
            y += 36.0;
        }
        let mut lines = Vec::new();
        lines.extend(r.value_summary.clone());
        lines.extend(r.renewal.clone());
        bullets(c, &lines, y + 8.0, WIDTH - 2.0 * M);
    }));
    out
}

/// Draws slide `index` of `count` (0 is the title slide, before `slides`).
pub fn draw(c: &mut Canvas<'_>, r: &QbrReport, look: &Look, slide: Option<&Slide<'_>>, index: usize, count: usize) {
    let accent = look.accent;
    c.rect(0.0, 0.0, WIDTH, 8.0, accent);
    let Some(slide) = slide else {
        let name_x = M + studio_logo(c, look, M, M + 20.0);
        c.text(name_x, M + 20.0, WIDTH - 2.0 * M, &r.studio, Style::new(16.0, true, accent));
        c.text(M, 210.0, WIDTH - 2.0 * M, "Quarterly business review", Style::new(20.0, false, MUTED));
        let y = c.paragraph(M, 262.0, WIDTH - 2.0 * M, &r.client, Style::new(40.0, true, INK), 2);
        c.text(M, y + 6.0, WIDTH - 2.0 * M, &format!("{} · {}", r.quarter_label, r.quarter_span), Style::new(18.0, false, MUTED));
        footer(c, r, index, count);
        return;
    };
    // A title that needs two lines at 24 pt is set at 20 pt, so it never reaches the rule.
    let big = Style::new(24.0, true, INK);
    let style = if c.wrap(&slide.title, WIDTH - 2.0 * M, big, 3).len() > 1 { Style::new(20.0, true, INK) } else { big };
    c.paragraph(M, M + 24.0, WIDTH - 2.0 * M, &slide.title, style, 2);
    c.rect(M, M + 74.0, 60.0, 3.0, accent);
    (slide.body)(c, accent);
    footer(c, r, index, count);
}

fn footer(c: &mut Canvas<'_>, r: &QbrReport, index: usize, count: usize) {
    let y = HEIGHT - 30.0;
    let small = Style::new(9.0, false, MUTED);
    c.text(M, y, WIDTH * 0.6, &format!("{} · {} · {}", r.studio, r.client, r.quarter_label), small);
    c.text_right(WIDTH - M, y, WIDTH * 0.35, &format!("Figures as of {} · {} / {count}", r.as_of, index + 1), small);
}

fn heading(c: &mut Canvas<'_>, x: f32, y: f32, width: f32, text: &str) -> f32 {
    c.text(x, y + 14.0, width, text, Style::new(14.0, true, INK));
    c.rect(x, y + 22.0, width, 0.8, RULE);
    y + 30.0
}

/// Lines as bullets, each up to three lines; returns the next free y.
fn bullets(c: &mut Canvas<'_>, lines: &[String], top: f32, width: f32) -> f32 {
    let style = Style::new(15.0, false, INK);
    let mut y = top + 16.0;
    for line in lines {
        if y + style.leading() > BODY_BOTTOM {
            break;
        }
        c.text(M, y, 16.0, "•", style);
        y = c.paragraph(M + 20.0, y, width - 20.0, line, style, 3) + 8.0;
    }
    y
}

/// Items in `columns` columns, cut with "+ N more" when they do not fit.
fn items(c: &mut Canvas<'_>, x: f32, top: f32, width: f32, list: &[Line], columns: usize) {
    const ITEM: f32 = 40.0;
    let col_w = (width - 32.0 * (columns as f32 - 1.0)) / columns as f32;
    let per_column = ((BODY_BOTTOM - top) / ITEM).floor().max(1.0) as usize;
    let room = per_column * columns;
    let shown = if list.len() <= room { list.len() } else { room - 1 };
    for (i, item) in list.iter().take(shown).enumerate() {
        let (col, row) = (i / per_column, i % per_column);
        let (ix, iy) = (x + col as f32 * (col_w + 32.0), top + row as f32 * ITEM);
        c.text(ix, iy + 16.0, col_w, &item.text, Style::new(14.0, false, INK));
        c.text(ix, iy + 32.0, col_w, &item.detail, Style::new(10.5, false, MUTED));
    }
    if shown < list.len() {
        let (col, row) = (shown / per_column, shown % per_column);
        c.text(x + col as f32 * (col_w + 32.0), top + row as f32 * ITEM + 16.0, col_w, &format!("+ {} more in the written review", list.len() - shown), Style::new(12.0, true, MUTED));
    }
}

fn text_column(c: &mut Canvas<'_>, x: f32, title: &str, text: &str, width: f32) {
    let y = heading(c, x, BODY_TOP, width, title);
    let body = if text.trim().is_empty() { "—" } else { text.trim() };
    let style = Style::new(14.0, false, INK);
    let lines = ((BODY_BOTTOM - y - 8.0) / style.leading()).floor().max(1.0) as usize;
    c.paragraph(x, y + 18.0, width, &body.replace('\n', " "), style, lines);
}

/// Invested this quarter and year, value to date and the renewal; returns the next free y.
fn tiles(c: &mut Canvas<'_>, r: &QbrReport, y: f32, accent: Colour) -> f32 {
    let tiles = super::qbr_pages::tile_figures(r);
    let gap = 16.0;
    let w = (WIDTH - 2.0 * M - 3.0 * gap) / 4.0;
    let h = 96.0;
    for (i, (label, figure, detail)) in tiles.iter().enumerate() {
        let x = M + i as f32 * (w + gap);
        c.rect(x, y, w, h, TINT);
        c.text(x + 12.0, y + 20.0, w - 24.0, &label.to_uppercase(), Style::new(9.0, true, MUTED));
        let after = c.paragraph(x + 12.0, y + 46.0, w - 24.0, figure, Style::new(17.0, true, accent), 2);
        if !detail.is_empty() {
            c.text(x + 12.0, after.min(y + h - 10.0), w - 24.0, detail, Style::new(10.0, false, MUTED));
        }
    }
    y + h
}

/// A result: its chart over two quarters beside its figures and, when written, why it moved.
fn kpi_slide(c: &mut Canvas<'_>, r: &QbrReport, i: usize, row: &KpiRow, accent: Colour) {
    let chart_w = (WIDTH - 2.0 * M) * 0.6;
    if let Some(ch) = r.charts.get(i).filter(|ch| !ch.points.is_empty()) {
        chart::draw(c, ch, M, BODY_TOP, chart_w, BODY_BOTTOM - BODY_TOP - 30.0, accent);
    } else {
        c.text(M, BODY_TOP + 20.0, chart_w, "No values recorded in these six months.", Style::new(13.0, false, MUTED));
    }
    let x = M + chart_w + 32.0;
    let w = WIDTH - M - x;
    let dash = || "—".to_owned();
    // The quarter's figures, named by its last day as on the written review.
    let end = r.quarter.last_day().format("%-d %b").to_string();
    let figures = [
        (end.clone(), row.current.clone().unwrap_or_else(dash)),
        ("Target".to_owned(), row.target.clone()),
        (format!("Expected {end}"), row.expected.clone()),
        ("Progress".to_owned(), row.progress.clone().unwrap_or_else(dash)),
        ("Status".to_owned(), row.status.clone()),
    ];
    let mut y = BODY_TOP;
    for (label, value) in figures {
        c.text(x, y + 14.0, w * 0.55, &label, Style::new(12.0, false, MUTED));
        c.text_right(x + w, y + 14.0, w * 0.45, &value, Style::new(14.0, true, INK));
        c.rect(x, y + 22.0, w, 0.6, RULE);
        y += 30.0;
    }
    if let Some(why) = &row.why {
        c.text(x, y + 22.0, w, "WHY IT MOVED", Style::new(9.0, true, MUTED));
        let lines = ((BODY_BOTTOM - y - 40.0) / Style::new(12.0, false, INK).leading()).floor().max(1.0) as usize;
        c.paragraph(x, y + 40.0, w, why, Style::new(12.0, false, INK), lines);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_results_movement_is_said_as_a_slide_title() {
        let row = |current: Option<&str>, previous: Option<&str>, change: Option<&str>, progress: Option<&str>| KpiRow {
            kpi_id: 1,
            name: "Share of direct bookings".into(),
            unit: "%".into(),
            baseline: "40".into(),
            target: "55".into(),
            previous: previous.map(Into::into),
            current: current.map(Into::into),
            change: change.map(Into::into),
            progress: progress.map(Into::into),
            expected: "50".into(),
            status: "On track".into(),
            why: None,
        };
        assert_eq!(kpi_message(&row(Some("44"), Some("44"), Some("0"), Some("27%"))), "Share of direct bookings held at 44% — 27% of the way to 55%");
        assert_eq!(kpi_message(&row(Some("41"), Some("44"), Some("\u{2013}3"), Some("7%"))), "Share of direct bookings down 3 to 41% — 7% of the way to 55%");
        assert_eq!(kpi_message(&row(Some("44"), None, None, None)), "Share of direct bookings at 44%");
        assert_eq!(kpi_message(&row(None, None, None, None)), "Share of direct bookings: no figure recorded yet");
    }
}
