//! The learner's interview plan: the day of the interview, the level and the topics that matter, and
//! whether they answered the first-start question. Kept in the store's `settings` table (so it
//! exports and syncs with the other settings); a stored value that is missing or malformed reads as
//! "not given", never as an error, as in `settings.rs`.
//!
//! With a date, [`pace`] decides how many new cards a day the plan needs (`plan/pace.rs`, pure
//! arithmetic) from how long a card takes to become ready (`plan/ramp.rs`, simulated with the
//! learner's FSRS weights); the Today queue follows it and [`plan_forecast`] reports it.
mod pace;
mod ramp;

pub use pace::{pace, PaceInput, PlanPace, PlanStatus};
pub use ramp::{READY_HOLD_DAYS, READY_REVIEWS};

use crate::queue::{count, today_counts, Deck};
use crate::{Now, StudyError, StudySettings};
use archdrill_domain::{Level, Topic};
use archdrill_store::Store;
use ramp::Ramp;
use serde::{Deserialize, Serialize};
use specta::Type;

const DAY_KEY: &str = "plan.interview_day";
const LEVEL_KEY: &str = "plan.level";
const TOPICS_KEY: &str = "plan.topics";
const DECIDED_KEY: &str = "plan.decided";

/// What the learner said about their interview. The day is a local calendar day number (days since
/// 1970-01-01, as [`Now::day`](crate::Now::day)); the UI-facing view in core carries it as a
/// `YYYY-MM-DD` string instead, since specta exports no i64.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct InterviewPlan {
    /// The interview's calendar day; `None` = no date, the daily limits work as without a plan.
    pub day: Option<i64>,
    /// The level to prepare first; `None` = both.
    pub level: Option<Level>,
    /// The topics that matter; empty = all.
    pub topics: Vec<Topic>,
    /// The learner answered the first-start question, even by skipping it.
    pub decided: bool,
}

impl InterviewPlan {
    /// Whether a card of this level and topic is one the plan puts first.
    pub fn wants(&self, level: Level, topic: Topic) -> bool {
        self.level.is_none_or(|l| l == level)
            && (self.topics.is_empty() || self.topics.contains(&topic))
    }
}

/// The stored plan; anything missing or malformed reads as not given.
pub fn load_plan(store: &Store) -> Result<InterviewPlan, StudyError> {
    let day = store
        .setting(DAY_KEY)?
        .and_then(|v| v.trim().parse::<i64>().ok())
        // Days outside years ~1970..2999 are no date anyone set through the UI.
        .filter(|d| (0..=MAX_DAY).contains(d));
    let level = store
        .setting(LEVEL_KEY)?
        .and_then(|v| Level::from_slug(v.trim()));
    let mut topics: Vec<Topic> = store
        .setting(TOPICS_KEY)?
        .unwrap_or_default()
        .split(',')
        .filter_map(|s| Topic::from_slug(s.trim()))
        .collect();
    topics.sort_unstable();
    topics.dedup();
    let decided = store.setting(DECIDED_KEY)?.as_deref() == Some("1");
    Ok(InterviewPlan {
        day,
        level,
        topics,
        decided,
    })
}

/// Stores the plan as given (the caller validates it against today: see core's
/// `save_interview_plan`) and returns what now reads back. One unit of work: all four keys or none.
pub fn save_plan(store: &mut Store, plan: &InterviewPlan) -> Result<InterviewPlan, StudyError> {
    if let Some(d) = plan.day.filter(|d| !(0..=MAX_DAY).contains(d)) {
        return Err(StudyError::invalid(
            "interviewDate",
            format!("day {d} is not a real date"),
        ));
    }
    let mut topics = plan.topics.clone();
    topics.sort_unstable();
    topics.dedup();
    let topics: Vec<&str> = topics.iter().map(|t| t.slug()).collect();
    store.transact(|store| {
        let day = plan.day.map(|d| d.to_string()).unwrap_or_default();
        store.set_setting(DAY_KEY, &day)?;
        store.set_setting(LEVEL_KEY, plan.level.map_or("", |l| l.slug()))?;
        store.set_setting(TOPICS_KEY, &topics.join(","))?;
        store.set_setting(DECIDED_KEY, if plan.decided { "1" } else { "0" })?;
        load_plan(store)
    })
}

/// The plan's pace for today, for the queue: the lead time comes from simulating the learner's
/// scheduler (a few FSRS steps), so it follows their retention and weights.
pub(crate) fn today_pace(
    plan: &InterviewPlan,
    settings: &StudySettings,
    today: i64,
    wanted_new: u32,
    introduced_today: u32,
) -> Result<PlanPace, StudyError> {
    let lead_days = match plan.day {
        Some(d) if d >= today => Ramp::new(settings)?.lead_days(),
        _ => 0,
    };
    Ok(pace(PaceInput {
        today,
        interview_day: plan.day,
        wanted_new,
        introduced_today,
        new_per_day: settings.new_per_day,
        lead_days,
    }))
}

/// The plan and where the learner stands, for Home and Settings.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanForecast {
    pub plan: InterviewPlan,
    pub pace: PlanPace,
    pub today: i64,
    /// Days from introducing a card to the review that makes it ready, under the learner's weights.
    pub lead_days: i64,
    /// Cards the plan wants (its level and topics; every card without them), and those never seen.
    pub wanted_total: u32,
    pub wanted_new: u32,
    /// Wanted cards in review that are ready now, and those that will be by the day before the
    /// interview if rated Good whenever they fall due (ready ones included; 0 without a date).
    pub ready_now: u32,
    pub ready_by_day: u32,
    /// The learner's own new-cards-a-day limit.
    pub new_per_day: u32,
}

/// Where the learner stands against the plan: today's pace, and how many wanted cards in review
/// are, or will be, ready.
pub fn plan_forecast(store: &Store, deck: &Deck, now: Now) -> Result<PlanForecast, StudyError> {
    let counts = today_counts(store, deck, now)?;
    let today = now.day();
    let plan = counts.plan;
    let ramp = Ramp::new(&counts.settings)?;
    let pace = match counts.pace {
        Some(p) => p,
        // No date ahead: the pace says so (NoDate or Passed) with the learner's limit.
        None => today_pace(&plan, &counts.settings, today, 0, 0)?,
    };
    let wanted: Vec<bool> = (0..deck.len()).map(|i| deck.wanted(&plan, i)).collect();
    let wanted_total = wanted.iter().filter(|&&w| w).count();
    let wanted_new = if counts.pace.is_some() {
        counts.wanted_new
    } else {
        counts.unseen.iter().filter(|&&i| wanted[i]).count()
    };
    let by_day = plan.day.filter(|d| *d >= today).map(|d| d - 1);
    let (mut ready_now, mut ready_by_day) = (0u32, 0u32);
    for state in store.all_card_states()? {
        if !deck.position_of(&state.card_id).is_some_and(|i| wanted[i]) {
            continue;
        }
        ready_now += u32::from(ramp::is_ready(&state));
        if let Some(by) = by_day {
            ready_by_day += u32::from(ramp.ready_by(&state, now, by)?);
        }
    }
    Ok(PlanForecast {
        plan,
        pace,
        today,
        lead_days: ramp.lead_days(),
        wanted_total: count(wanted_total),
        wanted_new: count(wanted_new),
        ready_now,
        ready_by_day,
        new_per_day: counts.settings.new_per_day,
    })
}

/// 2999-12-31: the last day the app's clocks accept.
const MAX_DAY: i64 = 376_199;

/// The day number of a `YYYY-MM-DD` date, or an error naming `field`.
pub fn parse_date(field: &str, s: &str) -> Result<i64, StudyError> {
    let bad = || StudyError::invalid(field, format!("{s:?} is not a date (YYYY-MM-DD)"));
    let mut parts = s.trim().splitn(3, '-');
    let mut next = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<i64>().ok())
    };
    let (y, m, d) = match (next(4), next(2), next(2)) {
        (Some(y), Some(m), Some(d)) => (y, m, d),
        _ => return Err(bad()),
    };
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return Err(bad());
    }
    let day = days_from_civil(y, m, d);
    if !(0..=MAX_DAY).contains(&day) {
        return Err(StudyError::invalid(
            field,
            format!("{s} is outside the years 1970 to 2999"),
        ));
    }
    Ok(day)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days_from_civil: the inverse of `time::civil_from_days`.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date_string;

    #[test]
    fn dates_round_trip() {
        for day in [0, 59, 60, 365, 19_782, 20_000, 20_820, MAX_DAY] {
            assert_eq!(parse_date("d", &date_string(day)).unwrap(), day);
        }
        assert_eq!(date_string(MAX_DAY), "2999-12-31");
        for bad in [
            "",
            "2026-13-01",
            "2026-02-29",
            "2026-1-01",
            "26-01-01",
            "2026-01-01x",
        ] {
            assert!(parse_date("interviewDate", bad).is_err(), "{bad}");
        }
        assert!(parse_date("d", "2024-02-29").is_ok());
        assert!(parse_date("d", "1969-12-31").is_err());
    }

    #[test]
    fn plan_round_trips_through_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        assert_eq!(load_plan(&store).unwrap(), InterviewPlan::default());
        let plan = InterviewPlan {
            day: Some(20_830),
            level: Some(Level::Senior),
            topics: vec![Topic::Storage, Topic::Compute, Topic::Storage],
            decided: true,
        };
        let saved = save_plan(&mut store, &plan).unwrap();
        assert_eq!(saved.topics, vec![Topic::Compute, Topic::Storage]);
        drop(store);
        let store = Store::open_in(dir.path()).unwrap();
        assert_eq!(load_plan(&store).unwrap(), saved);
    }

    #[test]
    fn damaged_values_read_as_not_given() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        store.set_setting(DAY_KEY, "soon").unwrap();
        store.set_setting(LEVEL_KEY, "junior").unwrap();
        store.set_setting(TOPICS_KEY, "dns,storage,,").unwrap();
        let plan = load_plan(&store).unwrap();
        assert_eq!(plan.day, None);
        assert_eq!(plan.level, None);
        assert_eq!(plan.topics, vec![Topic::Storage]);
        assert!(!plan.decided);
        assert!(save_plan(
            &mut store,
            &InterviewPlan {
                day: Some(-5),
                ..plan
            }
        )
        .is_err());
    }
}
