//! The pure plan: how many new cards a day get every wanted card introduced early enough to be
//! ready by the interview. Plain arithmetic over counts and the lead time the ramp simulated, so it
//! is cheap enough for the Today queue to ask on every call.
use serde::{Deserialize, Serialize};
use specta::Type;

/// What the plan needs to know about today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaceInput {
    /// Today's local day number.
    pub today: i64,
    /// The interview's day, if the learner gave one.
    pub interview_day: Option<i64>,
    /// Wanted cards (the plan's level and topics) never seen yet.
    pub wanted_new: u32,
    /// New cards of any kind introduced today: they count against today's allowance.
    pub introduced_today: u32,
    /// The learner's own new-cards-a-day limit.
    pub new_per_day: u32,
    /// Days from introducing a card to the review that makes it ready (see `ramp.rs`).
    pub lead_days: i64,
}

/// Where the learner stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum PlanStatus {
    /// No interview date: the daily limits work as without a plan.
    NoDate,
    /// The date is behind us: the limits work as without a plan until a new date is set.
    Passed,
    /// Every wanted card has been introduced.
    Done,
    /// The learner's own limit introduces every wanted card in time.
    OnTrack,
    /// The plan needs this many new cards a day more than the learner's limit.
    Behind {
        #[serde(rename = "morePerDay")]
        more_per_day: u32,
    },
    /// Too little time is left for the remaining cards to get their reviews: they are spread over
    /// the days before the interview anyway, so each is at least seen.
    TooLate,
}

/// The plan's answer for today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanPace {
    pub status: PlanStatus,
    /// New cards allowed today, those already introduced today included: the queue's limit. Never
    /// below the learner's own limit, so the plan only ever adds cards (the learner may still stop).
    pub new_today: u32,
    /// New cards a day the plan asks for (0 when it asks nothing: no date, passed, done).
    pub needed_per_day: u32,
    /// The last day a wanted card can be introduced and still be ready the day before the
    /// interview (`None` without an active date).
    pub last_intro_day: Option<i64>,
    /// The day the last wanted card is introduced at the learner's own limit: `None` if the limit
    /// is 0 and cards remain.
    pub finish_day: Option<i64>,
}

/// Today's plan. The rule: a card introduced on day `t` and rated Good whenever it falls due is
/// ready on `t + lead_days`; it should be ready by the day before the interview (the interview day
/// is for the interview), so wanted cards are introduced by `day − 1 − lead_days`, evenly over the
/// days left, today included (what was already introduced today counts towards today).
pub fn pace(input: PaceInput) -> PlanPace {
    let own = input.new_per_day;
    let finish_day = finish_day(&input);
    let unplanned = |status| PlanPace {
        status,
        new_today: own,
        needed_per_day: 0,
        last_intro_day: None,
        finish_day,
    };
    let Some(day) = input.interview_day else {
        return unplanned(PlanStatus::NoDate);
    };
    if day < input.today {
        return unplanned(PlanStatus::Passed);
    }
    let last_intro = day - 1 - input.lead_days.max(0);
    let last_intro_day = Some(last_intro);
    if input.wanted_new == 0 {
        return PlanPace {
            last_intro_day,
            ..unplanned(PlanStatus::Done)
        };
    }
    let to_place = u64::from(input.wanted_new) + u64::from(input.introduced_today);
    let window = last_intro - input.today + 1;
    let (status, needed) = if window >= 1 {
        let needed = per_day(to_place, window);
        let status = match needed.checked_sub(own) {
            Some(more) if more > 0 => PlanStatus::Behind { more_per_day: more },
            _ => PlanStatus::OnTrack,
        };
        (status, needed)
    } else {
        // Spread the rest over the days before the interview; on the day itself, plan nothing.
        let cram = day - input.today;
        let needed = if cram >= 1 {
            per_day(to_place, cram)
        } else {
            0
        };
        (PlanStatus::TooLate, needed)
    };
    PlanPace {
        status,
        new_today: own.max(needed),
        needed_per_day: needed,
        last_intro_day,
        finish_day,
    }
}

/// `ceil(cards / days)`, saturating at u32::MAX.
fn per_day(cards: u64, days: i64) -> u32 {
    let days = u64::try_from(days.max(1)).unwrap_or(u64::MAX);
    u32::try_from(cards.div_ceil(days)).unwrap_or(u32::MAX)
}

/// The day the learner's own limit introduces the last wanted card (wanted cards come first).
fn finish_day(input: &PaceInput) -> Option<i64> {
    let left_today = input.new_per_day.saturating_sub(input.introduced_today);
    if input.wanted_new <= left_today {
        return Some(input.today);
    }
    if input.new_per_day == 0 {
        return None;
    }
    let after_today = input.wanted_new - left_today;
    Some(input.today + i64::from(after_today.div_ceil(input.new_per_day)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(today: i64, day: Option<i64>, wanted_new: u32) -> PaceInput {
        PaceInput {
            today,
            interview_day: day,
            wanted_new,
            introduced_today: 0,
            new_per_day: 10,
            lead_days: 12,
        }
    }

    #[test]
    fn without_a_date_the_limit_is_the_learners() {
        let p = pace(input(100, None, 300));
        assert_eq!(p.status, PlanStatus::NoDate);
        assert_eq!(
            (p.new_today, p.needed_per_day, p.last_intro_day),
            (10, 0, None)
        );
        assert_eq!(p.finish_day, Some(129));
        let passed = pace(input(100, Some(99), 300));
        assert_eq!(passed.status, PlanStatus::Passed);
        assert_eq!(passed.new_today, 10);
    }

    #[test]
    fn on_track_when_the_own_limit_is_enough() {
        // 43 days to the interview: introduce by day 130 (143 − 1 − 12), 31 days from today.
        let p = pace(input(100, Some(143), 300));
        assert_eq!(p.status, PlanStatus::OnTrack);
        assert_eq!(p.last_intro_day, Some(130));
        assert_eq!(p.needed_per_day, 10); // ceil(300 / 31)
        assert_eq!(p.new_today, 10);
        assert_eq!(p.finish_day, Some(129));
    }

    #[test]
    fn behind_asks_for_more_and_the_queue_gets_it() {
        let p = pace(input(100, Some(130), 300));
        // Window: days 100..=117, 18 days: ceil(300 / 18) = 17.
        assert_eq!(p.last_intro_day, Some(117));
        assert_eq!(p.status, PlanStatus::Behind { more_per_day: 7 });
        assert_eq!((p.needed_per_day, p.new_today), (17, 17));
        // What was introduced today counts towards today's share.
        let mut i = input(100, Some(130), 290);
        i.introduced_today = 10;
        assert_eq!(pace(i).new_today, 17);
    }

    #[test]
    fn too_late_spreads_the_rest_before_the_day() {
        // Tomorrow: the only day left is today.
        let p = pace(input(100, Some(101), 40));
        assert_eq!(p.status, PlanStatus::TooLate);
        assert_eq!((p.needed_per_day, p.new_today), (40, 40));
        // Interview today: nothing more is planned.
        let p = pace(input(100, Some(100), 40));
        assert_eq!(p.status, PlanStatus::TooLate);
        assert_eq!(p.new_today, 10);
        // Five days out with a 12-day lead: 60 cards over the 5 days.
        let p = pace(input(100, Some(105), 60));
        assert_eq!((p.status, p.new_today), (PlanStatus::TooLate, 12));
    }

    #[test]
    fn done_and_empty_plans_keep_the_own_limit() {
        let p = pace(input(100, Some(140), 0));
        assert_eq!(p.status, PlanStatus::Done);
        assert_eq!((p.new_today, p.finish_day), (10, Some(100)));
        let mut zero = input(100, Some(140), 5);
        zero.new_per_day = 0;
        let p = pace(zero);
        assert_eq!(p.status, PlanStatus::Behind { more_per_day: 1 });
        assert_eq!(p.finish_day, None);
    }

    #[test]
    fn huge_inputs_saturate() {
        let mut i = input(0, Some(1), u32::MAX);
        i.introduced_today = u32::MAX;
        i.new_per_day = u32::MAX;
        let p = pace(i);
        assert_eq!(p.new_today, u32::MAX);
    }
}
