//! The period a metric is measured over (a month, a fiscal quarter or year, or any dates), and
//! the periods the portfolio screen offers.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;
use specta::Type;

use crate::book::month::Month;
use crate::book::quarter::Quarter;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Period {
    pub start: NaiveDate,
    /// The first day after the period.
    pub end: NaiveDate,
    pub label: String,
}

impl Period {
    pub fn month(m: Month) -> Period {
        Period { start: m.first_day(), end: m.end(), label: m.label() }
    }

    pub fn quarter(q: Quarter) -> Period {
        Period { start: q.first_day(), end: q.end(), label: q.label() }
    }

    pub fn year(year: i32) -> Period {
        let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        Period { start, end: start + Months::new(12), label: year.to_string() }
    }

    /// Reads "2026-10" (a month), "2026-Q3" (a quarter), "2026" (a year) or
    /// "2026-01-01..2026-04-01" (a custom half-open range).
    /// Quarters ("2027-Q2") are fiscal quarters of a year starting in month `year_starts`.
    pub fn parse(field: &str, text: &str, year_starts: u32) -> Result<Period> {
        let t = text.trim();
        let bad = || Error::validation(field, format!("'{t}' is not a period: write 2026-10 (a month), 2026-Q3 (a quarter), 2026 (a year) or 2026-01-01..2026-04-01."));
        if let Some((a, b)) = t.split_once("..") {
            let start = NaiveDate::parse_from_str(a.trim(), "%Y-%m-%d").map_err(|_| bad())?;
            let end = NaiveDate::parse_from_str(b.trim(), "%Y-%m-%d").map_err(|_| bad())?;
            if end <= start {
                return Err(Error::validation(field, "A period must end after it starts."));
            }
            return Ok(Period { start, end, label: format!("{} – {}", start.format("%-d %b %Y"), end.pred_opt().unwrap_or(end).format("%-d %b %Y")) });
        }
        if t.to_ascii_uppercase().contains('Q') {
            return Quarter::parse(field, t, year_starts).map(Period::quarter).map_err(|_| bad());
        }
        if t.len() == 4 {
            return t.parse::<i32>().ok().filter(|y| (1900..=9999).contains(y)).map(Period::year).ok_or_else(bad);
        }
        Month::parse(field, t).map(Period::month).map_err(|_| bad())
    }

    pub fn last_day(&self) -> NaiveDate {
        self.end.pred_opt().unwrap_or(self.end)
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day < self.end
    }

    /// The same length of period just before this one (months and quarters step by months).
    pub fn previous(&self) -> Period {
        let months = (self.end.year() - self.start.year()) * 12 + self.end.month() as i32 - self.start.month() as i32;
        if self.start.day() == 1 && self.end.day() == 1 && months > 0 {
            let start = self.start - Months::new(months as u32);
            return Period { start, end: self.start, label: format!("{} before", self.label) };
        }
        let length = self.end - self.start;
        Period { start: self.start - length, end: self.start, label: format!("{} before", self.label) }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PeriodChoice {
    pub label: String,
    /// What `Period::parse` reads: "2026-10", "2027-Q2", "2026".
    pub value: String,
}

/// The periods the portfolio screen offers, as of `today`, with quarters in the studio's fiscal year.
pub fn period_choices(today: NaiveDate, year_starts: u32) -> Vec<PeriodChoice> {
    let last_month = Month::of(today).previous();
    let last_quarter = Quarter::containing(today, year_starts).previous();
    let choice = |label: &str, value: String| PeriodChoice { label: label.to_owned(), value };
    vec![
        choice("Last month", last_month.key()),
        choice("Last quarter", last_quarter.key()),
        choice("This year", today.year().to_string()),
        choice("Last year", (today.year() - 1).to_string()),
    ]
}

