use archdrill_domain::AppError;
use rusqlite::ErrorCode;
use std::path::PathBuf;

/// What can go wrong in the store, sorted by what the learner can do about it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Any other SQLite failure; the transaction it happened in was rolled back.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// The disk (or the learner's quota) is full: nothing of the failed write was kept.
    #[error("the disk is full: {0}")]
    DiskFull(rusqlite::Error),
    /// The database file, or its folder, cannot be written.
    #[error("the database cannot be written: {0}")]
    ReadOnly(rusqlite::Error),
    /// The file is not a SQLite database, or its pages are damaged.
    #[error("the database file is damaged: {0}")]
    Damaged(String),
    /// Another connection held the database for longer than the store waits.
    #[error("{0}")]
    Busy(String),
    #[error("cannot use {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file was written by a newer Archdrill; opening it with this one could lose data.
    #[error("the database is at schema version {found}, newer than this app knows ({known}); update Archdrill")]
    NewerSchema { found: i64, known: i64 },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull(e),
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                StoreError::ReadOnly(e)
            }
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                StoreError::Damaged(e.to_string())
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Io { path, source } => AppError::Io {
                path: path.display().to_string(),
                message: source.to_string(),
            },
            StoreError::DiskFull(_) => AppError::DiskFull {
                message: "The disk is full, so nothing was saved. Free some space and try again: \
                          what you entered is still on screen."
                    .into(),
            },
            StoreError::ReadOnly(e) => AppError::ReadOnly {
                message: format!(
                    "Archdrill cannot write its data folder ({e}). Check the folder's permissions \
                     and free space; nothing was saved."
                ),
            },
            StoreError::Damaged(message) => AppError::Damaged { message },
            StoreError::Busy(message) => AppError::Busy { message },
            StoreError::NewerSchema { found, known } => AppError::NewerSchema {
                found: i32::try_from(found).unwrap_or(i32::MAX),
                known: i32::try_from(known).unwrap_or(i32::MAX),
            },
            other => AppError::Storage {
                message: other.to_string(),
            },
        }
    }
}
