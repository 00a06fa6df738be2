//! The studio that owns the book: its name and the settings every document needs.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::{currency, text};
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum PaperSize {
    A4,
    Letter,
}

impl PaperSize {
    pub fn as_str(self) -> &'static str {
        match self {
            PaperSize::A4 => "A4",
            PaperSize::Letter => "Letter",
        }
    }

    pub fn from_stored(value: &str) -> Option<Self> {
        match value {
            "A4" => Some(PaperSize::A4),
            "Letter" => Some(PaperSize::Letter),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Studio {
    pub name: String,
    pub currency: String,
    pub paper_size: PaperSize,
}

/// What the owner types in the studio form (or the CLI's `init`), before validation.
#[derive(Debug, Clone, Deserialize, Type)]
pub struct StudioInput {
    pub name: String,
    pub currency: String,
    pub paper_size: PaperSize,
}

impl StudioInput {
    pub fn validate(&self) -> Result<Studio> {
        Ok(Studio {
            name: text::text("name", "Studio name", &self.name, 1, 120)?,
            currency: currency::parse("currency", &self.currency)?,
            paper_size: self.paper_size,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_studio_is_normalised() {
        let input = StudioInput { name: " Fox & Finch ".into(), currency: "eur".into(), paper_size: PaperSize::A4 };
        let studio = input.validate().unwrap();
        assert_eq!((studio.name.as_str(), studio.currency.as_str()), ("Fox & Finch", "EUR"));
    }

    #[test]
    fn the_first_bad_field_is_reported() {
        let input = StudioInput { name: "".into(), currency: "EUR".into(), paper_size: PaperSize::Letter };
        assert_eq!(input.validate().unwrap_err().field.as_deref(), Some("name"));
        let input = StudioInput { name: "Fox".into(), currency: "XX".into(), paper_size: PaperSize::Letter };
        assert_eq!(input.validate().unwrap_err().field.as_deref(), Some("currency"));
    }
}
