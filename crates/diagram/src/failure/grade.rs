//! Grades a failure drill. Score = (components marked right − penalty × components marked that keep
//! serving + the question scores) / (components that fail + questions), in [0, 1].
use super::{Failure, QuestionKind};
use crate::drill_kind::DrillKind;
use crate::error::DrillError;
use crate::result::{rating, GradeResult, QuestionResult, SlotResult, SlotStatus};
use crate::sequence::longest_run;
use crate::submission::{only, too_large, Submission, MAX_TEXT};

const STOPS: &str = "stops serving";
const SERVES: &str = "keeps serving";

fn unknown(field: String, what: &str, id: &str) -> DrillError {
    DrillError::UnknownId {
        field,
        what: what.to_string(),
        id: id.to_string(),
    }
}

/// What the learner gave: which components are down, and per question the option indexes.
pub(crate) struct Answer {
    pub down: Vec<bool>,
    pub picks: Vec<Vec<usize>>,
}

/// `kind` is the drill's, named in the error when the submission holds another kind's fields.
pub(crate) fn read(kind: DrillKind, f: &Failure, sub: &Submission) -> Result<Answer, DrillError> {
    only(kind, sub, &["down", "choices", "orders"])?;
    let down = read_down(f, sub)?;
    let mut picks: Vec<Vec<usize>> = vec![Vec::new(); f.questions.len()];
    if sub.choices.len() + sub.orders.len() > f.questions.len() {
        return Err(too_large("choices", f.questions.len()));
    }
    let entries = sub
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                format!("choices[{i}]"),
                &c.question,
                std::slice::from_ref(&c.option),
                QuestionKind::Choice,
            )
        })
        .chain(sub.orders.iter().enumerate().map(|(i, o)| {
            (
                format!("orders[{i}]"),
                &o.question,
                o.steps.as_slice(),
                QuestionKind::Order,
            )
        }));
    for (field, qid, options, kind) in entries {
        let q = read_question(f, &field, qid, kind, &picks)?;
        picks[q] = read_options(f, q, &field, options, kind)?;
    }
    Ok(Answer { down, picks })
}

/// The components the learner marked as stopping, as one flag per component.
fn read_down(f: &Failure, sub: &Submission) -> Result<Vec<bool>, DrillError> {
    let mut down = vec![false; f.components.len()];
    if sub.down.len() > f.components.len() {
        return Err(too_large("down", f.components.len()));
    }
    for (i, id) in sub.down.iter().enumerate() {
        let field = format!("down[{i}]");
        if id.len() > MAX_TEXT {
            return Err(too_large(&field, MAX_TEXT));
        }
        let c = f
            .component(id)
            .ok_or_else(|| unknown(field.clone(), "component", id))?;
        if std::mem::replace(&mut down[c], true) {
            return Err(DrillError::Duplicate {
                field,
                id: id.clone(),
            });
        }
    }
    Ok(down)
}

/// The question an answer entry names: known, of the entry's kind, answered once.
fn read_question(
    f: &Failure,
    field: &str,
    qid: &str,
    kind: QuestionKind,
    picks: &[Vec<usize>],
) -> Result<usize, DrillError> {
    let qf = format!("{field}.question");
    if qid.len() > MAX_TEXT {
        return Err(too_large(&qf, MAX_TEXT));
    }
    let q = f
        .question(qid)
        .ok_or_else(|| unknown(qf.clone(), "question", qid))?;
    if f.questions[q].kind != kind {
        let want = if kind == QuestionKind::Choice {
            "orders"
        } else {
            "choices"
        };
        return Err(DrillError::NotAllowed {
            field: qf,
            message: format!("question {qid:?} is answered in `{want}`"),
        });
    }
    if !picks[q].is_empty() {
        return Err(DrillError::Duplicate {
            field: qf,
            id: qid.to_string(),
        });
    }
    Ok(q)
}

/// The option (a choice) or the steps in order (an ordering) of question `q`, as indexes.
fn read_options(
    f: &Failure,
    q: usize,
    field: &str,
    options: &[String],
    kind: QuestionKind,
) -> Result<Vec<usize>, DrillError> {
    if options.len() > f.questions[q].options.len() {
        return Err(too_large(field, f.questions[q].options.len()));
    }
    let mut picked = Vec::with_capacity(options.len());
    for (k, o) in options.iter().enumerate() {
        let of = if kind == QuestionKind::Choice {
            format!("{field}.option")
        } else {
            format!("{field}.steps[{k}]")
        };
        let idx = f.questions[q]
            .options
            .iter()
            .position(|x| &x.id == o)
            .ok_or_else(|| unknown(of.clone(), "option", o))?;
        if picked.contains(&idx) {
            return Err(DrillError::Duplicate {
                field: of,
                id: o.clone(),
            });
        }
        picked.push(idx);
    }
    Ok(picked)
}

/// Grades `sub` for the failure drill `drill_id` of `kind` (the drill's own fields, not the
/// `Drill`, which sits above this module).
pub(crate) fn grade(
    drill_id: &str,
    kind: DrillKind,
    f: &Failure,
    sub: &Submission,
) -> Result<GradeResult, DrillError> {
    let a = read(kind, f, sub)?;
    let mut slots = Vec::with_capacity(f.components.len());
    let (mut right, mut wrong) = (0.0, 0.0);
    for (c, &marked) in f.components.iter().zip(&a.down) {
        let status = match (marked, c.fails) {
            (true, true) => {
                right += 1.0;
                SlotStatus::Correct
            }
            (true, false) => {
                wrong += 1.0;
                SlotStatus::Wrong
            }
            (false, true) => SlotStatus::Empty,
            (false, false) => SlotStatus::Correct,
        };
        let plain = match status {
            SlotStatus::Wrong => format!("{} keeps serving through this event.", c.label),
            SlotStatus::Empty => format!("{} stops serving: mark it too.", c.label),
            SlotStatus::Correct => String::new(),
        };
        slots.push(SlotResult {
            slot: c.id.clone(),
            status,
            given: if marked {
                vec![STOPS.to_string()]
            } else {
                Vec::new()
            },
            expected: vec![if c.fails { STOPS } else { SERVES }.to_string()],
            reason: (status != SlotStatus::Correct).then(|| c.explain.clone().unwrap_or(plain)),
        });
    }
    let questions: Vec<QuestionResult> = f
        .questions
        .iter()
        .zip(&a.picks)
        .map(|(q, picked)| question(q, picked))
        .collect();
    let fails = f.components.iter().filter(|c| c.fails).count();
    let max = fails + f.questions.len();
    let points = right - f.penalty * wrong + questions.iter().map(|q| q.score).sum::<f64>();
    let score = if max == 0 {
        0.0
    } else {
        (points / max as f64).clamp(0.0, 1.0)
    };
    let count = |s: SlotStatus| slots.iter().filter(|r| r.status == s).count() as u32;
    Ok(GradeResult {
        drill_id: drill_id.to_string(),
        score,
        rating: rating(score),
        points,
        max_points: max as u32,
        correct: count(SlotStatus::Correct),
        wrong: count(SlotStatus::Wrong),
        empty: count(SlotStatus::Empty),
        slots,
        rules: Vec::new(),
        questions,
    })
}

fn question(q: &super::Question, picked: &[usize]) -> QuestionResult {
    let given = picked.iter().map(|&i| q.options[i].text.clone()).collect();
    let (score, expected, feedback) = match q.kind {
        QuestionKind::Choice => {
            let right = q.options.iter().position(|o| o.right).unwrap_or(0);
            let chosen = picked.first().copied();
            let score = if chosen == Some(right) { 1.0 } else { 0.0 };
            let feedback = chosen
                .filter(|&c| c != right)
                .and_then(|c| q.options[c].feedback.clone());
            (score, vec![q.options[right].text.clone()], feedback)
        }
        QuestionKind::Order => {
            // rank[k] = which step the learner's k-th pick is.
            let rank: Vec<Option<usize>> = picked
                .iter()
                .map(|&o| q.right_order.iter().position(|&r| r == o))
                .collect();
            let run = longest_run(&rank).len();
            let score = run as f64 / q.right_order.len() as f64;
            let expected = q
                .right_order
                .iter()
                .map(|&o| q.options[o].text.clone())
                .collect();
            (score, expected, None)
        }
    };
    QuestionResult {
        question: q.id.clone(),
        prompt: q.prompt.clone(),
        score,
        given,
        expected,
        feedback,
        explanation: q.explanation.clone(),
    }
}
