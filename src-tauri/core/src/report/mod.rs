//! The documents that leave the app, drawn in the core with printpdf: fonts embedded and
//! subset, text measured and fitted, charts as vectors. Each document is built from a
//! client-facing input type ([`MonthlySummary`]) that cannot carry internal data.

pub mod canvas;
mod chart;
pub mod font;
pub mod format;
pub mod month;
pub mod monthly;
mod monthly_page;

use chrono::NaiveDate;
use printpdf::{PdfDocument, PdfPage, PdfSaveOptions, Pt};

pub use canvas::{Colour, Drawn};
pub use month::Month;
pub use monthly::MonthlySummary;

use crate::book::PaperSize;
use crate::client_page;
use crate::error::{Error, Result};
use crate::store::Store;

/// The studio's accent colour until branding settings exist.
pub const ACCENT: Colour = Colour::hex(0x3b5bdb);

/// A drawn document: its bytes, and for checks the page size and every box drawn.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub width: f32,
    pub height: f32,
    pub drawn: Vec<Drawn>,
}

/// Page size in points.
pub fn page_size(paper: PaperSize) -> (f32, f32) {
    match paper {
        PaperSize::A4 => (595.28, 841.89),
        PaperSize::Letter => (612.0, 792.0),
    }
}

/// Draws the one-page monthly results summary.
pub fn render_monthly(summary: &MonthlySummary) -> Result<Rendered> {
    let fonts = font::fonts()?;
    let title = format!("{} — results for {}", summary.client, summary.month.label());
    let mut doc = PdfDocument::new(&title);
    doc.metadata.info.author = summary.studio.clone();
    doc.metadata.info.creator = "Clientwell".into();
    doc.metadata.info.subject = format!("Monthly results summary for {}", summary.client);
    let regular = doc.add_font(&fonts.regular.parsed);
    let bold = doc.add_font(&fonts.bold.parsed);
    let (width, height) = page_size(summary.paper);
    let mut canvas = canvas::Canvas::new(width, height, fonts, regular, bold);
    monthly_page::draw(&mut canvas, summary, ACCENT);
    let drawn = canvas.drawn;
    doc.with_pages(vec![PdfPage::new(Pt(width).into(), Pt(height).into(), canvas.ops)]);
    let bytes = doc.save(&PdfSaveOptions { subset_fonts: true, ..Default::default() }, &mut Vec::new());
    Ok(Rendered { bytes, pages: 1, width, height, drawn })
}

/// What the monthly summary of `client_id` for `month` says; invoices' paid/overdue as of `today`.
pub fn monthly_summary(store: &Store, client_id: i64, month: Month, today: NaiveDate) -> Result<MonthlySummary> {
    let studio = store.studio()?.ok_or_else(|| Error::validation("studio", "Set up your studio first: its name goes on every report."))?;
    let data = client_page::load(store, client_id)?;
    Ok(monthly::build(&studio, &data, month, today))
}

pub fn monthly_summary_pdf(store: &Store, client_id: i64, month: Month, today: NaiveDate) -> Result<Vec<u8>> {
    Ok(render_monthly(&monthly_summary(store, client_id, month, today)?)?.bytes)
}

/// A file name built from a client's name that is safe on macOS, Windows and Linux: no path
/// separators or reserved characters, no reserved Windows device names, at most 120 characters.
pub fn file_name(client: &str, what: &str) -> String {
    let cleaned: String = format!("{client} - {what}")
        .chars()
        .map(|c| if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') { '_' } else { c })
        .collect();
    let mut name: String = cleaned.trim().trim_matches('.').chars().take(120).collect();
    let stem = name.split('.').next().unwrap_or("").trim().to_ascii_uppercase();
    let reserved = ["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str()) || ((stem.starts_with("COM") || stem.starts_with("LPT")) && stem.len() == 4);
    if name.is_empty() || reserved {
        name = format!("Report {name}");
    }
    format!("{}.pdf", name.trim_end())
}

#[cfg(test)]
mod tests;
