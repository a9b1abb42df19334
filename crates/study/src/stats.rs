//! Dashboard figures.
use crate::queue::{today_counts, Deck};
use crate::time::date_string;
use crate::weakest::weaker_share;
use crate::{Now, StudyError};
use archdrill_domain::Topic;
use archdrill_store::Store;
use serde::Serialize;
use specta::Type;
use std::collections::{BTreeMap, HashMap};

/// Days of history in `reviews_per_day`, today included.
pub const HISTORY_DAYS: i64 = 30;
/// How many topics `weakest_topics` lists at most.
pub const WEAKEST_TOPICS: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    /// Cards due before the end of today.
    pub due_today: u32,
    /// New cards that may still be introduced today.
    pub new_available: u32,
    pub done_today: u32,
    /// Consecutive local days with at least one review, ending today (or yesterday, when today has
    /// none yet: the streak is still alive until midnight).
    pub streak_days: u32,
    /// The last 30 days, oldest first, today last; days without reviews included.
    pub reviews_per_day: Vec<DayCount>,
    /// Share of reviews of cards seen on an earlier day that were not rated Again; `None` before any.
    pub retention: Option<f64>,
    /// Studied topics, weakest first: lowest average rubric coverage, then most lapses.
    pub weakest_topics: Vec<TopicStat>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DayCount {
    /// `YYYY-MM-DD`, local.
    pub date: String,
    pub reviews: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TopicStat {
    pub topic: Topic,
    /// Cards of the topic reviewed at least once.
    pub cards: u32,
    pub reviews: u32,
    /// Mean of ticked / total over the topic's reviews that had a rubric; `None` if none had one.
    pub coverage: Option<f64>,
    pub lapses: u32,
}

/// The dashboard for the deck (which also maps cards to topics) at `now`.
pub fn dashboard(store: &Store, deck: &Deck, now: Now) -> Result<Dashboard, StudyError> {
    let today = today_counts(store, deck, now)?;
    let day = now.day();
    let from = day - (HISTORY_DAYS - 1);
    let reviews_per_day = fill_days(&store.reviews_per_day(from, day)?, from, day);
    let (long_term, passed) = store.long_term_review_counts()?;
    Ok(Dashboard {
        due_today: u32::try_from(today.due.len()).unwrap_or(u32::MAX),
        new_available: today.new_available,
        done_today: today.done_today,
        streak_days: streak(store, day)?,
        reviews_per_day,
        retention: (long_term > 0).then(|| f64::from(passed) / f64::from(long_term)),
        weakest_topics: weakest_topics(store, deck)?,
    })
}

/// Every day in `from..=to`, oldest first, with its count from `counts` (the days that have any, as
/// `Store::reviews_per_day` gives them) or 0.
pub(crate) fn fill_days(counts: &[(i64, u32)], from: i64, to: i64) -> Vec<DayCount> {
    let counts: HashMap<i64, u32> = counts.iter().copied().collect();
    (from..=to)
        .map(|d| DayCount {
            date: date_string(d),
            reviews: counts.get(&d).copied().unwrap_or(0),
        })
        .collect()
}

fn streak(store: &Store, today: i64) -> Result<u32, StudyError> {
    let mut day = if store.has_review_on_day(today)? {
        today
    } else {
        today - 1
    };
    let mut n = 0u32;
    // One indexed probe per day of the streak.
    while n < u32::MAX && store.has_review_on_day(day)? {
        n += 1;
        day -= 1;
    }
    Ok(n)
}

fn weakest_topics(store: &Store, deck: &Deck) -> Result<Vec<TopicStat>, StudyError> {
    // (cards, reviews, coverage sum, coverage reviews, lapses) per topic.
    let mut acc: BTreeMap<Topic, (u32, u32, f64, u32, u32)> = BTreeMap::new();
    for a in store.card_aggregates()? {
        let Some(topic) = deck.topic(&a.card_id) else {
            continue;
        };
        let e = acc.entry(topic).or_default();
        e.0 += 1;
        e.1 = e.1.saturating_add(a.reviews);
        e.2 += a.coverage_sum;
        e.3 = e.3.saturating_add(a.coverage_reviews);
        e.4 = e.4.saturating_add(a.lapses);
    }
    let mut stats: Vec<TopicStat> = acc
        .into_iter()
        .map(|(topic, (cards, reviews, sum, n, lapses))| TopicStat {
            topic,
            cards,
            reviews,
            coverage: (n > 0).then(|| sum / f64::from(n)),
            lapses,
        })
        .collect();
    // The shared rule (lowest known coverage first), then more lapses first, then topic order.
    stats.sort_by(|a, b| {
        weaker_share(a.coverage, b.coverage)
            .then(b.lapses.cmp(&a.lapses))
            .then(a.topic.cmp(&b.topic))
    });
    stats.truncate(WEAKEST_TOPICS);
    Ok(stats)
}
