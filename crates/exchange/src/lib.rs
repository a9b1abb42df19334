//! Archdrill's two ways of moving a learner's history between computers, both merging by id so that
//! neither can lose or duplicate a review:
//!
//! - the **export file** (`export`, `import`): one zip of JSON Lines files and a manifest with
//!   checksums, checked completely before one transaction merges it;
//! - the **sync folder** (`folder`, `changefile`): each device appends what it does to its own
//!   `<device-id>.jsonl` in a folder another program keeps in step, and reads the others' files.
//!
//! The formats are documented in this crate's README.md.

mod changefile;
mod envelope;
mod error;
mod export;
mod folder;
mod import;
mod jsonl;
mod manifest;
mod records;

pub use changefile::{encode, read_peer, PeerRead, LINE_VERSION, MAX_READ_BYTES};
pub use envelope::{decode, Decoded};
pub use error::ExchangeError;
pub use export::{write_export, ExportSummary, Snapshot};
pub use folder::{
    device_id, finish, gather, plan, sync_folder, sync_once, Gathered, Plan, SyncReport,
    DEVICE_KEY, FOLDER_KEY, LAST_KEY,
};
pub use import::{apply_bundle, read_export, Bundle, MergeCounts};
pub use jsonl::MAX_LINE_BYTES;
pub use manifest::{
    FileEntry, Manifest, FILES, FORMAT, FORMAT_VERSION, MANIFEST, MAX_LINES_PER_FILE,
    MAX_TOTAL_BYTES,
};
pub use records::{
    AttemptLine, ChangeLine, MockAnswerLine, MockLine, ReviewLine, UndoLine, MAX_JSON_BYTES,
    MAX_MS, MAX_TEXT_BYTES,
};

/// Imports `path` into `store`: reads and checks the whole file first, then merges it in one
/// transaction. `progress` rises from 0 to 1 (the first half reading, the second merging).
pub fn import_file(
    store: &mut archdrill_store::Store,
    path: &std::path::Path,
    mut progress: impl FnMut(f64),
) -> Result<MergeCounts, ExchangeError> {
    let bundle = read_export(path, &mut |f| progress(0.5 * f))?;
    apply_bundle(store, &bundle, &mut |f| progress(0.5 + 0.5 * f))
}

/// Exports everything personal in `store` to `path`.
pub fn export_file(
    store: &archdrill_store::Store,
    path: &std::path::Path,
    app_version: &str,
    now_ms: i64,
    mut progress: impl FnMut(f64),
) -> Result<ExportSummary, ExchangeError> {
    let snap = Snapshot::read(store)?;
    write_export(&snap, path, app_version, now_ms, &mut progress)
}
