//! How numbers, money and dates read in a client document (English, studio currency).

use chrono::NaiveDate;

/// 1234.5 → "1,234.5"; whole numbers without decimals; at most two decimals.
pub fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let whole = abs.trunc() as u64;
    let cents = ((abs - abs.trunc()) * 100.0).round() as u64;
    let mut out = group(whole);
    if cents > 0 {
        let decimals = format!("{cents:02}");
        out.push('.');
        out.push_str(decimals.trim_end_matches('0'));
    }
    if negative && out != "0" {
        out.insert(0, '-');
    }
    out
}

/// A signed change: "+6", "–2.5" (an en dash: Noto Sans has no U+2212 minus), "0".
pub fn change(value: f64) -> String {
    let text = number(value.abs());
    if text == "0" {
        text
    } else if value > 0.0 {
        format!("+{text}")
    } else {
        format!("\u{2013}{text}")
    }
}

fn group(mut n: u64) -> String {
    let mut parts = Vec::new();
    loop {
        if n < 1000 {
            parts.push(n.to_string());
            break;
        }
        parts.push(format!("{:03}", n % 1000));
        n /= 1000;
    }
    parts.reverse();
    parts.join(",")
}

fn symbol(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "$",
        "JPY" | "CNY" => "¥",
        "INR" => "₹",
        "KRW" => "₩",
        "ILS" => "₪",
        _ => return None,
    })
}

/// Exact minor units as money: 123450 EUR → "€1,234.50"; currencies without a symbol get their code.
pub fn money(cents: i64, currency: &str, minor_digits: u8) -> String {
    let scale = 10_u64.pow(u32::from(minor_digits));
    let abs = cents.unsigned_abs();
    let mut amount = group(abs / scale);
    if minor_digits > 0 {
        amount.push_str(&format!(".{:0width$}", abs % scale, width = usize::from(minor_digits)));
    }
    let sign = if cents < 0 { "-" } else { "" };
    match symbol(currency) {
        Some(s) => format!("{sign}{s}{amount}"),
        None => format!("{sign}{currency} {amount}"),
    }
}

pub fn date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

pub fn share(value: f64) -> String {
    format!("{}%", (value * 100.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_thousands_and_drop_needless_decimals() {
        assert_eq!(number(1234.5), "1,234.5");
        assert_eq!(number(48.0), "48");
        assert_eq!(number(-0.004), "0");
        assert_eq!(number(1_000_000.25), "1,000,000.25");
        assert_eq!(change(6.0), "+6");
        assert_eq!(change(-2.5), "\u{2013}2.5");
    }

    #[test]
    fn money_is_exact_in_minor_units() {
        assert_eq!(money(123_450, "EUR", 2), "€1,234.50");
        assert_eq!(money(5, "GBP", 2), "£0.05");
        assert_eq!(money(1_500_000, "JPY", 0), "¥1,500,000");
        assert_eq!(money(-99, "CHF", 2), "-CHF 0.99");
    }
}
