//! Backups as the learner sees them: the list in Settings, "Back up now", "Restore…", the automatic
//! backups the shell schedules, and what start-up recovery did. The store does the file work.
use crate::Archdrill;
use archdrill_domain::AppError;
use archdrill_store::{back_up, backup_reviews, backups_dir, list_backups, BackupInfo, Recovery};
use serde::Serialize;
use specta::Type;

/// What the data looked like at the last backup (see `Store::fingerprint`).
const FINGERPRINT_KEY: &str = "local.backup_fingerprint";
/// How old the newest backup may be at start before a new one is taken.
pub const START_BACKUP_AGE_MS: i64 = 60 * 60 * 1000;
/// While the app runs, a backup every this often (when anything changed).
pub const RUNNING_BACKUP_EVERY_MS: i64 = 30 * 60 * 1000;

/// One backup in the Settings list.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupRow {
    /// The file name inside `<data>/backups/`: what `restore_backup` takes.
    pub file_name: String,
    /// Unix ms.
    pub created_at: f64,
    pub size_bytes: f64,
    /// Active reviews in it.
    pub reviews: u32,
}

/// What start-up recovery did, for the banner on Home.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryNotice {
    pub reason: String,
    /// Where the damaged files now are.
    pub moved_aside: Vec<String>,
    /// The backup restored (file name and time), or `None` when a new, empty database was made.
    pub restored_from: Option<String>,
    pub restored_at: Option<f64>,
    pub restored_reviews: Option<u32>,
}

impl RecoveryNotice {
    pub(crate) fn from_recovery(r: &Recovery) -> RecoveryNotice {
        RecoveryNotice {
            reason: r.reason.clone(),
            moved_aside: r
                .moved_aside
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            restored_from: r.restored.as_ref().map(|(b, _)| b.file_name()),
            restored_at: r.restored.as_ref().map(|(b, _)| b.created_ms as f64),
            restored_reviews: r.restored.as_ref().map(|(_, n)| *n),
        }
    }
}

fn row(b: &BackupInfo) -> BackupRow {
    BackupRow {
        file_name: b.file_name(),
        created_at: b.created_ms as f64,
        size_bytes: b.size_bytes as f64,
        // A backup that cannot be read shows 0 reviews rather than hiding the row.
        reviews: backup_reviews(&b.path).unwrap_or(0),
    }
}

impl Archdrill {
    /// What recovery did when this handle opened, if anything.
    pub fn recovery_notice(&self) -> Option<RecoveryNotice> {
        self.recovery.as_ref().map(RecoveryNotice::from_recovery)
    }

    /// Backups, newest first.
    pub fn backups(&self) -> Result<Vec<BackupRow>, AppError> {
        Ok(list_backups(&self.data_dir)?.iter().map(row).collect())
    }

    /// Takes a verified backup now. Uses a connection of its own: the app's stays free meanwhile.
    pub fn backup_now(&self) -> Result<BackupRow, AppError> {
        let (db, print) = {
            let store = self.store();
            (store.path().to_path_buf(), store.fingerprint()?)
        };
        let info = back_up(&db, &self.data_dir, self.now_ms())?;
        self.store().set_setting(FINGERPRINT_KEY, &print)?;
        Ok(row(&info))
    }

    /// Takes a backup when the newest one is older than `max_age_ms` (or there is none) and the
    /// learner's data changed since it; returns it, or `None` when nothing was needed.
    pub fn backup_if_older(&self, max_age_ms: i64) -> Result<Option<BackupRow>, AppError> {
        if let Some(newest) = list_backups(&self.data_dir)?.first() {
            let store = self.store();
            let unchanged = store.setting(FINGERPRINT_KEY)? == Some(store.fingerprint()?);
            if unchanged || self.now_ms() - newest.created_ms < max_age_ms {
                return Ok(None);
            }
        }
        self.backup_now().map(Some)
    }

    /// Replaces the learner's data with a backup from the list, after backing up the current state.
    /// Card states come with the backup (they were consistent with its log when it was taken).
    pub fn restore_backup(&self, file_name: &str) -> Result<BackupRow, AppError> {
        let all = list_backups(&self.data_dir)?;
        let chosen = all
            .iter()
            .find(|b| b.file_name() == file_name)
            .ok_or_else(|| AppError::not_found("backup", file_name))?;
        let safety = self
            .store()
            .restore_from(&chosen.path, &self.data_dir, self.now_ms())?;
        Ok(row(&safety))
    }

    /// Restores any backup file by path (the CLI's `archdrill restore <path>`).
    pub fn restore_backup_file(&self, path: &std::path::Path) -> Result<BackupRow, AppError> {
        if !path.is_file() {
            return Err(AppError::not_found("backup", path.display().to_string()));
        }
        let safety = self
            .store()
            .restore_from(path, &self.data_dir, self.now_ms())?;
        Ok(row(&safety))
    }

    pub fn backups_folder(&self) -> String {
        backups_dir(&self.data_dir).display().to_string()
    }
}
