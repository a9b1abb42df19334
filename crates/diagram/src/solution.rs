//! One fully right submission for any drill, built from the drill itself: what
//! `archdrill drill <id> --solution` prints, and what tests feed back to the grader to prove every
//! drill can be scored 1.
use crate::drill::{Drill, Play};
use crate::drill_kind::DrillKind;
use crate::error::DrillError;
use crate::failure::QuestionKind;
use crate::submission::{
    Choice, Connection, PlacedComponent, Placement, StepOrder, Submission, TypedAnswer,
};
use crate::Library;

pub fn solution(lib: &Library, drill_id: &str) -> Result<Submission, DrillError> {
    let drill = lib
        .drill(drill_id)
        .ok_or_else(|| DrillError::UnknownDrill {
            id: drill_id.to_string(),
        })?;
    Ok(match &drill.play {
        Play::Design(d) => Submission {
            components: d
                .model
                .iter()
                .map(|m| PlacedComponent {
                    id: m.id.to_string(),
                    card: d.cards[m.card].id.clone(),
                    place: d.topo.places[m.place].id.clone(),
                })
                .collect(),
            connections: d
                .model_links
                .iter()
                .map(|l| Connection {
                    from: l.from.to_string(),
                    to: l.to.to_string(),
                    label: l.label.map(|k| d.labels[k as usize].clone()),
                })
                .collect(),
            ..Submission::default()
        },
        Play::Failure(f) => Submission {
            down: f
                .components
                .iter()
                .filter(|c| c.fails)
                .map(|c| c.id.clone())
                .collect(),
            choices: f
                .questions
                .iter()
                .filter(|q| q.kind == QuestionKind::Choice)
                .filter_map(|q| {
                    let o = q.options.iter().find(|o| o.right)?;
                    Some(Choice {
                        question: q.id.clone(),
                        option: o.id.clone(),
                    })
                })
                .collect(),
            orders: f
                .questions
                .iter()
                .filter(|q| q.kind == QuestionKind::Order)
                .map(|q| StepOrder {
                    question: q.id.clone(),
                    steps: q
                        .right_order
                        .iter()
                        .map(|&o| q.options[o].id.clone())
                        .collect(),
                })
                .collect(),
            ..Submission::default()
        },
        Play::Slots => slots(drill),
    })
}

/// Label, place, order and recall: each slot gets one right answer, no bank card used twice.
fn slots(drill: &Drill) -> Submission {
    match drill.kind {
        DrillKind::Recall => Submission {
            answers: drill
                .slots
                .iter()
                .filter_map(|s| {
                    Some(TypedAnswer {
                        slot: s.id.clone(),
                        text: s.expected.first()?.clone(),
                    })
                })
                .collect(),
            ..Submission::default()
        },
        DrillKind::Order => {
            let mut used = vec![false; drill.bank.len()];
            let order = drill
                .slots
                .iter()
                .filter_map(|s| {
                    take(
                        drill,
                        &mut used,
                        &crate::normalize::key(s.expected.first()?),
                    )
                })
                .collect();
            Submission {
                order,
                ..Submission::default()
            }
        }
        _ => {
            let mut used = vec![false; drill.bank.len()];
            let mut placements = Vec::new();
            for s in &drill.slots {
                for want in &s.expected {
                    if let Some(label) = take(drill, &mut used, &crate::normalize::key(want)) {
                        placements.push(Placement {
                            slot: s.id.clone(),
                            label,
                        });
                    }
                }
            }
            Submission {
                placements,
                ..Submission::default()
            }
        }
    }
}

/// The first unused bank card whose text means `key`.
fn take(drill: &Drill, used: &mut [bool], key: &str) -> Option<String> {
    let i = (0..drill.bank.len()).find(|&i| !used[i] && drill.bank[i].key == key)?;
    used[i] = true;
    Some(drill.bank[i].id.clone())
}
