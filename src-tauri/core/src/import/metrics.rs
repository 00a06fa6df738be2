//! Daily figures exported by analytics and shop tools (GA4, Search Console, Shopify) made into
//! one value per month for one of a client's KPIs. The file names neither the client nor the KPI,
//! so the owner chooses both, and the column the figures come from; a month is the days added up
//! (sessions, orders, sales) or their average (click-through rate, position), as the owner says
//! (guessed from the column and the KPI's unit). Only months the file covers from first to last
//! day are written: a part month added up would undersell the month.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::fields::header_key;
use super::prepare::{skip, Skipped};
use super::sources::Source;
use super::table::Table;
use crate::book::month::Month;
use crate::book::records::ClientData;
use crate::book::stored_enum::stored_enum;
use crate::book::text::name_key;
use crate::error::{Error, Result};

/// The columns the months are written into: the KPI values import reads them.
pub const HEADERS: [&str; 5] = ["client", "kpi", "measured_on", "value", "note"];

stored_enum!(
    /// How a month's value is made from daily figures: added up (a flow: sessions, orders,
    /// sales) or averaged over the days that have a figure (a level: a rate, a position).
    MonthFrom { Sum = "sum", Average = "average" }
);

/// The owner's answer to what the file's figures are.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Type)]
pub struct MetricChoice {
    pub client: String,
    pub kpi: String,
    /// The file's column the figures come from; empty: the best guess.
    pub column: String,
    /// Null: guessed from the column and the KPI's unit.
    pub month: Option<MonthFrom>,
}

/// A client and the names of its KPIs, to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ClientKpis {
    pub client: String,
    pub kpis: Vec<String>,
}

/// What the import dialog asks about a file of daily figures, with what is chosen so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct MetricAsk {
    /// The file's columns that hold figures.
    pub columns: Vec<String>,
    pub column: String,
    pub month: MonthFrom,
    /// Empty until the owner chooses.
    pub client: String,
    pub kpi: String,
    /// Clients with KPIs, in the book's order.
    pub choices: Vec<ClientKpis>,
}

impl MetricAsk {
    pub fn is_answered(&self) -> bool {
        !self.client.trim().is_empty() && !self.kpi.trim().is_empty()
    }
}

/// The tool a header comes from, when it is a file of daily figures.
pub fn tool(headers: &[String], said: Option<Source>) -> Option<Source> {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let has = |k: &str| keys.iter().any(|h| h == k);
    match said {
        Some(s @ (Source::Ga4 | Source::SearchConsole | Source::Shopify)) => Some(s),
        Some(_) => None,
        None if has("date") && has("clicks") && has("impressions") => Some(Source::SearchConsole),
        None if (has("day") || has("date")) && has("orders") && (has("netsales") || has("grosssales") || has("totalsales")) => Some(Source::Shopify),
        None if has("date") && ["sessions", "totalusers", "activeusers", "newusers", "keyevents", "views", "eventcount", "engagedsessions"].iter().any(|k| has(k)) => Some(Source::Ga4),
        None => None,
    }
}

/// GA4 writes the report's dates above the table ("# Start date: 20260921").
pub fn stated_range(bytes: &[u8]) -> Option<(NaiveDate, NaiveDate)> {
    let text = String::from_utf8_lossy(bytes.get(..4096.min(bytes.len()))?);
    let find = |label: &str| {
        text.lines().filter(|l| l.starts_with('#')).find_map(|l| l.split_once(label).and_then(|(_, d)| NaiveDate::parse_from_str(d.trim(), "%Y%m%d").ok()))
    };
    Some((find("Start date:")?, find("End date:")?))
}

fn date_of(text: &str) -> Option<NaiveDate> {
    ["%Y-%m-%d", "%Y%m%d", "%Y/%m/%d"].iter().find_map(|f| NaiveDate::parse_from_str(text, f).ok())
}

/// "4.79%" → 4.79; "1,828" → 1828; empty → None (no figure that day).
fn number(text: &str) -> Option<std::result::Result<f64, ()>> {
    let t = text.trim().trim_end_matches('%').replace(',', "");
    if t.is_empty() {
        return None;
    }
    Some(t.parse::<f64>().ok().filter(|v| v.is_finite()).ok_or(()))
}

fn guess_month(column: &str, samples_have_percent: bool, kpi_unit: &str) -> MonthFrom {
    let key = header_key(column);
    let level = ["ctr", "position", "rate", "average", "avg", "percent", "duration"].iter().any(|w| key.contains(w));
    if level || samples_have_percent || kpi_unit.contains('%') {
        MonthFrom::Average
    } else {
        MonthFrom::Sum
    }
}

fn count(skipped: &mut Vec<Skipped>, reason: String, rows: &[usize]) {
    for row in rows {
        skip(skipped, &reason, *row);
    }
}

/// The file's months as rows of the KPI values import (each with the row of its first day), what
/// was left out, and what the dialog asks. Without a client and a KPI there are no rows yet.
pub fn read(table: &Table, source: Source, choice: Option<&MetricChoice>, stated: Option<(NaiveDate, NaiveDate)>, book: &[ClientData]) -> Result<(Table, Vec<Skipped>, MetricAsk)> {
    let h = &table.headers;
    let Some(date_col) = h.iter().position(|x| matches!(header_key(x).as_str(), "date" | "day")) else {
        let nth = h.iter().any(|x| header_key(x) == "nthday");
        let why = if nth { "its table counts days from the start (“Nth day”): download a report with Date as its dimension instead" } else { "it has no Date or Day column" };
        return Err(Error::validation("file", format!("This {} file cannot be read: {why}.", source.label())));
    };
    let columns: Vec<String> = h.iter().enumerate().filter(|(i, x)| *i != date_col && !x.trim().is_empty()).map(|(_, x)| x.clone()).collect();
    let choices: Vec<ClientKpis> = book.iter().filter(|d| !d.kpis.is_empty()).map(|d| ClientKpis { client: d.client.name.clone(), kpis: d.kpis.iter().map(|k| k.name.clone()).collect() }).collect();
    let (client, kpi) = choice.map(|c| (c.client.trim().to_owned(), c.kpi.trim().to_owned())).unwrap_or_default();
    let kpi_unit = book.iter().filter(|d| name_key(&d.client.name) == name_key(&client)).flat_map(|d| &d.kpis).find(|k| name_key(&k.name) == name_key(&kpi)).map(|k| k.unit.clone()).unwrap_or_default();
    let chosen = choice.map(|c| c.column.trim()).filter(|c| !c.is_empty());
    let column = match chosen {
        Some(c) => h.iter().position(|x| x == c).ok_or_else(|| Error::validation("column", format!("The file has no column '{c}'.")))?,
        None => guess_column(h, date_col, &kpi).ok_or_else(|| Error::validation("file", "The file has no column of figures beside its dates."))?,
    };
    let percent = table.rows.iter().take(20).any(|(_, v)| v.get(column).is_some_and(|c| c.contains('%')));
    let month = choice.and_then(|c| c.month).unwrap_or_else(|| guess_month(&h[column], percent, &kpi_unit));
    let ask = MetricAsk { columns, column: h[column].clone(), month, client: client.clone(), kpi: kpi.clone(), choices };

    // Each day's figure, by month; totals lines and blank lines are not days.
    let mut months: BTreeMap<Month, Vec<(usize, Option<f64>)>> = BTreeMap::new();
    let mut seen: Option<(NaiveDate, NaiveDate)> = None;
    let mut skipped = Vec::new();
    let mut totals = Vec::new();
    for (row, values) in &table.rows {
        let cell = |i: usize| values.get(i).map(|v| v.trim()).unwrap_or_default();
        let day_text = cell(date_col);
        if !day_text.chars().any(|c| c.is_ascii_digit()) {
            if !day_text.is_empty() || values.iter().any(|v| !v.trim().is_empty()) {
                totals.push(*row);
            }
            continue;
        }
        let day = date_of(day_text).ok_or_else(|| Error::validation(&h[date_col], format!("Row {row}: '{day_text}' in {} is not a date (like 2026-10-31 or 20261031).", h[date_col])))?;
        let figure = match number(cell(column)) {
            None => None,
            Some(Ok(v)) => Some(v),
            Some(Err(())) => return Err(Error::validation(&h[column], format!("Row {row}: '{}' in {} is not a number.", cell(column), h[column]))),
        };
        seen = Some(seen.map_or((day, day), |(from, to)| (from.min(day), to.max(day))));
        months.entry(Month::of(day)).or_default().push((*row, figure));
    }
    if !totals.is_empty() {
        count(&mut skipped, "A line that is not a day (a total or a note)".to_owned(), &totals);
    }
    let months_table = |rows| Table { headers: HEADERS.iter().map(|x| (*x).to_owned()).collect(), rows };
    let Some((from, to)) = stated.or(seen) else {
        return Ok((months_table(Vec::new()), skipped, ask));
    };
    let mut rows = Vec::new();
    if !ask.is_answered() {
        return Ok((months_table(rows), skipped, ask));
    }
    for (month_of, figures) in &months {
        let (first, end) = (&month_of.first_day(), month_of.last_day());
        let numbered: Vec<usize> = figures.iter().map(|(r, _)| *r).collect();
        if from > *first || to < end {
            let reason = format!("{}: the file covers {} to {} only, and a part month would be read as a whole one", first.format("%B %Y"), from.max(*first).format("%-d %b"), to.min(end).format("%-d %b"));
            count(&mut skipped, reason, &numbered);
            continue;
        }
        let with_figures: Vec<f64> = figures.iter().filter_map(|(_, v)| *v).collect();
        if with_figures.is_empty() {
            count(&mut skipped, format!("{}: no figures in {}", first.format("%B %Y"), ask.column), &numbered);
            continue;
        }
        let sum: f64 = with_figures.iter().sum();
        let (value, how) = match month {
            MonthFrom::Sum => (sum, format!("{} days added up", with_figures.len())),
            MonthFrom::Average => (sum / with_figures.len() as f64, format!("average of {} days with figures", with_figures.len())),
        };
        let value = (value * 1e6).round() / 1e6;
        let note = format!("{} from {}: {how}", ask.column, source.label());
        rows.push((numbered[0], vec![client.clone(), kpi.clone(), end.to_string(), value.to_string(), note]));
    }
    Ok((months_table(rows), skipped, ask))
}

/// The column whose name the KPI's name holds ("Sessions" for "Sessions a month"), else the
/// first beside the dates.
fn guess_column(headers: &[String], date_col: usize, kpi: &str) -> Option<usize> {
    let kpi = kpi.to_lowercase();
    let named = headers.iter().enumerate().filter(|(i, h)| *i != date_col && !h.trim().is_empty() && kpi.contains(&h.to_lowercase())).max_by_key(|(_, h)| h.len());
    named.map(|(i, _)| i).or_else(|| (0..headers.len()).find(|i| *i != date_col && !headers[*i].trim().is_empty()))
}
