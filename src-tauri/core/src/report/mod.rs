//! The documents that leave the app, drawn in the core with printpdf: fonts embedded and
//! subset, text measured and fitted, charts as vectors. Each document is built from a
//! client-facing input type ([`MonthlySummary`]) that cannot carry internal data.

pub mod canvas;
mod chart;
mod files;
pub mod font;
pub mod format;

pub mod monthly;
pub mod qbr;
mod qbr_checks;
pub mod value;
mod svg;
pub mod deck;
mod flow;
mod qbr_flow;
mod qbr_hours;
mod qbr_pages;
mod qbr_words;
mod monthly_page;

use chrono::NaiveDate;
use printpdf::{PdfDocument, PdfPage, PdfSaveOptions, Pt, RawImage};
use serde::Serialize;
use specta::Type;

use canvas::{Image, Look};
pub use canvas::{Colour, Drawn};
pub use crate::book::month::Month;
pub use crate::book::quarter::Quarter;
pub(crate) use files::unique_name;
pub use files::{monthly_file_name, qbr_file_name, save_monthly, save_monthly_batch, save_qbr, BatchReport, FailedReport, QbrFormat, SavedReport};
pub use monthly::MonthlySummary;
pub use qbr::QbrReport;

use crate::book::branding::parse_accent;
use crate::book::PaperSize;
use crate::error::{Error, Result};
use crate::store::Store;

/// The accent colour used when a stored one cannot be read (the app's own, as in branding's default).
pub const ACCENT: Colour = Colour::hex(0x1f6f6b);

/// The studio's branding as documents need it: the accent ("#1f6f6b") and the logo's bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brand {
    pub accent: String,
    pub logo: Option<Vec<u8>>,
}

impl Brand {
    pub fn of(store: &Store) -> Result<Brand> {
        let (accent, logo) = store.branding_raw()?;
        Ok(Brand { accent, logo })
    }
}

/// Adds the logo to the document and reads the accent. A logo was checked when it was saved; one
/// that still cannot be decoded is left out rather than failing the document.
fn look(doc: &mut PdfDocument, accent: &str, logo: Option<&[u8]>) -> Look {
    let accent = parse_accent("accent", accent).map_or(ACCENT, Colour::rgb);
    let logo = logo.and_then(|bytes| RawImage::decode_from_bytes(bytes, &mut Vec::new()).ok()).map(|raw| {
        let (width, height) = (raw.width as u32, raw.height as u32);
        Image { id: doc.add_image(&raw), width, height }
    });
    Look { accent, logo }
}

/// A drawn document: its bytes, and for checks the page size and every box drawn.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub width: f32,
    pub height: f32,
    pub drawn: Vec<Drawn>,
    /// Each page's shapes, for the SVG preview.
    pub shapes: Vec<Vec<canvas::Shape>>,
    /// Texts with characters the embedded font cannot draw (printed as '?').
    pub unprintable: Vec<String>,
}

impl Rendered {
    /// Each page as SVG, with the logo (a data URL) where the PDF draws it.
    pub fn svg_pages(&self, logo: Option<&str>) -> Vec<String> {
        self.shapes.iter().map(|page| svg::page(self.width, self.height, page, logo)).collect()
    }
}

/// Page size in points.
pub fn page_size(paper: PaperSize) -> (f32, f32) {
    match paper {
        PaperSize::A4 => (595.28, 841.89),
        PaperSize::Letter => (612.0, 792.0),
    }
}

/// A document being drawn: the PDF with its fonts added, and the studio's look.
struct Doc {
    pdf: PdfDocument,
    fonts: &'static font::Fonts,
    regular: printpdf::FontId,
    bold: printpdf::FontId,
    look: Look,
}

impl Doc {
    fn start(title: &str, studio: &str, subject: String, accent: &str, logo: Option<&[u8]>) -> Result<Doc> {
        let fonts = font::fonts()?;
        let mut pdf = PdfDocument::new(title);
        pdf.metadata.info.author = studio.to_owned();
        pdf.metadata.info.creator = "Clientwell".into();
        pdf.metadata.info.subject = subject;
        let regular = pdf.add_font(&fonts.regular.parsed);
        let bold = pdf.add_font(&fonts.bold.parsed);
        let look = look(&mut pdf, accent, logo);
        Ok(Doc { pdf, fonts, regular, bold, look })
    }

    fn canvas(&self, width: f32, height: f32) -> canvas::Canvas<'static> {
        canvas::Canvas::new(width, height, self.fonts, self.regular.clone(), self.bold.clone())
    }

    /// The drawn pages as the PDF's bytes, with every box and shape kept for checks and previews.
    fn finish(mut self, canvases: Vec<canvas::Canvas<'_>>, width: f32, height: f32) -> Rendered {
        let (mut pages, mut drawn, mut shapes, mut unprintable) = (Vec::new(), Vec::new(), Vec::new(), Vec::<String>::new());
        for canvas in canvases {
            drawn.extend(canvas.drawn);
            for text in canvas.unprintable.into_inner() {
                if !unprintable.contains(&text) {
                    unprintable.push(text);
                }
            }
            shapes.push(canvas.shapes);
            pages.push(PdfPage::new(Pt(width).into(), Pt(height).into(), canvas.ops));
        }
        let count = pages.len();
        self.pdf.with_pages(pages);
        let bytes = self.pdf.save(&PdfSaveOptions { subset_fonts: true, ..Default::default() }, &mut Vec::new());
        Rendered { bytes, pages: count, width, height, drawn, shapes, unprintable }
    }
}

/// Draws the one-page monthly results summary.
pub fn render_monthly(summary: &MonthlySummary) -> Result<Rendered> {
    let title = format!("{} — results for {}", summary.client, summary.month.label());
    let doc = Doc::start(&title, &summary.studio, format!("Monthly results summary for {}", summary.client), &summary.accent, summary.logo.as_deref())?;
    let (width, height) = page_size(summary.paper);
    let mut canvas = doc.canvas(width, height);
    monthly_page::draw(&mut canvas, summary, &doc.look);
    Ok(doc.finish(vec![canvas], width, height))
}

/// Draws the QBR report: the first page for the CFO (summary, tiles, scoreboard, goal), then the
/// results, the review and plan, the money and the method, flowing over as many pages as they
/// need with "Page x of y" on each.
pub fn render_qbr(report: &QbrReport) -> Result<Rendered> {
    let title = format!("{} — quarterly business review {}", report.client, report.quarter_label);
    let doc = Doc::start(&title, &report.studio, format!("Quarterly business review for {}", report.client), &report.accent, report.logo.as_deref())?;
    let (width, height) = page_size(report.paper);
    let mut first = doc.canvas(width, height);
    let cover_end = qbr_pages::cover(&mut first, report, &doc.look);
    let measure = doc.canvas(width, height);
    let frame = qbr_flow::Frame { left: monthly_page::MARGIN, width: width - 2.0 * monthly_page::MARGIN, measure: &measure };
    let pieces = qbr_flow::pieces(report, &doc.look, &frame);
    let bottom = qbr_pages::footer_top(height) - 8.0;
    // The flow starts under the cover only when the cover leaves more than half the page: a
    // full first page stays the CFO's page.
    let first_top = (cover_end < height / 2.0).then_some(cover_end + 10.0);
    let placed = flow::paginate(&pieces, first_top, qbr_pages::CONTENT_TOP, bottom);
    let count = flow::page_count(&placed);
    let mut canvases = vec![first];
    canvases.extend((1..count).map(|_| doc.canvas(width, height)));
    for (page, canvas) in canvases.iter_mut().enumerate() {
        if page > 0 {
            qbr_pages::band(canvas, report, &doc.look);
        }
        flow::draw_page(canvas, &pieces, &placed, page);
        qbr_pages::footer(canvas, report, page + 1, count);
    }
    Ok(doc.finish(canvases, width, height))
}

/// Draws the QBR as 16:9 slides for the meeting: a title slide, then one message per slide.
pub fn render_qbr_deck(report: &QbrReport) -> Result<Rendered> {
    let title = format!("{} — quarterly business review {} (slides)", report.client, report.quarter_label);
    let doc = Doc::start(&title, &report.studio, format!("Quarterly business review for {}", report.client), &report.accent, report.logo.as_deref())?;
    let slides = deck::slides(report);
    let count = slides.len() + 1;
    let canvases = (0..count)
        .map(|index| {
            let mut canvas = doc.canvas(deck::WIDTH, deck::HEIGHT);
            deck::draw(&mut canvas, report, &doc.look, index.checked_sub(1).and_then(|i| slides.get(i)), index, count);
            canvas
        })
        .collect();
    Ok(doc.finish(canvases, deck::WIDTH, deck::HEIGHT))
}

/// What the QBR of `client_id` for `quarter` says; invoices' paid/overdue as of `today`.
pub fn qbr_report(store: &Store, client_id: i64, quarter: Quarter, today: NaiveDate) -> Result<QbrReport> {
    let studio = store.studio()?.ok_or_else(|| Error::validation("studio", "Set up your studio first: its name goes on every report."))?;
    let data = store.client_data(client_id)?;
    let notes = store.qbr_notes(client_id, quarter)?;
    Ok(qbr::build(&studio, &Brand::of(store)?, &data, &notes, quarter, today))
}

/// The quarter a QBR is about for a client: `text` ("2027-Q2") in the client's fiscal year, or
/// the last complete quarter before `today`.
pub fn client_quarter(store: &Store, client_id: i64, text: Option<&str>, today: NaiveDate) -> Result<Quarter> {
    let starts = store.client(client_id)?.plan.year_starts();
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => Quarter::parse("quarter", t, starts),
        None => Ok(Quarter::containing(today, starts).previous()),
    }
}

/// What the app shows before saving a QBR: the report, its quarter and the file name to suggest.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct QbrPreview {
    pub report: QbrReport,
    /// Every page as an SVG image, as it will print.
    pub pages: Vec<String>,
    /// The quarter's key, "2027-Q2", to send back when saving.
    pub quarter: String,
    pub file_name: String,
    /// The name to suggest for the 16:9 slides.
    pub slides_file_name: String,
    /// Texts the report's font cannot print (they would show as '?'): say so before saving.
    pub unprintable: Vec<String>,
    /// What is not written or recorded yet (`qbr::missing`): shown before saving.
    pub missing: Vec<String>,
}

/// The QBR preview for `quarter` ("2027-Q2", or empty for the last complete quarter).
pub fn qbr_preview(store: &Store, client_id: i64, quarter: &str, today: NaiveDate) -> Result<QbrPreview> {
    let quarter = client_quarter(store, client_id, Some(quarter), today)?;
    let report = qbr_report(store, client_id, quarter, today)?;
    let file_name = files::qbr_file_name(&report.client, quarter, QbrFormat::Report);
    let slides_file_name = files::qbr_file_name(&report.client, quarter, QbrFormat::Slides);
    let rendered = render_qbr(&report)?;
    let pages = rendered.svg_pages(store.branding()?.logo_data_url.as_deref());
    let missing = qbr::missing(&report);
    Ok(QbrPreview { report, pages, quarter: quarter.key(), file_name, slides_file_name, unprintable: rendered.unprintable, missing })
}

/// What the monthly summary of `client_id` for `month` says; invoices' paid/overdue as of `today`.
pub fn monthly_summary(store: &Store, client_id: i64, month: Month, today: NaiveDate) -> Result<MonthlySummary> {
    let studio = store.studio()?.ok_or_else(|| Error::validation("studio", "Set up your studio first: its name goes on every report."))?;
    let data = store.client_data(client_id)?;
    Ok(monthly::build(&studio, &Brand::of(store)?, &data, month, today))
}

/// What the app shows before saving: the summary and the file name it suggests.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct MonthlyPreview {
    pub summary: MonthlySummary,
    /// The page as an SVG image, as it will print.
    pub page: String,
    pub file_name: String,
    /// Texts the page's font cannot print (they would show as '?'): say so before saving.
    pub unprintable: Vec<String>,
}

pub fn monthly_preview(store: &Store, client_id: i64, month: Month, today: NaiveDate) -> Result<MonthlyPreview> {
    let summary = monthly_summary(store, client_id, month, today)?;
    let file_name = files::monthly_file_name(&summary.client, summary.month);
    let rendered = render_monthly(&summary)?;
    let page = rendered.svg_pages(store.branding()?.logo_data_url.as_deref()).remove(0);
    Ok(MonthlyPreview { summary, page, file_name, unprintable: rendered.unprintable })
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod qbr_tests;

#[cfg(test)]
mod monthly_tests;
