//! What a learner submits, and the checks it passes before grading: sizes capped, every slot and
//! label known, no label used twice, one answer per one-answer slot, the right field for the drill's
//! kind. Each failure names the field at fault.
use crate::drill::{Drill, DrillKind};
use crate::error::DrillError;
use crate::normalize::key;
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
pub(crate) fn only(drill: &Drill, sub: &Submission, allowed: &[&str]) -> Result<(), DrillError> {
    match sub.filled().into_iter().find(|f| !allowed.contains(f)) {
        Some(f) => Err(wrong_kind(f, drill, &allowed.join("`, `"))),
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

/// One answer given in a slot.
#[derive(Debug, Clone)]
pub(crate) struct Given {
    pub text: String,
    pub key: String,
    pub distractor: bool,
}

pub(crate) fn too_large(field: &str, max: usize) -> DrillError {
    DrillError::TooLarge {
        field: field.to_string(),
        max: max as u32,
    }
}

fn wrong_kind(field: &str, drill: &Drill, expected: &str) -> DrillError {
    DrillError::WrongAnswerKind {
        field: field.to_string(),
        kind: drill.kind.name().to_string(),
        expected: expected.to_string(),
    }
}

/// Checks the submission against the drill and gathers what was given per slot.
pub(crate) fn read(drill: &Drill, sub: &Submission) -> Result<Vec<Vec<Given>>, DrillError> {
    only(drill, sub, &["placements", "answers", "order"])?;
    for (field, len) in [
        ("placements", sub.placements.len()),
        ("answers", sub.answers.len()),
        ("order", sub.order.len()),
    ] {
        if len > MAX_ENTRIES {
            return Err(too_large(field, MAX_ENTRIES));
        }
    }
    let mut given: Vec<Vec<Given>> = vec![Vec::new(); drill.slots.len()];
    let mut used: Vec<&str> = Vec::new();
    let slot_of = |field: String, id: &str| -> Result<usize, DrillError> {
        if id.len() > MAX_TEXT {
            return Err(too_large(&field, MAX_TEXT));
        }
        drill
            .slot(id)
            .map(|(i, _)| i)
            .ok_or(DrillError::UnknownSlot {
                field,
                slot: id.to_string(),
            })
    };
    match drill.kind {
        DrillKind::Recall => {
            if !sub.placements.is_empty() || !sub.order.is_empty() {
                return Err(wrong_kind(
                    if sub.order.is_empty() {
                        "placements"
                    } else {
                        "order"
                    },
                    drill,
                    "answers",
                ));
            }
            for (i, a) in sub.answers.iter().enumerate() {
                let s = slot_of(format!("answers[{i}].slot"), &a.slot)?;
                if a.text.chars().count() > MAX_TEXT {
                    return Err(too_large(&format!("answers[{i}].text"), MAX_TEXT));
                }
                if !given[s].is_empty() {
                    return Err(DrillError::SlotTakesOne {
                        field: format!("answers[{i}].slot"),
                        slot: a.slot.clone(),
                    });
                }
                let k = key(&a.text);
                if !k.is_empty() {
                    given[s].push(Given {
                        text: a.text.trim().to_string(),
                        key: k,
                        distractor: false,
                    });
                }
            }
        }
        _ => {
            if !sub.answers.is_empty() {
                return Err(wrong_kind(
                    "answers",
                    drill,
                    if drill.kind == DrillKind::Order {
                        "order"
                    } else {
                        "placements"
                    },
                ));
            }
            if drill.kind != DrillKind::Order && !sub.order.is_empty() {
                return Err(wrong_kind("order", drill, "placements"));
            }
            if !sub.order.is_empty() && !sub.placements.is_empty() {
                return Err(wrong_kind(
                    "placements",
                    drill,
                    "order or placements, not both",
                ));
            }
            for (i, id) in sub.order.iter().enumerate() {
                let g = take(drill, format!("order[{i}]"), id, &mut used)?;
                if i < given.len() {
                    given[i].push(g);
                }
            }
            for (i, p) in sub.placements.iter().enumerate() {
                let s = slot_of(format!("placements[{i}].slot"), &p.slot)?;
                let g = take(drill, format!("placements[{i}].label"), &p.label, &mut used)?;
                if !drill.slots[s].accepts_many && !given[s].is_empty() {
                    return Err(DrillError::SlotTakesOne {
                        field: format!("placements[{i}].slot"),
                        slot: p.slot.clone(),
                    });
                }
                given[s].push(g);
            }
        }
    }
    Ok(given)
}

/// Looks up a bank label, refusing one already used.
fn take<'a>(
    drill: &'a Drill,
    field: String,
    id: &str,
    used: &mut Vec<&'a str>,
) -> Result<Given, DrillError> {
    if id.len() > MAX_TEXT {
        return Err(too_large(&field, MAX_TEXT));
    }
    let label = drill.label(id).ok_or_else(|| DrillError::UnknownLabel {
        field: field.clone(),
        label: id.to_string(),
    })?;
    if used.contains(&label.id.as_str()) {
        return Err(DrillError::DuplicatePlacement {
            field,
            label: id.to_string(),
        });
    }
    used.push(label.id.as_str());
    Ok(Given {
        text: label.text.clone(),
        key: label.key.clone(),
        distractor: label.distractor,
    })
}
