//! Archdrill's study engine: spaced repetition with FSRS over an append-only review log, the Today
//! queue, undo, parameter optimisation, dashboard figures and mock interviews.
//!
//! All SQL lives in `archdrill-store`; this crate decides what happens and calls the store. Functions
//! take the [`Store`](archdrill_store::Store) and a [`Now`] (the instant and the learner's UTC offset,
//! which decides where "today" begins); the queue and the dashboard also take a [`Deck`], the cards
//! the app knows, indexed once. Types the UI receives are serde + specta, camelCase, with unix ms as
//! f64 and counts as u32.
//!
//! The review log is the source of truth and only grows (undo appends a mark); each card's state is
//! a cache that [`rebuild_states`] recomputes by replay, exactly as recording left it.

mod error;
mod export;
mod mistakes;
mod mock;
mod mock_report;
mod mock_session;
mod optimize;
mod plan;
mod progress;
mod queue;
mod review;
mod schedule;
mod settings;
mod stats;
pub mod synthetic;
mod time;
mod undo;
mod weakest;

pub use error::StudyError;
pub use export::export_markdown;
pub use mistakes::{
    Answer, AttemptOutcome, ConfusedPair, MissedPoint, MistakeLimits, MistakeTally, Mistakes,
    PointsReview, QuestionMiss, QuestionOutcome, RuleMiss, RuleOutcome, SlotMistake, SlotOutcome,
    TopicPoints,
};
pub use mock::{
    delete_mock, get_mock, list_mocks, pick_mock_questions, start_mock, Mock, MockAnswer,
    MockCandidate, MockLevel, MockSettings, MockStage, MockSummary, MAX_MINUTES_PER_ANSWER,
    MAX_MOCK_QUESTIONS, RECENT_MOCK_MS,
};
pub use mock_report::{expected_answer_seconds, weakest_points, WeakPoint, MAX_WEAK_POINTS};
pub use mock_session::{
    answer_mock, finish_mock, grade_mock_answer, next_mock_question, MAX_MOCK_ANSWER_CHARS,
};
pub use optimize::{optimize, Fit, OptimizeReport, MIN_TRAINING_REVIEWS};
pub use plan::{
    load_plan, pace, parse_date, plan_forecast, save_plan, InterviewPlan, PaceInput, PlanForecast,
    PlanPace, PlanStatus, READY_HOLD_DAYS, READY_REVIEWS,
};
pub use progress::{
    progress_figures, DueDay, MonthRetention, ProgressCard, ProgressFigures, RecallShare,
    FORECAST_DAYS, HEATMAP_DAYS, RETENTION_MONTHS,
};
pub use queue::{today_queue, CardRef, Deck, TodayQueue};
pub use review::{
    card_status, next_intervals, record_review, validate_card_id, CardStatus, IntervalChoice,
    NextIntervals, ReviewInput, ReviewOutcome, MAX_POINTS,
};
pub use schedule::{
    interval_label, suggest_rating, Rating, AGAIN_STEP_MS, MAX_INTERVAL_DAYS, SUGGEST_AGAIN_BELOW,
    SUGGEST_HARD_BELOW,
};
pub use settings::{
    default_params, load_settings, save_settings, StudySettings, DEFAULT_MAX_REVIEWS_PER_DAY,
    DEFAULT_NEW_PER_DAY, DEFAULT_RETENTION, RETENTION_RANGE,
};
pub use stats::{dashboard, Dashboard, DayCount, TopicStat};
pub use time::{date_string, datetime_string, Now, DAY_MS};
pub use undo::{rebuild_states, undo_last, RebuildReport, UndoOutcome};
pub use weakest::{weaker_share, weakest_topics, MockTopic};

/// The card id under which a question is scheduled.
pub fn question_card(question_id: &str) -> String {
    format!("q:{question_id}")
}

/// The card id under which a drill is scheduled.
pub fn drill_card(drill_id: &str) -> String {
    format!("d:{drill_id}")
}
