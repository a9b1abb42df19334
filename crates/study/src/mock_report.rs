//! What a mock's report says beyond the raw answers: how long an answer at each level is expected to
//! take, and which key points were missed in the weakest answers.
use crate::mock::{ticked, Mock};
use archdrill_domain::{Level, Question};
use serde::Serialize;
use specta::Type;

/// How long an interviewer expects a spoken answer to take, by the question's level. This is not the
/// mock's `minutes_per_answer`: that is the time box the learner chose for the countdown (often
/// generous while practising), whereas this is the pace of a real interview, where a mid-level answer
/// gets about four minutes and a senior one, which must weigh trade-offs and failure modes, about six
/// before the interviewer moves on. The report shows time used against this figure.
pub fn expected_answer_seconds(level: Level) -> u32 {
    match level {
        Level::Mid => 4 * 60,
        Level::Senior => 6 * 60,
    }
}

/// At most this many weakest key points are reported: a short list is one the learner acts on.
pub const MAX_WEAK_POINTS: usize = 8;

/// A key point the learner missed, with the question it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WeakPoint {
    /// The question's 0-based position in the mock.
    pub position: u32,
    pub question_id: String,
    pub prompt: String,
    /// The key point's index in the rubric, and its text.
    pub point: u32,
    pub text: String,
    /// The coverage of that answer, 0–1.
    pub answer_coverage: f64,
}

/// The key points missed in graded answers, weakest answers first (lowest coverage, then the order
/// asked), each answer's points in rubric order, at most `MAX_WEAK_POINTS`. Within one mock each
/// point is asked once, so "missed most" means missed in the answers that covered least: those are
/// the gaps to study first. Questions no longer in the bank have no point texts and are skipped.
pub fn weakest_points<'a>(
    mock: &Mock,
    lookup: impl Fn(&str) -> Option<&'a Question>,
) -> Vec<WeakPoint> {
    let mut answers: Vec<(f64, usize, &Question)> = mock
        .answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.graded && a.points_total > 0)
        .filter_map(|(i, a)| {
            let q = lookup(&a.question_id)?;
            Some((f64::from(ticked(a)) / f64::from(a.points_total), i, q))
        })
        .collect();
    answers.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    answers
        .into_iter()
        .flat_map(|(share, i, q)| {
            let a = &mock.answers[i];
            q.key_points
                .iter()
                .enumerate()
                .filter(move |(k, _)| !a.points.iter().any(|&p| p as usize == *k))
                .map(move |(k, text)| WeakPoint {
                    position: i as u32,
                    question_id: q.id.clone(),
                    prompt: q.prompt.clone(),
                    point: k as u32,
                    text: text.clone(),
                    answer_coverage: share,
                })
        })
        .take(MAX_WEAK_POINTS)
        .collect()
}
