//! PNG output through resvg, with the bundled DejaVu fonts loaded explicitly and no system fonts, so
//! the same SVG gives the same pixels on every machine (golden tests compare them).
use crate::metrics::{BOLD, REGULAR};
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// Why a PNG could not be made. The SVG may come from a user's file, so every failure is a value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RenderError {
    #[error("the SVG could not be read: {0}")]
    Svg(String),
    #[error("scale {0} is out of range: use 0.1 to 8")]
    Scale(f32),
    #[error("the image would be {0} × {1} pixels, more than the 40 megapixel limit")]
    TooLarge(u32, u32),
    /// The PNG encoder refused the pixels (not seen in practice: the sizes are checked first).
    #[error("the PNG could not be encoded: {0}")]
    Encode(String),
}

const MAX_PIXELS: u64 = 40_000_000;

/// Loaded once: parsing the two fonts costs more than rendering a diagram.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        for set in [
            usvg::fontdb::Database::set_sans_serif_family,
            usvg::fontdb::Database::set_serif_family,
            usvg::fontdb::Database::set_monospace_family,
        ] {
            set(&mut db, "DejaVu Sans");
        }
        Arc::new(db)
    })
    .clone()
}

/// Rasterises `svg` at `scale` (1 = one pixel per SVG unit) and encodes it as PNG.
pub fn render_png(svg: &str, scale: f32) -> Result<Vec<u8>, RenderError> {
    if !(scale.is_finite() && (0.1..=8.0).contains(&scale)) {
        return Err(RenderError::Scale(scale));
    }
    let opt = usvg::Options {
        font_family: "DejaVu Sans".to_string(),
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| RenderError::Svg(e.to_string()))?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(RenderError::TooLarge(w, h));
    }
    let mut pixmap =
        tiny_skia::Pixmap::new(w.max(1), h.max(1)).ok_or(RenderError::TooLarge(w, h))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // PNG stores straight alpha; tiny-skia keeps premultiplied (the same for opaque pixels).
    // No early exit: a plain fold over the alpha bytes vectorises.
    if pixmap.data().chunks_exact(4).fold(255u8, |m, p| m & p[3]) == 255 {
        return encode(pixmap.data(), pixmap.width(), pixmap.height());
    }
    let straight: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    encode(&straight, pixmap.width(), pixmap.height())
}

/// Straight RGBA rows as PNG. `Compression::Fast` (fdeflate, made for PNG, with adaptive filters)
/// takes about as long as the hand-written run-length encoder it replaced and gives files about 40%
/// smaller; `Balanced` is 5–7× slower for another half (measured at 2× on the shipped diagrams).
fn encode(rgba: &[u8], width: u32, height: u32) -> Result<Vec<u8>, RenderError> {
    let failed = |e: png::EncodingError| RenderError::Encode(e.to_string());
    let mut out = Vec::with_capacity(rgba.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(rgba).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(matches!(render_png("<svg", 1.0), Err(RenderError::Svg(_))));
        assert!(matches!(
            render_png("not svg at all", 1.0),
            Err(RenderError::Svg(_))
        ));
        let tiny = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#;
        assert_eq!(render_png(tiny, 0.0), Err(RenderError::Scale(0.0)));
        assert!(render_png(tiny, f32::NAN).is_err());
        let huge = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"/>"#;
        assert!(matches!(
            render_png(huge, 1.0),
            Err(RenderError::TooLarge(_, _))
        ));
        assert!(render_png(tiny, 2.0).unwrap().starts_with(b"\x89PNG"));
    }

    #[test]
    fn text_is_drawn_with_the_bundled_font() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><text x="2" y="15" font-family="sans-serif" font-size="14">NAT</text></svg>"#;
        let png = render_png(svg, 1.0).unwrap();
        let pixmap = tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert!(
            pixmap.pixels().iter().any(|p| p.alpha() > 0),
            "text rendered nothing"
        );
    }
}
