//! The kinds of drill. Below the drills themselves, so that what every kind shares (submission
//! checks, error messages) can name a kind without depending on `Drill`.
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum DrillKind {
    /// Drag labels from a bank (with distractors) onto blank components.
    Label,
    /// Drag components into the group or subnet they belong in.
    Place,
    /// Put the steps of a flow in order.
    Order,
    /// Type the name of each blank component.
    Recall,
    /// Build an architecture from requirements; graded by rules.
    Design,
    /// Mark what stops serving when something fails, and say what happens next.
    Failure,
}

impl DrillKind {
    pub fn parse(s: &str) -> Option<DrillKind> {
        match s {
            "label" => Some(DrillKind::Label),
            "place" => Some(DrillKind::Place),
            "order" => Some(DrillKind::Order),
            "recall" => Some(DrillKind::Recall),
            "design" => Some(DrillKind::Design),
            "failure" => Some(DrillKind::Failure),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DrillKind::Label => "label",
            DrillKind::Place => "place",
            DrillKind::Order => "order",
            DrillKind::Recall => "recall",
            DrillKind::Design => "design",
            DrillKind::Failure => "failure",
        }
    }
}
