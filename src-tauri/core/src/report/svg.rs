//! The pages as SVG for the app's preview: the same shapes the PDF draws, so what the owner
//! sees before saving is the document's layout. Text uses the system's sans-serif (the PDF
//! embeds Noto Sans), so widths may differ by a hair.

use super::canvas::{Colour, Shape};

fn colour(c: Colour) -> String {
    let channel = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", channel(c.0), channel(c.1), channel(c.2))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// One page as an SVG document; `logo` is the logo's data URL, drawn where the PDF draws it.
pub fn page(width: f32, height: f32, shapes: &[Shape], logo: Option<&str>) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"Noto Sans, 'Helvetica Neue', Arial, sans-serif\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    );
    for shape in shapes {
        match shape {
            // textLength stretches the system font to the width measured in the PDF's font, so the
            // preview's layout matches the PDF's exactly.
            Shape::Text { x, baseline, width, text, size, bold, colour: c } => out.push_str(&format!(
                "<text x=\"{x:.1}\" y=\"{baseline:.1}\" font-size=\"{size}\" textLength=\"{width:.1}\" lengthAdjust=\"spacingAndGlyphs\"{} fill=\"{}\">{}</text>",
                if *bold { " font-weight=\"700\"" } else { "" },
                colour(*c),
                escape(text)
            )),
            Shape::Rect { x, top, width, height, colour: c } => out.push_str(&format!("<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{width:.1}\" height=\"{height:.1}\" fill=\"{}\"/>", colour(*c))),
            Shape::Line { points, colour: c, thickness, dashed } => {
                let pts: Vec<String> = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
                out.push_str(&format!(
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{thickness}\"{}/>",
                    pts.join(" "),
                    colour(*c),
                    if *dashed { " stroke-dasharray=\"3 2\"" } else { "" }
                ))
            }
            Shape::Dot { x, y, radius, colour: c } => out.push_str(&format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{radius}\" fill=\"{}\"/>", colour(*c))),
            Shape::Image { x, top, width, height } => {
                if let Some(href) = logo {
                    out.push_str(&format!("<image x=\"{x:.1}\" y=\"{top:.1}\" width=\"{width:.1}\" height=\"{height:.1}\" href=\"{}\"/>", escape(href)));
                }
            }
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_become_escaped_svg_elements() {
        let shapes = vec![
            Shape::Text { x: 10.0, baseline: 20.0, width: 50.0, text: "Fox & <Finch>".into(), size: 9.0, bold: true, colour: Colour(1.0, 0.0, 0.0) },
            Shape::Line { points: vec![(0.0, 0.0), (5.0, 5.0)], colour: Colour(0.0, 0.0, 0.0), thickness: 1.0, dashed: true },
            Shape::Image { x: 1.0, top: 1.0, width: 2.0, height: 2.0 },
        ];
        let svg = page(100.0, 50.0, &shapes, None);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("textLength=\"50.0\"") && svg.contains(">Fox &amp; &lt;Finch&gt;</text>") && svg.contains("fill=\"#ff0000\"") && svg.contains("font-weight=\"700\""));
        assert!(svg.contains("stroke-dasharray") && !svg.contains("<image"), "no logo, no image");
    }
}
