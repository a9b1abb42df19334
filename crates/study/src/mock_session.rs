//! A mock interview run by the backend: the UI says "answered", "next", "these are my ticks" and
//! "finished"; the clock, the time used and the rubric size come from here, never from the UI.
//!
//! A mock moves through its questions in order: question k is shown (stamped `shown_at`), answered
//! (`answered_at`, the time used measured between the two), then question k+1 is shown. Grading may
//! happen any time after a question is answered, also after the mock is finished (to correct a tick).
use crate::mock::{from_record, mock_record, Mock};
use crate::review::points_json;
use crate::{Now, StudyError};
use archdrill_store::{MockRecord, Store};

/// A typed answer kept with the mock. The app checks the same limit with a friendlier message first.
pub const MAX_MOCK_ANSWER_CHARS: usize = 20_000;

/// Stores the answer to the question being asked (its text, if any was typed) and stamps when it was
/// answered. The time used is measured from when the question was shown, capped at the mock's time
/// box: the countdown ends the answer there, so time past it (the app closed mid-question, say) is
/// not answering time.
pub fn answer_mock(
    store: &mut Store,
    mock_id: &str,
    answer: Option<&str>,
    now: Now,
) -> Result<Mock, StudyError> {
    let mut r = mock_record(store, mock_id)?;
    refuse_finished(&r)?;
    let pos = current(&r)?;
    let limit = r.minutes_per_answer.saturating_mul(60);
    let a = &mut r.answers[pos];
    if a.answered_at.is_some() {
        return Err(StudyError::invalid(
            "mockId",
            format!(
                "question {} is already answered; move on to the next",
                pos + 1
            ),
        ));
    }
    let text = answer.map(str::trim).filter(|t| !t.is_empty());
    if let Some(t) = text {
        let chars = t.chars().count();
        if chars > MAX_MOCK_ANSWER_CHARS {
            return Err(StudyError::invalid(
                "answer",
                format!("is {chars} characters; at most {MAX_MOCK_ANSWER_CHARS}"),
            ));
        }
    }
    let shown = a.shown_at.unwrap_or(r.started_at);
    // A clock that went back since the question was shown counts as no time, not negative time.
    let answered = now.unix_ms.max(shown);
    a.answer = text.map(str::to_string);
    a.answered_at = Some(answered);
    a.seconds_used = seconds_between(shown, answered).min(limit);
    let row = a.clone();
    store.update_mock_answer(mock_id, pos, &row)?;
    from_record(r)
}

/// Shows the question after the one just answered (stamping `shown_at`).
pub fn next_mock_question(store: &mut Store, mock_id: &str, now: Now) -> Result<Mock, StudyError> {
    let mut r = mock_record(store, mock_id)?;
    refuse_finished(&r)?;
    let pos = current(&r)?;
    if r.answers[pos].answered_at.is_none() {
        return Err(StudyError::invalid(
            "mockId",
            format!("question {} has not been answered yet", pos + 1),
        ));
    }
    let next = pos + 1;
    if next >= r.answers.len() {
        return Err(StudyError::invalid(
            "mockId",
            format!("question {} was the last; finish the mock instead", pos + 1),
        ));
    }
    let a = &mut r.answers[next];
    a.shown_at = Some(now.unix_ms.max(r.started_at));
    let row = a.clone();
    store.update_mock_answer(mock_id, next, &row)?;
    from_record(r)
}

/// Records the learner's confirmed ticks for the answer at `position`. `points_total` is the
/// question's rubric size in the bank (the caller looks it up), or `None` for a question no longer
/// there, which keeps the size stored when it was asked.
pub fn grade_mock_answer(
    store: &mut Store,
    mock_id: &str,
    position: u32,
    points: &[u32],
    points_total: Option<u32>,
) -> Result<Mock, StudyError> {
    let mut r = mock_record(store, mock_id)?;
    let count = r.answers.len();
    let pos = usize::try_from(position).unwrap_or(usize::MAX);
    let Some(a) = r.answers.get_mut(pos) else {
        return Err(StudyError::invalid(
            "position",
            format!("{position} is not a question of this mock (it has {count})"),
        ));
    };
    // Mocks from before sessions were graded without timestamps; they stay gradeable.
    if a.answered_at.is_none() && !a.graded {
        return Err(StudyError::invalid(
            "position",
            format!("question {} has not been answered yet", pos + 1),
        ));
    }
    let total = points_total.unwrap_or(a.points_total);
    a.points = points_json(points, total)?;
    a.points_total = total;
    a.graded = true;
    let row = a.clone();
    store.update_mock_answer(mock_id, pos, &row)?;
    from_record(r)
}

/// Stamps the end of the mock. Questions not reached stay unasked and count for nothing.
pub fn finish_mock(store: &mut Store, mock_id: &str, now: Now) -> Result<Mock, StudyError> {
    let mut r = mock_record(store, mock_id)?;
    refuse_finished(&r)?;
    let at = now.unix_ms.max(r.started_at);
    store.set_mock_finished(mock_id, at)?;
    r.finished_at = Some(at);
    from_record(r)
}

fn refuse_finished(r: &MockRecord) -> Result<(), StudyError> {
    if r.finished_at.is_some() {
        return Err(StudyError::invalid(
            "mockId",
            format!(
                "mock {} is finished; its answers can no longer change",
                r.id
            ),
        ));
    }
    Ok(())
}

/// The question last shown; a mock saved before sessions has none and cannot be answered.
fn current(r: &MockRecord) -> Result<usize, StudyError> {
    r.answers
        .iter()
        .rposition(|a| a.shown_at.is_some())
        .ok_or_else(|| {
            StudyError::invalid(
                "mockId",
                format!("mock {} has no question being asked", r.id),
            )
        })
}

/// Whole seconds from `from` to `to` (unix ms), rounded to the nearest.
fn seconds_between(from: i64, to: i64) -> u32 {
    let ms = to.saturating_sub(from).max(0);
    u32::try_from(ms.saturating_add(500) / 1000).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_round_and_never_go_negative() {
        assert_eq!(seconds_between(1_000, 1_499), 0);
        assert_eq!(seconds_between(1_000, 1_500), 1);
        assert_eq!(seconds_between(1_000, 91_000), 90);
        assert_eq!(seconds_between(5_000, 1_000), 0);
    }
}
