//! Recording a review, and what the learner sees while rating one.
use crate::schedule::{interval_label, Rating, Scheduler};
use crate::time::ms_to_ui;
use crate::{load_settings, Now, StudyError, DAY_MS};
use archdrill_store::{CardStateRecord, ReplayReview, ReviewRecord, Store};
use serde::{Deserialize, Serialize};
use specta::Type;

/// The most rubric points a card may have; anything larger is a bad input.
pub const MAX_POINTS: u32 = 1_000;
/// A review's duration is capped at a day: a window left open overnight is not study time.
const MAX_DURATION_MS: f64 = DAY_MS as f64;

/// What the UI sends when the learner rates a card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewInput {
    /// `q:<question id>` or `d:<drill id>`.
    pub card_id: String,
    pub rating: Rating,
    /// Time spent on the card, ms.
    pub duration_ms: f64,
    /// Indexes of the rubric points ticked.
    pub points: Vec<u32>,
    /// How many rubric points the card has (0 for none).
    pub points_total: u32,
    /// What the learner typed (or dictated) before revealing the model answer. Trimmed when
    /// recorded; blank is stored as none. Older callers that send no field mean none.
    #[serde(default)]
    pub answer: Option<String>,
}

/// What recording a review did.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewOutcome {
    pub review_id: String,
    pub card: CardStatus,
    /// From this review to the next due date, in days (fractional for the relearning step).
    pub interval_days: f64,
}

/// A card's scheduling state, for the UI.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CardStatus {
    pub card_id: String,
    /// Unix ms.
    pub due: f64,
    pub last_review: f64,
    pub stability_days: f64,
    /// FSRS difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f64,
    pub reps: u32,
    pub lapses: u32,
}

impl From<&CardStateRecord> for CardStatus {
    fn from(s: &CardStateRecord) -> Self {
        CardStatus {
            card_id: s.card_id.clone(),
            due: ms_to_ui(s.due),
            last_review: ms_to_ui(s.last_review),
            stability_days: s.stability,
            difficulty: s.difficulty,
            reps: s.reps,
            lapses: s.lapses,
        }
    }
}

/// One rating button: how long until the card comes back if chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct IntervalChoice {
    pub rating: Rating,
    pub interval_days: f64,
    /// Unix ms.
    pub due: f64,
    /// Short text for the button, e.g. "10m", "3d", "2.5mo".
    pub label: String,
}

/// The four buttons for the card under review (pre-select one with [`crate::suggest_rating`]).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NextIntervals {
    pub again: IntervalChoice,
    pub hard: IntervalChoice,
    pub good: IntervalChoice,
    pub easy: IntervalChoice,
}

/// Checks a card id's shape: `q:` or `d:` and a non-empty id of printable characters.
pub fn validate_card_id(card_id: &str) -> Result<(), StudyError> {
    let rest = card_id
        .strip_prefix("q:")
        .or_else(|| card_id.strip_prefix("d:"));
    match rest {
        Some(id) if !id.is_empty() && id.len() <= 200 && !id.chars().any(char::is_control) => {
            Ok(())
        }
        _ => Err(StudyError::invalid(
            "cardId",
            format!("{card_id:?} is not q:<question id> or d:<drill id>"),
        )),
    }
}

fn validate(input: &ReviewInput) -> Result<(i64, String), StudyError> {
    validate_card_id(&input.card_id)?;
    if !input.duration_ms.is_finite() || input.duration_ms < 0.0 {
        return Err(StudyError::invalid(
            "durationMs",
            "must be a time of 0 ms or more",
        ));
    }
    let points = points_json(&input.points, input.points_total)?;
    Ok((input.duration_ms.min(MAX_DURATION_MS) as i64, points))
}

/// Rubric ticks as stored: sorted, without repeats, each below `total`.
pub(crate) fn points_json(points: &[u32], total: u32) -> Result<String, StudyError> {
    if total > MAX_POINTS {
        return Err(StudyError::invalid(
            "pointsTotal",
            format!("at most {MAX_POINTS}"),
        ));
    }
    if let Some(p) = points.iter().find(|&&p| p >= total) {
        return Err(StudyError::invalid(
            "points",
            format!("point {p} is outside a rubric of {total}"),
        ));
    }
    let mut sorted = points.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    serde_json::to_string(&sorted).map_err(|e| StudyError::invalid("points", e.to_string()))
}

/// Records a review: the log row and the card's new state are committed together, before this
/// returns. `now` is when the learner rated the card.
///
/// A card's reviews are kept strictly in time order: if the clock went back since the card's last
/// review, this one is stamped 1 ms after it (and on the same day or later). The review's id is a
/// ULID of that time, so replaying the log in id order applies reviews in the order they were
/// recorded.
pub fn record_review(
    store: &mut Store,
    input: &ReviewInput,
    now: Now,
) -> Result<ReviewOutcome, StudyError> {
    let (duration_ms, points) = validate(input)?;
    let sched = Scheduler::new(&load_settings(store)?)?;
    let (review, state) = store.record_review_with(&input.card_id, |prev| {
        let (reviewed_at, day) = stamp(prev.as_ref(), now);
        let state = sched.apply(
            &input.card_id,
            prev.as_ref(),
            ReplayReview {
                reviewed_at,
                day,
                rating: input.rating.number(),
            },
        )?;
        let review = ReviewRecord {
            id: new_ulid(reviewed_at),
            card_id: input.card_id.clone(),
            reviewed_at,
            day,
            rating: input.rating.number(),
            duration_ms,
            points,
            points_total: input.points_total,
            elapsed_days: prev.as_ref().map(|p| day - p.last_day),
            answer: typed_answer(input.answer.as_deref()),
        };
        Ok::<_, StudyError>((review, state))
    })?;
    Ok(ReviewOutcome {
        review_id: review.id,
        interval_days: (state.due - state.last_review) as f64 / DAY_MS as f64,
        card: CardStatus::from(&state),
    })
}

/// A typed answer as stored: trimmed, and `None` when nothing but blanks was typed (the log never
/// holds an empty answer, so "typed something" is one test).
fn typed_answer(answer: Option<&str>) -> Option<String> {
    answer
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
}

/// When and on which local day a review at `now` is recorded: strictly after the card's previous
/// review, and never on an earlier day.
fn stamp(prev: Option<&CardStateRecord>, now: Now) -> (i64, i64) {
    match prev {
        Some(p) => {
            let at = now.unix_ms.max(p.last_review.saturating_add(1));
            (at, now.at(at).day().max(p.last_day))
        }
        None => (now.unix_ms, now.day()),
    }
}

pub(crate) use archdrill_domain::new_ulid;

/// What each rating would do to the card if chosen at `now` (for the buttons). Exactly what
/// [`record_review`] would then store.
pub fn next_intervals(store: &Store, card_id: &str, now: Now) -> Result<NextIntervals, StudyError> {
    validate_card_id(card_id)?;
    let sched = Scheduler::new(&load_settings(store)?)?;
    let prev = store.card_state(card_id)?;
    let (at, day) = stamp(prev.as_ref(), now);
    let outcomes = sched.outcomes(prev.as_ref(), day)?;
    let choice = |rating: Rating| {
        let wait = outcomes[usize::from(rating.number() - 1)].1;
        IntervalChoice {
            rating,
            interval_days: wait as f64 / DAY_MS as f64,
            due: ms_to_ui(at.saturating_add(wait)),
            label: interval_label(wait),
        }
    };
    Ok(NextIntervals {
        again: choice(Rating::Again),
        hard: choice(Rating::Hard),
        good: choice(Rating::Good),
        easy: choice(Rating::Easy),
    })
}

/// The card's scheduling state; `None` for a card never reviewed (or whose reviews were all undone).
pub fn card_status(store: &Store, card_id: &str) -> Result<Option<CardStatus>, StudyError> {
    Ok(store.card_state(card_id)?.as_ref().map(CardStatus::from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_ids_and_points_are_checked() {
        assert!(validate_card_id("q:vpc-basics").is_ok());
        assert!(validate_card_id("d:nat").is_ok());
        for bad in ["", "q:", "x:abc", "vpc", "q:a\nb"] {
            assert!(validate_card_id(bad).is_err(), "{bad:?}");
        }
        assert_eq!(points_json(&[3, 1, 3], 4).unwrap(), "[1,3]");
        assert_eq!(points_json(&[], 0).unwrap(), "[]");
        assert!(points_json(&[4], 4).is_err());
        assert!(points_json(&[], MAX_POINTS + 1).is_err());
    }
}
