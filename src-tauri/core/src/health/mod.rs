//! The health score: a few signals, each 0 (critical), 1 (at risk) or 2 (healthy), derived from
//! the client's records as of a day, each with its reason in plain words. A signal with no data
//! is unknown: left out of the maximum, never counted as 0. Pure functions, no SQL.

pub mod lifecycle;
mod overrides;
pub mod segment;
mod settings;
mod signals;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use specta::Type;

use crate::book::records::ClientData;

pub use crate::book::overrides::{HealthOverride, HealthOverrideInput, Signal};
pub use settings::HealthSettings;
pub use signals::Thresholds;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Red,
    Amber,
    Green,
    /// No signal has data yet.
    Unknown,
}

impl Band {
    pub fn label(self) -> &'static str {
        match self {
            Band::Green => "Green",
            Band::Amber => "Amber",
            Band::Red => "Red",
            Band::Unknown => "Not enough data",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SignalScore {
    pub signal: Signal,
    pub label: String,
    /// 0, 1 or 2; None when there is no data to judge by.
    pub score: Option<u8>,
    /// Why, in plain words: "2 of the last 3 invoices were paid late, the latest 12 days late."
    pub reason: String,
    /// Set by the owner rather than measured (the measured reason follows theirs).
    pub overridden: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Health {
    pub as_of: NaiveDate,
    pub score: u8,
    /// Twice the number of signals with data.
    pub max: u8,
    pub band: Band,
    pub signals: Vec<SignalScore>,
    /// One sentence: why the client is in this band.
    pub summary: String,
}

/// The band for `score` out of `max` with the default thresholds: green from 7/8 of the
/// maximum, amber from 4/8.
pub fn band(score: u8, max: u8) -> Band {
    band_with(score, max, 7, 4)
}

/// The band when green starts at `green` eighths of the maximum and amber at `amber` eighths.
pub fn band_with(score: u8, max: u8, green: u8, amber: u8) -> Band {
    if max == 0 {
        Band::Unknown
    } else if u32::from(score) * 8 >= u32::from(green) * u32::from(max) {
        Band::Green
    } else if u32::from(score) * 8 >= u32::from(amber) * u32::from(max) {
        Band::Amber
    } else {
        Band::Red
    }
}

/// The client's health as of `as_of`: the signals the settings count, each measured from the
/// records unless the owner overrode it (until the override expires).
pub fn health(data: &ClientData, as_of: NaiveDate, settings: &HealthSettings) -> Health {
    let t = &settings.thresholds;
    let signals: Vec<SignalScore> = settings
        .signals
        .iter()
        .map(|&signal| {
            let measured = match signal {
                Signal::Engagement => signals::engagement(data, as_of, t),
                Signal::Outcome => signals::outcome(data, as_of),
                Signal::Payment => signals::payment(data, as_of, t),
                Signal::Sentiment => signals::sentiment(data, as_of, t),
            };
            overrides::apply(measured, &data.overrides, as_of)
        })
        .collect();
    let known: Vec<&SignalScore> = signals.iter().filter(|s| s.score.is_some()).collect();
    let score: u8 = known.iter().filter_map(|s| s.score).sum();
    let max = 2 * known.len() as u8;
    let band = band_with(score, max, settings.green_eighths, settings.amber_eighths);
    let weakest: Vec<String> = known.iter().filter(|s| s.score < Some(2)).map(|s| lower_first(s.reason.trim_end_matches('.'))).collect();
    let summary = match band {
        Band::Unknown => "Not enough records yet to judge: log touchpoints, KPI values, invoices or survey answers.".to_owned(),
        Band::Green if weakest.is_empty() => format!("Healthy on every signal with data ({score} of {max})."),
        _ if weakest.is_empty() => format!("{} of {max}.", score),
        _ => format!("{} of {max}: {}.", score, weakest.join("; ")),
    };
    Health { as_of, score, max, band, signals, summary }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// The last day of the ISO week containing `day` (Sunday).
pub fn week_end(day: NaiveDate) -> NaiveDate {
    day + Days::new(u64::from(6 - day.weekday().num_days_from_monday()))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct WeekScore {
    /// "2026-W47".
    pub week: String,
    pub as_of: NaiveDate,
    pub score: u8,
    pub max: u8,
    pub band: Band,
}

/// The client's health at the end of each of the `weeks` ISO weeks up to the one holding
/// `as_of` (that week as of `as_of` itself), oldest first: recomputed from the records, so
/// imported history is back-filled and trends need nothing stored.
pub fn history(data: &ClientData, as_of: NaiveDate, weeks: usize, t: &HealthSettings) -> Vec<WeekScore> {
    (0..weeks)
        .rev()
        .map(|back| {
            let day = if back == 0 { as_of } else { week_end(as_of) - Days::new(7 * back as u64) };
            let h = health(data, day, t);
            let w = day.iso_week();
            WeekScore { week: format!("{}-W{:02}", w.year(), w.week()), as_of: day, score: h.score, max: h.max, band: h.band }
        })
        .collect()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod segment_tests;
