//! JSON Lines with hard limits: a line is never buffered past `MAX_LINE_BYTES`, so neither a hostile
//! export nor a runaway change file can make the reader hold more than that at once.
use std::io::{BufRead, Read};

/// The longest line either format writes is a drill attempt (two 256 KiB JSON texts, escaped).
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// One line as read: its number (1-based) and its bytes without the newline.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    Complete(Vec<u8>),
    /// Bytes after the last newline: a file still being written (or cut).
    Torn(usize),
    /// A line over the limit; skipped up to its newline.
    TooLong,
}

/// Reads `\n`-terminated lines, counting them and the bytes consumed.
pub struct LineReader<R> {
    inner: R,
    line: u64,
    consumed: u64,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(inner: R) -> Self {
        LineReader {
            inner,
            line: 0,
            consumed: 0,
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
    pub fn next_line(&mut self) -> std::io::Result<Option<Line>> {
        let mut buf = Vec::new();
        let mut len = 0usize;
        loop {
            let chunk = match self.inner.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok((len > 0).then_some(Line::Torn(len)));
            }
            let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let body = &chunk[..if done { take - 1 } else { take }];
            len += body.len();
            if len > MAX_LINE_BYTES {
                buf = Vec::new();
            } else {
                buf.extend_from_slice(body);
            }
            self.inner.consume(take);
            if done {
                self.line += 1;
                // `consumed` only ever counts whole lines: a torn tail is read again next time.
                self.consumed += len as u64 + 1;
                return Ok(Some(if len > MAX_LINE_BYTES {
                    Line::TooLong
                } else {
                    Line::Complete(buf)
                }));
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
