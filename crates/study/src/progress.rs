//! Readiness figures for the Progress screen: how much of each topic and level the learner would
//! recall today and on the interview day (FSRS retrievability), the due forecast, a year of review
//! counts and true retention per month.
//!
//! The figures are pure functions over rows already loaded (so the tests build histories by hand);
//! [`progress_figures`] loads those rows from the store and calls them.
use crate::schedule::elapsed_days;
use crate::stats::fill_days;
use crate::time::date_string;
use crate::{load_settings, DayCount, Now, StudyError};
use archdrill_domain::{Level, Topic};
use archdrill_store::{CardStateRecord, Store};
use fsrs::{current_retrievability, MemoryState};
use serde::Serialize;
use specta::Type;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Days in the due forecast, today first.
pub const FORECAST_DAYS: i64 = 30;
/// Days in the review heatmap, today last.
pub const HEATMAP_DAYS: i64 = 365;
/// Calendar months of true retention, the current one last.
pub const RETENTION_MONTHS: i64 = 12;

/// A card the app schedules and where it belongs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressCard {
    pub id: String,
    pub topic: Topic,
    pub level: Level,
}

/// How much of one topic at one level the learner would recall.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RecallShare {
    pub topic: Topic,
    pub level: Level,
    /// Cards of this topic and level.
    pub cards: u32,
    /// Of those, the cards reviewed at least once.
    pub reviewed: u32,
    /// Mean probability of recall today, 0..=1, over all the cards: a card never reviewed counts 0.
    pub today: f64,
    /// The same on the interview day; `None` without a date (or once it has passed).
    pub interview: Option<f64>,
}

/// Cards coming due on one local day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DueDay {
    /// `YYYY-MM-DD`, local.
    pub date: String,
    /// Cards due that day; today's figure includes every overdue card.
    pub due: u32,
}

/// True retention over one calendar month.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MonthRetention {
    /// `YYYY-MM`.
    pub month: String,
    /// Reviews of cards last seen on an earlier day.
    pub reviews: u32,
    /// Of those, the ones rated Hard, Good or Easy.
    pub passed: u32,
    /// `passed / reviews`; `None` in a month without such reviews.
    pub retention: Option<f64>,
}

/// A review as the retention figures read it (undone reviews are never among these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionReview {
    /// The learner's local day of the review.
    pub day: i64,
    /// 1 Again .. 4 Easy.
    pub rating: u8,
    /// Days since the card's previous review; `None` on its first.
    pub elapsed_days: Option<i64>,
}

/// Everything the Progress screen draws.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressFigures {
    /// By topic (in [`Topic`] order), mid level before senior; only groups with cards.
    pub recall: Vec<RecallShare>,
    /// [`FORECAST_DAYS`] days, today first.
    pub forecast: Vec<DueDay>,
    /// [`HEATMAP_DAYS`] days, oldest first, today last; days without reviews included.
    pub heatmap: Vec<DayCount>,
    /// [`RETENTION_MONTHS`] months, oldest first, the current month last.
    pub retention: Vec<MonthRetention>,
}

/// The figures for `cards` (the cards the app schedules) at `now`. An interview day before today
/// gives no interview figure: the interview is over.
pub fn progress_figures(
    store: &Store,
    cards: &[ProgressCard],
    now: Now,
    interview_day: Option<i64>,
) -> Result<ProgressFigures, StudyError> {
    let today = now.day();
    let settings = load_settings(store)?;
    let known: HashSet<&str> = cards.iter().map(|c| c.id.as_str()).collect();
    // Cards the store knows but the app no longer does (a deleted question) are left out, as in the
    // Today queue, so today's forecast matches the dashboard's "due today".
    let states: Vec<CardStateRecord> = store
        .all_card_states()?
        .into_iter()
        .filter(|s| known.contains(s.card_id.as_str()))
        .collect();
    let decay = forgetting_decay(&settings.fsrs_params);
    let interview_day = interview_day.filter(|&d| d >= today);
    let due_days: Vec<i64> = states.iter().map(|s| now.at(s.due).day()).collect();
    let first_month_day = retention_start_day(today);
    Ok(ProgressFigures {
        recall: recall_shares(cards, &states, decay, today, interview_day),
        forecast: due_forecast(&due_days, today),
        heatmap: heatmap(
            &store.reviews_per_day(today - (HEATMAP_DAYS - 1), today)?,
            today,
        ),
        retention: monthly_retention(&retention_reviews(store, first_month_day)?, today),
    })
}

/// FSRS-6's forgetting-curve decay is the last of its 21 weights; the settings only ever hold full
/// sets (see `check_params`), but fsrs fills shorter, older sets with its own defaults.
fn forgetting_decay(params: &[f32]) -> f32 {
    fsrs::check_and_fill_parameters(params)
        .ok()
        .and_then(|p| p.get(20).copied())
        .unwrap_or(fsrs::FSRS6_DEFAULT_DECAY)
}

/// The active reviews on or after `from_day`.
fn retention_reviews(store: &Store, from_day: i64) -> Result<Vec<RetentionReview>, StudyError> {
    let undone: HashSet<String> = store
        .undo_marks()?
        .into_iter()
        .map(|m| m.review_id)
        .collect();
    let mut out = Vec::new();
    store.scan_reviews::<StudyError>(|r| {
        if r.day >= from_day && !undone.contains(&r.id) {
            out.push(RetentionReview {
                day: r.day,
                rating: r.rating,
                elapsed_days: r.elapsed_days,
            });
        }
        Ok(())
    })?;
    Ok(out)
}

/// The probability of recalling a card in `state` on local `day`, by fsrs's own forgetting curve,
/// with elapsed days counted as the scheduler counts them.
pub fn retrievability(state: &CardStateRecord, day: i64, decay: f32) -> f64 {
    let memory = MemoryState {
        // Stored from f32, so the cast back is exact.
        stability: state.stability as f32,
        difficulty: state.difficulty as f32,
    };
    let r = current_retrievability(memory, elapsed_days(Some(state), day) as f32, decay);
    // A stability of 0 (never written by the scheduler) would make the curve 0/0.
    if r.is_finite() {
        f64::from(r.clamp(0.0, 1.0))
    } else {
        0.0
    }
}

fn level_rank(level: Level) -> u8 {
    match level {
        Level::Mid => 0,
        Level::Senior => 1,
    }
}

/// One (topic, level) group's running totals.
struct Group {
    level: Level,
    cards: u32,
    reviewed: u32,
    today: f64,
    interview: f64,
}

/// Mean retrievability per (topic, level) over every card, today and on `interview_day`. A card
/// without a state (never reviewed) counts as not recalled; a card listed twice counts once.
pub fn recall_shares(
    cards: &[ProgressCard],
    states: &[CardStateRecord],
    decay: f32,
    today: i64,
    interview_day: Option<i64>,
) -> Vec<RecallShare> {
    let by_id: HashMap<&str, &CardStateRecord> =
        states.iter().map(|s| (s.card_id.as_str(), s)).collect();
    // Keyed by the level's rank, as Level has no order of its own: mid before senior.
    let mut groups: BTreeMap<(Topic, u8), Group> = BTreeMap::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for card in cards {
        if !seen.insert(card.id.as_str()) {
            continue;
        }
        let g = groups
            .entry((card.topic, level_rank(card.level)))
            .or_insert(Group {
                level: card.level,
                cards: 0,
                reviewed: 0,
                today: 0.0,
                interview: 0.0,
            });
        g.cards += 1;
        if let Some(state) = by_id.get(card.id.as_str()) {
            g.reviewed += 1;
            g.today += retrievability(state, today, decay);
            if let Some(day) = interview_day {
                g.interview += retrievability(state, day, decay);
            }
        }
    }
    groups
        .into_iter()
        .map(|((topic, _), g)| {
            let mean = |sum: f64| sum / f64::from(g.cards);
            RecallShare {
                topic,
                level: g.level,
                cards: g.cards,
                reviewed: g.reviewed,
                today: mean(g.today),
                interview: interview_day.map(|_| mean(g.interview)),
            }
        })
        .collect()
}

/// Cards due on each of the [`FORECAST_DAYS`] days from `today`, given each card's due day; a card
/// already overdue is due today, and one due later than the window is left out.
pub fn due_forecast(due_days: &[i64], today: i64) -> Vec<DueDay> {
    let mut counts = [0u32; FORECAST_DAYS as usize];
    for &d in due_days {
        let offset = d.saturating_sub(today).max(0);
        if let Some(n) = usize::try_from(offset).ok().and_then(|i| counts.get_mut(i)) {
            *n += 1;
        }
    }
    counts
        .iter()
        .zip(today..)
        .map(|(&due, day)| DueDay {
            date: date_string(day),
            due,
        })
        .collect()
}

/// Reviews per day for the [`HEATMAP_DAYS`] days ending `today`, from the days that have any.
pub fn heatmap(counts: &[(i64, u32)], today: i64) -> Vec<DayCount> {
    fill_days(counts, today - (HEATMAP_DAYS - 1), today)
}

/// Months are numbered `year * 12 + month - 1`. `date_string` is the crate's one civil-calendar
/// conversion, so the month is read back from it rather than computed a second way.
fn month_number(day: i64) -> i64 {
    let date = date_string(day);
    let mut parts = date.splitn(3, '-');
    let year: i64 = parts.next().and_then(|y| y.parse().ok()).unwrap_or(0);
    let month: i64 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1);
    year * 12 + month - 1
}

fn month_label(number: i64) -> String {
    format!(
        "{:04}-{:02}",
        number.div_euclid(12),
        number.rem_euclid(12) + 1
    )
}

/// The first local day of the oldest month in the retention window.
fn retention_start_day(today: i64) -> i64 {
    let first_month = month_number(today) - (RETENTION_MONTHS - 1);
    // Twelve months span at most 31 * 12 days, so the window starts after this day.
    let mut day = today - 31 * RETENTION_MONTHS;
    while month_number(day) < first_month {
        day += 1;
    }
    day
}

/// Whether a review tests long-term memory: the card was last seen on an earlier day. This is the
/// dashboard's retention (`Store::long_term_review_counts`): a same-day repeat after Again is a
/// relearning step, not a test of recall, so it counts in neither.
fn is_long_term(review: &RetentionReview) -> bool {
    review.elapsed_days.is_some_and(|d| d >= 1)
}

/// True retention per calendar month for the [`RETENTION_MONTHS`] months ending with `today`'s:
/// the share of long-term reviews rated Hard or better.
pub fn monthly_retention(reviews: &[RetentionReview], today: i64) -> Vec<MonthRetention> {
    let first_month = month_number(today) - (RETENTION_MONTHS - 1);
    // Per day first, so the calendar conversion runs once a day rather than once a review.
    let mut per_day: HashMap<i64, (u32, u32)> = HashMap::new();
    for r in reviews.iter().filter(|r| is_long_term(r) && r.day <= today) {
        let e = per_day.entry(r.day).or_default();
        e.0 += 1;
        e.1 += u32::from(r.rating >= 2);
    }
    let mut months = vec![(0u32, 0u32); RETENTION_MONTHS as usize];
    for (day, (n, passed)) in per_day {
        if let Some(m) = usize::try_from(month_number(day) - first_month)
            .ok()
            .and_then(|i| months.get_mut(i))
        {
            m.0 += n;
            m.1 += passed;
        }
    }
    months
        .into_iter()
        .zip(first_month..)
        .map(|((reviews, passed), number)| MonthRetention {
            month: month_label(number),
            reviews,
            passed,
            retention: (reviews > 0).then(|| f64::from(passed) / f64::from(reviews)),
        })
        .collect()
}

#[cfg(test)]
mod tests;
