//! Turning spreadsheet text into what the book's inputs expect: ISO dates, yes/no, enum names.

use crate::error::{Error, Result};

/// Rewrites common local date forms as YYYY-MM-DD; anything else is passed on unchanged so the
/// book's own date check explains what is wrong with it.
pub fn date(text: &str, day_first: bool) -> String {
    let text = text.trim();
    // "2026-03-01 00:00:00" or "2026-03-01T09:30" from exports with times: the date is kept
    // only when a time follows it; "2026-01-05garbage" stays whole for the date check to refuse.
    let text = match (text.get(..10), text.get(10..)) {
        (Some(day), Some(rest)) if day.as_bytes().get(4) == Some(&b'-') && is_time(rest) => day,
        _ => text,
    };
    if let Some(named) = named_month_date(text) {
        return named.format("%Y-%m-%d").to_string();
    }
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit())) {
        return text.to_owned();
    }
    let (a, b, c) = (parts[0], parts[1], parts[2]);
    let (y, m, d) = if a.len() == 4 {
        (a, b, c)
    } else if c.len() == 4 {
        // Dots are day-first everywhere they are used.
        if day_first || text.contains('.') { (c, b, a) } else { (c, a, b) }
    } else {
        return text.to_owned();
    };
    format!("{y}-{:0>2}-{:0>2}", m, d)
}

/// A date with its month in words, as some exports write it: "1 Nov 2026", "01-Nov-2026",
/// "Nov 1, 2026", "November 1 2026". Never ambiguous, so it does not depend on the date order.
pub fn named_month_date(text: &str) -> Option<chrono::NaiveDate> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let words: Vec<String> = text.split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '/').filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let [a, b, c] = words.as_slice() else { return None };
    let month_of = |w: &str| {
        let w = w.trim_end_matches('.');
        let short: String = w.chars().take(3).collect();
        let i = MONTHS.iter().position(|m| *m == short)?;
        // "Nov", "Nov." or the whole name ("sept" too), never "Novel".
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][i];
        (w.chars().count() == 3 || full.starts_with(w)).then_some(i as u32 + 1)
    };
    let number = |w: &str| w.trim_end_matches(|c: char| c.is_alphabetic() || c == '.').parse::<u32>().ok();
    let (day, month, year) = match (month_of(a), month_of(b)) {
        (None, Some(m)) => (number(a)?, m, c.parse::<i32>().ok()?),
        (Some(m), None) => (number(b)?, m, c.parse::<i32>().ok()?),
        _ => return None,
    };
    if c.len() != 4 {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(year, month, day)
}

/// What a file's dates like 03/04/2026 say about their order: a first part above 12 can only be
/// a day, a second part above 12 only a day too.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderEvidence {
    /// A value only day-first can read, e.g. "31/10/2026".
    pub day_first: Option<String>,
    /// A value only month-first can read, e.g. "10/31/2026".
    pub month_first: Option<String>,
    /// A value either order reads, differently: "01/11/2026".
    pub either: Option<String>,
}

impl OrderEvidence {
    pub fn add(&mut self, text: &str) {
        let text = text.trim();
        let day = text.split([' ', 'T']).next().unwrap_or("");
        // Dots are always day-first, so only slashes and dashes with the year last are in doubt.
        if day.contains('.') {
            return;
        }
        let parts: Vec<&str> = day.split(['/', '-']).collect();
        let [a, b, c] = parts.as_slice() else { return };
        if c.len() != 4 || a.len() > 2 || b.len() > 2 {
            return;
        }
        let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) else { return };
        let slot = match (a > 12, b > 12) {
            (true, false) => &mut self.day_first,
            (false, true) => &mut self.month_first,
            (false, false) if a != b => &mut self.either,
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(text.to_owned());
        }
    }
}

/// " 09:30", "T09:30:00", "T09:30:00.000Z", " 00:00:00+02:00": what follows a date in exports
/// that add the time of day.
fn is_time(rest: &str) -> bool {
    let Some(time) = rest.strip_prefix(['T', ' ']) else { return false };
    let (clock, zone) = time.find(['Z', '+', '-']).map_or((time, ""), |at| time.split_at(at));
    let clock_ok = {
        let (hms, fraction) = clock.split_once('.').unwrap_or((clock, "0"));
        let parts: Vec<&str> = hms.split(':').collect();
        (2..=3).contains(&parts.len())
            && parts.iter().all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
            && !fraction.is_empty()
            && fraction.bytes().all(|b| b.is_ascii_digit())
    };
    let zone_ok = zone.is_empty() || zone == "Z" || {
        let digits = &zone[1..];
        digits.replace(':', "").len() == 4 && digits.bytes().all(|b| b.is_ascii_digit() || b == b':')
    };
    clock_ok && zone_ok
}

/// A month column: "2026-10" as is, "10/2026" or "10.2026" as 2026-10, and any date (in the
/// forms [`date`] reads) as its month. Anything else is passed on for the month check to explain.
pub fn month(text: &str, day_first: bool) -> String {
    let text = text.trim();
    let parts: Vec<&str> = text.split(['/', '.']).collect();
    if let [m, y] = parts.as_slice() {
        if y.len() == 4 && (1..=2).contains(&m.len()) && m.chars().chain(y.chars()).all(|c| c.is_ascii_digit()) {
            return format!("{y}-{m:0>2}");
        }
    }
    date(text, day_first)
}

/// yes/no columns; empty means `default`.
pub fn yes_no(column: &str, text: &str, default: bool) -> Result<bool> {
    match text.trim().to_lowercase().as_str() {
        "" => Ok(default),
        "yes" | "y" | "true" | "1" | "x" | "ja" | "oui" | "sí" | "si" => Ok(true),
        "no" | "n" | "false" | "0" | "nein" | "non" => Ok(false),
        other => Err(Error::validation(column, format!("'{other}' is not yes or no."))),
    }
}

/// An enum column: its stored name in any case, with spaces or hyphens for underscores.
pub fn choice<T: Copy>(column: &str, text: &str, default: Option<T>, all: &[T], name: fn(T) -> &'static str) -> Result<T> {
    let wanted = text.trim().to_lowercase().replace([' ', '-', '/'], "_");
    if wanted.is_empty() {
        if let Some(d) = default {
            return Ok(d);
        }
    }
    all.iter().copied().find(|v| name(*v) == wanted).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|v| name(*v)).collect();
        let shown = if text.trim().is_empty() { "An empty value".to_owned() } else { format!("'{}'", text.trim()) };
        Error::validation(column, format!("{shown} is not one of: {}.", names.join(", ")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_with_the_month_in_words_are_read_whatever_the_order() {
        for text in ["1 Nov 2026", "01-Nov-2026", "Nov 1, 2026", "November 1 2026", "1. November 2026"] {
            assert_eq!(date(text, false), "2026-11-01", "{text}");
            assert_eq!(date(text, true), "2026-11-01", "{text}");
        }
        assert_eq!(date("1 Novel 2026", true), "1 Novel 2026", "not a month: left for the date check to refuse");
    }

    #[test]
    fn the_order_of_a_files_dates_is_shown_by_a_day_above_twelve() {
        let mut e = OrderEvidence::default();
        for v in ["01/11/2026", "2026-11-05", "05.11.2026"] {
            e.add(v);
        }
        assert_eq!((e.day_first.as_deref(), e.month_first.as_deref(), e.either.as_deref()), (None, None, Some("01/11/2026")));
        e.add("11/30/2026");
        e.add("30/11/2026 10:00");
        assert_eq!((e.day_first.as_deref(), e.month_first.as_deref()), (Some("30/11/2026 10:00"), Some("11/30/2026")));
    }

    #[test]
    fn local_date_forms_become_iso() {
        assert_eq!(date("2026-03-01", true), "2026-03-01");
        assert_eq!(date("1/3/2026", true), "2026-03-01");
        assert_eq!(date("3/1/2026", false), "2026-03-01");
        assert_eq!(date("01.03.2026", false), "2026-03-01", "dots are day-first");
        assert_eq!(date("2026/3/1", true), "2026-03-01");
        assert_eq!(date("2026-03-01 00:00:00", true), "2026-03-01");
        assert_eq!(date("2026-03-01T09:30", true), "2026-03-01");
        assert_eq!(date("2026-03-01T09:30:00.000Z", true), "2026-03-01");
        assert_eq!(date("2026-03-01 09:30:00+02:00", true), "2026-03-01");
        assert_eq!(date("2026-01-05garbage", true), "2026-01-05garbage", "a date is the whole cell, or an error");
        assert_eq!(date("2026-01-05 and more", true), "2026-01-05 and more");
        assert_eq!(date("2026-01-0é5", true), "2026-01-0é5", "a multi-byte character at byte 10 is no panic");
        assert_eq!(date("2026-01-05é", true), "2026-01-05é");
        assert_eq!(date("next tuesday", true), "next tuesday");
        assert_eq!(date("1/3/26", true), "1/3/26", "two-digit years are left for the date check to refuse");
    }

    #[test]
    fn month_columns_take_year_month_month_year_or_a_date() {
        assert_eq!(month("2026-10", true), "2026-10");
        assert_eq!(month("10/2026", true), "2026-10");
        assert_eq!(month("3.2026", false), "2026-03");
        assert_eq!(month("31/10/2026", true), "2026-10-31", "a date is read as a date; the month check takes its month");
        assert_eq!(month("Oct 2026", true), "Oct 2026", "left for the month check to refuse");
    }

    #[test]
    fn yes_no_accepts_common_spellings() {
        assert_eq!(yes_no("attended", "X", false), Ok(true));
        assert_eq!(yes_no("attended", "", true), Ok(true));
        assert_eq!(yes_no("attended", "FALSE", true), Ok(false));
        assert_eq!(yes_no("attended", "maybe", true).unwrap_err().field.as_deref(), Some("attended"));
    }

    #[test]
    fn choices_forgive_case_and_spaces() {
        use crate::book::stakeholder::StakeholderRole as R;
        assert_eq!(choice("role", "Executive Sponsor", None, R::ALL, R::as_str), Ok(R::ExecutiveSponsor));
        assert_eq!(choice("role", "", Some(R::Other), R::ALL, R::as_str), Ok(R::Other));
        let err = choice("role", "boss", None, R::ALL, R::as_str).unwrap_err();
        assert!(err.message.contains("day_to_day, champion"), "{}", err.message);
    }
}
