use archdrill_domain::AppError;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot use {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file was written by a newer Archdrill; opening it with this one could lose data.
    #[error("the database is at schema version {found}, newer than this app knows ({known}); update Archdrill")]
    NewerSchema { found: i64, known: i64 },
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Io { path, source } => AppError::Io {
                path: path.display().to_string(),
                message: source.to_string(),
            },
            other => AppError::Storage {
                message: other.to_string(),
            },
        }
    }
}
