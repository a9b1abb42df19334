//! JSON Lines with hard limits: a line is never buffered past `MAX_LINE_BYTES`, so neither a hostile
//! export nor a runaway change file can make the reader hold more than that at once.
use std::io::{BufRead, Read};

/// The longest line either format writes is a drill attempt (two 256 KiB JSON texts, escaped).
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// One line as read, borrowed until the next is read.
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// Its bytes without the newline.
    Complete(&'a [u8]),
    /// Bytes after the last newline: a file still being written (or cut).
    Torn(usize),
    /// A line over the limit; skipped up to its newline.
    TooLong,
}

/// Reads `\n`-terminated lines, counting them and the bytes consumed. Every line is read into the
/// same buffer: nothing is allocated per line.
pub struct LineReader<R> {
    inner: R,
    line: u64,
    consumed: u64,
    buf: Vec<u8>,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(inner: R) -> Self {
        LineReader {
            inner,
            line: 0,
            consumed: 0,
            buf: Vec::new(),
        }
    }

    /// The number of the line last returned.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Bytes consumed so far, up to and including the newline of the last complete line.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    pub fn into_inner(self) -> R {
        self.inner
    }

    /// The next line, or `None` at the end.
    pub fn next_line(&mut self) -> std::io::Result<Option<Line<'_>>> {
        self.buf.clear();
        // One byte over the limit, so that a line of exactly the limit still brings its newline.
        let cap = MAX_LINE_BYTES as u64 + 1;
        let n = (&mut self.inner)
            .take(cap)
            .read_until(b'\n', &mut self.buf)?;
        if n == 0 {
            return Ok(None);
        }
        if self.buf.last() == Some(&b'\n') {
            self.line += 1;
            // `consumed` only ever counts whole lines: a torn tail is read again next time.
            self.consumed += n as u64;
            self.buf.pop();
            return Ok(Some(Line::Complete(&self.buf)));
        }
        if (n as u64) < cap {
            return Ok(Some(Line::Torn(n)));
        }
        self.buf.clear();
        let (skipped, ended) = self.skip_line()?;
        if !ended {
            return Ok(Some(Line::Torn(n + skipped)));
        }
        self.line += 1;
        self.consumed += (n + skipped) as u64;
        Ok(Some(Line::TooLong))
    }

    /// Skips the rest of an over-long line without holding it: the bytes skipped (with the
    /// newline), and whether the newline was found before the end.
    fn skip_line(&mut self) -> std::io::Result<(usize, bool)> {
        let mut skipped = 0;
        loop {
            let chunk = match self.inner.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok((skipped, false));
            }
            let (take, ended) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            self.inner.consume(take);
            skipped += take;
            if ended {
                return Ok((skipped, true));
            }
        }
    }
}

/// Wraps a reader, counting bytes and feeding them to SHA-256 as they pass.
pub struct Hashing<R> {
    pub inner: R,
    pub hasher: sha2::Sha256,
    pub bytes: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        use sha2::Digest;
        let n = self.inner.read(out)?;
        self.hasher.update(&out[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    /// Every line of `bytes` read through a buffer of `cap` bytes, with the counts after each.
    fn read_all(bytes: &[u8], cap: usize) -> Vec<(String, u64, u64)> {
        let mut r = LineReader::new(BufReader::with_capacity(cap, bytes));
        let mut out = vec![];
        while let Some(line) = r.next_line().unwrap() {
            let shown = match line {
                Line::Complete(b) => String::from_utf8_lossy(b).into_owned(),
                Line::Torn(n) => format!("torn {n}"),
                Line::TooLong => "too long".into(),
            };
            out.push((shown, r.line(), r.consumed()));
        }
        out
    }

    #[test]
    fn lines_across_buffer_edges_read_whole_and_a_torn_tail_is_not_consumed() {
        let bytes = b"one\n\ntwo three\nfour";
        for cap in [1, 2, 3, 7, 64] {
            assert_eq!(
                read_all(bytes, cap),
                vec![
                    ("one".into(), 1, 4),
                    ("".into(), 2, 5),
                    ("two three".into(), 3, 15),
                    ("torn 4".into(), 3, 15),
                ],
                "buffer of {cap}"
            );
        }
        assert!(read_all(b"", 8).is_empty());
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_to_its_newline_and_one_at_the_limit_is_read() {
        let at_limit = vec![b'a'; MAX_LINE_BYTES];
        let over = vec![b'b'; MAX_LINE_BYTES + 1];
        let mut bytes = [&at_limit[..], b"\n", &over, b"\nnext\n", &over].concat();
        let read = read_all(&bytes, 4096);
        let limit = MAX_LINE_BYTES as u64;
        assert_eq!(read[0].0.len(), MAX_LINE_BYTES);
        assert_eq!((read[0].1, read[0].2), (1, limit + 1));
        assert_eq!(read[1], ("too long".into(), 2, 2 * limit + 3));
        assert_eq!(read[2], ("next".into(), 3, 2 * limit + 8));
        // Over the limit and torn: reported as torn, nothing of it consumed.
        let torn = format!("torn {}", MAX_LINE_BYTES + 1);
        assert_eq!(read[3], (torn, 3, 2 * limit + 8));
        bytes.push(b'\n');
        assert_eq!(read_all(&bytes, 4096)[3].0, "too long");
    }
}
