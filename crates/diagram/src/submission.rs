//! What a learner submits, for every kind of drill, and the checks every kind shares: the right
//! fields for the drill's kind, sizes capped. Each failure names the field at fault. Below the drills
//! (it names a kind, never a `Drill`), so design and failure drills check their own submissions with
//! it; answers.rs reads those of label, place, order and recall drills.
use crate::drill_kind::DrillKind;
use crate::error::DrillError;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Caps on what a submission may hold; anything bigger is refused before any work is done.
pub const MAX_ENTRIES: usize = 256;
pub const MAX_TEXT: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Submission {
    /// Label and place drills (and optionally order drills): which bank label went on which slot.
    #[serde(default)]
    pub placements: Vec<Placement>,
    /// Recall drills: what was typed in each slot.
    #[serde(default)]
    pub answers: Vec<TypedAnswer>,
    /// Order drills: bank ids from first step to last.
    #[serde(default)]
    pub order: Vec<String>,
    /// Design drills: the components placed, each from a palette card into a place.
    #[serde(default)]
    pub components: Vec<PlacedComponent>,
    /// Design drills: connections between placed components or kept nodes, in traffic direction.
    #[serde(default)]
    pub connections: Vec<Connection>,
    /// Failure drills: the components marked as no longer serving (c1, c2, …).
    #[serde(default)]
    pub down: Vec<String>,
    /// Failure drills: the option chosen for each choice question.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// Failure drills: the steps of each order question, first to last.
    #[serde(default)]
    pub orders: Vec<StepOrder>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacedComponent {
    /// Chosen by the client; unique in the design, not a place or kept-node id.
    pub id: String,
    /// A palette card id (p1, p2, …).
    pub card: String,
    /// A place id: a group, subnet or tier of the canvas, or `outside`.
    #[serde(rename = "in")]
    pub place: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Connection {
    pub from: String,
    pub to: String,
    /// One of the drill's connection labels, if it has any.
    #[serde(default)]
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Choice {
    pub question: String,
    pub option: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StepOrder {
    pub question: String,
    pub steps: Vec<String>,
}

impl Submission {
    /// The answer fields that hold something, by name, for refusing fields of another kind.
    pub(crate) fn filled(&self) -> Vec<&'static str> {
        [
            ("placements", self.placements.is_empty()),
            ("answers", self.answers.is_empty()),
            ("order", self.order.is_empty()),
            ("components", self.components.is_empty()),
            ("connections", self.connections.is_empty()),
            ("down", self.down.is_empty()),
            ("choices", self.choices.is_empty()),
            ("orders", self.orders.is_empty()),
        ]
        .into_iter()
        .filter(|(_, empty)| !empty)
        .map(|(f, _)| f)
        .collect()
    }
}

/// Refuses any filled field outside `allowed`, naming it and what the kind takes.
pub(crate) fn only(kind: DrillKind, sub: &Submission, allowed: &[&str]) -> Result<(), DrillError> {
    match sub.filled().into_iter().find(|f| !allowed.contains(f)) {
        Some(f) => Err(wrong_kind(f, kind, &allowed.join("`, `"))),
        None => Ok(()),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Placement {
    pub slot: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TypedAnswer {
    pub slot: String,
    pub text: String,
}

pub(crate) fn too_large(field: &str, max: usize) -> DrillError {
    DrillError::TooLarge {
        field: field.to_string(),
        max: max as u32,
    }
}

/// An answer field a drill of `kind` does not take, and what it takes instead.
pub(crate) fn wrong_kind(field: &str, kind: DrillKind, expected: &str) -> DrillError {
    DrillError::WrongAnswerKind {
        field: field.to_string(),
        kind: kind.name().to_string(),
        expected: expected.to_string(),
    }
}
