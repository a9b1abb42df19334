//! Grading, in pure Rust. Score = right answers minus `penalty` for each wrong one (a placed distractor
//! is a wrong one), floored at 0, over the most a learner could score; all-or-nothing drills give 1 or
//! 0. Interchangeable slots are graded under whichever swap of their answers suits the learner best,
//! so mirror-image AZs accept either assignment. Order drills score the longest run of steps in the
//! right relative order (see sequence.rs).
use crate::answers::{read, Given};
use crate::drill::{Drill, Play};
use crate::drill_kind::DrillKind;
use crate::error::DrillError;
use crate::normalize::key;
pub use crate::result::{rating, GradeResult, SlotResult, SlotStatus};
use crate::sequence::longest_run;
use crate::submission::Submission;
use crate::Library;

pub fn grade(lib: &Library, drill_id: &str, sub: &Submission) -> Result<GradeResult, DrillError> {
    let drill = lib
        .drill(drill_id)
        .ok_or_else(|| DrillError::UnknownDrill {
            id: drill_id.to_string(),
        })?;
    let diagram = lib
        .diagram(&drill.diagram)
        .ok_or_else(|| DrillError::UnknownDrill {
            id: drill_id.to_string(),
        })?;
    match &drill.play {
        Play::Design(design) => {
            return crate::design::grade::grade(&drill.id, drill.kind, design, diagram, sub)
        }
        Play::Failure(failure) => {
            return crate::failure::grade::grade(&drill.id, drill.kind, failure, sub)
        }
        Play::Slots => {}
    }
    let given = read(drill, sub)?;
    Ok(match drill.kind {
        DrillKind::Order => grade_order(drill, &given),
        _ => grade_slots(drill, &given),
    })
}

/// How one slot's answers fare against one slot's right answers.
struct Fit {
    matched: usize,
    extra: Vec<usize>,
    missing: Vec<usize>,
}

fn fit(given: &[Given], accepted: &[String], many: bool) -> Fit {
    if !many {
        // One answer, any of the accepted spellings (recall aliases) counts.
        let ok = given.first().is_some_and(|g| accepted.contains(&g.key));
        return Fit {
            matched: usize::from(ok),
            extra: if ok || given.is_empty() {
                Vec::new()
            } else {
                vec![0]
            },
            missing: if ok { Vec::new() } else { vec![0] },
        };
    }
    // A zone: match given items against expected ones as multisets.
    let mut open: Vec<Option<&String>> = accepted.iter().map(Some).collect();
    let mut extra = Vec::new();
    for (i, g) in given.iter().enumerate() {
        match open.iter_mut().find(|o| o.is_some_and(|k| *k == g.key)) {
            Some(slot) => *slot = None,
            None => extra.push(i),
        }
    }
    let missing: Vec<usize> = open
        .iter()
        .enumerate()
        .filter(|(_, o)| o.is_some())
        .map(|(i, _)| i)
        .collect();
    Fit {
        matched: given.len() - extra.len(),
        extra,
        missing,
    }
}

fn points(f: &Fit, penalty: f64) -> f64 {
    f.matched as f64 - penalty * f.extra.len() as f64
}

/// Label, place and recall drills.
fn grade_slots(drill: &Drill, given: &[Vec<Given>]) -> GradeResult {
    // `judge[i]` = whose right answers slot i is graded against (itself unless swapped).
    let mut judge: Vec<usize> = (0..drill.slots.len()).collect();
    for set in &drill.interchangeable {
        let score = |perm: &[usize]| -> f64 {
            set.iter()
                .zip(perm)
                .map(|(&m, &p)| {
                    points(
                        &fit(
                            &given[m],
                            &drill.slots[set[p]].accepted,
                            drill.slots[m].accepts_many,
                        ),
                        drill.penalty,
                    )
                })
                .sum()
        };
        let mut best: Vec<usize> = (0..set.len()).collect();
        let mut best_score = score(&best);
        let mut perm = best.clone();
        while next_permutation(&mut perm) {
            let s = score(&perm);
            if s > best_score + 1e-9 {
                best_score = s;
                best.clone_from(&perm);
            }
        }
        for (&m, &p) in set.iter().zip(&best) {
            judge[m] = set[p];
        }
    }
    let mut total = 0.0;
    let mut max = 0;
    let mut slots = Vec::new();
    for (i, slot) in drill.slots.iter().enumerate() {
        let target = &drill.slots[judge[i]];
        let f = fit(&given[i], &target.accepted, slot.accepts_many);
        total += points(&f, drill.penalty);
        max += if slot.accepts_many {
            target.accepted.len()
        } else {
            1
        };
        let status = if given[i].is_empty() && !target.expected.is_empty() {
            SlotStatus::Empty
        } else if f.extra.is_empty() && f.missing.is_empty() {
            SlotStatus::Correct
        } else {
            SlotStatus::Wrong
        };
        let reason = (status != SlotStatus::Correct)
            .then(|| reason(drill, i, &given[i], &f, target.expected.as_slice()));
        slots.push(SlotResult {
            slot: slot.id.clone(),
            status,
            given: given[i].iter().map(|g| g.text.clone()).collect(),
            expected: target.expected.clone(),
            reason,
        });
    }
    finish(drill, total, max as u32, slots)
}

fn reason(drill: &Drill, slot: usize, given: &[Given], f: &Fit, expected: &[String]) -> String {
    let misconception = |g: &Given| {
        drill
            .misconceptions
            .iter()
            .find(|m| m.slot == slot && m.key == g.key)
            .map(|m| m.feedback.clone())
    };
    let mut parts: Vec<String> = Vec::new();
    for &e in &f.extra {
        let g = &given[e];
        parts.push(
            misconception(g).unwrap_or_else(|| match (drill.kind, g.distractor) {
                (DrillKind::Place, true) => format!("{} belongs in none of these zones.", g.text),
                (DrillKind::Place, false) if expected.iter().any(|e| key(e) == g.key) => {
                    format!("There is one {} too many here.", g.text)
                }
                (DrillKind::Place, false) => format!("{} does not belong here.", g.text),
                (_, true) => format!("{} is not part of this design.", g.text),
                (DrillKind::Recall, _) => format!("{:?} is not a name for this component.", g.text),
                _ => format!("{} does not go here.", g.text),
            }),
        );
    }
    if given.is_empty() {
        parts.push(if drill.kind == DrillKind::Recall {
            "Left blank.".into()
        } else {
            "Nothing was placed here.".into()
        });
    } else if drill.kind == DrillKind::Place && !f.missing.is_empty() {
        let names: Vec<&str> = f.missing.iter().map(|&m| expected[m].as_str()).collect();
        parts.push(format!("Missing here: {}.", names.join(", ")));
    }
    parts.join(" ")
}

/// Order drills: the learner's sequence is scored by its longest run of steps in the right relative
/// order (a longest increasing subsequence). Chosen over "right position" scoring because one step
/// inserted early shifts every later step off its position and would score them all as wrong, though
/// the learner knew their order; a run in the right relative order is what understanding a flow means.
fn grade_order(drill: &Drill, given: &[Vec<Given>]) -> GradeResult {
    let rank: Vec<Option<usize>> = given
        .iter()
        .map(|g| {
            g.first()
                .and_then(|g| drill.slots.iter().position(|s| s.accepted[0] == g.key))
        })
        .collect();
    let keep = longest_run(&rank);
    let mut slots = Vec::new();
    for (i, slot) in drill.slots.iter().enumerate() {
        let (status, reason) = match (given[i].first(), rank[i]) {
            (None, _) => (
                SlotStatus::Empty,
                Some("No step was put in this position.".to_string()),
            ),
            (Some(_), _) if keep.contains(&i) => (SlotStatus::Correct, None),
            (Some(g), Some(r)) => {
                let known = drill
                    .misconceptions
                    .iter()
                    .find(|m| m.slot == i && m.key == g.key);
                let why = known.map(|m| m.feedback.clone()).unwrap_or_else(|| {
                    format!("{} is out of order: it is step {}.", g.text, r + 1)
                });
                (SlotStatus::Wrong, Some(why))
            }
            (Some(g), None) => (
                SlotStatus::Wrong,
                Some(format!("{} is not a step of this flow.", g.text)),
            ),
        };
        slots.push(SlotResult {
            slot: slot.id.clone(),
            status,
            given: given[i].iter().map(|g| g.text.clone()).collect(),
            expected: slot.expected.clone(),
            reason,
        });
    }
    finish(drill, keep.len() as f64, drill.slots.len() as u32, slots)
}

fn finish(drill: &Drill, points: f64, max: u32, slots: Vec<SlotResult>) -> GradeResult {
    let count = |s: SlotStatus| slots.iter().filter(|r| r.status == s).count() as u32;
    let (correct, wrong, empty) = (
        count(SlotStatus::Correct),
        count(SlotStatus::Wrong),
        count(SlotStatus::Empty),
    );
    let score = if drill.all_or_nothing {
        if wrong == 0 && empty == 0 {
            1.0
        } else {
            0.0
        }
    } else if max == 0 {
        0.0
    } else {
        (points / f64::from(max)).clamp(0.0, 1.0)
    };
    GradeResult {
        drill_id: drill.id.clone(),
        score,
        rating: rating(score),
        points,
        max_points: max,
        correct,
        wrong,
        empty,
        slots,
        rules: Vec::new(),
        questions: Vec::new(),
    }
}

/// Steps `p` to the next permutation in lexicographic order; false after the last.
fn next_permutation(p: &mut [usize]) -> bool {
    let Some(i) = (1..p.len()).rev().find(|&i| p[i - 1] < p[i]) else {
        return false;
    };
    let j = (i..p.len())
        .rev()
        .find(|&j| p[j] > p[i - 1])
        .expect("p[i] qualifies");
    p.swap(i - 1, j);
    p[i..].reverse();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_follow_the_documented_bands() {
        assert_eq!(
            [0.0, 0.49, 0.5, 0.79, 0.8, 0.99, 1.0].map(rating),
            [1, 1, 2, 2, 3, 3, 4]
        );
    }

    #[test]
    fn permutations_start_at_the_identity_and_cover_all() {
        let mut p = vec![0, 1, 2];
        let mut seen = vec![p.clone()];
        while next_permutation(&mut p) {
            seen.push(p.clone());
        }
        assert_eq!(seen.len(), 6);
        assert_eq!(seen.last(), Some(&vec![2, 1, 0]));
    }
}
