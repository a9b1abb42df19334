use archdrill_domain::AppError;
use archdrill_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum StudyError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A value from the UI was out of range or malformed; `field` names it.
    #[error("invalid {field}: {message}")]
    InvalidInput { field: String, message: String },
    #[error("no {what} with id {id:?}")]
    NotFound { what: String, id: String },
    /// Optimisation needs reviews of cards seen on an earlier day; `have` of the `need`ed exist.
    #[error(
        "not enough review history to optimise: {have} reviews of cards seen on an earlier day, {need} needed"
    )]
    NotEnoughReviews { have: u32, need: u32 },
    /// The FSRS library refused its input (parameters or a review history).
    #[error("scheduler error: {0}")]
    Fsrs(String),
    /// Something read back from the database does not make sense (e.g. a malformed JSON column).
    #[error("corrupt {what}: {message}")]
    Corrupt { what: String, message: String },
}

impl StudyError {
    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> Self {
        StudyError::InvalidInput {
            field: field.to_string(),
            message: message.into(),
        }
    }

    pub(crate) fn corrupt(what: &str, message: impl ToString) -> Self {
        StudyError::Corrupt {
            what: what.to_string(),
            message: message.to_string(),
        }
    }
}

impl From<fsrs::FSRSError> for StudyError {
    fn from(e: fsrs::FSRSError) -> Self {
        StudyError::Fsrs(format!("{e:?}"))
    }
}

impl From<StudyError> for AppError {
    fn from(e: StudyError) -> Self {
        match e {
            StudyError::Store(s) => s.into(),
            StudyError::InvalidInput { field, message } => {
                AppError::InvalidInput { field, message }
            }
            StudyError::NotFound { what, id } => AppError::NotFound { what, id },
            StudyError::NotEnoughReviews { have, need } => {
                AppError::NotEnoughReviews { have, need }
            }
            e @ StudyError::Fsrs(_) => AppError::invalid("fsrsParameters", e.to_string()),
            e @ StudyError::Corrupt { .. } => AppError::Storage {
                message: e.to_string(),
            },
        }
    }
}
