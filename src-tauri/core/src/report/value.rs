//! Value to date: what a client's agreed results are worth to them, worked out so that their CFO
//! can redo it from the page.
//!
//! For a KPI with an agreed worth per unit:
//! - **monthly** (a flow: leads, orders or revenue a month): every month since the baseline with a
//!   recorded value earns (that month's value − baseline, in the good direction) × worth. A month
//!   counts once (its latest value); a month with no value counts nothing, and is named;
//! - **once** (a level reached once): (the latest value − baseline) × worth, one time.
//!
//! Improvements below the baseline count as 0 unless the owner opted in. The total is multiplied
//! by the share of the improvement the client agreed the studio may claim, giving a range
//! (low–high) when the share is one. It is compared with what was invested in that KPI (invoice
//! lines tied to it) and with all invoices, both since the baseline.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;
use specta::Type;

use super::format;
use crate::book::kpi::{Direction, Kpi, WorthCounts};
use crate::book::money::sum_cents;
use crate::book::month::Month;
use crate::book::records::ClientData;

/// One month's (or, for a level, the latest) value and what it gained over the baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Counted {
    /// "2026-10".
    pub month: String,
    pub measured_on: NaiveDate,
    #[specta(type = i32)]
    pub value: f64,
    /// Units above the baseline in the good direction (0 when below, unless that counts).
    #[specta(type = i32)]
    pub gain: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct KpiValue {
    pub kpi: String,
    pub unit: String,
    pub counts: WorthCounts,
    #[specta(type = i32)]
    pub baseline: f64,
    pub baseline_date: NaiveDate,
    pub per_unit_cents: i64,
    pub share_low_pct: i64,
    pub share_high_pct: i64,
    /// Each month counted (monthly), or the one latest value (once).
    pub counted: Vec<Counted>,
    /// Months since the baseline with no value recorded: they count nothing ("2026-03").
    pub missing_months: Vec<String>,
    /// The sum of the gains counted. For a monthly result it is each month's gain added up
    /// (unit-months: for "orders a week" it is not a number of orders), so documents show
    /// `average_gain` with the months counted and keep this sum for the method note.
    #[specta(type = i32)]
    pub units: f64,
    /// The gain of an average month counted (monthly), or the one gain (once), in the KPI's unit.
    #[specta(type = i32)]
    pub average_gain: f64,
    pub low_cents: i64,
    pub high_cents: i64,
    /// Invoice lines tied to this KPI, issued since its baseline (cancelled invoices excluded).
    pub invested_cents: i64,
    /// What the result is worth at its target: a month (monthly) or once.
    pub at_target_low_cents: i64,
    pub at_target_high_cents: i64,
    /// The formula with this client's numbers, for the method note.
    pub method: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ValueToDate {
    /// Up to (not including) this day.
    pub until: NaiveDate,
    /// The earliest baseline among the KPIs with a worth.
    pub since: Option<NaiveDate>,
    pub kpis: Vec<KpiValue>,
    pub low_cents: i64,
    pub high_cents: i64,
    /// Invoice lines tied to these KPIs.
    pub invested_in_kpis_cents: i64,
    /// Every invoice since `since`.
    pub invested_all_cents: i64,
}

impl ValueToDate {
    pub fn measured(&self) -> bool {
        !self.kpis.is_empty()
    }
}

fn gain(kpi: &Kpi, value: f64) -> f64 {
    let raw = match kpi.direction {
        Direction::Up => value - kpi.baseline,
        Direction::Down => kpi.baseline - value,
    };
    if kpi.below_baseline_counts {
        raw
    } else {
        raw.max(0.0)
    }
}

/// Minor units of `units` × `per_unit` × `pct` %, rounded; beyond the 64-bit range it stays at the limit.
fn worth(units: f64, per_unit: i64, pct: i64) -> i64 {
    (units * per_unit as f64 * pct as f64 / 100.0).round() as i64
}

/// The value to date of every KPI of `data` with an agreed worth, up to `until` (exclusive).
pub fn value_to_date(data: &ClientData, until: NaiveDate, currency: &str, minor_digits: u8) -> ValueToDate {
    let money = |cents: i64| format::money(cents, currency, minor_digits);
    let invoices: Vec<_> = data.invoices.iter().filter(|i| !i.void && i.issued_on < until).collect();
    let kpis: Vec<KpiValue> = data
        .kpis
        .iter()
        .filter_map(|kpi| {
            let per_unit = kpi.cents_per_unit?;
            // The latest value of each month after the baseline: a month is never counted twice.
            let mut by_month: BTreeMap<Month, (NaiveDate, f64)> = BTreeMap::new();
            for m in data.measurements.iter().filter(|m| m.kpi_id == kpi.id && kpi.baseline_date < m.measured_on && m.measured_on < until) {
                let entry = by_month.entry(Month::of(m.measured_on)).or_insert((m.measured_on, m.value));
                if m.measured_on >= entry.0 {
                    *entry = (m.measured_on, m.value);
                }
            }
            let as_counted = |(month, (on, value)): (&Month, &(NaiveDate, f64))| Counted { month: month.key(), measured_on: *on, value: *value, gain: gain(kpi, *value) };
            let (counted, missing_months): (Vec<Counted>, Vec<String>) = match kpi.worth_counts {
                WorthCounts::Monthly => {
                    let mut missing = Vec::new();
                    let last = until.checked_sub_days(Days::new(1)).map(Month::of);
                    // The months holding days after the baseline.
                    let mut month = Month::of(kpi.baseline_date.checked_add_days(Days::new(1)).unwrap_or(kpi.baseline_date));
                    while last.is_some_and(|l| month <= l) && missing.len() < 1_200 {
                        if !by_month.contains_key(&month) {
                            missing.push(month.key());
                        }
                        month = month.next();
                    }
                    (by_month.iter().map(as_counted).collect(), missing)
                }
                WorthCounts::Once => (by_month.iter().next_back().map(as_counted).into_iter().collect(), Vec::new()),
            };
            let units: f64 = counted.iter().map(|c| c.gain).sum();
            let average_gain = if counted.is_empty() { 0.0 } else { units / counted.len() as f64 };
            let (low, high) = (worth(units, per_unit, kpi.share_low_pct), worth(units, per_unit, kpi.share_high_pct));
            let target_units = gain(kpi, kpi.target).max(0.0);
            let invested = sum_cents(
                invoices.iter().filter(|i| i.issued_on >= kpi.baseline_date).flat_map(|i| i.lines.iter()).filter(|l| l.kpi_id == Some(kpi.id)).map(|l| l.amount_cents),
            );
            let range = |a: i64, b: i64| if a == b { money(a) } else { format!("{}–{}", money(a), money(b)) };
            let unit = |x: f64| super::monthly::with_unit(&format::number(x), &kpi.unit);
            let share = crate::book::kpi::share_text(kpi.share_low_pct, kpi.share_high_pct);
            let base = format::number(kpi.baseline);
            let term = |c: &Counted| match kpi.direction {
                Direction::Up => format!("({} – {base})", format::number(c.value)),
                Direction::Down => format!("({base} – {})", format::number(c.value)),
            };
            let sum = match counted.as_slice() {
                [] => "no value recorded since the baseline".to_owned(),
                [first, .., last] if counted.len() > 4 => format!("{} + … + {} over {} months", term(first), term(last), counted.len()),
                few => few.iter().map(term).collect::<Vec<_>>().join(" + "),
            };
            let clamp = if kpi.below_baseline_counts { "" } else { " (a month below the baseline counts as 0)" };
            let summed = match kpi.worth_counts {
                WorthCounts::Monthly if !kpi.unit.trim().is_empty() => format!("{} (each month's gain in {}, added up)", format::number(units), kpi.unit.trim()),
                WorthCounts::Monthly => format!("{} (each month's gain, added up)", format::number(units)),
                WorthCounts::Once => unit(units),
            };
            let a_unit = match kpi.worth_counts {
                WorthCounts::Monthly => "a unit a month",
                WorthCounts::Once => "a unit",
            };
            let what = match kpi.worth_counts {
                WorthCounts::Monthly => format!("each month since the baseline of {} on {}{clamp}", unit(kpi.baseline), format::date(kpi.baseline_date)),
                WorthCounts::Once => format!("counted once, from the baseline of {} on {}", unit(kpi.baseline), format::date(kpi.baseline_date)),
            };
            let gaps = match missing_months.len() {
                0 => String::new(),
                1 => format!(" No value was recorded for {}, so it counts nothing.", month_label(&missing_months[0])),
                n => format!(" No value was recorded for {n} months (the first {}), so they count nothing.", month_label(&missing_months[0])),
            };
            let method = format!(
                "{}, {what}: {sum} = {summed} × {} {a_unit} × {share} claimed = {}.{gaps}",
                kpi.name,
                money(per_unit),
                range(low, high)
            );
            Some(KpiValue {
                kpi: kpi.name.clone(),
                unit: kpi.unit.clone(),
                counts: kpi.worth_counts,
                baseline: kpi.baseline,
                baseline_date: kpi.baseline_date,
                per_unit_cents: per_unit,
                share_low_pct: kpi.share_low_pct,
                share_high_pct: kpi.share_high_pct,
                counted,
                missing_months,
                units,
                average_gain,
                low_cents: low,
                high_cents: high,
                invested_cents: invested,
                at_target_low_cents: worth(target_units, per_unit, kpi.share_low_pct),
                at_target_high_cents: worth(target_units, per_unit, kpi.share_high_pct),
                method,
            })
        })
        .collect();
    let since = kpis.iter().map(|k| k.baseline_date).min();
    let invested_all = since.map_or(0, |since| sum_cents(invoices.iter().filter(|i| i.issued_on >= since).map(|i| i.total_cents())));
    ValueToDate {
        until,
        since,
        low_cents: sum_cents(kpis.iter().map(|k| k.low_cents)),
        high_cents: sum_cents(kpis.iter().map(|k| k.high_cents)),
        invested_in_kpis_cents: sum_cents(kpis.iter().map(|k| k.invested_cents)),
        invested_all_cents: invested_all,
        kpis,
    }
}

/// "2026-03" as "March 2026".
fn month_label(key: &str) -> String {
    Month::parse("month", key).map(Month::label).unwrap_or_else(|_| key.to_owned())
}

/// The value line of a document: value against what was invested, as a multiple only when the
/// value exceeds the spend; otherwise what was invested and what the results are worth at
/// target — never a ratio that reads as a loss. None when no result has an agreed worth.
pub fn value_sentence(v: &ValueToDate, currency: &str, minor_digits: u8) -> Option<String> {
    let since = v.since?;
    let money = |cents: i64| format::money(cents, currency, minor_digits);
    let range = |a: i64, b: i64| if a == b { money(a) } else { format!("{}–{}", money(a), money(b)) };
    let value = range(v.low_cents, v.high_cents);
    // Both ends named: the QBR (to its quarter's end) and a later monthly summary (to its
    // month's end) give different figures on the same day, and the reader sees why.
    let last_day = v.until.pred_opt().unwrap_or(v.until);
    let when = format!("from {} to {}", format::date(since), format::date(last_day));
    let spend = v.invested_in_kpis_cents;
    // The value as a multiple of `against` ("2.0–4.0"), only ever asked when it exceeds it.
    let times = |against: i64| {
        let multiple = |cents: i64| format!("{:.1}", cents as f64 / against as f64);
        if v.low_cents == v.high_cents { multiple(v.low_cents) } else { format!("{}–{}", multiple(v.low_cents), multiple(v.high_cents)) }
    };
    if spend > 0 && v.low_cents > spend {
        return Some(format!("Value {when}: {value}, {}× the {} invested in these results ({} in all work).", times(spend), money(spend), money(v.invested_all_cents)));
    }
    // No invoice line is tied to these results: the fair comparison is with all the work.
    let all = v.invested_all_cents;
    if spend == 0 && all > 0 && v.low_cents > all {
        return Some(format!("Value {when}: {value}, {}× the {} invested in all work.", times(all), money(all)));
    }
    let monthly: Vec<&KpiValue> = v.kpis.iter().filter(|k| k.counts == WorthCounts::Monthly).collect();
    let at_target = if monthly.is_empty() {
        String::new()
    } else {
        let (low, high) = (sum_cents(monthly.iter().map(|k| k.at_target_low_cents)), sum_cents(monthly.iter().map(|k| k.at_target_high_cents)));
        format!(" At target, these results are worth {} a month.", range(low, high))
    };
    let invested = match spend {
        0 => format!("{} invested in all work", money(v.invested_all_cents)),
        _ if spend == v.invested_all_cents => format!("{} invested, all of it in work tied to these results", money(spend)),
        _ => format!("{} invested in these results, {} in all work", money(spend), money(v.invested_all_cents)),
    };
    Some(format!("Value {when}: {value}; {invested}.{at_target}"))
}

#[cfg(test)]
#[path = "value_tests.rs"]
mod tests;
