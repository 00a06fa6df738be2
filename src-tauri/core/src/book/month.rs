//! A calendar month as a half-open period [first day, first day of the next month).

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// Reads "2026-10" (or "2026-10-15", any day of it).
    pub fn parse(field: &str, text: &str) -> Result<Month> {
        let text = text.trim();
        let bad = || Error::validation(field, format!("'{text}' is not a month: write it as YYYY-MM, e.g. 2026-10."));
        let mut parts = text.splitn(3, '-');
        let year: i32 = parts.next().and_then(|y| y.parse().ok()).ok_or_else(bad)?;
        let month: u32 = parts.next().and_then(|m| m.parse().ok()).ok_or_else(bad)?;
        if !(1..=12).contains(&month) || !(1900..=9999).contains(&year) {
            return Err(bad());
        }
        Ok(Month { year, month })
    }

    pub fn of(day: NaiveDate) -> Month {
        Month { year: day.year(), month: day.month() }
    }

    pub fn first_day(self) -> NaiveDate {
        // Valid by construction: month is 1..=12 and year within chrono's range.
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The first day after the month (the period's exclusive end).
    pub fn end(self) -> NaiveDate {
        self.first_day() + Months::new(1)
    }

    pub fn last_day(self) -> NaiveDate {
        self.end().pred_opt().unwrap_or(NaiveDate::MIN)
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.first_day() <= day && day < self.end()
    }

    pub fn next(self) -> Month {
        Month::of(self.end())
    }

    pub fn previous(self) -> Month {
        Month::of(self.first_day() - Months::new(1))
    }

    /// "October 2026".
    pub fn label(self) -> String {
        self.first_day().format("%B %Y").to_string()
    }

    /// The stored key, "2026-10".
    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// "Oct".
    pub fn short(self) -> String {
        self.first_day().format("%b").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_half_open_and_steps_across_years() {
        let dec = Month::parse("month", "2026-12").unwrap();
        assert_eq!(dec.end().to_string(), "2027-01-01");
        assert_eq!(dec.last_day().to_string(), "2026-12-31");
        assert!(dec.contains(dec.last_day()) && !dec.contains(dec.end()));
        assert_eq!(dec.next(), Month { year: 2027, month: 1 });
        assert_eq!(Month { year: 2026, month: 1 }.previous(), Month { year: 2025, month: 12 });
        assert_eq!(Month::parse("month", "2024-02-10").unwrap().last_day().to_string(), "2024-02-29");
    }

    #[test]
    fn a_bad_month_names_the_field() {
        for bad in ["2026-13", "2026", "Oct 2026", "", "2026-00"] {
            let e = Month::parse("month", bad).unwrap_err();
            assert_eq!(e.field.as_deref(), Some("month"), "{bad}");
        }
    }
}
