//! One page being drawn: text that is measured, wrapped and clipped to fit, rectangles and
//! lines, in points measured from the page's top-left corner (PDF counts from the bottom).
//! Everything drawn is also recorded as a box, so tests can prove nothing leaves the page.

use printpdf::{Color, FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt, Rect, Rgb, TextItem, WindingOrder, XObjectId, XObjectTransform};

use super::font::{Face, Fonts};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour(pub f32, pub f32, pub f32);

/// An image added to the document, with its size in pixels.
#[derive(Debug, Clone)]
pub struct Image {
    pub id: XObjectId,
    pub width: u32,
    pub height: u32,
}

/// How a document looks: the studio's accent colour and logo.
#[derive(Debug, Clone)]
pub struct Look {
    pub accent: Colour,
    pub logo: Option<Image>,
}

impl Colour {
    pub fn rgb((r, g, b): (u8, u8, u8)) -> Colour {
        Colour(f32::from(r) / 255.0, f32::from(g) / 255.0, f32::from(b) / 255.0)
    }

    pub const fn hex(rgb: u32) -> Colour {
        Colour(((rgb >> 16) & 0xff) as f32 / 255.0, ((rgb >> 8) & 0xff) as f32 / 255.0, (rgb & 0xff) as f32 / 255.0)
    }

    fn pdf(self) -> Color {
        Color::Rgb(Rgb::new(self.0, self.1, self.2, None))
    }
}

pub const INK: Colour = Colour::hex(0x1f2430);
pub const MUTED: Colour = Colour::hex(0x5f6675);
pub const RULE: Colour = Colour::hex(0xd9dce3);

#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub colour: Colour,
}

impl Style {
    pub const fn new(size: f32, bold: bool, colour: Colour) -> Style {
        Style { size, bold, colour }
    }

    /// Distance between baselines.
    pub fn leading(self) -> f32 {
        self.size * 1.35
    }
}

/// A box that was drawn: x, top, width, height in points from the top-left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drawn {
    pub x: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
}

pub struct Canvas<'f> {
    pub width: f32,
    pub height: f32,
    fonts: &'f Fonts,
    regular: FontId,
    bold: FontId,
    pub ops: Vec<Op>,
    pub drawn: Vec<Drawn>,
    /// The same drawing as plain shapes, for the app's preview (see `svg.rs`).
    pub shapes: Vec<Shape>,
    /// Texts drawn with characters the font cannot draw (printed as '?'), so the owner is told
    /// before saving instead of finding question marks in the client's copy.
    pub unprintable: std::cell::RefCell<Vec<String>>,
}

/// What was drawn, in page coordinates from the top-left, independent of PDF operators.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// `width` is the text's measured width in the embedded font.
    Text { x: f32, baseline: f32, width: f32, text: String, size: f32, bold: bool, colour: Colour },
    Rect { x: f32, top: f32, width: f32, height: f32, colour: Colour },
    Line { points: Vec<(f32, f32)>, colour: Colour, thickness: f32, dashed: bool },
    Dot { x: f32, y: f32, radius: f32, colour: Colour },
    Image { x: f32, top: f32, width: f32, height: f32 },
}

const ELLIPSIS: char = '…';

impl<'f> Canvas<'f> {
    pub fn new(width: f32, height: f32, fonts: &'f Fonts, regular: FontId, bold: FontId) -> Self {
        Canvas { width, height, fonts, regular, bold, ops: Vec::new(), drawn: Vec::new(), shapes: Vec::new(), unprintable: Default::default() }
    }

    fn face(&self, style: Style) -> &'f Face {
        if style.bold {
            &self.fonts.bold
        } else {
            &self.fonts.regular
        }
    }

    pub fn measure(&self, text: &str, style: Style) -> f32 {
        let face = self.face(style);
        face.width(&face.drawable(text), style.size)
    }

    /// Notes `text` when the font cannot draw some of it.
    fn check_printable(&self, face: &Face, text: &str) {
        if face.missing(text).is_empty() {
            return;
        }
        let mut list = self.unprintable.borrow_mut();
        let shown: String = text.chars().take(60).collect();
        if !list.contains(&shown) {
            list.push(shown);
        }
    }

    /// `text` cut with an ellipsis so that it is at most `width` wide.
    pub fn fit(&self, text: &str, width: f32, style: Style) -> String {
        let face = self.face(style);
        self.check_printable(face, text);
        let text = face.drawable(text);
        if face.width(&text, style.size) <= width {
            return text;
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let candidate: String = chars.iter().collect::<String>().trim_end().to_owned() + &ELLIPSIS.to_string();
            if face.width(&candidate, style.size) <= width {
                return candidate;
            }
        }
        String::new()
    }

    /// Words of `text` wrapped to `width`, at most `max_lines` lines; the last one ends in an
    /// ellipsis when text was left out. A word longer than a line (a long web address, a name
    /// with no spaces) is broken between characters, so nothing runs past the margin.
    pub fn wrap(&self, text: &str, width: f32, style: Style, max_lines: usize) -> Vec<String> {
        let face = self.face(style);
        self.check_printable(face, text);
        let text = face.drawable(text);
        let mut pieces: Vec<String> = Vec::new();
        for word in text.split_whitespace() {
            if face.width(word, style.size) <= width {
                pieces.push(word.to_owned());
                continue;
            }
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if face.width(&piece, style.size) > width && piece.chars().count() > 1 {
                    piece.pop();
                    pieces.push(std::mem::replace(&mut piece, c.to_string()));
                }
            }
            pieces.push(piece);
        }
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut words = pieces.iter().map(String::as_str).peekable();
        while let Some(word) = words.next() {
            let candidate = if current.is_empty() { word.to_owned() } else { format!("{current} {word}") };
            if face.width(&candidate, style.size) <= width {
                current = candidate;
                continue;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            current = word.to_owned();
            if lines.len() == max_lines {
                break;
            }
        }
        let cut = lines.len() == max_lines || (lines.len() + 1 == max_lines && words.peek().is_some());
        if lines.len() < max_lines && !current.is_empty() {
            lines.push(current);
        }
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let fitted = self.fit(last, width, style);
            let shortened = fitted != *last;
            *last = if cut && !shortened { self.fit(&format!("{last}{ELLIPSIS}"), width, style) } else { fitted };
            // A lone word too wide for the line gets its ellipsis from `fit` already.
            let _ = shortened;
        }
        lines.into_iter().filter(|l| !l.is_empty()).collect()
    }

    /// Draws one line of text with its baseline at `baseline` (from the top), clipped to `width`.
    pub fn text(&mut self, x: f32, baseline: f32, width: f32, text: &str, style: Style) -> f32 {
        let fitted = self.fit(text, width, style);
        self.raw_text(x, baseline, &fitted, style)
    }

    /// Draws text ending at `right`, clipped to `width`.
    pub fn text_right(&mut self, right: f32, baseline: f32, width: f32, text: &str, style: Style) -> f32 {
        let fitted = self.fit(text, width, style);
        let w = self.face(style).width(&fitted, style.size);
        self.raw_text(right - w, baseline, &fitted, style)
    }

    /// Draws wrapped lines, the first baseline at `baseline`; returns the next free baseline.
    pub fn paragraph(&mut self, x: f32, baseline: f32, width: f32, text: &str, style: Style, max_lines: usize) -> f32 {
        let mut y = baseline;
        for line in self.wrap(text, width, style, max_lines) {
            self.raw_text(x, y, &line, style);
            y += style.leading();
        }
        y
    }

    /// `text` must already be drawable and fitted.
    fn raw_text(&mut self, x: f32, baseline: f32, text: &str, style: Style) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let width = self.face(style).width(text, style.size);
        let font = if style.bold { self.bold.clone() } else { self.regular.clone() };
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: style.colour.pdf() },
            Op::SetFont { font: PdfFontHandle::External(font), size: Pt(style.size) },
            Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(self.height - baseline) } },
            Op::ShowText { items: vec![TextItem::Text(text.to_owned())] },
            Op::EndTextSection,
        ]);
        // Ascent and descent of Noto Sans are about 1.07 and 0.29 em.
        self.drawn.push(Drawn { x, top: baseline - style.size * 1.07, width, height: style.size * 1.36 });
        self.shapes.push(Shape::Text { x, baseline, width, text: text.to_owned(), size: style.size, bold: style.bold, colour: style.colour });
        width
    }

    pub fn rect(&mut self, x: f32, top: f32, width: f32, height: f32, fill: Colour) {
        self.ops.push(Op::SetFillColor { col: fill.pdf() });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect { x: Pt(x), y: Pt(self.height - top - height), width: Pt(width), height: Pt(height), mode: Some(PaintMode::Fill), winding_order: None },
        });
        self.drawn.push(Drawn { x, top, width, height });
        self.shapes.push(Shape::Rect { x, top, width, height, colour: fill });
    }

    /// A polyline through `points` (x, top), optionally dashed.
    pub fn line(&mut self, points: &[(f32, f32)], colour: Colour, thickness: f32, dashed: bool) {
        if points.len() < 2 {
            return;
        }
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetOutlineColor { col: colour.pdf() });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        if dashed {
            self.ops.push(Op::SetLineDashPattern { dash: printpdf::LineDashPattern::new(0.0, &[3.0, 2.0]) });
        }
        let height = self.height;
        self.ops.push(Op::DrawLine {
            line: Line { points: points.iter().map(|&(x, y)| LinePoint { p: Point { x: Pt(x), y: Pt(height - y) }, bezier: false }).collect(), is_closed: false },
        });
        self.ops.push(Op::RestoreGraphicsState);
        let (xs, ys): (Vec<f32>, Vec<f32>) = points.iter().copied().unzip();
        let min = |v: &[f32]| v.iter().copied().fold(f32::INFINITY, f32::min);
        let max = |v: &[f32]| v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        self.drawn.push(Drawn { x: min(&xs), top: min(&ys), width: max(&xs) - min(&xs), height: max(&ys) - min(&ys) });
        self.shapes.push(Shape::Line { points: points.to_vec(), colour, thickness, dashed });
    }

    /// Draws `image` with its top-left at (x, top), `height` tall (and at most `max_width`
    /// wide, keeping its proportions); returns the width used.
    pub fn image(&mut self, image: &Image, x: f32, top: f32, height: f32, max_width: f32) -> f32 {
        let (w, h) = (image.width.max(1) as f32, image.height.max(1) as f32);
        let scale = (height / h).min(max_width / w);
        let (dw, dh) = (w * scale, h * scale);
        // At 72 dpi one pixel is one point, so the scale is points per pixel.
        self.ops.push(Op::UseXobject {
            id: image.id.clone(),
            transform: XObjectTransform { translate_x: Some(Pt(x)), translate_y: Some(Pt(self.height - top - dh)), scale_x: Some(scale), scale_y: Some(scale), dpi: Some(72.0), ..Default::default() },
        });
        self.drawn.push(Drawn { x, top, width: dw, height: dh });
        self.shapes.push(Shape::Image { x, top, width: dw, height: dh });
        dw
    }

    /// A filled dot (a small square polygon reads as a dot at chart sizes).
    pub fn dot(&mut self, x: f32, y: f32, radius: f32, fill: Colour) {
        let h = self.height;
        let ring = [(x - radius, y), (x, y - radius), (x + radius, y), (x, y + radius)];
        self.ops.push(Op::SetFillColor { col: fill.pdf() });
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points: ring.iter().map(|&(px, py)| LinePoint { p: Point { x: Pt(px), y: Pt(h - py) }, bezier: false }).collect() }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
        self.drawn.push(Drawn { x: x - radius, top: y - radius, width: 2.0 * radius, height: 2.0 * radius });
        self.shapes.push(Shape::Dot { x, y, radius, colour: fill });
    }
}
