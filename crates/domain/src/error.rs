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
