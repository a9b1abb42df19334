//! The export file and the sync folder, for the window and the CLI. Files are read and checked
//! before the store is locked, and written after it is released: the lock is held only while the
//! database is read or written.
use crate::Archdrill;
use archdrill_domain::AppError;
use archdrill_exchange as exchange;
use serde::Serialize;
use specta::Type;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    pub path: String,
    pub reviews: u32,
    pub undos: u32,
    /// Note, bookmark and setting changes.
    pub changes: u32,
    pub mocks: u32,
    pub attempts: u32,
    pub bytes: f64,
}

/// What an import added (records already here are not counted: importing twice adds nothing).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub path: String,
    pub reviews_added: u32,
    pub undos_added: u32,
    pub changes_added: u32,
    pub mocks_added: u32,
    pub attempts_added: u32,
}

/// The sync folder as Settings shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub folder: Option<String>,
    pub device_id: String,
    /// Unix ms of the last round, if any.
    pub last_sync_at: Option<f64>,
    /// What the last round could not use, `file:line: message` each.
    pub problems: Vec<String>,
}

/// What one sync round did.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    pub folder: String,
    pub device_id: String,
    /// Unix ms.
    pub at: f64,
    pub lines_written: u32,
    pub lines_read: u32,
    pub reviews_added: u32,
    pub undos_added: u32,
    pub changes_added: u32,
    pub attempts_added: u32,
    pub problems: Vec<String>,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Data folders with a sync round running: a second round (a timer and a click) waits for none, it
/// is refused.
static SYNCING: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

struct Running(PathBuf);

impl Running {
    fn start(dir: &Path) -> Result<Running, AppError> {
        let mut set = SYNCING.lock().unwrap_or_else(|p| p.into_inner());
        if !set
            .get_or_insert_with(HashSet::new)
            .insert(dir.to_path_buf())
        {
            return Err(AppError::Busy {
                message: "a sync is already running".into(),
            });
        }
        Ok(Running(dir.to_path_buf()))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let mut set = SYNCING.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(set) = set.as_mut() {
            set.remove(&self.0);
        }
    }
}

impl Archdrill {
    /// Writes everything personal to `path` (a zip; format in crates/exchange/README.md).
    pub fn export_to(
        &self,
        path: &Path,
        mut progress: impl FnMut(f64),
    ) -> Result<ExportReport, AppError> {
        let snap = exchange::Snapshot::read(&self.store())?;
        let summary = exchange::write_export(
            &snap,
            path,
            env!("CARGO_PKG_VERSION"),
            self.now_ms(),
            &mut progress,
        )?;
        let [reviews, undos, changes, mocks, attempts] = summary.lines.map(|n| count(n as usize));
        Ok(ExportReport {
            path: path.display().to_string(),
            reviews,
            undos,
            changes,
            mocks,
            attempts,
            bytes: summary.bytes as f64,
        })
    }

    /// Merges an export into this data folder: all of it or, if anything is wrong, none of it.
    pub fn import_from(
        &self,
        path: &Path,
        mut progress: impl FnMut(f64),
    ) -> Result<ImportReport, AppError> {
        let bundle = exchange::read_export(path, &mut |f| progress(0.5 * f))?;
        // A merge never deletes, but it can change notes and settings: keep the state before it.
        self.backup_now()?;
        let added =
            exchange::apply_bundle(&mut self.store(), &bundle, &mut |f| progress(0.5 + 0.5 * f))?;
        Ok(ImportReport {
            path: path.display().to_string(),
            reviews_added: count(added.reviews),
            undos_added: count(added.undos),
            changes_added: count(added.changes),
            mocks_added: count(added.mocks),
            attempts_added: count(added.attempts),
        })
    }

    pub fn sync_status(&self) -> Result<SyncStatus, AppError> {
        let mut store = self.store();
        let device_id = exchange::device_id(&mut store, self.now_ms())?;
        let folder = exchange::sync_folder(&store)?;
        let last: Option<serde_json::Value> = store
            .setting(exchange::LAST_KEY)?
            .and_then(|s| serde_json::from_str(&s).ok());
        let problems = last
            .as_ref()
            .and_then(|l| l.get("problems")?.as_array().cloned())
            .unwrap_or_default();
        Ok(SyncStatus {
            folder: folder.map(|f| f.display().to_string()),
            device_id,
            last_sync_at: last.as_ref().and_then(|l| l.get("at")?.as_f64()),
            problems: problems
                .iter()
                .filter_map(|p| p.as_str().map(str::to_string))
                .collect(),
        })
    }

    /// Sets (or, with `None`, clears) the sync folder, after checking it is a folder this app can
    /// write in.
    pub fn set_sync_folder(&self, folder: Option<&Path>) -> Result<SyncStatus, AppError> {
        let value = match folder {
            Some(f) => {
                let f = std::path::absolute(f).map_err(|e| io(f, e))?;
                check_writable(&f)?;
                f.display().to_string()
            }
            None => String::new(),
        };
        self.store().set_setting(exchange::FOLDER_KEY, &value)?;
        self.sync_status()
    }

    /// One round: appends this device's new records to its file, reads and merges the others'.
    pub fn sync_now(&self) -> Result<SyncReport, AppError> {
        let _running = Running::start(&self.data_dir)?;
        let plan = {
            let mut store = self.store();
            let folder = exchange::sync_folder(&store)?.ok_or_else(|| {
                AppError::invalid("syncFolder", "no sync folder is set: choose one first")
            })?;
            exchange::plan(&mut store, &folder, self.now_ms())?
        };
        let gathered = exchange::gather(&plan);
        let r = exchange::finish(&mut self.store(), &plan, gathered, self.now_ms())?;
        Ok(SyncReport {
            folder: r.folder,
            device_id: r.device_id,
            at: r.at as f64,
            lines_written: count(r.lines_written),
            lines_read: count(r.lines_read),
            reviews_added: count(r.reviews_added),
            undos_added: count(r.undos_added),
            changes_added: count(r.changes_added),
            attempts_added: count(r.attempts_added),
            problems: r.problems,
        })
    }
}

fn io(path: &Path, e: std::io::Error) -> AppError {
    AppError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

fn check_writable(folder: &Path) -> Result<(), AppError> {
    if !folder.is_dir() {
        return Err(AppError::invalid(
            "syncFolder",
            format!("{} does not exist or is not a folder", folder.display()),
        ));
    }
    // The only sure test of "writable" is writing: permissions, read-only mounts and ACLs all show.
    let probe = folder.join(format!(
        ".archdrill-write-test-{}",
        archdrill_domain::new_ulid(crate::clock::now_ms())
    ));
    std::fs::write(&probe, b"").map_err(|e| {
        AppError::invalid(
            "syncFolder",
            format!("cannot write in {}: {e}", folder.display()),
        )
    })?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}
