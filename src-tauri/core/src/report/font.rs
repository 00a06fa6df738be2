//! The fonts every document embeds (Noto Sans, SIL Open Font License, shipped in
//! `assets/fonts/`), and text measurement with their real glyph advances: printpdf draws text but
//! neither measures nor wraps it, so everything that must fit is measured here first.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::error::{Error, Result};

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

pub struct Face {
    pub parsed: ParsedFont,
    units_per_em: f32,
    /// Advance of '?', drawn in place of characters the font has no glyph for.
    fallback_advance: u16,
}

pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

fn face(bytes: &[u8], name: &str) -> Result<Face> {
    let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or_else(|| Error::internal(format!("The built-in font {name} could not be read.")))?;
    let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
    let fallback_advance = parsed.lookup_glyph_index('?' as u32).map_or(0, |g| parsed.get_horizontal_advance(g));
    Ok(Face { parsed, units_per_em, fallback_advance })
}

/// The fonts, parsed once per process (parsing takes milliseconds; a page takes about one).
pub fn fonts() -> Result<&'static Fonts> {
    static FONTS: OnceLock<std::result::Result<Fonts, Error>> = OnceLock::new();
    FONTS
        .get_or_init(|| Ok(Fonts { regular: face(REGULAR, "Noto Sans")?, bold: face(BOLD, "Noto Sans Bold")? }))
        .as_ref()
        .map_err(Clone::clone)
}

impl Face {
    fn advance(&self, c: char) -> Option<u16> {
        self.parsed.lookup_glyph_index(c as u32).filter(|g| *g != 0).map(|g| self.parsed.get_horizontal_advance(g))
    }

    /// Replaces what this font cannot draw (emoji, scripts outside Latin/Greek/Cyrillic, control
    /// characters) with '?', so what is measured is exactly what is drawn.
    pub fn drawable(&self, text: &str) -> String {
        text.chars()
            .map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c })
            .filter(|c| !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'))
            .map(|c| if c.is_control() || self.advance(c).is_none() { '?' } else { c })
            .collect()
    }

    /// The characters of `text` this font cannot draw (they print as '?'), each once.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars().filter(|&c| !matches!(c, '\t' | '\n' | '\r' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')) {
            if (c.is_control() || self.advance(c).is_none()) && !missing.contains(&c) {
                missing.push(c);
            }
        }
        missing
    }

    /// Width in points of already-drawable text at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| u32::from(self.advance(c).unwrap_or(self.fallback_advance))).sum();
        units as f32 * size / self.units_per_em
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_accents_and_currency_signs_are_drawable() {
        let f = fonts().unwrap();
        let text = "Élan Crêperie & Søn “quoted” – € £ ¥ ₹ … ½ Żółć İstanbul";
        assert_eq!(f.regular.drawable(text), text);
        assert_eq!(f.bold.drawable(text), text);
    }

    #[test]
    fn what_the_font_cannot_draw_becomes_a_question_mark() {
        let f = fonts().unwrap();
        assert_eq!(f.regular.drawable("ok 🥐 \u{202e}x\tz"), "ok ? x z");
        assert_eq!(f.regular.missing("ok 🥐 \u{202e}x\tz 🥐 שלום"), ['🥐', 'ש', 'ל', 'ו', 'ם'], "what prints as '?' is named, each once");
        assert!(f.regular.missing("Élan Crêperie – €").is_empty());
        assert!(f.regular.width("WWW", 10.0) > f.regular.width("iii", 10.0), "real advances, not a fixed width");
    }
}
