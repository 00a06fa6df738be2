//! The currencies a studio can keep its book in. Money is stored in integer minor units, so each
//! currency carries how many minor units make one major unit (100 cents, but 1 yen).

use serde::Serialize;
use specta::Type;

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Currency {
    pub code: String,
    pub name: String,
    /// Digits after the decimal point: 2 for EUR (cents), 0 for JPY.
    pub minor_digits: u8,
}

/// ISO 4217 codes a small studio is likely to bill in. Longer lists can come later; a code not
/// here is refused with a message that says which codes are known.
const KNOWN: &[(&str, &str, u8)] = &[
    ("AED", "UAE dirham", 2),
    ("AUD", "Australian dollar", 2),
    ("BRL", "Brazilian real", 2),
    ("CAD", "Canadian dollar", 2),
    ("CHF", "Swiss franc", 2),
    ("CLP", "Chilean peso", 0),
    ("CNY", "Chinese yuan", 2),
    ("CZK", "Czech koruna", 2),
    ("DKK", "Danish krone", 2),
    ("EUR", "Euro", 2),
    ("GBP", "Pound sterling", 2),
    ("HKD", "Hong Kong dollar", 2),
    ("HUF", "Hungarian forint", 2),
    ("IDR", "Indonesian rupiah", 2),
    ("ILS", "Israeli new shekel", 2),
    ("INR", "Indian rupee", 2),
    ("ISK", "Icelandic króna", 0),
    ("JPY", "Japanese yen", 0),
    ("KRW", "South Korean won", 0),
    ("MXN", "Mexican peso", 2),
    ("MYR", "Malaysian ringgit", 2),
    ("NOK", "Norwegian krone", 2),
    ("NZD", "New Zealand dollar", 2),
    ("PHP", "Philippine peso", 2),
    ("PLN", "Polish złoty", 2),
    ("RON", "Romanian leu", 2),
    ("SEK", "Swedish krona", 2),
    ("SGD", "Singapore dollar", 2),
    ("THB", "Thai baht", 2),
    ("TRY", "Turkish lira", 2),
    ("TWD", "New Taiwan dollar", 2),
    ("UAH", "Ukrainian hryvnia", 2),
    ("USD", "US dollar", 2),
    ("ZAR", "South African rand", 2),
];

pub fn known() -> Vec<Currency> {
    KNOWN
        .iter()
        .map(|&(code, name, minor_digits)| Currency { code: code.into(), name: name.into(), minor_digits })
        .collect()
}

/// Decimals of a known currency's minor unit (2 for a code Clientwell does not know).
pub fn minor_digits(code: &str) -> u8 {
    KNOWN.iter().find(|&&(known, _, _)| known == code).map_or(2, |&(_, _, digits)| digits)
}

/// Accepts a code in any case and surrounding spaces ("eur " → "EUR").
pub fn parse(field: &str, value: &str) -> Result<String> {
    let code = value.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Err(Error::validation(field, "Currency is required, e.g. EUR, USD or GBP."));
    }
    if KNOWN.iter().any(|&(known, _, _)| known == code) {
        Ok(code)
    } else {
        Err(Error::validation(
            field,
            format!("'{}' is not a currency Clientwell knows; use a three-letter code such as EUR, USD or GBP.", value.trim()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_to_upper_case() {
        assert_eq!(parse("currency", " gbp ").unwrap(), "GBP");
    }

    #[test]
    fn unknown_codes_name_the_field_and_suggest_examples() {
        let err = parse("currency", "EURO").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("currency"));
        assert!(err.message.contains("'EURO'") && err.message.contains("EUR, USD or GBP"));
    }

    #[test]
    fn known_list_is_sorted_and_unique() {
        let codes: Vec<_> = KNOWN.iter().map(|c| c.0).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
    }
}
