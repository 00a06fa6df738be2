//! Exact parsing of amounts and numbers as people type them or spreadsheets export them:
//! `1,234.50`, `1.234,50`, `€1,234.50`, `1 234,50 €`, `CHF 1'234.50`, `(12.00)`.
//! Money never passes through floating point: digits go straight to integer minor units.

use crate::error::{Error, Result};

/// A decimal split into its parts, before scaling.
struct Decimal {
    negative: bool,
    whole: String,
    fraction: String,
}

/// The largest amount one value may hold: below 10^12 of the currency's major unit (a trillion
/// euros), so that no total a screen or report makes can come near the 64-bit limit.
pub const MAX_MAJOR_UNITS: i64 = 1_000_000_000_000;

/// A total of amounts, added in 128 bits: each amount is below 10^15 minor units, so it could
/// reach the 64-bit limit only past 9,000 of the largest amounts; it then stays at the limit
/// (with its sign) instead of wrapping round to a negative MRR.
pub fn sum_cents(amounts: impl IntoIterator<Item = i64>) -> i64 {
    let total: i128 = amounts.into_iter().map(i128::from).sum();
    i64::try_from(total).unwrap_or(if total < 0 { i64::MIN } else { i64::MAX })
}

/// What may stand around an amount: nothing, a currency symbol, a code ("EUR", "kr"), or both
/// ("US$", "R$"). Anything else ("abc5", "€€5") is not an amount.
fn is_currency_marker(edge: &str) -> bool {
    let edge = edge.trim_matches(|c: char| c.is_whitespace());
    let letters = edge.chars().take_while(|c| c.is_alphabetic()).count();
    let mut rest = edge.chars().skip(letters);
    let symbol = rest.next();
    letters <= 3 && rest.next().is_none() && symbol.is_none_or(|c| CURRENCY_SYMBOLS.contains(c))
}

const CURRENCY_SYMBOLS: &str = "$€£¥₹₩₽₺₪₫฿₴₦₱¢₲₵₡₭₮₸₼₾₿¤ƒ";

/// A lone `.` or `,` followed by exactly three digits: a `.` is a decimal point ("10.555" has
/// three decimals, and is refused in a two-decimal currency rather than read as 10,555), a `,`
/// groups thousands ("1,234") — unless the whole part is 0: no one writes a thousands
/// separator after a leading 0, so "0,125" has three decimals too.
fn split(text: &str) -> Option<Decimal> {
    let mut s = text.trim();
    let mut negative = false;
    if s.starts_with('(') && s.ends_with(')') {
        negative = true;
        s = &s[1..s.len() - 1];
    }
    // Currency symbols or codes before or after the number ("€", "EUR", "US$", "kr").
    let is_edge = |c: char| !(c.is_ascii_digit() || c == '-' || c == '+' || c == '.' || c == ',');
    let before = s;
    s = s.trim_matches(is_edge);
    let suffix = &before[before.trim_end_matches(is_edge).len()..];
    let mut prefix = &before[..before.len() - before.trim_start_matches(is_edge).len()];
    if let Some(rest) = s.strip_prefix('-') {
        negative = !negative;
        s = rest.trim_start_matches(is_edge);
        prefix = &rest[..rest.len() - s.len()];
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest;
    }
    if !is_currency_marker(prefix) || !is_currency_marker(suffix) {
        return None;
    }
    // Grouping marks that are never decimal points: they too must split the digits in threes.
    let is_space_mark = |c: char| matches!(c, ' ' | '\'' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '_');
    let spaced: Vec<&str> = s.split(is_space_mark).collect();
    if spaced.len() > 1 {
        let leading_digits = |g: &str| g.chars().take_while(char::is_ascii_digit).count();
        let trailing_digits = |g: &str| g.chars().rev().take_while(char::is_ascii_digit).count();
        if !(1..=3).contains(&trailing_digits(spaced[0])) || spaced[1..].iter().any(|g| leading_digits(g) != 3) {
            return None;
        }
    }
    let s: String = s.chars().filter(|&c| !is_space_mark(c)).collect();
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let decimal_mark = match (dots, commas) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let mark = if dots > 0 { '.' } else { ',' };
            let count = dots + commas;
            let after = s.len() - s.rfind(mark)? - 1;
            let before = &s[..s.rfind(mark)?];
            let leading_zero = before.is_empty() || before == "0";
            if count > 1 || (after == 3 && mark == ',' && !leading_zero) {
                None // all grouping marks
            } else {
                Some(mark)
            }
        }
        _ => {
            let last = if s.rfind('.')? > s.rfind(',')? { '.' } else { ',' };
            if s.matches(last).count() > 1 {
                return None;
            }
            Some(last)
        }
    };
    let (whole, fraction) = match decimal_mark {
        Some(mark) => {
            let at = s.rfind(mark)?;
            (&s[..at], &s[at + 1..])
        }
        None => (s.as_str(), ""),
    };
    if fraction.contains(['.', ',']) {
        return None;
    }
    // Grouped digits must come in threes after the first group: "1,23,4" is a typo, not a number.
    let groups: Vec<&str> = whole.split(['.', ',']).collect();
    if groups.len() > 1 && (groups[0].is_empty() || groups[0] == "0" || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    let whole: String = groups.concat();
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    Some(Decimal { negative, whole, fraction: fraction.to_owned() })
}

/// Parses an amount into minor units of a currency with `minor_digits` decimals.
/// Minor units as a plain decimal, exactly ("2500.00", "-0.05", "1234" for yen): what CSV
/// exports and forms show, and what [`parse_money`] reads back.
pub fn plain(cents: i64, minor_digits: u8) -> String {
    if minor_digits == 0 {
        return cents.to_string();
    }
    let scale = 10i64.pow(u32::from(minor_digits));
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:0width$}", cents.abs() / scale, cents.abs() % scale, width = minor_digits as usize)
}

pub fn parse_money(field: &str, label: &str, text: &str, minor_digits: u8) -> Result<i64> {
    let shown = text.trim();
    if shown.is_empty() {
        return Err(Error::validation(field, format!("{label} is required.")));
    }
    let bad = || Error::validation(field, format!("{label} '{shown}' is not an amount; write it like 1,234.50 or 1.234,50."));
    let d = split(shown).ok_or_else(bad)?;
    if d.fraction.len() > minor_digits as usize {
        let hint = if d.fraction.len() == 3 && shown.contains('.') && !shown.contains(',') {
            " If the dot separates thousands, write the decimals too (10.555,00)."
        } else {
            ""
        };
        return Err(Error::validation(
            field,
            format!("{label} '{shown}' has more decimals than the currency allows ({minor_digits}).{hint}"),
        ));
    }
    let scale = 10i64.pow(u32::from(minor_digits));
    let too_big = || Error::validation(field, format!("{label} '{shown}' is too large."));
    let whole: i64 = if d.whole.is_empty() { 0 } else { d.whole.parse().map_err(|_| too_big())? };
    let fraction: i64 = if d.fraction.is_empty() {
        0
    } else {
        let padded = format!("{:0<width$}", d.fraction, width = minor_digits as usize);
        padded.parse().map_err(|_| bad())?
    };
    let cents = whole.checked_mul(scale).and_then(|w| w.checked_add(fraction)).ok_or_else(too_big)?;
    // At most 10^15 minor units, below 2^53: the UI shows every amount exactly.
    if whole >= MAX_MAJOR_UNITS {
        return Err(Error::validation(field, format!("{label} '{shown}' is too large: amounts are below 1,000,000,000,000.")));
    }
    Ok(if d.negative { -cents } else { cents })
}

/// Parses an amount that may not be negative.
pub fn parse_amount(field: &str, label: &str, text: &str, minor_digits: u8) -> Result<i64> {
    let cents = parse_money(field, label, text, minor_digits)?;
    if cents < 0 {
        return Err(Error::validation(field, format!("{label} cannot be negative.")));
    }
    Ok(cents)
}

/// Parses a measured value (a KPI's baseline, target or reading). Not money, so a float is fine;
/// separators are read as for money, except that `1.234` is a decimal.
pub fn parse_number(field: &str, label: &str, text: &str) -> Result<f64> {
    let shown = text.trim().trim_end_matches('%').trim();
    if shown.is_empty() {
        return Err(Error::validation(field, format!("{label} is required.")));
    }
    let d = split(shown)
        .ok_or_else(|| Error::validation(field, format!("{label} '{}' is not a number.", text.trim())))?;
    let plain = format!("{}{}.{}", if d.negative { "-" } else { "" }, if d.whole.is_empty() { "0" } else { &d.whole }, if d.fraction.is_empty() { "0" } else { &d.fraction });
    let value: f64 = plain.parse().map_err(|_| Error::validation(field, format!("{label} '{shown}' is not a number.")))?;
    if !value.is_finite() || value.abs() > 1e15 {
        return Err(Error::validation(field, format!("{label} '{shown}' is too large.")));
    }
    Ok(value)
}

/// Hours as typed ("12", "7.5", "7,25") into hundredths of an hour.
pub fn parse_hours(field: &str, label: &str, text: &str) -> Result<i64> {
    let hundredths = parse_money(field, label, text, 2)
        .map_err(|e| Error::validation(field, e.message.replace("an amount; write it like 1,234.50 or 1.234,50", "a number of hours, like 7.5")))?;
    if !(0..=100_000_00).contains(&hundredths) {
        return Err(Error::validation(field, format!("{label} must be between 0 and 100,000 hours.")));
    }
    Ok(hundredths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact_plain_decimals() {
        assert_eq!(plain(250_000, 2), "2500.00");
        assert_eq!(plain(-5, 2), "-0.05");
        assert_eq!(plain(1_234, 0), "1234");
    }

    fn eur(text: &str) -> Result<i64> {
        parse_money("amount", "Amount", text, 2)
    }

    #[test]
    fn common_ways_of_writing_money_parse_exactly() {
        let cases = [
            ("1,234.50", 123_450),
            ("1.234,50", 123_450),
            ("€1,234.50", 123_450),
            ("1 234,50 €", 123_450),
            ("CHF 1'234.50", 123_450),
            ("1234", 123_400),
            ("12.5", 1_250),
            ("0,07", 7),
            ("1,234", 123_400),
            ("1.234.567,89", 123_456_789),
            ("1,234,567.89", 123_456_789),
            ("-€5", -500),
            ("(5.00)", -500),
            ("EUR 19.99", 1_999),
            ("$0.10", 10),
            (".5", 50),
            ("US$ 12", 1_200),
            ("R$12,00", 1_200),
            ("5 kr", 500),
            ("- £ 3", -300),
        ];
        for (text, cents) in cases {
            assert_eq!(eur(text), Ok(cents), "{text}");
        }
    }

    #[test]
    fn in_a_three_decimal_currency_a_dot_and_three_digits_are_decimals() {
        assert_eq!(parse_money("amount", "Amount", "1.000", 3), Ok(1_000));
        assert_eq!(parse_money("amount", "Amount", &plain(1_000, 3), 3), Ok(1_000));
        assert_eq!(parse_money("amount", "Amount", "1,000.500", 3), Ok(1_000_500));
        assert!(parse_money("amount", "Amount", "1.000", 2).unwrap_err().message.contains("more decimals"), "a lone dot is a decimal point");
    }

    #[test]
    fn garbage_and_malformed_grouping_are_refused_with_the_field() {
        for text in ["", "abc", "1,2,3", "12,34,567.00", "1.2.3,4,5", "1..5", "€", "1 2 3 x", "1e5", "--5", "€€5", "abcd5", "5 euros", "5$$", "#5", "5%"] {
            let err = eur(text).expect_err(text);
            assert_eq!(err.field.as_deref(), Some("amount"), "{text}");
        }
    }

    #[test]
    fn decimals_beyond_the_currency_are_refused() {
        assert!(eur("1.234,567").unwrap_err().message.contains("more decimals"));
        assert_eq!(parse_money("a", "Amount", "1,234", 0), Ok(1_234));
        assert!(parse_money("a", "Amount", "12.5", 0).is_err());
    }

    #[test]
    fn three_digits_after_a_dot_or_a_leading_zero_are_decimals_not_thousands() {
        for text in ["0.125", "10.555", "0,125", ",125", "1.234"] {
            let err = eur(text).expect_err(text);
            assert!(err.message.contains("more decimals than the currency allows (2)"), "{text}: {}", err.message);
        }
        assert!(eur("0,125,000").is_err(), "no grouping after a leading 0");
        assert_eq!(eur("10.555,00"), Ok(1_055_500));
        assert_eq!(eur("1,234"), Ok(123_400), "a comma before three digits still groups thousands");
        assert_eq!(parse_money("a", "Amount", "0.125", 3), Ok(125));
    }

    #[test]
    fn amounts_stop_below_a_trillion_and_totals_never_wrap() {
        assert_eq!(eur("999,999,999,999.99"), Ok(99_999_999_999_999));
        assert!(eur("1,000,000,000,000.00").unwrap_err().message.contains("too large"));
        assert!(parse_money("a", "Amount", "1000000000000", 0).is_err());
        let biggest = 99_999_999_999_999i64;
        assert_eq!(sum_cents(std::iter::repeat_n(biggest, 1_100)), biggest * 1_100, "1,100 of the largest retainers add up exactly");
        assert_eq!(sum_cents(std::iter::repeat_n(i64::MAX, 3)), i64::MAX, "past the limit a total stays there");
        assert_eq!(sum_cents(std::iter::repeat_n(i64::MIN, 3)), i64::MIN);
    }

    #[test]
    fn huge_amounts_are_refused_not_wrapped() {
        assert!(eur("99999999999999999999").unwrap_err().message.contains("too large"));
        assert!(eur("999,999,999,999,999.00").unwrap_err().message.contains("too large"));
    }

    #[test]
    fn amounts_can_be_required_non_negative() {
        assert!(parse_amount("a", "Monthly value", "-5", 2).unwrap_err().message.contains("negative"));
    }

    #[test]
    fn numbers_read_dots_as_decimals_and_ignore_percent() {
        assert_eq!(parse_number("v", "Value", "1.234"), Ok(1.234));
        assert_eq!(parse_number("v", "Value", "3,5 %"), Ok(3.5));
        assert_eq!(parse_number("v", "Value", "12,000"), Ok(12_000.0));
        assert_eq!(parse_number("v", "Value", "-2"), Ok(-2.0));
        assert!(parse_number("v", "Value", "n/a").is_err());
    }

    #[test]
    fn hours_are_hundredths() {
        assert_eq!(parse_hours("h", "Hours", "7.5"), Ok(750));
        assert_eq!(parse_hours("h", "Hours", "7,25"), Ok(725));
        assert!(parse_hours("h", "Hours", "lots").unwrap_err().message.contains("hours"));
    }
}
