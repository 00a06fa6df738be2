//! The layout of the monthly results summary: one page, always. Every text is measured and
//! clipped or wrapped to its column, and every list gets a fixed share of the page, cut with
//! "+ N more" when it has more than fits.

use super::canvas::{Canvas, Colour, Look, Style, INK, MUTED, RULE};
use super::chart;
use super::monthly::{Line, MonthlySummary};

pub const MARGIN: f32 = 44.0;
pub(super) const TINT: Colour = Colour::hex(0xf1f4fb);

const TITLE_HEIGHT: f32 = 19.0;
const EMPTY_HEIGHT: f32 = 14.0;
const INVOICE_ROW: f32 = 13.0;

pub(super) fn title(c: &mut Canvas<'_>, x: f32, top: f32, width: f32, text: &str) -> f32 {
    c.text(x, top + 11.0, width, text, Style::new(11.0, true, INK));
    top + TITLE_HEIGHT
}

/// The height a titled list needs to show all its items.
pub(super) fn list_height(items: &[Line]) -> f32 {
    TITLE_HEIGHT + if items.is_empty() { EMPTY_HEIGHT } else { items.len() as f32 * ITEM_HEIGHT }
}

const ITEM: Style = Style::new(9.5, false, INK);
const DETAIL: Style = Style::new(8.0, false, MUTED);
const ITEM_HEIGHT: f32 = 25.0;
const MORE_HEIGHT: f32 = 14.0;

/// A titled list in at most `height` points; returns the height used.
pub(super) fn list(c: &mut Canvas<'_>, x: f32, top: f32, width: f32, height: f32, heading: &str, items: &[Line], empty: &str) -> f32 {
    let mut y = title(c, x, top, width, heading);
    if items.is_empty() {
        c.text(x, y + 9.0, width, empty, Style::new(9.0, false, MUTED));
        return y + EMPTY_HEIGHT - top;
    }
    let room = ((top + height - y) / ITEM_HEIGHT).floor().max(0.0) as usize;
    let shown = if items.len() <= room { items.len() } else { ((top + height - y - MORE_HEIGHT) / ITEM_HEIGHT).floor().max(0.0) as usize };
    for item in &items[..shown] {
        c.text(x, y + 9.5, width, &item.text, ITEM);
        c.text(x, y + 20.0, width, &item.detail, DETAIL);
        y += ITEM_HEIGHT;
    }
    if shown < items.len() {
        c.text(x, y + 9.0, width, &format!("+ {} more", items.len() - shown), Style::new(8.5, true, MUTED));
        y += MORE_HEIGHT;
    }
    y - top
}

/// The studio's logo beside its name, on the name's baseline; returns the room it took.
pub(super) fn studio_logo(c: &mut Canvas<'_>, look: &Look, x: f32, baseline: f32) -> f32 {
    match &look.logo {
        Some(logo) => c.image(logo, x, baseline - 20.0, 26.0, 110.0) + 8.0,
        None => 0.0,
    }
}

/// Draws the whole summary on `c`.
pub fn draw(c: &mut Canvas<'_>, s: &MonthlySummary, look: &Look) {
    let (left, right) = (MARGIN, c.width - MARGIN);
    let width = right - left;
    let accent = look.accent;
    c.rect(0.0, 0.0, c.width, 5.0, accent);

    // Header: who (logo and name), for whom, which month.
    let name_x = left + studio_logo(c, look, left, MARGIN);
    c.text(name_x, MARGIN, width * 0.6 - (name_x - left), &s.studio, Style::new(10.0, true, accent));
    c.text_right(right, MARGIN, width * 0.38, "Monthly results summary", Style::new(9.0, false, MUTED));
    c.text(left, MARGIN + 28.0, width, &s.client, Style::new(20.0, true, INK));
    c.text(left, MARGIN + 46.0, width, &s.month.label(), Style::new(12.0, false, MUTED));
    c.rect(left, MARGIN + 56.0, width, 0.8, RULE);
    let mut y = MARGIN + 76.0;

    y = c.paragraph(left, y, width, &s.headline, Style::new(11.0, false, INK), 3) + 4.0;
    if let Some(value) = &s.value {
        y = c.paragraph(left, y, width, value, Style::new(9.5, true, INK), 2) + 4.0;
    }

    // The goal, in the client's words.
    let goal_style = Style::new(10.5, false, INK);
    let goal = if s.goal.trim().is_empty() { "Not written down yet.".to_owned() } else { format!("“{}”", s.goal.trim()) };
    let goal_lines = c.wrap(&goal, width - 20.0, goal_style, 2).len().max(1) as f32;
    let box_h = 24.0 + goal_lines * goal_style.leading();
    c.rect(left, y, width, box_h, TINT);
    c.rect(left, y, 3.0, box_h, accent);
    c.text(left + 12.0, y + 13.0, width - 20.0, "YOUR GOAL", Style::new(7.5, true, MUTED));
    c.paragraph(left + 12.0, y + 27.0, width - 20.0, &goal, goal_style, 2);
    y += box_h + 14.0;

    y = kpi_table(c, s, left, y, width);

    if let Some(ch) = s.chart.as_ref().filter(|ch| !ch.points.is_empty()) {
        let heading = format!("{} over the last 12 months", ch.name);
        y = title(c, left, y, width, &heading);
        chart::draw(c, ch, left, y, width, 118.0, accent);
        y += 126.0;
    }

    // Lists share what is left above the footer: two columns, then the invoices. Each gets what
    // it needs when everything fits, otherwise a fixed share, and cuts itself to that.
    let footer_top = c.height - MARGIN - 14.0;
    let room = footer_top - y - 8.0;
    let half = (width - 24.0) / 2.0;
    let (focus_need, asks_need) = (list_height(&s.next_focus), list_height(&s.asks));
    let columns_need = list_height(&s.delivered).max(focus_need + 6.0 + asks_need);
    let invoices_need = TITLE_HEIGHT + INVOICE_ROW * s.invoices.iter().map(|i| 1 + i.lines.len()).sum::<usize>().max(1) as f32;
    let column_h = if columns_need + invoices_need <= room { columns_need } else { columns_need.min((room * 0.55).max(room - invoices_need)) };
    let focus_h = if focus_need + 6.0 + asks_need <= column_h { focus_need } else { focus_need.min((column_h * 0.5).max(column_h - asks_need - 6.0)) };
    list(c, left, y, half, column_h, "Delivered this month", &s.delivered, "Nothing was delivered this month.");
    let focus_used = list(c, left + half + 24.0, y, half, focus_h, "Next month’s focus", &s.next_focus, "No milestones are due next month.");
    list(c, left + half + 24.0, y + focus_used + 6.0, half, column_h - focus_used - 6.0, "What we need from you", &s.asks, "Nothing is needed from you this month.");
    y += column_h + 8.0;
    invoices(c, s, left, y, width, footer_top - y - 4.0);

    c.rect(left, footer_top, width, 0.6, RULE);
    c.text(left, footer_top + 12.0, width * 0.7, &s.contact, Style::new(8.0, false, MUTED));
    c.text_right(right, footer_top + 12.0, width * 0.28, &s.studio, Style::new(8.0, true, MUTED));
}

fn kpi_table(c: &mut Canvas<'_>, s: &MonthlySummary, left: f32, top: f32, width: f32) -> f32 {
    let mut y = title(c, left, top, width, "Results");
    if s.kpis.is_empty() {
        c.text(left, y + 9.0, width, "No measurable results are agreed yet.", Style::new(9.0, false, MUTED));
        return y + 22.0;
    }
    // Numeric columns, right-aligned, measured from the right edge.
    // "Expected": where the straight line from baseline to target is at the month's end.
    let cols: [(&str, f32); 7] = [("Baseline", 50.0), ("Target", 46.0), ("Expected", 52.0), ("This month", 56.0), ("Change", 42.0), ("Progress", 48.0), ("Status", 58.0)];
    let numbers_w: f32 = cols.iter().map(|c| c.1).sum();
    let name_w = width - numbers_w - 8.0;
    let head = Style::new(7.5, true, MUTED);
    let cell = Style::new(9.0, false, INK);
    c.text(left, y + 8.0, name_w, "MEASURE", head);
    let mut x = left + name_w + 8.0;
    for (label, w) in cols {
        c.text_right(x + w, y + 8.0, w - 4.0, &label.to_uppercase(), head);
        x += w;
    }
    y += 13.0;
    for row in s.kpis.iter().take(crate::book::kpi::MAX_PER_CLIENT) {
        c.rect(left, y, width, 0.5, RULE);
        let name = super::monthly::name_with_unit(&row.name, &row.unit);
        c.text(left, y + 12.0, name_w, &name, Style::new(9.0, true, INK));
        let dash = "—".to_owned();
        let values = [&row.baseline, &row.target, &row.expected, row.current.as_ref().unwrap_or(&dash), row.change.as_ref().unwrap_or(&dash), row.progress.as_ref().unwrap_or(&dash), &row.status];
        let mut x = left + name_w + 8.0;
        for ((_, w), value) in cols.iter().zip(values) {
            c.text_right(x + w, y + 12.0, w - 4.0, value, cell);
            x += w;
        }
        y += 17.0;
        // The owner's words for why it moved, on one line under its row.
        if let Some(why) = &row.why {
            c.text(left + 8.0, y + 7.0, width - 8.0, &format!("Why: {why}"), Style::new(8.0, false, MUTED));
            y += 11.0;
        }
    }
    c.rect(left, y, width, 0.5, RULE);
    y + 14.0
}

fn invoices(c: &mut Canvas<'_>, s: &MonthlySummary, left: f32, top: f32, width: f32, height: f32) {
    let mut y = title(c, left, top, width, "Invoices this month");
    if s.invoices.is_empty() {
        c.text(left, y + 9.0, width, "No invoices were issued this month.", Style::new(9.0, false, MUTED));
        return;
    }
    // Each invoice is a header row and one row per line; rows that do not fit are counted.
    let rows: Vec<(bool, &str, &str, &str)> = s
        .invoices
        .iter()
        .flat_map(|inv| std::iter::once((true, inv.number.as_str(), inv.dates.as_str(), inv.total.as_str())).chain(inv.lines.iter().map(|l| (false, l.text.as_str(), "", l.detail.as_str()))))
        .collect();
    let fits = ((top + height - y) / INVOICE_ROW).floor().max(0.0) as usize;
    let shown = if rows.len() <= fits { rows.len() } else { fits.saturating_sub(1) };
    let amount_w = width * 0.42;
    for (header, text, dates, amount) in &rows[..shown] {
        if *header {
            let total_w = c.text_right(left + width, y + 9.5, amount_w * 0.5, amount, Style::new(9.0, true, INK));
            let w = c.text(left, y + 9.5, width * 0.3, &format!("Invoice {text}"), Style::new(9.0, true, INK));
            c.text(left + w + 8.0, y + 9.5, width - total_w - w - 24.0, dates, Style::new(8.0, false, MUTED));
        } else {
            c.text(left + 12.0, y + 9.5, width - amount_w - 20.0, text, Style::new(8.5, false, INK));
            c.text_right(left + width, y + 9.5, amount_w, amount, Style::new(8.5, false, MUTED));
        }
        y += INVOICE_ROW;
    }
    if shown < rows.len() {
        c.text(left, y + 9.0, width, &format!("+ {} more invoice lines", rows.len() - shown), Style::new(8.5, true, MUTED));
    }
}
