//! A label, place, order or recall submission read into what was given per slot, refused if any
//! slot or bank label is unknown, a label is used twice, or a one-answer slot gets two. Each failure
//! names the field at fault. Apart from submission.rs because it needs the `Drill`, which design and
//! failure drills, sitting below it, must not.
use crate::drill::Drill;
use crate::drill_kind::DrillKind;
use crate::error::DrillError;
use crate::normalize::key;
use crate::submission::{only, too_large, wrong_kind, Submission, MAX_ENTRIES, MAX_TEXT};

/// One answer given in a slot.
#[derive(Debug, Clone)]
pub(crate) struct Given {
    pub text: String,
    pub key: String,
    pub distractor: bool,
}

/// Checks the submission against the drill and gathers what was given per slot.
pub(crate) fn read(drill: &Drill, sub: &Submission) -> Result<Vec<Vec<Given>>, DrillError> {
    only(drill.kind, sub, &["placements", "answers", "order"])?;
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
    match drill.kind {
        DrillKind::Recall => typed(drill, sub, &mut given)?,
        _ => placed(drill, sub, &mut given)?,
    }
    Ok(given)
}

/// The index of the slot with opaque id `id`, named by `field` when unknown.
fn slot_of(drill: &Drill, field: String, id: &str) -> Result<usize, DrillError> {
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
}

/// Recall drills: one typed answer per slot; blank ones count as none.
fn typed(drill: &Drill, sub: &Submission, given: &mut [Vec<Given>]) -> Result<(), DrillError> {
    if !sub.placements.is_empty() || !sub.order.is_empty() {
        return Err(wrong_kind(
            if sub.order.is_empty() {
                "placements"
            } else {
                "order"
            },
            drill.kind,
            "answers",
        ));
    }
    for (i, a) in sub.answers.iter().enumerate() {
        let s = slot_of(drill, format!("answers[{i}].slot"), &a.slot)?;
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
    Ok(())
}

/// Label, place and order drills: bank labels placed on slots, or (order drills) listed in order;
/// each label at most once.
fn placed(drill: &Drill, sub: &Submission, given: &mut [Vec<Given>]) -> Result<(), DrillError> {
    if !sub.answers.is_empty() {
        return Err(wrong_kind(
            "answers",
            drill.kind,
            if drill.kind == DrillKind::Order {
                "order"
            } else {
                "placements"
            },
        ));
    }
    if drill.kind != DrillKind::Order && !sub.order.is_empty() {
        return Err(wrong_kind("order", drill.kind, "placements"));
    }
    if !sub.order.is_empty() && !sub.placements.is_empty() {
        return Err(wrong_kind(
            "placements",
            drill.kind,
            "order or placements, not both",
        ));
    }
    let mut used: Vec<&str> = Vec::new();
    for (i, id) in sub.order.iter().enumerate() {
        let g = take(drill, format!("order[{i}]"), id, &mut used)?;
        if i < given.len() {
            given[i].push(g);
        }
    }
    for (i, p) in sub.placements.iter().enumerate() {
        let s = slot_of(drill, format!("placements[{i}].slot"), &p.slot)?;
        let g = take(drill, format!("placements[{i}].label"), &p.label, &mut used)?;
        if !drill.slots[s].accepts_many && !given[s].is_empty() {
            return Err(DrillError::SlotTakesOne {
                field: format!("placements[{i}].slot"),
                slot: p.slot.clone(),
            });
        }
        given[s].push(g);
    }
    Ok(())
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
