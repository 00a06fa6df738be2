//! The headline KPI's trend over the last twelve months with its target, as vector lines.

use super::canvas::{Canvas, Colour, Style, MUTED, RULE};
use super::format;
use super::monthly::KpiChart;

const TARGET: Colour = Colour::hex(0x2e8b57);
const WORK: Colour = Colour::hex(0xd08a2e);

/// Draws `chart` in the box at (x, top) of the given size; the caller has checked it has points.
pub fn draw(c: &mut Canvas<'_>, chart: &KpiChart, x: f32, top: f32, width: f32, height: f32, accent: Colour) {
    // Labels grow with the chart (up to 1.6×), so a chart on a slide stays readable on a screen.
    let scale = (height / 120.0).clamp(1.0, 1.6);
    let label = Style::new(7.5 * scale, false, MUTED);
    let axis_width = 44.0 * scale;
    let plot_x = x + axis_width;
    let plot_w = width - axis_width - 4.0;
    let plot_top = top + 6.0;
    let plot_h = height - 22.0;

    let values: Vec<f64> = chart.points.iter().map(|p| p.value).chain([chart.target]).collect();
    let (lo, hi, step) = nice_range(&values);
    let y_of = |v: f64| plot_top + plot_h - ((v - lo) / (hi - lo)) as f32 * plot_h;
    let slot = plot_w / chart.months.len().max(1) as f32;
    let x_of = |i: usize| plot_x + slot * (i as f32 + 0.5);

    let mut v = lo;
    while v <= hi + step / 2.0 {
        let y = y_of(v);
        c.line(&[(plot_x, y), (plot_x + plot_w, y)], RULE, 0.5, false);
        c.text_right(plot_x - 4.0, y + 2.5, axis_width - 6.0, &format::number(v), label);
        v += step;
    }
    let target_y = y_of(chart.target);
    c.line(&[(plot_x, target_y), (plot_x + plot_w, target_y)], TARGET, 1.0, true);
    let target_label = format!("Target {}", format::number(chart.target));
    c.text_right(plot_x + plot_w, target_y - 3.0, plot_w / 2.0, &target_label, Style::new(7.5 * scale, true, TARGET));

    let points: Vec<(f32, f32)> = chart
        .points
        .iter()
        .filter_map(|p| chart.months.iter().position(|m| *m == p.month).map(|i| (x_of(i), y_of(p.value))))
        .collect();
    c.line(&points, accent, 1.6, false);
    for &(px, py) in &points {
        c.dot(px, py, 2.4, accent);
    }
    // The months' labels sit clear of the squares at any scale.
    let months_baseline = plot_top + plot_h + 5.0 * scale + label.size;
    // Months with work delivered: a small square on the axis, and a key when there is any.
    let marked: Vec<usize> = chart.months.iter().enumerate().filter(|(_, m)| chart.delivered.contains(m)).map(|(i, _)| i).collect();
    for &i in &marked {
        c.rect(x_of(i) - 2.5 * scale, plot_top + plot_h - 2.5 * scale, 5.0 * scale, 5.0 * scale, WORK);
    }
    // Its key goes on a line under the months, where no line or target label can cross it.
    if !marked.is_empty() {
        let key = months_baseline + label.leading();
        c.rect(plot_x, key - 4.5 * scale, 5.0 * scale, 5.0 * scale, WORK);
        c.text(plot_x + 8.0 * scale, key, plot_w - 8.0 * scale, "work delivered that month", label);
    }
    for (i, m) in chart.months.iter().enumerate() {
        let text = m.short();
        let w = c.measure(&text, label);
        c.text(x_of(i) - w / 2.0, months_baseline, slot, &text, label);
    }
}

/// An axis from a round number below the data to one above it, in 2 to 5 round steps
/// (1, 2 or 5 times a power of ten), so its labels read like a person drew them.
fn nice_range(values: &[f64]) -> (f64, f64, f64) {
    let (mut lo, mut hi) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0, 0.5);
    }
    if hi - lo < 1e-9 {
        lo -= lo.abs().max(1.0) * 0.1;
        hi += hi.abs().max(1.0) * 0.1;
    }
    let rough = (hi - lo) / 4.0;
    let power = 10_f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * power).find(|s| *s >= rough).unwrap_or(10.0 * power);
    ((lo / step).floor() * step, (hi / step).ceil() * step, step)
}

#[cfg(test)]
mod tests {
    use super::nice_range;

    #[test]
    fn axes_use_round_steps_that_cover_the_data() {
        assert_eq!(nice_range(&[39.0, 44.0, 55.0]), (35.0, 55.0, 5.0));
        assert_eq!(nice_range(&[130.0, 150.0, 200.0]), (120.0, 200.0, 20.0));
        assert_eq!(nice_range(&[7.0, 7.0]), (6.0, 8.0, 0.5));
        let (lo, hi, step) = nice_range(&[0.013, 0.02]);
        assert!(lo <= 0.013 && hi >= 0.02 && (hi - lo) / step <= 5.0);
    }
}
