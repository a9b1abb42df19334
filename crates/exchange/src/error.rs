use archdrill_domain::AppError;
use archdrill_store::StoreError;
use archdrill_study::StudyError;
use std::path::PathBuf;

/// What can go wrong exporting, importing or syncing.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// The file is not one this app can read: damaged, foreign, or from a newer format (`message`
    /// says which, and where).
    #[error("{}: {message}", path.display())]
    BadFile { path: PathBuf, message: String },
    #[error("cannot use {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A row in this database does not make sense (and so cannot be exported as it is).
    #[error("a record in the database is malformed: {message}")]
    Corrupt { message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Study(#[from] StudyError),
}

impl ExchangeError {
    pub(crate) fn bad(path: &std::path::Path, message: impl Into<String>) -> Self {
        ExchangeError::BadFile {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        ExchangeError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

impl From<ExchangeError> for AppError {
    fn from(e: ExchangeError) -> Self {
        match e {
            ExchangeError::BadFile { path, message } => AppError::BadFile {
                path: path.display().to_string(),
                message,
            },
            ExchangeError::Io { path, source } => AppError::Io {
                path: path.display().to_string(),
                message: source.to_string(),
            },
            e @ ExchangeError::Corrupt { .. } => AppError::Storage {
                message: e.to_string(),
            },
            ExchangeError::Store(e) => e.into(),
            ExchangeError::Study(e) => e.into(),
        }
    }
}
