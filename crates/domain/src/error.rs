use serde::Serialize;
use specta::Type;

/// The one error type that crosses into the UI. Tagged so TypeScript can switch on `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum AppError {
    /// The id names nothing the app knows (a question, diagram, drill or review).
    #[error("no {what} with id {id:?}")]
    NotFound { what: String, id: String },
    /// A value from the UI was out of range or malformed; `field` names it.
    #[error("invalid {field}: {message}")]
    InvalidInput { field: String, message: String },
    /// The local database failed; the message says how. Nothing was half-written.
    #[error("storage error: {message}")]
    Storage { message: String },
    /// Reading or writing a file failed.
    #[error("file error on {path}: {message}")]
    Io { path: String, message: String },
    /// The disk is full: the write was rolled back and can be retried once there is space.
    #[error("{message}")]
    DiskFull { message: String },
    /// The data folder or database cannot be written (permissions, a read-only disk).
    #[error("{message}")]
    ReadOnly { message: String },
    /// The database file is damaged; the app recovers from the newest backup at its next start.
    #[error("the database is damaged: {message}")]
    Damaged { message: String },
    /// The database was written by a newer Archdrill and is left untouched.
    #[error("the database is at schema version {found}, newer than this app knows ({known}); update Archdrill")]
    NewerSchema { found: i32, known: i32 },
    /// A file given to import (an export, a backup, a sync change file) is not one this app can read;
    /// `message` says which: damaged, foreign, or from a newer format.
    #[error("{path}: {message}")]
    BadFile { path: String, message: String },
    /// Optimising the scheduler needs more history: `have` reviews of cards seen on an earlier day,
    /// `need` wanted. Not a fault: the learner keeps reviewing and tries again later.
    #[error(
        "optimising needs {need} reviews of cards seen on an earlier day; there are {have} so far"
    )]
    NotEnoughReviews { have: u32, need: u32 },
    /// Something is already running that this needs to wait for (a backup, an import).
    #[error("{message}")]
    Busy { message: String },
}

impl AppError {
    pub fn not_found(what: &str, id: impl Into<String>) -> Self {
        AppError::NotFound {
            what: what.to_string(),
            id: id.into(),
        }
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::InvalidInput {
            field: field.to_string(),
            message: message.into(),
        }
    }
}
