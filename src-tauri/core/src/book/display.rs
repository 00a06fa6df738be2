//! How the app shows dates and numbers: the owner's computer's settings, or a locale they pick
//! (a studio in Lisbon working in English may want 26/11/2026 and 1 234,50 €). Only the screens
//! follow it; client documents are in English with the studio's currency.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};

/// The locales offered, as BCP 47 tags with their names in their own language.
pub const LOCALES: &[(&str, &str)] = &[
    ("en-GB", "English (United Kingdom)"),
    ("en-US", "English (United States)"),
    ("en-IE", "English (Ireland)"),
    ("en-AU", "English (Australia)"),
    ("en-CA", "English (Canada)"),
    ("de-DE", "Deutsch (Deutschland)"),
    ("de-CH", "Deutsch (Schweiz)"),
    ("fr-FR", "Français (France)"),
    ("fr-CA", "Français (Canada)"),
    ("es-ES", "Español (España)"),
    ("it-IT", "Italiano (Italia)"),
    ("nl-NL", "Nederlands (Nederland)"),
    ("pt-PT", "Português (Portugal)"),
    ("pt-BR", "Português (Brasil)"),
    ("sv-SE", "Svenska (Sverige)"),
    ("da-DK", "Dansk (Danmark)"),
    ("nb-NO", "Norsk bokmål (Norge)"),
    ("fi-FI", "Suomi (Suomi)"),
    ("pl-PL", "Polski (Polska)"),
    ("ja-JP", "日本語 (日本)"),
];

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct DisplaySettings {
    /// A tag from [`LOCALES`], or None to follow the computer.
    pub locale: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LocaleChoice {
    pub tag: String,
    pub name: String,
}

pub fn locale_choices() -> Vec<LocaleChoice> {
    LOCALES.iter().map(|(tag, name)| LocaleChoice { tag: (*tag).to_owned(), name: (*name).to_owned() }).collect()
}

impl DisplaySettings {
    pub fn validate(self) -> Result<DisplaySettings> {
        match self.locale.as_deref().map(str::trim) {
            None | Some("") => Ok(DisplaySettings { locale: None }),
            Some(tag) => LOCALES
                .iter()
                .find(|(t, _)| t.eq_ignore_ascii_case(tag))
                .map(|(t, _)| DisplaySettings { locale: Some((*t).to_owned()) })
                .ok_or_else(|| Error::validation("locale", format!("'{tag}' is not one of the date and number formats Clientwell offers."))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_is_one_offered_or_none_for_the_computers_own() {
        assert_eq!(DisplaySettings { locale: Some("de-de".into()) }.validate().unwrap().locale.as_deref(), Some("de-DE"));
        assert_eq!(DisplaySettings { locale: Some("  ".into()) }.validate().unwrap().locale, None);
        let err = DisplaySettings { locale: Some("xx-YY".into()) }.validate().unwrap_err();
        assert_eq!(err.field.as_deref(), Some("locale"));
        assert_eq!(locale_choices().len(), LOCALES.len());
    }
}
