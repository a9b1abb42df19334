//! Reading an export: the whole archive is checked (manifest, sizes, checksums, every field of every
//! line) into memory before the database is touched; then one transaction merges it by id.
use crate::jsonl::{hex, Hashing, Line, LineReader};
use crate::manifest::{self, FileEntry, Manifest, Refusal};
use crate::records::{AttemptLine, ChangeLine, MockLine, ReviewLine, UndoLine};
use crate::ExchangeError;
use archdrill_store::{ChangeRecord, DrillAttempt, MockRecord, ReviewRecord, Store, UndoMark};
use serde::de::DeserializeOwned;
use sha2::Digest;
use std::io::{BufReader, Read};
use std::path::Path;

/// An export, read and checked.
#[derive(Debug, Default)]
pub struct Bundle {
    pub manifest: Option<Manifest>,
    pub reviews: Vec<ReviewRecord>,
    pub undos: Vec<UndoMark>,
    pub changes: Vec<ChangeRecord>,
    pub mocks: Vec<MockRecord>,
    pub attempts: Vec<DrillAttempt>,
}

/// What a merge added; records already present are not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MergeCounts {
    pub reviews: usize,
    pub undos: usize,
    /// Undo marks kept aside until their review arrives.
    pub pending_undos: usize,
    pub changes: usize,
    pub mocks: usize,
    pub attempts: usize,
}

type Archive = zip::ZipArchive<BufReader<std::fs::File>>;

/// Reads and checks the export at `path`; `progress` rises from 0 to 1 with the bytes read.
pub fn read_export(path: &Path, progress: &mut dyn FnMut(f64)) -> Result<Bundle, ExchangeError> {
    let file = std::fs::File::open(path).map_err(|e| ExchangeError::io(path, e))?;
    let bad = |m: String| ExchangeError::bad(path, m);
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| {
        bad(format!(
            "damaged or not an Archdrill export: not a readable zip archive ({e})"
        ))
    })?;
    if zip.len() > manifest::MAX_ENTRIES {
        return Err(bad(format!(
            "not an Archdrill export: {} entries in the archive",
            zip.len()
        )));
    }
    let manifest = read_manifest(&mut zip).map_err(|r| match r {
        Refusal::Foreign(why) => bad(format!("not an Archdrill export: {why}")),
        Refusal::Newer(v) => bad(format!(
            "written by a newer Archdrill (export format version {v}; this app reads version {}); \
             update Archdrill to import it",
            manifest::FORMAT_VERSION
        )),
        Refusal::Damaged(why) => bad(format!("damaged export: {why}")),
    })?;
    let mut reader = Reader {
        zip: &mut zip,
        path,
        done: 0,
        total: manifest.total_bytes().max(1),
        progress,
    };
    let reviews = reader.file(&manifest, manifest::REVIEWS, ReviewLine::check)?;
    let undos = reader.file(&manifest, manifest::UNDOS, UndoLine::check)?;
    let changes = reader.file(&manifest, manifest::CHANGES, ChangeLine::check)?;
    let mocks = reader.file(&manifest, manifest::MOCKS, MockLine::check)?;
    let attempts = reader.file(&manifest, manifest::ATTEMPTS, AttemptLine::check)?;
    (reader.progress)(1.0);
    Ok(Bundle {
        manifest: Some(manifest),
        reviews,
        undos,
        changes,
        mocks,
        attempts,
    })
}

fn read_manifest(zip: &mut Archive) -> Result<Manifest, Refusal> {
    let entry = zip.by_name(manifest::MANIFEST).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => {
            Refusal::Foreign(format!("it has no {}", manifest::MANIFEST))
        }
        e => Refusal::Damaged(format!("{}: {e}", manifest::MANIFEST)),
    })?;
    let mut bytes = Vec::new();
    entry
        .take(manifest::MAX_MANIFEST_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refusal::Damaged(format!("{}: {e}", manifest::MANIFEST)))?;
    if bytes.len() as u64 > manifest::MAX_MANIFEST_BYTES {
        return Err(Refusal::Foreign(format!(
            "its {} is over {} KiB",
            manifest::MANIFEST,
            manifest::MAX_MANIFEST_BYTES / 1024
        )));
    }
    manifest::parse(&bytes)
}

struct Reader<'a> {
    zip: &'a mut Archive,
    path: &'a Path,
    done: u64,
    total: u64,
    progress: &'a mut dyn FnMut(f64),
}

impl Reader<'_> {
    /// Reads one JSON Lines file, checking each line and, at the end, its size, count and checksum.
    fn file<L: DeserializeOwned, T>(
        &mut self,
        manifest: &Manifest,
        name: &str,
        check: fn(L) -> Result<T, String>,
    ) -> Result<Vec<T>, ExchangeError> {
        let path = self.path;
        let bad = |m: String| ExchangeError::bad(path, format!("damaged export: {m}"));
        let Some(entry) = manifest.entry(name) else {
            return Err(bad(format!("{name} is not in the manifest")));
        };
        let zipped = self
            .zip
            .by_name(name)
            .map_err(|e| bad(format!("{name}: {e}")))?;
        // Never decompress past what the manifest declared: a zip bomb stops at the limit.
        let hashing = Hashing {
            inner: zipped.take(entry.bytes + 1),
            hasher: sha2::Sha256::new(),
            bytes: 0,
        };
        let mut lines = LineReader::new(BufReader::with_capacity(256 * 1024, hashing));
        let mut out = Vec::with_capacity(entry.lines.min(1 << 20) as usize);
        let mut last_report = 0;
        loop {
            // The number of the line about to be read (a torn one is refused without its number).
            let n = lines.line() + 1;
            let at = |m: String| bad(format!("{name} line {n}: {m}"));
            let Some(line) = lines.next_line().map_err(|e| bad(format!("{name}: {e}")))? else {
                break;
            };
            let bytes = match line {
                Line::Complete(bytes) => bytes,
                Line::Torn(_) => {
                    return Err(bad(format!("{name}: cut short (last line has no end)")))
                }
                Line::TooLong => return Err(at("line too long".into())),
            };
            if n > entry.lines {
                return Err(bad(format!(
                    "{name}: more lines than the manifest's {}",
                    entry.lines
                )));
            }
            let value: L = serde_json::from_slice(bytes).map_err(|e| at(e.to_string()))?;
            out.push(check(value).map_err(at)?);
            if lines.consumed() - last_report > 4 * 1024 * 1024 {
                last_report = lines.consumed();
                (self.progress)((self.done + last_report) as f64 / self.total as f64);
            }
        }
        let hashing = lines.into_inner().into_inner();
        verify(entry, hashing, out.len() as u64).map_err(|m| bad(format!("{name}: {m}")))?;
        self.done += entry.bytes;
        Ok(out)
    }
}

fn verify<R>(entry: &FileEntry, h: Hashing<R>, lines: u64) -> Result<(), String> {
    if h.bytes != entry.bytes {
        return Err(format!(
            "{} bytes, the manifest says {} (cut short or altered)",
            h.bytes, entry.bytes
        ));
    }
    if lines != entry.lines {
        return Err(format!("{lines} lines, the manifest says {}", entry.lines));
    }
    let sum = hex(&h.hasher.finalize());
    if sum != entry.sha256 {
        return Err(format!(
            "checksum mismatch (SHA-256 {sum}, the manifest says {})",
            entry.sha256
        ));
    }
    Ok(())
}

/// Merges a checked bundle in one transaction: a union by id (nothing is deleted or replaced), notes,
/// bookmarks and settings by last-writer-wins, then card states rebuilt by replay when the log changed.
/// The unit of work queues what it adds for this device's change file (an import is this device's).
pub fn apply_bundle(
    store: &mut Store,
    b: &Bundle,
    progress: &mut dyn FnMut(f64),
) -> Result<MergeCounts, ExchangeError> {
    let total = b.reviews.len().max(1) as f64;
    store.transact(|s| {
        let mut c = MergeCounts {
            reviews: s.merge_reviews(&b.reviews, |n| progress(0.8 * n as f64 / total))?,
            ..MergeCounts::default()
        };
        (c.undos, c.pending_undos) = s.merge_undos(&b.undos)?;
        c.changes = s.merge_changes(&b.changes)?;
        c.mocks = s.merge_mocks(&b.mocks)?;
        c.attempts = s.merge_attempts(&b.attempts)?;
        progress(0.85);
        // Settings can change the schedule (retention, FSRS parameters) as much as reviews can.
        if c.reviews + c.undos > 0 || (c.changes > 0 && b.changes.iter().any(is_setting)) {
            archdrill_study::rebuild_states(s)?;
        }
        progress(1.0);
        Ok(c)
    })
}

fn is_setting(c: &ChangeRecord) -> bool {
    c.kind == archdrill_store::ChangeKind::Setting
}
