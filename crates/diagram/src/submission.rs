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

fn too_large(field: &str, max: usize) -> DrillError {
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
