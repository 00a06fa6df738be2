//! KPIs of a client's success plan and their measurements, with progress toward the target
//! judged against the straight line from baseline to target.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::stored_enum::stored_enum;
use super::check::Check;
use super::{money, text};
use crate::error::{Error, Result};

pub const MAX_PER_CLIENT: usize = 5;

stored_enum!(
    /// Up: more is better (leads, revenue). Down: less is better (cost per lead, days to close).
    Direction { Up = "up", Down = "down" }
);

stored_enum!(
    /// How an agreed worth per unit counts. Monthly: the KPI is a flow (leads a month, bookings a
    /// month), so an improvement earns its worth every month it lasts. Once: a level reached once
    /// (a cost saved once, a launch), so the improvement counts one time.
    WorthCounts { Monthly = "monthly", Once = "once" }
);

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Kpi {
    pub id: i64,
    pub client_id: i64,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    // f64s here are always finite (inputs are checked, a target never equals its baseline), so
    // TypeScript gets a plain number rather than specta's `number | null` for NaN.
    #[specta(type = i32)]
    pub baseline: f64,
    #[specta(type = i32)]
    pub target: f64,
    pub baseline_date: NaiveDate,
    pub target_date: NaiveDate,
    /// What one unit of improvement is worth to the client, in minor units, if agreed.
    pub cents_per_unit: Option<i64>,
    pub worth_counts: WorthCounts,
    /// The share of the improvement the client agrees the studio may claim, in percent: a range
    /// (50–80) or one number (both the same; 100 unless agreed otherwise).
    pub share_low_pct: i64,
    pub share_high_pct: i64,
    /// Whether a month below the baseline counts against the value (off unless the owner opts in).
    pub below_baseline_counts: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Measurement {
    pub id: i64,
    pub kpi_id: i64,
    pub measured_on: NaiveDate,
    /// Finite, like every KPI number (see `Kpi`).
    #[specta(type = i32)]
    pub value: f64,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum KpiStatus {
    OnTrack,
    Slipping,
    OffTrack,
    /// No measurement yet.
    NoData,
}

impl KpiStatus {
    /// The words for a status, the same on the screens and in the client's documents.
    pub fn label(self) -> &'static str {
        match self {
            KpiStatus::OnTrack => "On track",
            KpiStatus::Slipping => "Slipping",
            KpiStatus::OffTrack => "Off track",
            KpiStatus::NoData => "No figure yet",
        }
    }
}

/// How far a KPI has come, as of a day.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct KpiProgress {
    pub latest: Option<Measurement>,
    /// Share of the way from baseline to target reached by the latest value (1.0 = target met).
    #[specta(type = Option<i32>)]
    pub progress: Option<f64>,
    /// Share of the way the straight line from baseline to target expects by the latest value's date.
    #[specta(type = i32)]
    pub expected: f64,
    pub status: KpiStatus,
    /// `status` in words ("On track"), from [`KpiStatus::label`].
    pub label: String,
}

/// Points of progress behind the straight line still counted as on track / as slipping.
const ON_TRACK_SLACK: f64 = 0.10;
const SLIPPING_SLACK: f64 = 0.25;

impl Kpi {
    /// Whether `value` is at or past the target, in the KPI's good direction.
    pub fn reaches(&self, value: f64) -> bool {
        match self.direction {
            Direction::Up => value >= self.target,
            Direction::Down => value <= self.target,
        }
    }

    /// Share of the way from baseline to target that `value` represents.
    pub fn progress_of(&self, value: f64) -> f64 {
        (value - self.baseline) / (self.target - self.baseline)
    }

    /// Share of the way the straight line expects on `day` (0 before the baseline date, 1 after the target date).
    pub fn expected_on(&self, day: NaiveDate) -> f64 {
        let total = (self.target_date - self.baseline_date).num_days() as f64;
        let gone = (day - self.baseline_date).num_days() as f64;
        (gone / total).clamp(0.0, 1.0)
    }

    /// Where the straight line from baseline to target puts the KPI on `day`, in its units:
    /// whole when the baseline and target are (183, not 183.24 orders).
    pub fn expected_value_on(&self, day: NaiveDate) -> f64 {
        let value = self.baseline + self.expected_on(day) * (self.target - self.baseline);
        if self.baseline.fract() == 0.0 && self.target.fract() == 0.0 {
            value.round()
        } else {
            value
        }
    }

    /// Progress judged at the latest measurement on or before `as_of`.
    pub fn progress(&self, measurements: &[Measurement], as_of: NaiveDate) -> KpiProgress {
        let latest = measurements.iter().filter(|m| m.measured_on <= as_of).max_by_key(|m| m.measured_on).cloned();
        let Some(m) = latest else {
            return KpiProgress { latest: None, progress: None, expected: self.expected_on(as_of), status: KpiStatus::NoData, label: KpiStatus::NoData.label().to_owned() };
        };
        let progress = self.progress_of(m.value);
        let expected = self.expected_on(m.measured_on);
        let status = if progress >= 1.0 || progress >= expected - ON_TRACK_SLACK {
            KpiStatus::OnTrack
        } else if progress >= expected - SLIPPING_SLACK {
            KpiStatus::Slipping
        } else {
            KpiStatus::OffTrack
        };
        KpiProgress { latest: Some(m), progress: Some(progress), expected, status, label: status.label().to_owned() }
    }
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct KpiInput {
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub baseline: String,
    pub target: String,
    pub baseline_date: String,
    pub target_date: String,
    /// Optional money value of one unit, as typed.
    pub value_per_unit: String,
    pub worth_counts: WorthCounts,
    /// The share the studio may claim, as typed: "100", "50-80", "50–80 %"; empty means 100.
    pub share: String,
    pub below_baseline_counts: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KpiFields {
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub baseline: f64,
    pub target: f64,
    pub baseline_date: NaiveDate,
    pub target_date: NaiveDate,
    pub cents_per_unit: Option<i64>,
    pub worth_counts: WorthCounts,
    pub share_low_pct: i64,
    pub share_high_pct: i64,
    pub below_baseline_counts: bool,
}

/// A share in percent as people write it: "80", "80 %", "50-80", "50–80%", "50 to 80".
pub fn parse_share(field: &str, text: &str) -> Result<(i64, i64)> {
    let shown = text.trim();
    if shown.is_empty() {
        return Ok((100, 100));
    }
    let bad = || Error::validation(field, format!("'{shown}' is not a share: write a percentage from 0 to 100, or a range like 50-80."));
    let plain = shown.replace('%', "");
    let parts: Vec<&str> = plain.split(['-', '–', '—']).flat_map(|p| p.split(" to ")).map(str::trim).collect();
    let numbers = parts.iter().map(|p| p.parse::<i64>().ok().filter(|n| (0..=100).contains(n))).collect::<Option<Vec<_>>>().ok_or_else(bad)?;
    match numbers.as_slice() {
        [one] => Ok((*one, *one)),
        [low, high] if low <= high => Ok((*low, *high)),
        [_, _] => Err(Error::validation(field, format!("'{shown}': write the lower share first, like 50-80."))),
        _ => Err(bad()),
    }
}

/// "100%" or "50–80%", as the share is shown back (written as the documents write every share).
pub fn share_text(low: i64, high: i64) -> String {
    if low == high {
        format!("{low}%")
    } else {
        format!("{low}–{high}%")
    }
}

impl KpiInput {
    pub fn validate(&self, minor_digits: u8) -> Result<KpiFields> {
        let mut c = Check::default();
        let fields = self.fields(minor_digits, &mut c);
        c.first(fields)
    }

    /// The fields with every one checked into `c` (stand-ins where a field failed).
    pub fn fields(&self, minor_digits: u8, c: &mut Check) -> KpiFields {
        let name = c.field(text::text("name", "KPI name", &self.name, 1, 80));
        let unit = c.field(text::text("unit", "Unit", &self.unit, 0, 20));
        let baseline = c.field(money::parse_number("baseline", "Baseline", &self.baseline));
        let target = c.field(money::parse_number("target", "Target", &self.target));
        c.rule(|| match self.direction {
            Direction::Up if target <= baseline => Err(Error::validation("target", "For a KPI where more is better, the target must be above the baseline.")),
            Direction::Down if target >= baseline => Err(Error::validation("target", "For a KPI where less is better, the target must be below the baseline.")),
            _ => Ok(()),
        });
        let baseline_date = c.field(text::date("baseline_date", "Baseline date", &self.baseline_date));
        let target_date = c.field(text::date("target_date", "Target date", &self.target_date));
        c.rule(|| {
            if target_date <= baseline_date {
                return Err(Error::validation("target_date", "The target date must come after the baseline date."));
            }
            Ok(())
        });
        let cents_per_unit = if self.value_per_unit.trim().is_empty() {
            None
        } else {
            Some(c.field(money::parse_amount("value_per_unit", "Value per unit", &self.value_per_unit, minor_digits)))
        };
        let (share_low_pct, share_high_pct) = c.field(parse_share("share", &self.share));
        KpiFields {
            name,
            unit,
            direction: self.direction,
            baseline,
            target,
            baseline_date,
            target_date,
            cents_per_unit,
            worth_counts: self.worth_counts,
            share_low_pct,
            share_high_pct,
            below_baseline_counts: self.below_baseline_counts,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct MeasurementInput {
    pub measured_on: String,
    pub value: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeasurementFields {
    pub measured_on: NaiveDate,
    pub value: f64,
    pub note: String,
}

impl MeasurementInput {
    pub fn validate(&self) -> Result<MeasurementFields> {
        let mut c = Check::default();
        let fields = self.fields(&mut c);
        c.first(fields)
    }

    /// The fields with every one checked into `c` (stand-ins where a field failed).
    pub fn fields(&self, c: &mut Check) -> MeasurementFields {
        MeasurementFields {
            measured_on: c.field(text::date("measured_on", "Date", &self.measured_on)),
            value: c.field(money::parse_number("value", "Value", &self.value)),
            note: c.field(text::text("note", "Note", &self.note, 0, 500)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn leads() -> Kpi {
        Kpi {
            id: 1,
            client_id: 1,
            name: "Qualified leads a month".into(),
            unit: "leads".into(),
            direction: Direction::Up,
            baseline: 20.0,
            target: 40.0,
            baseline_date: d("2026-01-01"),
            target_date: d("2026-12-31"),
            cents_per_unit: None,
            worth_counts: crate::book::kpi::WorthCounts::Monthly, share_low_pct: 100, share_high_pct: 100, below_baseline_counts: false,
        }
    }

    fn m(on: &str, value: f64) -> Measurement {
        Measurement { id: 0, kpi_id: 1, measured_on: d(on), value, note: String::new() }
    }

    #[test]
    fn progress_is_the_share_of_the_way_from_baseline_to_target() {
        assert_eq!(leads().progress_of(30.0), 0.5);
        let mut cost = leads();
        cost.direction = Direction::Down;
        cost.baseline = 80.0;
        cost.target = 40.0;
        assert_eq!(cost.progress_of(60.0), 0.5, "down-is-good KPIs count progress downward");
    }

    #[test]
    fn status_compares_the_latest_value_with_the_straight_line() {
        let kpi = leads();
        // Mid-year the line expects about half the way (30 leads).
        let mid = "2026-07-02";
        assert_eq!(kpi.progress(&[m(mid, 29.0)], d(mid)).status, KpiStatus::OnTrack);
        assert_eq!(kpi.progress(&[m(mid, 26.0)], d(mid)).status, KpiStatus::Slipping);
        assert_eq!(kpi.progress(&[m(mid, 22.0)], d(mid)).status, KpiStatus::OffTrack);
        assert_eq!(kpi.progress(&[m(mid, 41.0)], d(mid)).status, KpiStatus::OnTrack);
        assert_eq!(kpi.progress(&[], d(mid)).status, KpiStatus::NoData);
    }

    #[test]
    fn measurements_after_the_as_of_date_are_ignored() {
        let kpi = leads();
        let p = kpi.progress(&[m("2026-03-01", 24.0), m("2026-09-01", 38.0)], d("2026-05-01"));
        assert_eq!(p.latest.map(|l| l.value), Some(24.0));
    }

    #[test]
    fn a_target_on_the_wrong_side_of_the_baseline_is_refused() {
        let input = KpiInput {
            name: "Cost per lead".into(),
            unit: "€".into(),
            direction: Direction::Down,
            baseline: "80".into(),
            target: "95".into(),
            baseline_date: "2026-01-01".into(),
            target_date: "2026-06-30".into(),
            value_per_unit: "".into(),
            worth_counts: crate::book::kpi::WorthCounts::Monthly, share: String::new(), below_baseline_counts: false,
        };
        assert_eq!(input.validate(2).unwrap_err().field.as_deref(), Some("target"));
    }
}
