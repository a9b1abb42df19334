//! How long a new card takes to become ready for an interview, found by running the learner's own
//! scheduler rather than guessed.
//!
//! The rule: a card is *ready* once it has been recalled on at least [`READY_REVIEWS`] separate days
//! (a first Good only shows the answer was just read) and the wait FSRS then gives it is at least
//! [`READY_HOLD_DAYS`]: its recall stays at or above the desired retention for two weeks with no
//! further review, through a loop of interview rounds, instead of hanging on a review the night
//! before. Under FSRS-6's default weights a card rated Good whenever it falls due is seen on
//! days 0, 2, 13 at 90% retention (ready on day 13, after three reviews), on days 0, 2, 6, 17 at 95%
//! (four reviews) and on days 0, 8 at 80% (two); optimised weights change these, and the simulation
//! follows them.
use crate::schedule::Scheduler;
use crate::{Now, Rating, StudyError, StudySettings, DAY_MS};
use archdrill_store::{CardStateRecord, ReplayReview};

/// Reviews on separate days before a card counts as ready, at the least.
pub const READY_REVIEWS: u32 = 2;
/// The shortest wait after the ready review: recall holds at the target for two weeks.
pub const READY_HOLD_DAYS: i64 = 14;
/// Simulations stop here: weights under which a card never settles would otherwise run forever.
const MAX_STEPS: u32 = 12;
/// The lead planned for such weights: two months.
const FALLBACK_LEAD_DAYS: i64 = 60;

/// The learner's scheduler, asked how cards rated Good on each due day progress.
pub(crate) struct Ramp {
    scheduler: Scheduler,
    /// Days from a card's introduction to the review that makes it ready.
    lead_days: i64,
}

impl Ramp {
    pub fn new(settings: &StudySettings) -> Result<Ramp, StudyError> {
        let scheduler = Scheduler::new(settings)?;
        let lead_days = walk(&scheduler, None, 0, i64::MAX)?.unwrap_or(FALLBACK_LEAD_DAYS);
        Ok(Ramp {
            scheduler,
            lead_days,
        })
    }

    pub fn lead_days(&self) -> i64 {
        self.lead_days
    }

    /// Whether a card in review, rated Good each time it falls due from now on, is ready by the end
    /// of `by_day`. A card overdue today is taken as reviewed today.
    pub fn ready_by(
        &self,
        state: &CardStateRecord,
        now: Now,
        by_day: i64,
    ) -> Result<bool, StudyError> {
        if is_ready(state) {
            return Ok(true);
        }
        let next = now.at(state.due).day().max(now.day());
        Ok(walk(&self.scheduler, Some(state.clone()), next, by_day)?.is_some())
    }
}

/// Whether a card's state already meets the rule. `reps` counts every review, a same-day repeat
/// after a lapse included, so a real card may count as ready a review early; the plan's own
/// simulation reviews once a day and is exact.
pub(crate) fn is_ready(state: &CardStateRecord) -> bool {
    state.reps >= READY_REVIEWS && state.due - state.last_review >= READY_HOLD_DAYS * DAY_MS
}

/// Reviews a card (from `state`, or new) with Good on `day` and then on each day it falls due, up
/// to `by_day`. Returns the day it became ready, `None` if it did not by then.
fn walk(
    scheduler: &Scheduler,
    mut state: Option<CardStateRecord>,
    mut day: i64,
    by_day: i64,
) -> Result<Option<i64>, StudyError> {
    for _ in 0..MAX_STEPS {
        if day > by_day {
            return Ok(None);
        }
        let review = ReplayReview {
            // Noon on a UTC calendar: the offset does not matter for whole-day intervals.
            reviewed_at: day.saturating_mul(DAY_MS) + DAY_MS / 2,
            day,
            rating: Rating::Good.number(),
        };
        let next = scheduler.apply("q:plan", state.as_ref(), review)?;
        if is_ready(&next) {
            return Ok(Some(day));
        }
        // Good always waits at least a day, so the next review is on a later day.
        day = next.due.div_euclid(DAY_MS).max(day + 1);
        state = Some(next);
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ramp(retention: f64) -> Ramp {
        Ramp::new(&StudySettings {
            desired_retention: retention,
            ..StudySettings::default()
        })
        .unwrap()
    }

    #[test]
    fn the_lead_follows_the_target_retention() {
        // FSRS-6 defaults, Good every time: days 0, 2, 13 at 90%; 0, 2, 6, 17 at 95%; 0, 8 at 80%.
        assert_eq!(ramp(0.90).lead_days(), 13);
        assert_eq!(ramp(0.95).lead_days(), 17);
        assert_eq!(ramp(0.80).lead_days(), 8);
    }

    #[test]
    fn a_card_in_review_is_ready_by_its_simulated_day() {
        let r = ramp(0.90);
        let s = Scheduler::new(&StudySettings::default()).unwrap();
        let good = |day: i64| ReplayReview {
            reviewed_at: day * DAY_MS + DAY_MS / 2,
            day,
            rating: Rating::Good.number(),
        };
        // Seen on day 100, due on day 102: its third review (and readiness) falls on day 113.
        let once = s.apply("q:a", None, good(100)).unwrap();
        let now = Now::utc(101 * DAY_MS);
        assert!(!is_ready(&once));
        assert!(r.ready_by(&once, now, 113).unwrap());
        assert!(!r.ready_by(&once, now, 112).unwrap());
        // Left overdue until day 130 it can only be reviewed from today on; a recall after a month's
        // gap is strong evidence, and FSRS gives it over two weeks at once.
        let late = Now::utc(130 * DAY_MS);
        assert!(!r.ready_by(&once, late, 129).unwrap());
        assert!(r.ready_by(&once, late, 130).unwrap());
        // Three Goods in: ready now, whatever the day.
        let twice = s.apply("q:a", Some(&once), good(102)).unwrap();
        let thrice = s.apply("q:a", Some(&twice), good(113)).unwrap();
        assert!(is_ready(&thrice));
        assert!(r.ready_by(&thrice, Now::utc(114 * DAY_MS), 0).unwrap());
    }
}
