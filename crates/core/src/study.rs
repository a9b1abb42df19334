//! The study engine (`archdrill-study`) behind the app handle: the deck, the Today queue, the card
//! under review, recording and undoing reviews, the dashboard, the learner's study settings and
//! parameter optimisation. Mock interviews are in `mock.rs`.
//!
//! "Today" is the learner's local day, so every call that depends on it takes their offset from UTC
//! in minutes (the UI's `-new Date().getTimezoneOffset()`).
use crate::api::QuestionLink;
use crate::Archdrill;
use archdrill_content::Bank;
use archdrill_diagram::Library;
use archdrill_domain::{AppError, Level, Topic};
use archdrill_store::Store;
use archdrill_study::{
    drill_card, load_settings, question_card, save_settings, validate_card_id, CardRef, Deck, Now,
    StudySettings, MIN_TRAINING_REVIEWS,
};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;

// The engine's UI types, so the shell needs only this crate.
pub use archdrill_study::{
    CardStatus, Dashboard, DayCount, Fit, IntervalChoice, NextIntervals, OptimizeReport, Rating,
    ReviewInput, ReviewOutcome, TodayQueue, TopicStat, UndoOutcome,
};

/// Whether the Review screen shows a stopwatch while the learner answers ("1"/"0").
const ANSWER_TIMER_KEY: &str = "study.answer_timer";

/// Today's queue as the Review screen walks it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StudyQueue {
    /// The engine's queue: due cards first, then new ones within the limit, topics interleaved.
    pub today: TodayQueue,
    /// The card to show now: the first in queue order that is new or already due. A card failed a
    /// few minutes ago waits out its relearning step while other cards remain, then comes back.
    pub next: Option<String>,
    /// Cards left in the queue that were seen before (due), and never seen (new).
    pub due_left: u32,
    pub new_left: u32,
    /// For the "done for today" state: cards due tomorrow, and the new cards tomorrow may bring.
    pub tomorrow_due: u32,
    pub tomorrow_new: u32,
}

/// Everything the Review screen needs for one card.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StudyCard {
    pub card_id: String,
    /// The question, its model answer (sanitised HTML) and its rubric (`keyPoints`).
    pub question: crate::api::QuestionView,
    /// What each rating would do, for the four buttons.
    pub intervals: NextIntervals,
    /// `None` for a card never reviewed.
    pub status: Option<CardStatus>,
    /// The follow-up question offered after a Good or Easy answer.
    pub follow_up: Option<QuestionLink>,
}

/// The settings the learner edits (the FSRS weights are changed only by optimising).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StudyPrefs {
    /// 0.70–0.99.
    pub desired_retention: f64,
    pub new_per_day: u32,
    pub max_reviews_per_day: u32,
    /// Show a stopwatch while answering.
    pub answer_timer: bool,
}

/// The Settings screen: the preferences, and whether optimising is possible yet.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StudySettingsView {
    pub prefs: StudyPrefs,
    /// Reviews of cards seen on an earlier day: what optimisation learns from.
    pub training_reviews: u32,
    /// How many of those optimising needs.
    pub training_needed: u32,
    /// Whether the FSRS weights in force are the learner's own (optimised) rather than the defaults.
    pub personal_params: bool,
}

impl Archdrill {
    /// Every card the app schedules, in the order new cards are introduced: each bank question as
    /// `q:<id>` under its topic, and each drill as `d:<id>`. Built once at open (`build_deck`).
    ///
    /// The bank is stored topic by topic, so taking new cards in bank order would spend days on one
    /// topic. Instead the topics take turns (the k-th question of every topic before any topic's
    /// (k+1)-th), and within a topic mid-level questions come before senior ones.
    /// Drills are cards too (`d:<id>`), filed under the topic of the questions that link their
    /// diagram, and interleaved so a topic's drills come after its first questions. Each card
    /// carries its level (a drill that of the same question) for the interview plan.
    pub(crate) fn deck(&self) -> &Deck {
        &self.deck
    }
}

/// Every card in study order (see `Archdrill::deck`); built once, at open.
pub(crate) fn build_deck(bank: &Bank, library: &Library) -> Deck {
    {
        let questions = bank.questions();
        // The level rides last and is left out of the sort: the ids are unique, so it never mattered.
        let mut keyed: Vec<(usize, Topic, bool, String, Option<Level>)> =
            Vec::with_capacity(bank.len());
        let mut seen: HashMap<Topic, usize> = HashMap::new();
        let mut order: Vec<usize> = (0..bank.len()).collect();
        order.sort_by_key(|&i| (questions[i].topic, questions[i].level != Level::Mid, i));
        for i in order {
            let q = &questions[i];
            let rank = seen.entry(q.topic).or_default();
            let senior = q.level != Level::Mid;
            keyed.push((*rank, q.topic, senior, question_card(&q.id), Some(q.level)));
            *rank += 1;
        }
        let mut drills_seen: HashMap<Topic, usize> = HashMap::new();
        for drill in library.drills() {
            let linked = questions
                .iter()
                .find(|q| q.diagrams.contains(&drill.diagram));
            let topic = linked.map_or(Topic::Architecture, |q| q.topic);
            let k = drills_seen.entry(topic).or_default();
            let id = drill_card(&drill.id);
            keyed.push((2 * *k + 1, topic, false, id, linked.map(|q| q.level)));
            *k += 1;
        }
        keyed.sort_unstable_by(|a, b| (a.0, a.1, a.2, &a.3).cmp(&(b.0, b.1, b.2, &b.3)));
        let levels: Vec<Option<Level>> = keyed.iter().map(|k| k.4).collect();
        let cards = keyed
            .into_iter()
            .map(|(_, topic, _, id, _)| CardRef { id, topic });
        Deck::new(cards.collect()).with_levels(levels)
    }
}

impl Archdrill {
    pub fn study_dashboard(&self, utc_offset_min: i32) -> Result<Dashboard, AppError> {
        let now = Now::new(self.now_ms(), utc_offset_min);
        Ok(archdrill_study::dashboard(&self.store(), self.deck(), now)?)
    }

    /// Cards due before the end of the learner's today (Home's "due today").
    pub(crate) fn due_today(&self, now: Now) -> Result<u32, AppError> {
        Ok(archdrill_study::today_queue(&self.store(), self.deck(), now)?.due)
    }

    pub fn study_queue(&self, utc_offset_min: i32) -> Result<StudyQueue, AppError> {
        let now = Now::new(self.now_ms(), utc_offset_min);
        let deck = self.deck();
        let store = self.store();
        let today = archdrill_study::today_queue(&store, deck, now)?;
        // Tomorrow's queue, seen from tomorrow's first instant, with nothing done yet that day.
        let tomorrow = archdrill_study::today_queue(&store, deck, now.at(now.end_of_today_ms()))?;
        let (next, due_left) = next_card(&store, &today.cards, now.unix_ms)?;
        Ok(StudyQueue {
            next,
            due_left,
            new_left: count(today.cards.len()) - due_left,
            tomorrow_due: tomorrow.due,
            tomorrow_new: tomorrow.new_available,
            today,
        })
    }

    /// The card to study: question, rubric, the four buttons' intervals and the follow-up to offer.
    pub fn study_card(&self, card_id: &str, utc_offset_min: i32) -> Result<StudyCard, AppError> {
        let question = self.question(self.card_question(card_id)?)?;
        let now = Now::new(self.now_ms(), utc_offset_min);
        let store = self.store();
        let intervals = archdrill_study::next_intervals(&store, card_id, now)?;
        let status = archdrill_study::card_status(&store, card_id)?;
        drop(store);
        Ok(StudyCard {
            card_id: card_id.to_string(),
            follow_up: question.follow_ups.first().cloned(),
            question,
            intervals,
            status,
        })
    }

    /// The rating pre-selected for `ticked` of `total` rubric points (`None` without a rubric).
    pub fn suggest_rating(&self, ticked: u32, total: u32) -> Option<Rating> {
        archdrill_study::suggest_rating(ticked, total)
    }

    /// Records a rating. The rubric size is taken from the bank, not from the UI, so the stored
    /// coverage always matches the question as it is now.
    pub fn record_review(
        &self,
        input: &ReviewInput,
        utc_offset_min: i32,
    ) -> Result<ReviewOutcome, AppError> {
        let question = self.get(self.card_question(&input.card_id)?)?;
        if let Some(answer) = &input.answer {
            crate::answers::check_length(answer)?;
        }
        let input = ReviewInput {
            points_total: u32::try_from(question.key_points.len()).unwrap_or(u32::MAX),
            ..input.clone()
        };
        let now = Now::new(self.now_ms(), utc_offset_min);
        Ok(archdrill_study::record_review(
            &mut self.store(),
            &input,
            now,
        )?)
    }

    /// Undoes the latest review still in force, even one from an earlier run of the app.
    pub fn undo_review(&self, utc_offset_min: i32) -> Result<Option<UndoOutcome>, AppError> {
        let now = Now::new(self.now_ms(), utc_offset_min);
        Ok(archdrill_study::undo_last(&mut self.store(), now)?)
    }

    pub fn study_settings(&self) -> Result<StudySettingsView, AppError> {
        let store = self.store();
        let s = load_settings(&store)?;
        settings_view(&store, &s)
    }

    /// Saves the learner's preferences; changing the retention reschedules every card.
    pub fn save_study_settings(&self, prefs: &StudyPrefs) -> Result<StudySettingsView, AppError> {
        let mut store = self.store();
        let current = load_settings(&store)?;
        let wanted = StudySettings {
            desired_retention: prefs.desired_retention,
            new_per_day: prefs.new_per_day,
            max_reviews_per_day: prefs.max_reviews_per_day,
            fsrs_params: current.fsrs_params,
        };
        // Validate everything before writing anything, the timer included.
        wanted.validate()?;
        let saved = store.transact(|store| {
            let saved = save_settings(store, &wanted)?;
            store.set_setting(ANSWER_TIMER_KEY, if prefs.answer_timer { "1" } else { "0" })?;
            Ok::<_, AppError>(saved)
        })?;
        settings_view(&store, &saved)
    }

    /// Fits the FSRS weights to the learner's history; `progress` gets a rising fraction 0..=1.
    ///
    /// Training takes seconds, so it runs on a connection of its own: the app's connection stays
    /// free and the rest of the UI keeps working meanwhile (SQLite in WAL mode lets the two share the
    /// file; the final reschedule is one transaction).
    pub fn optimize_params(&self, progress: impl FnMut(f64)) -> Result<OptimizeReport, AppError> {
        let path = self.store().path().to_path_buf();
        let mut own = Store::open(&path)?;
        Ok(archdrill_study::optimize(&mut own, progress)?)
    }

    /// The question behind a card id; only question cards exist so far.
    fn card_question<'a>(&self, card_id: &'a str) -> Result<&'a str, AppError> {
        validate_card_id(card_id)?;
        card_id
            .strip_prefix("q:")
            .ok_or_else(|| AppError::not_found("card", card_id))
    }
}

fn settings_view(store: &Store, s: &StudySettings) -> Result<StudySettingsView, AppError> {
    let answer_timer = store.setting(ANSWER_TIMER_KEY)?.as_deref() != Some("0");
    let (training_reviews, _) = store.long_term_review_counts()?;
    Ok(StudySettingsView {
        prefs: StudyPrefs {
            desired_retention: s.desired_retention,
            new_per_day: s.new_per_day,
            max_reviews_per_day: s.max_reviews_per_day,
            answer_timer,
        },
        training_reviews,
        training_needed: MIN_TRAINING_REVIEWS,
        personal_params: s.fsrs_params != archdrill_study::default_params(),
    })
}

/// The first card in queue order that is new or due by `now` (failing that, the first card: the
/// soonest of those waiting out a relearning step, as nothing else is left today), and how many
/// queued cards were seen before.
fn next_card(store: &Store, cards: &[String], now: i64) -> Result<(Option<String>, u32), AppError> {
    let mut next = None;
    let mut seen = 0u32;
    for id in cards {
        let state = store.card_state(id)?;
        seen += u32::from(state.is_some());
        if next.is_none() && state.is_none_or(|s| s.due <= now) {
            next = Some(id.clone());
        }
    }
    Ok((next.or_else(|| cards.first().cloned()), seen))
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use archdrill_study::{record_review, ReviewInput, DAY_MS};

    #[test]
    fn optimising_on_its_own_connection_reports_progress_and_reschedules() {
        let dir = tempfile::tempdir().unwrap();
        let app = Archdrill::open(dir.path()).unwrap();
        // 40 cards seen on days 0, 3 and 10 of a past month: 80 long-term reviews.
        let t0 = app.now_ms() - 60 * DAY_MS;
        let cards: Vec<String> = app.deck().cards()[..40]
            .iter()
            .map(|c| c.id.clone())
            .collect();
        for (day, ratings) in [(0, [3, 3, 2, 4]), (3, [3, 1, 3, 3]), (10, [3, 3, 1, 4])] {
            for (k, card) in cards.iter().enumerate() {
                let rating = Rating::from_number(ratings[k % 4]).unwrap();
                let input = ReviewInput {
                    card_id: card.clone(),
                    rating,
                    duration_ms: 1_000.0,
                    points: vec![],
                    points_total: 0,
                    answer: None,
                };
                let now = Now::utc(t0 + day * DAY_MS + k as i64 * 60_000);
                record_review(&mut app.store(), &input, now).unwrap();
            }
        }
        let view = app.study_settings().unwrap();
        assert_eq!(view.training_reviews, 80);
        assert!(!view.personal_params);
        let mut seen = Vec::new();
        let report = app.optimize_params(|f| seen.push(f)).unwrap();
        assert_eq!(report.reviews_used, 80);
        assert_eq!(seen.first(), Some(&0.0));
        assert_eq!(seen.last(), Some(&1.0));
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
        assert_eq!(
            app.study_settings().unwrap().personal_params,
            report.applied
        );
    }
}
