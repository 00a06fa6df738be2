//! The QBR's small sentences and figures in words.

use super::format;

/// "Both agreed results are on track at the end of Q3 2026", "1 of 3 agreed results is…".
pub(super) fn on_track_sentence(on_track: usize, of: usize, quarter: &str) -> String {
    let subject = match (on_track, of) {
        (1, 1) => "The agreed result is".to_owned(),
        (0, 1) => "The agreed result is not".to_owned(),
        (2, 2) => "Both agreed results are".to_owned(),
        (n, m) if n == m => format!("All {m} agreed results are"),
        (0, m) => format!("None of the {m} agreed results is"),
        (n, m) => format!("{n} of {m} agreed results {}", if n == 1 { "is" } else { "are" }),
    };
    format!("{subject} on track at the end of {quarter}.")
}

pub(super) fn pieces(n: usize) -> String {
    match n {
        0 => "no new pieces of work".to_owned(),
        1 => "1 piece of work".to_owned(),
        n => format!("{n} pieces of work"),
    }
}

pub(super) fn hours_text(hundredths: i64) -> String {
    format!("{} h", format::number(hundredths as f64 / 100.0))
}

/// "of a €62,400.00 budget (46%)": what was invested so far this fiscal year against the budget.
pub(super) fn budget_share(spent: i64, budget: i64, money: &dyn Fn(i64) -> String) -> String {
    match budget {
        0 => format!("of a {} budget", money(0)),
        _ => format!("of a {} budget ({})", money(budget), format::share(spent as f64 / budget as f64)),
    }
}

/// Hours used against the hours included: "4 h more", "12.5 h fewer" or "as included".
pub(super) fn hours_difference(used: i64, included: i64) -> String {
    match used.saturating_sub(included) {
        0 => "as included".to_owned(),
        d if d > 0 => format!("{} more", hours_text(d)),
        d => format!("{} fewer", hours_text(d.saturating_neg())),
    }
}
