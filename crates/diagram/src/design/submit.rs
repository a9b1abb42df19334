//! A learner's design, checked before grading: sizes capped, every card, place and connection end
//! known, ids unique and clear of the canvas's, card limits kept, labels from the drill's list.
//! Each failure names the field at fault; nothing here panics on any input. Grading runs this on
//! every Check, so the happy path allocates nothing but the result: field names are only formatted
//! once an error is found, and ids are borrowed from the submission.
use super::same_label;
use super::{Design, IdIndex, Link, Placed};
use crate::drill_kind::DrillKind;
use crate::error::DrillError;
use crate::submission::{only, too_large, Connection, Submission, MAX_TEXT};
use std::borrow::Cow;

fn unknown(field: String, what: &str, id: &str) -> DrillError {
    DrillError::UnknownId {
        field,
        what: what.to_string(),
        id: id.to_string(),
    }
}

fn not_allowed(field: String, message: String) -> DrillError {
    DrillError::NotAllowed { field, message }
}

/// `kind` is the drill's, named in the error when the submission holds another kind's fields.
pub(crate) fn read<'a>(
    kind: DrillKind,
    design: &Design,
    sub: &'a Submission,
) -> Result<(Vec<Placed<'a>>, Vec<Link<'a>>), DrillError> {
    only(kind, sub, &["components", "connections"])?;
    if sub.components.len() > design.max_components {
        return Err(too_large("components", design.max_components));
    }
    if sub.connections.len() > super::MAX_CONNECTIONS {
        return Err(too_large("connections", super::MAX_CONNECTIONS));
    }
    let ids = IdIndex::new(sub.components.iter().map(|c| c.id.as_str()));
    let comps = components(design, sub, &ids)?;
    // Every end is a placed component (its id checked above) or a kept node.
    let known = |end: &str| ids.get(end).is_some() || design.kept.iter().any(|k| k == end);
    let mut links = Vec::with_capacity(sub.connections.len());
    for (i, c) in sub.connections.iter().enumerate() {
        let field = |name: &str| format!("connections[{i}].{name}");
        for (end, name) in [(&c.from, "from"), (&c.to, "to")] {
            if end.len() > MAX_TEXT {
                return Err(too_large(&field(name), MAX_TEXT));
            }
            if !known(end) {
                return Err(unknown(field(name), "placed component or fixed node", end));
            }
        }
        if c.from == c.to {
            return Err(not_allowed(
                field("to"),
                "a component cannot connect to itself".into(),
            ));
        }
        links.push(Link {
            from: Cow::Borrowed(&c.from),
            to: Cow::Borrowed(&c.to),
            label: label(design, c, field)?,
        });
    }
    Ok((comps, links))
}

/// The index of a connection's label in the drill's list; `field` names the field in an error.
fn label(
    design: &Design,
    c: &Connection,
    field: impl Fn(&str) -> String,
) -> Result<Option<u16>, DrillError> {
    let Some(l) = c.label.as_deref().map(str::trim).filter(|l| !l.is_empty()) else {
        return Ok(None);
    };
    if l.chars().count() > MAX_TEXT {
        return Err(too_large(&field("label"), MAX_TEXT));
    }
    match design.labels.iter().position(|o| same_label(o, l)) {
        Some(k) => Ok(Some(k as u16)),
        None => Err(unknown(field("label"), "connection label", l)),
    }
}

fn components<'a>(
    design: &Design,
    sub: &'a Submission,
    ids: &IdIndex,
) -> Result<Vec<Placed<'a>>, DrillError> {
    let mut out: Vec<Placed> = Vec::with_capacity(sub.components.len());
    // A component repeats an id when an earlier one has it; every earlier one passed its checks
    // (or its error came first), as when ids were collected into a set along the loop.
    let mut repeats = vec![false; sub.components.len()];
    for i in ids.repeats() {
        repeats[i] = true;
    }
    let mut used = vec![0u32; design.cards.len()];
    for (i, c) in sub.components.iter().enumerate() {
        let field = |f: &str| format!("components[{i}].{f}");
        if c.id.is_empty() || c.id.len() > 64 {
            return Err(not_allowed(
                field("id"),
                "an id has 1 to 64 characters".into(),
            ));
        }
        if design.kept.contains(&c.id) || design.topo.index(&c.id).is_some() {
            return Err(not_allowed(
                field("id"),
                format!("{:?} is already an id of the canvas", c.id),
            ));
        }
        if repeats[i] {
            return Err(DrillError::Duplicate {
                field: field("id"),
                id: c.id.clone(),
            });
        }
        if c.card.len() > MAX_TEXT {
            return Err(too_large(&field("card"), MAX_TEXT));
        }
        let card = design
            .cards
            .iter()
            .position(|k| k.id == c.card)
            .ok_or_else(|| unknown(field("card"), "palette card", &c.card))?;
        used[card] += 1;
        if let Some(max) = design.cards[card].max.filter(|&m| used[card] > m) {
            return Err(not_allowed(
                field("card"),
                format!(
                    "card {:?} ({}) may be placed at most {max} times",
                    c.card, design.cards[card].label
                ),
            ));
        }
        if c.place.len() > MAX_TEXT {
            return Err(too_large(&field("in"), MAX_TEXT));
        }
        let place = design
            .topo
            .index(&c.place)
            .filter(|p| design.places.contains(p))
            .ok_or_else(|| unknown(field("in"), "place", &c.place))?;
        out.push(Placed {
            id: Cow::Borrowed(&c.id),
            card,
            place,
        });
    }
    Ok(out)
}
