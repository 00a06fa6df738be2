//! How the studio's documents look: an accent colour and a logo. The colour must read on white
//! paper; the logo must be a PNG or JPEG image of sensible size.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};

pub const DEFAULT_ACCENT: &str = "#1f6f6b";
/// Logos are embedded in every PDF: 2 MB keeps documents small enough to email.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Branding {
    /// "#1f6f6b".
    pub accent: String,
    /// The logo as a data URL for previews (`data:image/png;base64,...`), if one is set.
    pub logo_data_url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct BrandingInput {
    pub accent: String,
}

/// An accent colour as 0-255 channels.
pub fn parse_accent(field: &str, text: &str) -> Result<(u8, u8, u8)> {
    let shown = text.trim();
    let hex = shown.strip_prefix('#').unwrap_or(shown);
    let bad = || Error::validation(field, format!("'{shown}' is not a colour: write it like #1f6f6b."));
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(bad());
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
    Ok((channel(0)?, channel(2)?, channel(4)?))
}

/// WCAG relative luminance of an sRGB colour.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

impl BrandingInput {
    /// The accent as "#rrggbb", refused when too pale to read as text on white (contrast < 3:1).
    pub fn validate(&self) -> Result<String> {
        let rgb = parse_accent("accent", &self.accent)?;
        let contrast = 1.05 / (luminance(rgb) + 0.05);
        if contrast < 3.0 {
            return Err(Error::validation("accent", format!("This colour is too pale to read on white paper (contrast {contrast:.1}:1, at least 3:1 needed); pick a darker one.")));
        }
        Ok(format!("#{:02x}{:02x}{:02x}", rgb.0, rgb.1, rgb.2))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
}

impl ImageKind {
    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
        }
    }
}

/// Checks a logo file's bytes: PNG or JPEG, at most 2 MB, between 16 and 4,000 pixels a side.
/// Returns its kind and size in pixels.
pub fn check_logo(bytes: &[u8]) -> Result<(ImageKind, u32, u32)> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(Error::validation("logo", format!("The logo is {:.1} MB; use an image of at most 2 MB.", bytes.len() as f64 / 1_048_576.0)));
    }
    let (kind, size) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        (ImageKind::Png, png_size(bytes))
    } else if bytes.starts_with(&[0xff, 0xd8]) {
        (ImageKind::Jpeg, jpeg_size(bytes))
    } else {
        return Err(Error::validation("logo", "The logo must be a PNG or JPEG image."));
    };
    let (w, h) = size.ok_or_else(|| Error::validation("logo", "The logo file is damaged: its size could not be read."))?;
    if !(16..=4_000).contains(&w) || !(16..=4_000).contains(&h) {
        return Err(Error::validation("logo", format!("The logo is {w}×{h} pixels; use one between 16 and 4,000 pixels a side.")));
    }
    Ok((kind, w, h))
}

fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    // The IHDR chunk comes first: width and height at bytes 16-23.
    (b.len() >= 24 && &b[12..16] == b"IHDR").then(|| (u32::from_be_bytes([b[16], b[17], b[18], b[19]]), u32::from_be_bytes([b[20], b[21], b[22], b[23]])))
}

fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    // Walk the markers to the first start-of-frame (SOF0-SOF15 but DHT, JPG, DAC).
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xff {
            return None;
        }
        let marker = b[i + 1];
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        if (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
            let h = u32::from(u16::from_be_bytes([b[i + 5], b[i + 6]]));
            let w = u32::from(u16::from_be_bytes([b[i + 7], b[i + 8]]));
            return Some((w, h));
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A valid 40×20 PNG (red), for tests of logos anywhere in the crate.
    pub(crate) fn tiny_png() -> Vec<u8> {
        let mut out = Vec::new();
        let mut chunk = |kind: &[u8], data: &[u8]| {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let start = out.len();
            out.extend_from_slice(kind);
            out.extend_from_slice(data);
            let crc = crc32(&out[start..]);
            out.extend_from_slice(&crc.to_be_bytes());
        };
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&40u32.to_be_bytes());
        ihdr.extend_from_slice(&20u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        // Raw scanlines (filter byte 0 + RGB), stored in an uncompressed deflate block.
        let mut raw = Vec::new();
        for _ in 0..20 {
            raw.push(0);
            for _ in 0..40 {
                raw.extend_from_slice(&[200, 30, 30]);
            }
        }
        let mut z = vec![0x78, 0x01, 0x01];
        z.extend_from_slice(&(raw.len() as u16).to_le_bytes());
        z.extend_from_slice(&(!(raw.len() as u16)).to_le_bytes());
        z.extend_from_slice(&raw);
        z.extend_from_slice(&adler32(&raw).to_be_bytes());
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        chunk(b"IHDR", &ihdr);
        chunk(b"IDAT", &z);
        chunk(b"IEND", &[]);
        png.extend_from_slice(&out);
        png
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    fn adler32(data: &[u8]) -> u32 {
        let (mut a, mut b) = (1u32, 0u32);
        for &byte in data {
            a = (a + u32::from(byte)) % 65_521;
            b = (b + a) % 65_521;
        }
        (b << 16) | a
    }

    #[test]
    fn accents_are_normalised_and_pale_ones_refused() {
        assert_eq!(BrandingInput { accent: " 1F6F6B ".into() }.validate().unwrap(), "#1f6f6b");
        assert_eq!(BrandingInput { accent: "#ffee00".into() }.validate().unwrap_err().field.as_deref(), Some("accent"));
        assert_eq!(BrandingInput { accent: "teal".into() }.validate().unwrap_err().field.as_deref(), Some("accent"));
        assert!(BrandingInput { accent: "#000000".into() }.validate().is_ok());
    }

    #[test]
    fn logos_must_be_png_or_jpeg_of_sensible_size() {
        assert_eq!(check_logo(&tiny_png()).unwrap(), (ImageKind::Png, 40, 20));
        let jpeg = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x40, 0x00, 0x80, 0x03, 0, 0, 0, 0];
        assert_eq!(check_logo(&jpeg).unwrap(), (ImageKind::Jpeg, 128, 64));
        assert_eq!(check_logo(b"GIF89a....").unwrap_err().message, "The logo must be a PNG or JPEG image.");
        assert!(check_logo(&vec![0u8; MAX_LOGO_BYTES + 1]).unwrap_err().message.contains("at most 2 MB"));
        let mut huge = tiny_png();
        huge[16..20].copy_from_slice(&9_000u32.to_be_bytes());
        assert!(check_logo(&huge).unwrap_err().message.contains("9000×20"));
    }
}
