//! Field-level checks shared by every input type. Each returns a validation error that names
//! the field and says why, so the UI can put it right next to the input.

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// Trims surrounding whitespace and checks the length in characters (not bytes: names may be in
/// any script). Control characters other than newlines and tabs are refused.
pub fn text(field: &str, label: &str, value: &str, min: usize, max: usize) -> Result<String> {
    let value = value.trim();
    let len = value.chars().count();
    if len < min {
        return Err(if min == 1 {
            Error::validation(field, format!("{label} is required."))
        } else {
            Error::validation(field, format!("{label} needs at least {min} characters."))
        });
    }
    if len > max {
        return Err(Error::validation(
            field,
            format!("{label} is too long: {len} characters, at most {max}."),
        ));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
        return Err(Error::validation(field, format!("{label} contains invisible control characters.")));
    }
    Ok(value.to_owned())
}

/// The form two names are compared in: Unicode's canonical caseless match (case folded in every
/// script and normalised, so "ÉCOLE ŁÓDŹ", "école łódź" and "e" + a combining accent are one;
/// "STRASSE" is "Straße"), stored as NFC. The database holds this key for every client name, so
/// Rust and SQL compare the same way.
pub fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let decomposed: String = name.trim().nfd().collect();
    caseless::default_case_fold_str(&decomposed).nfc().collect()
}

/// A name without what other tools add to it: "The Harbour Bakery Ltd." and "Harbour Bakery"
/// give one key. Used only to suggest a match the owner confirms, never to match on its own.
pub fn company_key(name: &str) -> String {
    const FORMS: &[&str] = &["ltd", "limited", "llc", "inc", "incorporated", "corp", "co", "company", "gmbh", "ag", "sarl", "sas", "sa", "bv", "nv", "srl", "spa", "plc", "oy", "ab", "as", "aps", "kg", "ug", "pty", "lda", "sp", "zoo", "sl"];
    let key = name_key(name);
    let mut words: Vec<&str> = key.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.len() > 1 && matches!(words[0], "the" | "la" | "le" | "les" | "el" | "die" | "der" | "das") {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| FORMS.contains(w) || *w == "o" || *w == "z") {
        words.pop();
    }
    words.join(" ")
}

/// A calendar date written as YYYY-MM-DD, within a sane range for a studio's records.
pub fn date(field: &str, label: &str, value: &str) -> Result<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::validation(field, format!("{label} is required.")));
    }
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
        Error::validation(field, format!("{label} '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01."))
    })?;
    let year = chrono::Datelike::year(&date);
    if !(1970..=2100).contains(&year) {
        return Err(Error::validation(field, format!("{label} {value} is out of range (years 1970 to 2100).")));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn names_match_in_any_case_and_any_normalisation_form() {
        let key = name_key("École Lumière");
        for other in ["ÉCOLE LUMIÈRE", "école lumière", "E\u{301}cole Lumie\u{300}re", "  École Lumière "] {
            assert_eq!(name_key(other), key, "{other:?}");
        }
        assert_eq!(name_key("STRASSE"), name_key("Straße"), "full case folding, not just lower case");
        assert_eq!(company_key("The Harbour Bakery Ltd."), company_key("harbour bakery"));
        assert_eq!(company_key("Café Łódź Sp. z o.o."), company_key("CAFÉ ŁÓDŹ"));
        assert_ne!(company_key("Harbour Bakery"), company_key("Harbour Bakery Two"));
        assert_eq!(company_key("Co"), "co", "a name is never emptied");
        assert_eq!(name_key("ΟΔΥΣΣΕΥΣ"), name_key("οδυσσευς"), "a final sigma is a sigma");
    }

    #[test]
    fn text_is_trimmed_and_counted_in_characters() {
        assert_eq!(text("name", "Name", "  Café Ölberg ", 1, 12).unwrap(), "Café Ölberg");
        let err = text("name", "Name", "ééééé", 1, 4).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Validation);
        assert_eq!(err.field.as_deref(), Some("name"));
        assert!(err.message.contains("5 characters, at most 4"), "{}", err.message);
    }

    #[test]
    fn empty_required_text_names_the_field() {
        let err = text("name", "Client name", "   ", 1, 10).unwrap_err();
        assert_eq!(err.message, "Client name is required.");
    }

    #[test]
    fn control_characters_are_refused_but_newlines_kept() {
        assert!(text("notes", "Notes", "line one\nline two", 0, 100).is_ok());
        assert!(text("notes", "Notes", "bell\u{7}", 0, 100).is_err());
    }

    #[test]
    fn dates_must_be_iso_and_in_range() {
        assert_eq!(date("d", "Start", "2026-03-01").unwrap(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        assert!(date("d", "Start", "01/03/2026").unwrap_err().message.contains("YYYY-MM-DD"));
        assert!(date("d", "Start", "2026-02-30").is_err());
        assert!(date("d", "Start", "1900-01-01").unwrap_err().message.contains("out of range"));
        assert_eq!(date("d", "Start", "").unwrap_err().message, "Start is required.");
    }
}

/// An optional date: empty text means "not set".
pub fn optional_date(field: &str, label: &str, value: &str) -> Result<Option<NaiveDate>> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        date(field, label, value).map(Some)
    }
}

/// Refuses `later` when it comes before `earlier` ("Due date is before the issue date").
pub fn not_before(field: &str, message: &str, earlier: NaiveDate, later: Option<NaiveDate>) -> Result<()> {
    match later {
        Some(later) if later < earlier => Err(Error::validation(field, message)),
        _ => Ok(()),
    }
}

/// A whole number within `range`, typed by the owner.
pub fn whole(field: &str, label: &str, value: &str, range: std::ops::RangeInclusive<i64>) -> Result<i64> {
    let text = value.trim();
    let n: i64 = text
        .parse()
        .map_err(|_| Error::validation(field, format!("{label} '{text}' is not a whole number.")))?;
    if !range.contains(&n) {
        return Err(Error::validation(
            field,
            format!("{label} must be between {} and {}, not {n}.", range.start(), range.end()),
        ));
    }
    Ok(n)
}

/// An optional whole number: empty text means "not set".
pub fn optional_whole(field: &str, label: &str, value: &str, range: std::ops::RangeInclusive<i64>) -> Result<Option<i64>> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        whole(field, label, value, range).map(Some)
    }
}

/// A loose check that catches typos without rejecting real addresses.
pub fn email(field: &str, value: &str) -> Result<String> {
    let value = text(field, "Email", value, 0, 254)?;
    if value.is_empty() {
        return Ok(value);
    }
    let ok = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
    }) && !value.chars().any(char::is_whitespace);
    if ok {
        Ok(value)
    } else {
        Err(Error::validation(field, format!("'{value}' does not look like an email address (name@example.com).")))
    }
}

/// "3 Dec 2026": a day as the review's and the stages' sentences write it.
pub fn short_date(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

/// `text` with its first character in upper case (by character, never by byte: "émissions" →
/// "Émissions").
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| first.to_uppercase().chain(chars).collect())
}

/// A month ("2026-10") or a fiscal quarter ("2027-Q2") as its stored key: what a note or a
/// document is for. A quarter's key does not depend on the month its fiscal year starts.
pub fn period_key(field: &str, value: &str) -> Result<String> {
    let t = value.trim();
    if t.contains(['Q', 'q']) {
        return super::quarter::Quarter::parse(field, t, 1).map(super::quarter::Quarter::key);
    }
    super::month::Month::parse(field, t).map(super::month::Month::key)
}
