//! A learner's design, checked before grading: sizes capped, every card, place and connection end
//! known, ids unique and clear of the canvas's, card limits kept, labels from the drill's list.
//! Each failure names the field at fault; nothing here panics on any input.
use super::same_label;
use super::{Design, Link, Placed};
use crate::drill_kind::DrillKind;
use crate::error::DrillError;
use crate::submission::{only, too_large, Submission, MAX_TEXT};
use std::collections::HashSet;

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
pub(crate) fn read(
    kind: DrillKind,
    design: &Design,
    sub: &Submission,
) -> Result<(Vec<Placed>, Vec<Link>), DrillError> {
    only(kind, sub, &["components", "connections"])?;
    if sub.components.len() > design.max_components {
        return Err(too_large("components", design.max_components));
    }
    if sub.connections.len() > super::MAX_CONNECTIONS {
        return Err(too_large("connections", super::MAX_CONNECTIONS));
    }
    let comps = components(design, sub)?;
    let mut ids: HashSet<&str> = comps.iter().map(|c| c.id.as_str()).collect();
    ids.extend(design.kept.iter().map(String::as_str));
    let mut links = Vec::with_capacity(sub.connections.len());
    for (i, c) in sub.connections.iter().enumerate() {
        for (end, name) in [(&c.from, "from"), (&c.to, "to")] {
            let field = format!("connections[{i}].{name}");
            if end.len() > MAX_TEXT {
                return Err(too_large(&field, MAX_TEXT));
            }
            if !ids.contains(end.as_str()) {
                return Err(unknown(field, "placed component or fixed node", end));
            }
        }
        if c.from == c.to {
            return Err(not_allowed(
                format!("connections[{i}].to"),
                "a component cannot connect to itself".into(),
            ));
        }
        let label = match c.label.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => None,
            Some(l) if l.chars().count() > MAX_TEXT => {
                return Err(too_large(&format!("connections[{i}].label"), MAX_TEXT))
            }
            Some(l) => match design.labels.iter().position(|o| same_label(o, l)) {
                Some(k) => Some(k as u16),
                None => {
                    return Err(unknown(
                        format!("connections[{i}].label"),
                        "connection label",
                        l,
                    ))
                }
            },
        };
        links.push(Link {
            from: c.from.clone(),
            to: c.to.clone(),
            label,
        });
    }
    Ok((comps, links))
}

fn components(design: &Design, sub: &Submission) -> Result<Vec<Placed>, DrillError> {
    let mut out: Vec<Placed> = Vec::with_capacity(sub.components.len());
    let mut seen: HashSet<&str> = HashSet::new();
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
        if !seen.insert(c.id.as_str()) {
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
            id: c.id.clone(),
            card,
            place,
        });
    }
    Ok(out)
}
