//! What the window shows first: the app ready (perhaps after recovering from damage), or a full-page
//! message when the data cannot be used at all. The shell opens the window in every case.
use crate::backups::RecoveryNotice;
use crate::Archdrill;
use archdrill_domain::AppError;
use serde::Serialize;
use specta::Type;
use std::path::Path;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Startup {
    pub data_dir: String,
    /// Set when the database was damaged and has been replaced: the Home banner says so.
    pub recovery: Option<RecoveryNotice>,
    /// Set when nothing can be shown: a database from a newer app, a folder that cannot be written.
    pub blocked: Option<Blocked>,
}

/// A full-page message: what happened, which file, what to do.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Blocked {
    pub title: String,
    pub message: String,
    pub path: String,
}

/// Opens the app's data in `data_dir`; the handle is `None` exactly when `Startup::blocked` is set.
pub fn open_app(data_dir: &Path) -> (Startup, Option<Archdrill>) {
    let db = archdrill_store::db_path(data_dir).display().to_string();
    match Archdrill::open(data_dir) {
        Ok(app) => (
            Startup {
                data_dir: data_dir.display().to_string(),
                recovery: app.recovery_notice(),
                blocked: None,
            },
            Some(app),
        ),
        Err(e) => (
            Startup {
                data_dir: data_dir.display().to_string(),
                recovery: None,
                blocked: Some(blocked(&e, data_dir, &db)),
            },
            None,
        ),
    }
}

fn blocked(e: &AppError, data_dir: &Path, db: &str) -> Blocked {
    match e {
        AppError::NewerSchema { found, known } => Blocked {
            title: "This progress was saved by a newer Archdrill".into(),
            message: format!(
                "The database is at version {found}; this Archdrill understands up to version \
                 {known}. It has not been changed. Install the newest Archdrill to keep studying \
                 with it, or point ARCHDRILL_DATA_DIR at another folder."
            ),
            path: db.to_string(),
        },
        AppError::Io { path, message } => Blocked {
            title: "Archdrill cannot write its data folder".into(),
            message: format!(
                "{message}. Check that the folder exists, is a folder, and that you may write to \
                 it (and that the disk has space), then start Archdrill again."
            ),
            path: path.clone(),
        },
        other => Blocked {
            title: "Archdrill cannot open your progress".into(),
            message: format!("{other}. Nothing was changed."),
            path: data_dir.display().to_string(),
        },
    }
}
