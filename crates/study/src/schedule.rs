//! What a rating does to a card, computed by FSRS (the `fsrs` crate, as in Anki). Every path that
//! changes a card (recording, undo, rebuild) goes through [`Scheduler::apply`], which is a pure
//! function of the previous state, the review and the settings: that is what makes replaying the log
//! give exactly the state the incremental path stored.
use crate::{StudyError, StudySettings, DAY_MS};
use archdrill_store::{CardStateRecord, ReplayReview};
use fsrs::{MemoryState, FSRS};
use serde::{Deserialize, Serialize};
use specta::Type;

/// A failed card comes back after this relearning step (as Anki's default), then FSRS's short-term
/// model takes the same-day repeat into account.
pub const AGAIN_STEP_MS: i64 = 10 * 60_000;
/// FSRS's own ceiling on stability: a hundred years.
pub const MAX_INTERVAL_DAYS: i64 = 36_500;

/// Rubric coverage (ticked / total) below which each rating is suggested; full coverage suggests
/// Easy. Below 40% the answer missed most of what an interviewer listens for (Again); below 70% it
/// had real gaps (Hard); anything short of complete is Good.
pub const SUGGEST_AGAIN_BELOW: f64 = 0.40;
pub const SUGGEST_HARD_BELOW: f64 = 0.70;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "camelCase")]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    pub fn from_number(n: u8) -> Option<Rating> {
        Rating::ALL.get(usize::from(n).wrapping_sub(1)).copied()
    }

    pub fn number(self) -> u8 {
        self as u8
    }
}

/// The rating to pre-select from rubric coverage; `None` when the card has no rubric.
pub fn suggest_rating(ticked: u32, total: u32) -> Option<Rating> {
    if total == 0 {
        return None;
    }
    let coverage = f64::from(ticked.min(total)) / f64::from(total);
    Some(if coverage < SUGGEST_AGAIN_BELOW {
        Rating::Again
    } else if coverage < SUGGEST_HARD_BELOW {
        Rating::Hard
    } else if coverage < 1.0 {
        Rating::Good
    } else {
        Rating::Easy
    })
}

/// FSRS configured with the learner's weights and desired retention.
pub(crate) struct Scheduler {
    fsrs: FSRS,
    retention: f32,
}

impl Scheduler {
    pub fn new(settings: &StudySettings) -> Result<Scheduler, StudyError> {
        Ok(Scheduler {
            fsrs: FSRS::new(&settings.fsrs_params)?,
            retention: settings.desired_retention as f32,
        })
    }

    /// The memory state and the wait until the next review, for each rating, of a card in state
    /// `prev` reviewed on local day `day`.
    pub fn outcomes(
        &self,
        prev: Option<&CardStateRecord>,
        day: i64,
    ) -> Result<[(MemoryState, i64); 4], StudyError> {
        let memory = prev.map(|p| MemoryState {
            // Stored from f32, so the cast back is exact.
            stability: p.stability as f32,
            difficulty: p.difficulty as f32,
        });
        let states = self
            .fsrs
            .next_states(memory, self.retention, elapsed_days(prev, day))?;
        let days = |interval: f32| (interval.round() as i64).clamp(1, MAX_INTERVAL_DAYS);
        // Whole days from Hard up, each button strictly longer than the one before (as Anki does) so
        // the four choices never read the same.
        let hard = days(states.hard.interval);
        let good = days(states.good.interval)
            .max(hard + 1)
            .min(MAX_INTERVAL_DAYS);
        let easy = days(states.easy.interval)
            .max(good + 1)
            .min(MAX_INTERVAL_DAYS);
        Ok([
            (states.again.memory, AGAIN_STEP_MS),
            (states.hard.memory, hard * DAY_MS),
            (states.good.memory, good * DAY_MS),
            (states.easy.memory, easy * DAY_MS),
        ])
    }

    /// The card's state after `review`.
    pub fn apply(
        &self,
        card_id: &str,
        prev: Option<&CardStateRecord>,
        review: ReplayReview,
    ) -> Result<CardStateRecord, StudyError> {
        let rating = Rating::from_number(review.rating)
            .ok_or_else(|| StudyError::corrupt("review", format!("rating {}", review.rating)))?;
        let (memory, wait_ms) = self.outcomes(prev, review.day)?[usize::from(rating.number() - 1)];
        // A lapse is forgetting a card last seen on an earlier day; failing a same-day relearning
        // step again is not a second lapse.
        let lapsed = rating == Rating::Again && prev.is_some_and(|p| review.day > p.last_day);
        Ok(CardStateRecord {
            card_id: card_id.to_string(),
            due: review.reviewed_at.saturating_add(wait_ms),
            stability: f64::from(memory.stability),
            difficulty: f64::from(memory.difficulty),
            reps: prev.map_or(0, |p| p.reps).saturating_add(1),
            lapses: prev.map_or(0, |p| p.lapses) + u32::from(lapsed),
            last_review: review.reviewed_at,
            last_day: review.day,
            first_day: prev.map_or(review.day, |p| p.first_day),
        })
    }

    /// A card's state from its whole (active) history, oldest first; `None` for no history.
    pub fn replay(
        &self,
        card_id: &str,
        reviews: &[ReplayReview],
    ) -> Result<Option<CardStateRecord>, StudyError> {
        let mut state = None;
        for r in reviews {
            state = Some(self.apply(card_id, state.as_ref(), *r)?);
        }
        Ok(state)
    }
}

/// Whole local days since the previous review (0 for a new card, and never negative: a learner who
/// flies west can land on an "earlier" day).
pub(crate) fn elapsed_days(prev: Option<&CardStateRecord>, day: i64) -> u32 {
    prev.map_or(0, |p| {
        u32::try_from(day.saturating_sub(p.last_day).max(0)).unwrap_or(u32::MAX)
    })
}

/// A short label for a wait, for the rating buttons: "10m", "5h", "3d", "2.5mo", "1.2y".
pub fn interval_label(ms: i64) -> String {
    const HOUR_MS: i64 = 3_600_000;
    let days = ms as f64 / DAY_MS as f64;
    if ms < HOUR_MS {
        format!("{}m", (ms / 60_000).max(1))
    } else if ms < DAY_MS {
        format!("{}h", ms / HOUR_MS)
    } else if days < 30.0 {
        format!("{}d", days.round())
    } else if days < 365.0 {
        format!("{:.1}mo", days / 30.44)
    } else {
        format!("{:.1}y", days / 365.25)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sched() -> Scheduler {
        Scheduler::new(&StudySettings::default()).unwrap()
    }

    fn review(day: i64, rating: Rating) -> ReplayReview {
        ReplayReview {
            reviewed_at: day * DAY_MS + 3_600_000,
            day,
            rating: rating.number(),
        }
    }

    #[test]
    fn suggestions_follow_the_documented_thresholds() {
        assert_eq!(suggest_rating(0, 0), None);
        assert_eq!(suggest_rating(0, 5), Some(Rating::Again));
        assert_eq!(suggest_rating(1, 3), Some(Rating::Again)); // 33%
        assert_eq!(suggest_rating(2, 5), Some(Rating::Hard)); // 40%
        assert_eq!(suggest_rating(2, 3), Some(Rating::Hard)); // 67%
        assert_eq!(suggest_rating(7, 10), Some(Rating::Good)); // 70%
        assert_eq!(suggest_rating(4, 5), Some(Rating::Good));
        assert_eq!(suggest_rating(5, 5), Some(Rating::Easy));
        assert_eq!(suggest_rating(9, 5), Some(Rating::Easy)); // over-count is capped
    }

    #[test]
    fn new_card_intervals_are_ordered_and_again_relearns_soon() {
        let o = sched().outcomes(None, 100).unwrap();
        assert_eq!(o[0].1, AGAIN_STEP_MS);
        assert!(o[1].1 >= DAY_MS && o[1].1 < o[2].1 && o[2].1 < o[3].1);
        // FSRS-6 defaults: Good on a new card is ~2.3 days, Easy ~8.3.
        assert_eq!(o[2].1, 2 * DAY_MS);
        assert_eq!(o[3].1, 8 * DAY_MS);
    }

    #[test]
    fn successful_reviews_grow_the_interval_and_lapses_count_once() {
        let s = sched();
        let mut st = s.apply("q:a", None, review(0, Rating::Good)).unwrap();
        let first = st.due - st.last_review;
        st = s.apply("q:a", Some(&st), review(2, Rating::Good)).unwrap();
        assert!(st.due - st.last_review > first);
        assert_eq!(
            (st.reps, st.lapses, st.first_day, st.last_day),
            (2, 0, 0, 2)
        );
        st = s
            .apply("q:a", Some(&st), review(20, Rating::Again))
            .unwrap();
        assert_eq!(st.lapses, 1);
        assert_eq!(st.due - st.last_review, AGAIN_STEP_MS);
        st = s
            .apply("q:a", Some(&st), review(20, Rating::Again))
            .unwrap();
        assert_eq!(
            st.lapses, 1,
            "a same-day relearning failure is not another lapse"
        );
        assert_eq!(st.reps, 4);
    }

    #[test]
    fn replay_equals_stepwise_application_and_rejects_bad_ratings() {
        let s = sched();
        let log = [
            review(0, Rating::Hard),
            review(1, Rating::Good),
            review(5, Rating::Again),
            review(5, Rating::Good),
            review(9, Rating::Easy),
        ];
        let mut st = None;
        for r in log {
            st = Some(s.apply("q:x", st.as_ref(), r).unwrap());
        }
        assert_eq!(s.replay("q:x", &log).unwrap(), st);
        assert_eq!(s.replay("q:x", &[]).unwrap(), None);
        let mut bad = review(0, Rating::Good);
        bad.rating = 7;
        assert!(s.replay("q:x", &[bad]).is_err());
    }

    #[test]
    fn labels_read_naturally() {
        assert_eq!(interval_label(AGAIN_STEP_MS), "10m");
        assert_eq!(interval_label(5 * 3_600_000), "5h");
        assert_eq!(interval_label(3 * DAY_MS), "3d");
        assert_eq!(interval_label(76 * DAY_MS), "2.5mo");
        assert_eq!(interval_label(438 * DAY_MS), "1.2y");
    }
}
