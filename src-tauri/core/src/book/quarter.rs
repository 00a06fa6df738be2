//! Quarters of a client's fiscal year, as half-open periods. A fiscal year that starts in
//! another month than January is named by the calendar year in which it ends: April 2026 –
//! March 2027 is FY2027, and its Q1 is April–June 2026.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::month::Month;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
pub struct Quarter {
    /// The fiscal year's name (the calendar year it ends in).
    pub fiscal_year: i32,
    /// 1 to 4.
    pub number: u32,
    /// The month (1-12) the fiscal year starts in.
    pub year_starts: u32,
}

impl Quarter {
    /// The quarter containing `day`, for a fiscal year starting in month `year_starts` (1-12).
    pub fn containing(day: NaiveDate, year_starts: u32) -> Quarter {
        let year_starts = year_starts.clamp(1, 12);
        let since_start = (day.month() + 12 - year_starts) % 12;
        let start_year = if day.month() >= year_starts { day.year() } else { day.year() - 1 };
        let fiscal_year = if year_starts == 1 { start_year } else { start_year + 1 };
        Quarter { fiscal_year, number: since_start / 3 + 1, year_starts }
    }

    /// Reads "2027-Q2" (fiscal year 2027, second quarter) or "Q2 2027" / "Q2 FY2027".
    pub fn parse(field: &str, text: &str, year_starts: u32) -> Result<Quarter> {
        let cleaned = text.trim().to_ascii_uppercase().replace("FY", "");
        let bad = || Error::validation(field, format!("'{}' is not a quarter: write it like 2027-Q2 (fiscal year, then the quarter).", text.trim()));
        let (year, number) = match cleaned.split_once("-Q") {
            Some((y, q)) => (y.trim(), q.trim()),
            None => match cleaned.strip_prefix('Q').and_then(|rest| rest.split_once(' ')) {
                Some((q, y)) => (y.trim(), q.trim()),
                None => return Err(bad()),
            },
        };
        let fiscal_year: i32 = year.parse().map_err(|_| bad())?;
        let number: u32 = number.parse().map_err(|_| bad())?;
        if !(1..=4).contains(&number) || !(1901..=9998).contains(&fiscal_year) {
            return Err(bad());
        }
        Ok(Quarter { fiscal_year, number, year_starts: year_starts.clamp(1, 12) })
    }

    /// The fiscal year's first day.
    pub fn year_first_day(self) -> NaiveDate {
        let start_year = if self.year_starts == 1 { self.fiscal_year } else { self.fiscal_year - 1 };
        NaiveDate::from_ymd_opt(start_year, self.year_starts, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn first_day(self) -> NaiveDate {
        self.year_first_day() + Months::new(3 * (self.number - 1))
    }

    /// The first day after the quarter (the period's exclusive end).
    pub fn end(self) -> NaiveDate {
        self.first_day() + Months::new(3)
    }

    pub fn last_day(self) -> NaiveDate {
        self.end().pred_opt().unwrap_or(NaiveDate::MIN)
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.first_day() <= day && day < self.end()
    }

    pub fn months(self) -> [Month; 3] {
        let first = Month::of(self.first_day());
        [first, first.next(), first.next().next()]
    }

    pub fn previous(self) -> Quarter {
        Quarter::containing(self.first_day() - Months::new(3), self.year_starts)
    }

    pub fn next(self) -> Quarter {
        Quarter::containing(self.end(), self.year_starts)
    }

    /// "Q2 2026" for calendar years, "Q2 FY2027" for fiscal years starting in another month.
    pub fn label(self) -> String {
        if self.year_starts == 1 {
            format!("Q{} {}", self.number, self.fiscal_year)
        } else {
            format!("Q{} FY{}", self.number, self.fiscal_year)
        }
    }

    /// "April – June 2026".
    pub fn span(self) -> String {
        let (first, last) = (self.first_day(), self.last_day());
        if first.year() == last.year() {
            format!("{} – {}", first.format("%B"), last.format("%B %Y"))
        } else {
            format!("{} – {}", first.format("%B %Y"), last.format("%B %Y"))
        }
    }

    /// The stored key, "2027-Q2".
    pub fn key(self) -> String {
        format!("{}-Q{}", self.fiscal_year, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_fiscal_year_from_april_is_named_by_the_year_it_ends() {
        let q = Quarter::containing(d("2026-05-15"), 4);
        assert_eq!((q.fiscal_year, q.number, q.label()), (2027, 1, "Q1 FY2027".to_owned()));
        assert_eq!((q.first_day(), q.end()), (d("2026-04-01"), d("2026-07-01")));
        assert_eq!(q.span(), "April – June 2026");
        let q4 = Quarter::containing(d("2027-03-31"), 4);
        assert_eq!((q4.fiscal_year, q4.number), (2027, 4));
        assert_eq!(q4.year_first_day(), d("2026-04-01"));
        assert_eq!(q4.next(), Quarter { fiscal_year: 2028, number: 1, year_starts: 4 });
        assert_eq!(q.previous(), Quarter { fiscal_year: 2026, number: 4, year_starts: 4 });
    }

    #[test]
    fn calendar_quarters_are_plain() {
        let q = Quarter::containing(d("2026-11-26"), 1);
        assert_eq!((q.label(), q.first_day(), q.last_day()), ("Q4 2026".to_owned(), d("2026-10-01"), d("2026-12-31")));
        assert_eq!(q.months().map(|m| m.month), [10, 11, 12]);
        assert!(q.contains(d("2026-12-31")) && !q.contains(q.end()));
        assert_eq!(q.next().label(), "Q1 2027");
    }

    #[test]
    fn every_day_falls_in_exactly_the_quarter_that_contains_it() {
        for start in 1..=12 {
            let mut day = d("2025-01-01");
            while day < d("2027-01-01") {
                let q = Quarter::containing(day, start);
                assert!(q.contains(day), "{day} in {q:?}");
                assert!(!q.previous().contains(day) && !q.next().contains(day));
                day = day.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn quarters_parse_in_the_forms_people_write() {
        let want = Quarter { fiscal_year: 2027, number: 2, year_starts: 4 };
        for text in ["2027-Q2", "Q2 FY2027", "q2 2027", " FY2027-Q2 "] {
            assert_eq!(Quarter::parse("quarter", text, 4).unwrap(), want, "{text}");
        }
        for bad in ["2027-Q5", "Q0 2027", "2027", "spring"] {
            assert_eq!(Quarter::parse("quarter", bad, 4).unwrap_err().field.as_deref(), Some("quarter"), "{bad}");
        }
    }
}
