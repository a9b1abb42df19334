//! A small PNG encoder for diagram images. tiny-skia's own encoder compresses hard and takes most of
//! the time of a 2× render; diagrams are mostly flat colour, so a cheap scheme does nearly as well:
//! each row is stored as its difference from the row above (PNG "Up" filter), which turns flat areas
//! into runs of zeros, and the runs are deflated as distance-1 matches with the fixed Huffman code.
//! Output is a standard PNG any decoder reads (the tests decode it with the png crate).

/// Encodes straight (non-premultiplied) RGBA rows of `width` × `height` pixels.
pub(crate) fn png(rgba: &[u8], width: u32, height: u32) -> Vec<u8> {
    let stride = width as usize * 4;
    // Rows are filtered into one reused buffer and compressed as they go: no image-sized copies.
    let mut z = Deflate::new();
    let mut row = vec![0u8; stride + 1];
    for y in 0..height as usize {
        let cur = &rgba[y * stride..(y + 1) * stride];
        if y == 0 {
            row[0] = 0;
            row[1..].copy_from_slice(cur);
            z.write(&row);
            continue;
        }
        let above = &rgba[(y - 1) * stride..y * stride];
        if cur == above {
            // Common in diagrams: the "Up" filter makes the whole row zeros.
            z.run(2, 1);
            z.run(0, stride);
            continue;
        }
        row[0] = 2;
        for ((o, a), b) in row[1..].iter_mut().zip(cur).zip(above) {
            *o = a.wrapping_sub(*b);
        }
        z.write(&row);
    }
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]); // 8-bit RGBA, deflate, adaptive filters, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z.finish());
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// CRC-32 of a PNG chunk, eight bytes per step ("slicing by 8"): IDAT runs to megabytes at 2×.
fn crc32(data: &[u8]) -> u32 {
    static TABLES: std::sync::OnceLock<[[u32; 256]; 8]> = std::sync::OnceLock::new();
    let t = TABLES.get_or_init(|| {
        let mut t = [[0u32; 256]; 8];
        for (n, entry) in t[0].iter_mut().enumerate() {
            let mut c = n as u32;
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *entry = c;
        }
        for k in 1..8 {
            let (done, rest) = t.split_at_mut(k);
            for (entry, prev) in rest[0].iter_mut().zip(done[k - 1]) {
                *entry = (prev >> 8) ^ done[0][(prev & 0xff) as usize];
            }
        }
        t
    });
    let byte = |v: u32, shift: u32| ((v >> shift) & 0xff) as usize;
    let mut c = !0u32;
    let mut words = data.chunks_exact(8);
    for w in words.by_ref() {
        let lo = u32::from_le_bytes([w[0], w[1], w[2], w[3]]) ^ c;
        let hi = u32::from_le_bytes([w[4], w[5], w[6], w[7]]);
        c = t[7][byte(lo, 0)]
            ^ t[6][byte(lo, 8)]
            ^ t[5][byte(lo, 16)]
            ^ t[4][byte(lo, 24)]
            ^ t[3][byte(hi, 0)]
            ^ t[2][byte(hi, 8)]
            ^ t[1][byte(hi, 16)]
            ^ t[0][byte(hi, 24)];
    }
    for &b in words.remainder() {
        c = t[0][((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// Adds `count` copies of byte `x` to a running Adler-32 (a, b) in closed form: a grows by count·x,
/// b by count·a plus x·count·(count+1)/2. Diagram rows are long runs, so checksumming per run instead
/// of per byte removes what was a quarter of the encoding time.
fn adler_run((a, b): (u32, u32), x: u8, count: usize) -> (u32, u32) {
    const M: u64 = 65521;
    let (k, x, a, b) = (count as u64, u64::from(x), u64::from(a), u64::from(b));
    let b = (b + (k % M) * a + x * ((k * (k + 1) / 2) % M)) % M;
    let a = (a + k * x) % M;
    (a as u32, b as u32)
}

#[cfg(test)]
fn adler32(data: &[u8]) -> u32 {
    let (a, b) = data.iter().fold((1, 0), |ab, &x| adler_run(ab, x, 1));
    (b << 16) | a
}

/// Writes bits least significant first, as deflate wants.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, count: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// Pads the last byte with zero bits.
    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }

    /// Huffman codes are defined most significant bit first, so they go in reversed.
    fn code(&mut self, code: u32, len: u32) {
        self.put(code.reverse_bits() >> (32 - len), len);
    }

    fn literal(&mut self, b: u8) {
        match b {
            0..=143 => self.code(0x30 + u32::from(b), 8),
            _ => self.code(0x190 + u32::from(b) - 144, 9),
        }
    }

    /// A match of `len` (3–258) bytes at distance 1.
    fn repeat(&mut self, len: usize) {
        let (symbol, base, extra) = LENGTHS
            .iter()
            .rev()
            .find(|(_, base, _)| *base as usize <= len)
            .copied()
            .expect("len >= 3");
        match symbol {
            256..=279 => self.code(symbol - 256, 7),
            _ => self.code(0xc0 + symbol - 280, 8),
        }
        self.put(len as u32 - base, extra);
        self.code(0, 5); // distance code 0: distance 1, no extra bits
    }
}

/// Deflate length symbols: (symbol, base length, extra bits).
const LENGTHS: [(u32, u32, u32); 29] = [
    (257, 3, 0),
    (258, 4, 0),
    (259, 5, 0),
    (260, 6, 0),
    (261, 7, 0),
    (262, 8, 0),
    (263, 9, 0),
    (264, 10, 0),
    (265, 11, 1),
    (266, 13, 1),
    (267, 15, 1),
    (268, 17, 1),
    (269, 19, 2),
    (270, 23, 2),
    (271, 27, 2),
    (272, 31, 2),
    (273, 35, 3),
    (274, 43, 3),
    (275, 51, 3),
    (276, 59, 3),
    (277, 67, 4),
    (278, 83, 4),
    (279, 99, 4),
    (280, 115, 4),
    (281, 131, 5),
    (282, 163, 5),
    (283, 195, 5),
    (284, 227, 5),
    (285, 258, 0),
];

/// Length of the run of `b` starting at `data[0]`, compared eight bytes at a time.
fn run_of(data: &[u8], b: u8) -> usize {
    let pattern = u64::from_le_bytes([b; 8]);
    let mut words = data.chunks_exact(8);
    let mut n = 0;
    for w in words.by_ref() {
        let diff = u64::from_le_bytes(w.try_into().expect("chunks of 8")) ^ pattern;
        if diff != 0 {
            return n + (diff.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + words.remainder().iter().take_while(|&&x| x == b).count()
}

/// A zlib stream holding one fixed-Huffman deflate block of literals and distance-1 runs.
struct Deflate {
    bits: Bits,
    adler: (u32, u32),
}

impl Deflate {
    fn new() -> Deflate {
        let mut bits = Bits {
            out: vec![0x78, 0x01],
            acc: 0,
            n: 0,
        };
        bits.put(1, 1); // last block
        bits.put(1, 2); // fixed Huffman codes
        Deflate {
            bits,
            adler: (1, 0),
        }
    }

    fn write(&mut self, data: &[u8]) {
        let mut i = 0;
        while i < data.len() {
            let run = 1 + run_of(&data[i + 1..], data[i]);
            self.run(data[i], run);
            i += run;
        }
    }

    /// `count` copies of `b`: one literal, then distance-1 matches for the rest.
    fn run(&mut self, b: u8, count: usize) {
        self.adler = adler_run(self.adler, b, count);
        self.bits.literal(b);
        let mut left = count - 1;
        while left >= 3 {
            let take = left.min(258);
            // Never leave a tail of 1 or 2, which no match can cover.
            let take = if left - take > 0 && left - take < 3 {
                take - 3
            } else {
                take
            };
            self.bits.repeat(take);
            left -= take;
        }
        for _ in 0..left {
            self.bits.literal(b);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        self.bits.code(0, 7); // end of block (symbol 256)
        let (a, b) = self.adler;
        let mut out = self.bits.finish();
        out.extend_from_slice(&((b << 16) | a).to_be_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_match_known_values() {
        assert_eq!(crc32(b"IEND"), 0xae42_6082);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414f_a339
        );
        assert_eq!(adler32(b"Wikipedia"), 0x11e6_0398);
        let long: Vec<u8> = (0..20_000u32).map(|i| (i * 7 % 256) as u8).collect();
        let (mut a, mut b) = (1u32, 0u32);
        for &x in &long {
            a = (a + u32::from(x)) % 65521;
            b = (b + a) % 65521;
        }
        assert_eq!(adler32(&long), (b << 16) | a);
        for (x, k) in [
            (0u8, 1usize),
            (7, 3),
            (255, 258),
            (200, 70_000),
            (1, 5_000_000),
        ] {
            let one_by_one = (0..k).fold((17, 40_000), |ab, _| adler_run(ab, x, 1));
            assert_eq!(
                adler_run((17, 40_000), x, k),
                one_by_one,
                "run of {k} × {x}"
            );
        }
        assert_eq!(run_of(&[5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1], 5), 10);
        assert_eq!(run_of(&[1, 5], 5), 0);
    }

    #[test]
    fn a_png_round_trips_through_a_real_decoder() {
        let (w, h) = (37u32, 23u32);
        let mut rgba = vec![255u8; (w * h * 4) as usize];
        for (i, px) in rgba.chunks_mut(4).enumerate() {
            if i.is_multiple_of(7) || (i / w as usize).is_multiple_of(5) {
                px.copy_from_slice(&[(i % 251) as u8, (i * 3 % 256) as u8, 40, 255]);
            }
        }
        let png = png(&rgba, w, h);
        let back = resvg::tiny_skia::Pixmap::decode_png(&png).expect("decodes");
        assert_eq!((back.width(), back.height()), (w, h));
        assert_eq!(
            back.data(),
            &rgba[..],
            "opaque pixels are the same premultiplied or not"
        );
    }

    #[test]
    fn runs_of_every_length_survive() {
        for len in [1usize, 2, 3, 4, 258, 259, 260, 261, 262, 516, 1000] {
            let mut rgba = vec![0u8; len * 4];
            rgba.iter_mut().skip(3).step_by(4).for_each(|a| *a = 255);
            let back =
                resvg::tiny_skia::Pixmap::decode_png(&png(&rgba, len as u32, 1)).expect("decodes");
            assert_eq!(back.data(), &rgba[..], "row of {len}");
        }
    }
}
