use archdrill_domain::AppError;
use std::path::{Path, PathBuf};

/// What can go wrong writing a package. Each names the file or the diagram it happened to.
#[derive(Debug, thiserror::Error)]
pub enum AnkiError {
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Building the collection database (in a temporary file) failed.
    #[error("cannot build the Anki collection in {}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot write the package {}: {source}", path.display())]
    Zip {
        path: PathBuf,
        source: zip::result::ZipError,
    },
    /// A diagram could not be drawn as PNG (the message says why).
    #[error("cannot draw diagram {diagram:?} as PNG: {message}")]
    Render { diagram: String, message: String },
    /// Two items of the package would share an id Anki needs unique (a guid or a media name).
    #[error("two notes would share the {what} {value:?}")]
    Duplicate { what: &'static str, value: String },
}

impl AnkiError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        AnkiError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn sqlite(path: &Path, source: rusqlite::Error) -> Self {
        AnkiError::Sqlite {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn zip(path: &Path, source: zip::result::ZipError) -> Self {
        AnkiError::Zip {
            path: path.to_path_buf(),
            source,
        }
    }
}

impl From<AnkiError> for AppError {
    fn from(e: AnkiError) -> Self {
        match e {
            AnkiError::Io { path, source } => AppError::Io {
                path: path.display().to_string(),
                message: source.to_string(),
            },
            AnkiError::Sqlite { path, source } => AppError::Io {
                path: path.display().to_string(),
                message: source.to_string(),
            },
            AnkiError::Zip { path, source } => AppError::Io {
                path: path.display().to_string(),
                message: source.to_string(),
            },
            AnkiError::Render { diagram, message } => {
                AppError::invalid("diagram", format!("{diagram}: {message}"))
            }
            e @ AnkiError::Duplicate { .. } => AppError::invalid("bank", e.to_string()),
        }
    }
}
