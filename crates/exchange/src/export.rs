//! Writing the export: a snapshot of every personal record, taken in one read of the database, then
//! written (outside any lock) as a zip of JSON Lines files and the manifest that describes them.
use crate::jsonl::hex;
use crate::manifest::{self, FileEntry, Manifest};
use crate::records::{AttemptLine, ChangeLine, MockLine, ReviewLine, UndoLine};
use crate::ExchangeError;
use archdrill_store::{
    ChangeRecord, DrillAttempt, MockRecord, ReviewRecord, Store, UndoMark, LOCAL_PREFIX,
};
use serde::Serialize;
use sha2::Digest;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Every personal record, as read from the database.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub reviews: Vec<ReviewRecord>,
    pub undos: Vec<UndoMark>,
    pub changes: Vec<ChangeRecord>,
    pub mocks: Vec<MockRecord>,
    pub attempts: Vec<DrillAttempt>,
}

/// What an export wrote: lines per file (in `manifest::FILES` order) and the archive's size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    pub lines: [u64; 5],
    pub bytes: u64,
}

impl Snapshot {
    /// Reads everything in one transaction-free pass; the caller holds the store for its duration.
    pub fn read(store: &Store) -> Result<Snapshot, ExchangeError> {
        let mut reviews = Vec::new();
        store.scan_reviews(|r| {
            reviews.push(r);
            Ok::<_, ExchangeError>(())
        })?;
        Ok(Snapshot {
            reviews,
            undos: store.undo_marks()?,
            // Device-only settings never reach the change log; the filter keeps it that way here.
            changes: store
                .changes()?
                .into_iter()
                .filter(|c| !c.key.starts_with(LOCAL_PREFIX))
                .collect(),
            mocks: store.mocks()?,
            attempts: store.all_attempts()?,
        })
    }

    fn total(&self) -> usize {
        self.reviews.len()
            + self.undos.len()
            + self.changes.len()
            + self.mocks.len()
            + self.attempts.len()
    }
}

/// Writes `snap` to `path` (through a temporary file beside it, renamed at the end, so a failed
/// export never leaves a half-written file under the chosen name).
pub fn write_export(
    snap: &Snapshot,
    path: &Path,
    app_version: &str,
    created_at: i64,
    progress: &mut dyn FnMut(f64),
) -> Result<ExportSummary, ExchangeError> {
    let tmp = temp_path(path);
    let result = write_archive(snap, &tmp, app_version, created_at, progress);
    match result {
        Ok(summary) => {
            std::fs::rename(&tmp, path).map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                ExchangeError::io(path, e)
            })?;
            progress(1.0);
            Ok(summary)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

/// Counts lines and bytes and hashes them on their way into the archive.
struct Counted<'a, W: Write> {
    out: &'a mut W,
    hasher: sha2::Sha256,
    bytes: u64,
    lines: u64,
    line: Vec<u8>,
}

impl<W: Write> Counted<'_, W> {
    fn put(&mut self, value: &impl Serialize) -> Result<(), String> {
        self.line.clear();
        serde_json::to_writer(&mut self.line, value).map_err(|e| e.to_string())?;
        self.line.push(b'\n');
        self.out.write_all(&self.line).map_err(|e| e.to_string())?;
        self.hasher.update(&self.line);
        self.bytes += self.line.len() as u64;
        self.lines += 1;
        Ok(())
    }
}

/// Converts one database row to its line, and checks it as an import would: an export never holds a
/// line its own import refuses.
type ToLine<'a, T, L> = &'a dyn Fn(&T) -> Result<L, String>;

struct Progress<'a> {
    done: usize,
    total: usize,
    report: &'a mut dyn FnMut(f64),
}

impl Progress<'_> {
    fn tick(&mut self) {
        self.done += 1;
        if self.done.is_multiple_of(10_000) {
            (self.report)(0.99 * self.done as f64 / self.total.max(1) as f64);
        }
    }
}

fn write_file<T, L: Serialize + Clone, W: Write + std::io::Seek>(
    zip: &mut zip::ZipWriter<W>,
    name: &str,
    rows: &[T],
    to_line: ToLine<'_, T, L>,
    check: &dyn Fn(L) -> Result<(), String>,
    progress: &mut Progress<'_>,
) -> Result<FileEntry, String> {
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file(name, options).map_err(|e| e.to_string())?;
    let mut out = Counted {
        out: zip,
        hasher: sha2::Sha256::new(),
        bytes: 0,
        lines: 0,
        line: Vec::new(),
    };
    for (i, row) in rows.iter().enumerate() {
        let line = to_line(row).map_err(|e| format!("{name} line {}: {e}", i + 1))?;
        check(line.clone()).map_err(|e| format!("{name} line {}: {e}", i + 1))?;
        out.put(&line)?;
        progress.tick();
    }
    Ok(FileEntry {
        name: name.to_string(),
        lines: out.lines,
        bytes: out.bytes,
        sha256: hex(&out.hasher.finalize()),
    })
}

fn write_archive(
    snap: &Snapshot,
    path: &Path,
    app_version: &str,
    created_at: i64,
    report: &mut dyn FnMut(f64),
) -> Result<ExportSummary, ExchangeError> {
    let file = std::fs::File::create(path).map_err(|e| ExchangeError::io(path, e))?;
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let mut progress = Progress {
        done: 0,
        total: snap.total(),
        report,
    };
    let p = &mut progress;
    // A row that fails its check is a database problem, not the export file's.
    let entries = (|| {
        Ok::<_, String>(vec![
            write_file(
                &mut zip,
                manifest::REVIEWS,
                &snap.reviews,
                &ReviewLine::of,
                &|l| l.check().map(drop),
                p,
            )?,
            write_file(
                &mut zip,
                manifest::UNDOS,
                &snap.undos,
                &|u| Ok(UndoLine::of(u)),
                &|l| l.check().map(drop),
                p,
            )?,
            write_file(
                &mut zip,
                manifest::CHANGES,
                &snap.changes,
                &|c| Ok(ChangeLine::of(c)),
                &|l| l.check().map(drop),
                p,
            )?,
            write_file(
                &mut zip,
                manifest::MOCKS,
                &snap.mocks,
                &MockLine::of,
                &|l| l.check().map(drop),
                p,
            )?,
            write_file(
                &mut zip,
                manifest::ATTEMPTS,
                &snap.attempts,
                &|a| Ok(AttemptLine::of(a)),
                &|l| l.check().map(drop),
                p,
            )?,
        ])
    })()
    .map_err(|message| ExchangeError::Corrupt { message })?;
    let manifest = Manifest {
        format: manifest::FORMAT.to_string(),
        format_version: manifest::FORMAT_VERSION,
        app_version: app_version.to_string(),
        created_at,
        files: entries,
    };
    let io = |e: std::io::Error| ExchangeError::io(path, e);
    let zip_io = |e: zip::result::ZipError| ExchangeError::io(path, std::io::Error::other(e));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file(manifest::MANIFEST, options)
        .map_err(zip_io)?;
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| io(std::io::Error::other(e)))?;
    zip.write_all(&json).map_err(io)?;
    let buffered = zip.finish().map_err(zip_io)?;
    let file = buffered.into_inner().map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(io)?;
    let lines = [0, 1, 2, 3, 4].map(|i| manifest.files[i].lines);
    let bytes = file.metadata().map_err(io)?.len();
    Ok(ExportSummary { lines, bytes })
}
