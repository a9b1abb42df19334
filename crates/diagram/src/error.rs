//! Errors a drill request can meet. Everything here comes from a user or a file, so each case is a
//! value with the offending field named (`placements[2].label`), never a panic.
use archdrill_domain::AppError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DrillError {
    #[error("no drill with id {id:?}")]
    UnknownDrill { id: String },
    #[error("{field}: this drill has no slot {slot:?}")]
    UnknownSlot { field: String, slot: String },
    #[error("{field}: this drill's bank has no label {label:?}")]
    UnknownLabel { field: String, label: String },
    #[error("{field}: label {label:?} is placed more than once")]
    DuplicatePlacement { field: String, label: String },
    #[error("{field}: slot {slot:?} takes one answer")]
    SlotTakesOne { field: String, slot: String },
    #[error("{field}: too large (at most {max})")]
    TooLarge { field: String, max: u32 },
    /// A design or failure submission names a card, place, component, question or option the
    /// drill does not have (a connection to nowhere is one).
    #[error("{field}: this drill has no {what} {id:?}")]
    UnknownId {
        field: String,
        what: String,
        id: String,
    },
    #[error("{field}: {id:?} is given more than once")]
    Duplicate { field: String, id: String },
    /// Well-formed but not allowed here (a card above its limit, a connection to itself, …).
    #[error("{field}: {message}")]
    NotAllowed { field: String, message: String },
    #[error("{field}: {kind} drills are answered with `{expected}`")]
    WrongAnswerKind {
        field: String,
        kind: String,
        expected: String,
    },
}

impl DrillError {
    /// The submission field at fault (empty for an unknown drill, which is not about a field).
    pub fn field(&self) -> &str {
        match self {
            DrillError::UnknownDrill { .. } => "",
            DrillError::UnknownSlot { field, .. }
            | DrillError::UnknownLabel { field, .. }
            | DrillError::DuplicatePlacement { field, .. }
            | DrillError::SlotTakesOne { field, .. }
            | DrillError::TooLarge { field, .. }
            | DrillError::WrongAnswerKind { field, .. }
            | DrillError::UnknownId { field, .. }
            | DrillError::Duplicate { field, .. }
            | DrillError::NotAllowed { field, .. } => field,
        }
    }
}

impl From<DrillError> for AppError {
    fn from(e: DrillError) -> AppError {
        match e {
            DrillError::UnknownDrill { id } => AppError::not_found("drill", id),
            other => AppError::invalid(other.field(), other.to_string()),
        }
    }
}
