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
    fn put(&mut self, value: &impl Serialize) -> std::io::Result<()> {
        self.line.clear();
        serde_json::to_writer(&mut self.line, value)?;
        self.line.push(b'\n');
        self.out.write_all(&self.line)?;
        self.hasher.update(&self.line);
        self.bytes += self.line.len() as u64;
        self.lines += 1;
        Ok(())
    }
}

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

type Zip = zip::ZipWriter<std::io::BufWriter<std::fs::File>>;

/// Where the archive is being written, for error messages.
struct Target<'a> {
    path: &'a Path,
}

impl Target<'_> {
    fn io(&self, e: impl Into<std::io::Error>) -> ExchangeError {
        ExchangeError::io(self.path, e.into())
    }

    fn zip(&self, e: zip::result::ZipError) -> ExchangeError {
        ExchangeError::io(self.path, std::io::Error::other(e))
    }
}

fn deflated() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)
}

/// Writes one JSON Lines file. `to_line` converts a database row and checks the line as an import
/// would, so an export never holds a line its own import refuses; a row that fails is a database
/// problem (Corrupt), not the export file's.
fn write_file<T, L: Serialize>(
    zip: &mut Zip,
    target: &Target<'_>,
    name: &str,
    rows: &[T],
    to_line: impl Fn(&T) -> Result<L, String>,
    progress: &mut Progress<'_>,
) -> Result<FileEntry, ExchangeError> {
    zip.start_file(name, deflated())
        .map_err(|e| target.zip(e))?;
    let mut out = Counted {
        out: zip,
        hasher: sha2::Sha256::new(),
        bytes: 0,
        lines: 0,
        line: Vec::new(),
    };
    for (i, row) in rows.iter().enumerate() {
        let line = to_line(row).map_err(|e| ExchangeError::Corrupt {
            message: format!("{name} line {}: {e}", i + 1),
        })?;
        out.put(&line).map_err(|e| target.io(e))?;
        progress.tick();
    }
    Ok(FileEntry {
        name: name.to_string(),
        lines: out.lines,
        bytes: out.bytes,
        sha256: hex(&out.hasher.finalize()),
    })
}

/// A line checked as an import will check it.
fn checked<L: Clone, T>(line: L, check: fn(L) -> Result<T, String>) -> Result<L, String> {
    check(line.clone()).map(|_| line)
}

fn write_entries(
    zip: &mut Zip,
    target: &Target<'_>,
    snap: &Snapshot,
    p: &mut Progress<'_>,
) -> Result<Vec<FileEntry>, ExchangeError> {
    Ok(vec![
        write_file(
            zip,
            target,
            manifest::REVIEWS,
            &snap.reviews,
            |r| checked(ReviewLine::of(r)?, ReviewLine::check),
            p,
        )?,
        write_file(
            zip,
            target,
            manifest::UNDOS,
            &snap.undos,
            |u| checked(UndoLine::of(u), UndoLine::check),
            p,
        )?,
        write_file(
            zip,
            target,
            manifest::CHANGES,
            &snap.changes,
            |c| checked(ChangeLine::of(c), ChangeLine::check),
            p,
        )?,
        write_file(
            zip,
            target,
            manifest::MOCKS,
            &snap.mocks,
            |m| checked(MockLine::of(m)?, MockLine::check),
            p,
        )?,
        write_file(
            zip,
            target,
            manifest::ATTEMPTS,
            &snap.attempts,
            |a| checked(AttemptLine::of(a), AttemptLine::check),
            p,
        )?,
    ])
}

fn write_archive(
    snap: &Snapshot,
    path: &Path,
    app_version: &str,
    created_at: i64,
    report: &mut dyn FnMut(f64),
) -> Result<ExportSummary, ExchangeError> {
    let target = Target { path };
    let file = std::fs::File::create(path).map_err(|e| target.io(e))?;
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let mut progress = Progress {
        done: 0,
        total: snap.total(),
        report,
    };
    let manifest = Manifest {
        format: manifest::FORMAT.to_string(),
        format_version: manifest::FORMAT_VERSION,
        app_version: app_version.to_string(),
        created_at,
        files: write_entries(&mut zip, &target, snap, &mut progress)?,
    };
    zip.start_file(manifest::MANIFEST, deflated())
        .map_err(|e| target.zip(e))?;
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| target.io(e))?;
    zip.write_all(&json).map_err(|e| target.io(e))?;
    let buffered = zip.finish().map_err(|e| target.zip(e))?;
    let file = buffered
        .into_inner()
        .map_err(|e| target.io(e.into_error()))?;
    // Durable before it is renamed into place: a crash never leaves a named but empty export.
    file.sync_all().map_err(|e| target.io(e))?;
    let mut lines = [0; 5];
    for (n, f) in lines.iter_mut().zip(&manifest.files) {
        *n = f.lines;
    }
    let bytes = file.metadata().map_err(|e| target.io(e))?.len();
    Ok(ExportSummary { lines, bytes })
}
