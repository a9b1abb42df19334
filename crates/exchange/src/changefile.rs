//! A device's change file in the sync folder: one JSON object per line, `{"v":1,"type":...,"data":...}`,
//! only ever appended. Reading picks up at the offset where the last read stopped, leaves a torn last
//! line (a sync engine still copying) for next time, and starts again from the top when the file was
//! cut or replaced: merging is idempotent, so reading a line twice is harmless.
use crate::envelope::{decode, Decoded};
use crate::jsonl::{sha256_hex, Line, LineReader, MAX_LINE_BYTES};
use crate::records::{AttemptLine, ChangeLine, ReviewLine, UndoLine};
use archdrill_store::{OwnRecord, PeerCursor};
use serde::Serialize;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// Raised whenever a line type changes shape; a reader skips lines newer than it knows.
pub const LINE_VERSION: u32 = 1;
/// At most this much of one file is read per round; the rest is read by the next.
pub const MAX_READ_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Serialize)]
struct Out<'a, T> {
    v: u32,
    #[serde(rename = "type")]
    kind: &'a str,
    data: T,
}

/// One line, with its newline.
pub fn encode(rec: &OwnRecord) -> Result<Vec<u8>, String> {
    let put = |kind, data: &dyn erased::Data| data.line(kind);
    let mut line = match rec {
        OwnRecord::Review(r) => put("review", &ReviewLine::of(r)?),
        OwnRecord::Undo(u) => put("undo", &UndoLine::of(u)),
        OwnRecord::Change(c) => put("change", &ChangeLine::of(c)),
        OwnRecord::Attempt(a) => put("attempt", &AttemptLine::of(a)),
    }?;
    line.push(b'\n');
    Ok(line)
}

mod erased {
    /// Lets `encode` serialize four line types through one closure.
    pub trait Data {
        fn line(&self, kind: &str) -> Result<Vec<u8>, String>;
    }

    impl<T: serde::Serialize> Data for T {
        fn line(&self, kind: &str) -> Result<Vec<u8>, String> {
            serde_json::to_vec(&super::Out {
                v: super::LINE_VERSION,
                kind,
                data: self,
            })
            .map_err(|e| e.to_string())
        }
    }
}

/// What reading one device's file found since the last read.
#[derive(Debug)]
pub struct PeerRead {
    pub device: String,
    pub path: PathBuf,
    pub records: Vec<OwnRecord>,
    /// Where the next read starts.
    pub cursor: PeerCursor,
    /// Complete lines read this time, good or not, and their bytes.
    pub lines: usize,
    pub bytes: u64,
    /// `file:line: message` for each line that could not be used.
    pub problems: Vec<String>,
}

/// Reads what is new in `path` since `cursor` (from the start when there is none, or when the file
/// no longer matches it).
pub fn read_peer(
    path: &Path,
    device: &str,
    cursor: Option<&PeerCursor>,
) -> std::io::Result<PeerRead> {
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    let start = match cursor {
        Some(c) if still_matches(&mut file, len, c)? => c.clone(),
        _ => PeerCursor {
            reader_version: i64::from(LINE_VERSION),
            ..PeerCursor::default()
        },
    };
    file.seek(SeekFrom::Start(start.offset as u64))?;
    let mut lines = LineReader::new(BufReader::with_capacity(
        256 * 1024,
        file.take(MAX_READ_BYTES),
    ));
    let mut out = PeerRead {
        device: device.to_string(),
        path: path.to_path_buf(),
        records: Vec::new(),
        cursor: start.clone(),
        lines: 0,
        bytes: 0,
        problems: Vec::new(),
    };
    // Where the last whole line read starts, and its bytes with the newline (none after a line over
    // the limit): the cursor's record of where reading stopped.
    let mut tail: Option<u64> = None;
    let mut tail_bytes = Vec::new();
    loop {
        let before = lines.consumed();
        let n = start.line + lines.line() as i64 + 1;
        let problem = |m: String| format!("{}:{n}: {m}", path.display());
        let Some(line) = lines.next_line()? else {
            break;
        };
        match line {
            Line::Torn(_) => break,
            Line::TooLong => {
                tail = Some(lines.consumed());
                tail_bytes.clear();
                out.problems
                    .push(problem(format!("over {MAX_LINE_BYTES} bytes; skipped")));
            }
            Line::Complete(bytes) => {
                if !bytes.iter().all(u8::is_ascii_whitespace) {
                    match decode(bytes) {
                        Decoded::Record(r) => out.records.push(r),
                        Decoded::Newer(v) => out.problems.push(problem(format!(
                            "written by a newer Archdrill (line version {v}); skipped until this app is updated"
                        ))),
                        Decoded::Bad(m) => out.problems.push(problem(m)),
                    }
                }
                tail = Some(before);
                tail_bytes.clear();
                tail_bytes.extend_from_slice(bytes);
                tail_bytes.push(b'\n');
            }
        }
        out.lines += 1;
    }
    out.bytes = lines.consumed();
    // The cursor remembers the last whole line read (empty after an over-long one), to recognise
    // the file next time.
    if let Some(at) = tail {
        out.cursor = PeerCursor {
            offset: start.offset + lines.consumed() as i64,
            line: start.line + lines.line() as i64,
            tail_start: start.offset + at as i64,
            tail_sha256: sha256_hex(&tail_bytes),
            reader_version: i64::from(LINE_VERSION),
        };
    }
    Ok(out)
}

/// Whether the file still holds, where the cursor says, the line the last read ended with: if it
/// shrank or was replaced, it is read again from the start.
fn still_matches(file: &mut std::fs::File, len: u64, c: &PeerCursor) -> std::io::Result<bool> {
    if c.reader_version != i64::from(LINE_VERSION)
        || c.offset < 0
        || c.tail_start < 0
        || c.tail_start > c.offset
        || c.offset as u64 > len
        || (c.offset - c.tail_start) as usize > MAX_LINE_BYTES + 1
    {
        return Ok(false);
    }
    let mut tail = vec![0; (c.offset - c.tail_start) as usize];
    file.seek(SeekFrom::Start(c.tail_start as u64))?;
    file.read_exact(&mut tail)?;
    Ok(sha256_hex(&tail) == c.tail_sha256)
}
