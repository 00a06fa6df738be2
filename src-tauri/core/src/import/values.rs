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
