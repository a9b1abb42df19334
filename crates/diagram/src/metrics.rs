//! Text measurement with the bundled DejaVu fonts, so layout leaves room for every label and the PNG
//! (which resvg draws with the same fonts) never clips text. Only the horizontal advances are needed,
//! read once from the font's `cmap` and `hmtx` tables; kerning is ignored (callers pad a little).
use std::sync::OnceLock;

pub(crate) const REGULAR: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");
pub(crate) const BOLD: &[u8] = include_bytes!("../assets/DejaVuSans-Bold.ttf");

/// Advance widths in em units (1.0 = the font size). An array for Latin-1 (layout measures every
/// label many times, and a hash lookup per character showed up in profiles), a short list for the
/// few symbols beyond it.
struct Advances {
    latin: [f32; 256],
    extra: Vec<(char, f32)>,
    fallback: f32,
}

impl Advances {
    fn get(&self, c: char) -> f32 {
        match u32::from(c) {
            code @ 0..=255 => self.latin[code as usize],
            _ => self
                .extra
                .iter()
                .find(|(x, _)| *x == c)
                .map_or(self.fallback, |(_, w)| *w),
        }
    }

    #[cfg(test)]
    fn known(&self) -> usize {
        self.latin.iter().filter(|w| **w != self.fallback).count() + self.extra.len()
    }
}

fn advances(bold: bool) -> &'static Advances {
    static REG: OnceLock<Advances> = OnceLock::new();
    static BLD: OnceLock<Advances> = OnceLock::new();
    let (cell, data) = if bold { (&BLD, BOLD) } else { (&REG, REGULAR) };
    cell.get_or_init(|| read_advances(data).unwrap_or_else(Advances::guess))
}

impl Advances {
    /// Used only if the bundled font could not be read, which a unit test rules out.
    fn guess() -> Advances {
        Advances {
            latin: [0.62; 256],
            extra: Vec::new(),
            fallback: 0.62,
        }
    }
}

/// Width in pixels of `text` set in DejaVu Sans at `size` px.
pub(crate) fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let a = advances(bold);
    text.chars().map(|c| a.get(c)).sum::<f32>() * size
}

/// Greedy word wrap to `max` pixels. A single word longer than `max` stays whole on its own line
/// (the caller widens the box to the widest line instead of cutting it).
pub(crate) fn wrap(text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let candidate = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if !cur.is_empty() && text_width(&candidate, size, bold) > max {
            lines.push(std::mem::replace(&mut cur, word.to_string()));
        } else {
            cur = candidate;
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Widest of `lines` in pixels.
pub(crate) fn widest(lines: &[String], size: f32, bold: bool) -> f32 {
    lines
        .iter()
        .map(|l| text_width(l, size, bold))
        .fold(0.0, f32::max)
}

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*d.get(at)?, *d.get(at + 1)?]))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *d.get(at)?,
        *d.get(at + 1)?,
        *d.get(at + 2)?,
        *d.get(at + 3)?,
    ]))
}

fn table(d: &[u8], tag: &[u8; 4]) -> Option<usize> {
    let count = u16_at(d, 4)? as usize;
    (0..count)
        .map(|i| 12 + 16 * i)
        .find(|&rec| d.get(rec..rec + 4) == Some(&tag[..]))
        .and_then(|rec| u32_at(d, rec + 8).map(|o| o as usize))
}

/// Reads the advances of the characters diagrams use: printable ASCII, Latin-1 and a few symbols.
fn read_advances(d: &[u8]) -> Option<Advances> {
    let units = u16_at(d, table(d, b"head")? + 18)? as f32;
    let metrics = u16_at(d, table(d, b"hhea")? + 34)? as usize;
    let hmtx = table(d, b"hmtx")?;
    let advance =
        |glyph: usize| u16_at(d, hmtx + 4 * glyph.min(metrics - 1)).map(|a| a as f32 / units);
    let cmap = format4(d, table(d, b"cmap")?)?;
    let width = |c: char| cmap_lookup(d, cmap, c).and_then(advance);
    let fallback = width('n').unwrap_or(0.62);
    let mut latin = [fallback; 256];
    for c in (' '..='~').chain('\u{a0}'..='\u{ff}') {
        if let Some(w) = width(c) {
            latin[u32::from(c) as usize] = w;
        }
    }
    let extra = "–—‘’“”…·•→←↔↑↓≈×≤≥€✓✗"
        .chars()
        .filter_map(|c| width(c).map(|w| (c, w)))
        .collect();
    Some(Advances {
        latin,
        extra,
        fallback,
    })
}

/// Offset of the Unicode BMP (format 4) subtable of `cmap`.
fn format4(d: &[u8], cmap: usize) -> Option<usize> {
    let n = u16_at(d, cmap + 2)? as usize;
    (0..n).find_map(|i| {
        let rec = cmap + 4 + 8 * i;
        let (platform, encoding) = (u16_at(d, rec)?, u16_at(d, rec + 2)?);
        let sub = cmap + u32_at(d, rec + 4)? as usize;
        let unicode = (platform == 3 && encoding == 1) || platform == 0;
        (unicode && u16_at(d, sub)? == 4).then_some(sub)
    })
}

fn cmap_lookup(d: &[u8], sub: usize, c: char) -> Option<usize> {
    let code = u32::from(c);
    if code > 0xffff {
        return None;
    }
    let code = code as u16;
    let seg_x2 = u16_at(d, sub + 6)? as usize;
    let ends = sub + 14;
    let starts = ends + seg_x2 + 2;
    let deltas = starts + seg_x2;
    let ranges = deltas + seg_x2;
    for s in (0..seg_x2).step_by(2) {
        if u16_at(d, ends + s)? < code {
            continue;
        }
        let start = u16_at(d, starts + s)?;
        if start > code {
            return None;
        }
        let delta = u16_at(d, deltas + s)?;
        let range = u16_at(d, ranges + s)? as usize;
        let glyph = if range == 0 {
            code.wrapping_add(delta)
        } else {
            let at = ranges + s + range + 2 * (code - start) as usize;
            match u16_at(d, at)? {
                0 => 0,
                g => g.wrapping_add(delta),
            }
        };
        return (glyph != 0).then_some(glyph as usize);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_bundled_fonts() {
        for data in [REGULAR, BOLD] {
            let a = read_advances(data).expect("bundled font parses");
            assert!(a.known() > 180, "only {} characters", a.known());
        }
        // DejaVu Sans: space is 651/2048 em, 'M' 1767/2048 em.
        assert!((text_width(" ", 2048.0, false) - 651.0).abs() < 0.5);
        assert!((text_width("M", 2048.0, false) - 1767.0).abs() < 0.5);
        assert!(text_width("NAT gateway", 14.0, true) > text_width("NAT gateway", 14.0, false));
    }

    #[test]
    fn wraps_on_words_and_keeps_long_words_whole() {
        let lines = wrap("Application Load Balancer", 14.0, false, 120.0);
        assert_eq!(lines, vec!["Application Load", "Balancer"]);
        assert_eq!(wrap("Supercalifragilistic", 14.0, false, 20.0).len(), 1);
        assert_eq!(wrap("", 14.0, false, 100.0), vec![String::new()]);
    }
}
