//! The Progress screen: readiness per topic and level today and on the interview day, the due
//! forecast, a year of reviews and true retention per month. The figures come from the study
//! engine; this module gives it the cards with their topic and level, and the interview day from
//! the learner's plan.
use crate::Archdrill;
use archdrill_domain::{AppError, Level};
use archdrill_study::{
    date_string, load_plan, load_settings, progress_figures, DayCount, Now, ProgressCard,
    HEATMAP_DAYS,
};
use serde::Serialize;
use specta::Type;
use std::collections::HashMap;

pub use archdrill_study::{DueDay, MonthRetention, RecallShare};

/// Everything the Progress screen draws, dates as local `YYYY-MM-DD` and months as `YYYY-MM`.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProgressView {
    /// The learner's today.
    pub today: String,
    /// The interview day of the plan, when one is set and has not passed.
    pub interview_date: Option<String>,
    /// The retention FSRS schedules for, 0.70–0.99: the target the monthly figures aim at.
    pub desired_retention: f64,
    /// By topic, mid level before senior; only topic–level pairs that have cards.
    pub recall: Vec<RecallShare>,
    /// 30 days, today first (today's count includes overdue cards).
    pub forecast: Vec<DueDay>,
    /// 365 days, oldest first, today last.
    pub heatmap: Vec<DayCount>,
    /// The heatmap's first day of the week, 0 = Monday … 6 = Sunday, to lay its cells out in weeks.
    pub heatmap_first_weekday: u32,
    /// 12 calendar months, oldest first, the current one last.
    pub retention: Vec<MonthRetention>,
    /// The totals the charts' text alternatives state.
    pub totals: ProgressTotals,
}

/// Sums over the charts, so that the screen states them without computing anything.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProgressTotals {
    /// Cards due within the forecast's 30 days, overdue ones included.
    pub due: u32,
    /// Reviews over the heatmap's 365 days, and the days with at least one.
    pub reviews: u32,
    pub review_days: u32,
    /// Long-term reviews over the 12 months, those passed, and their share (`None` without any).
    pub long_term_reviews: u32,
    pub passed: u32,
    pub retention: Option<f64>,
}

impl ProgressTotals {
    fn of(forecast: &[DueDay], heatmap: &[DayCount], months: &[MonthRetention]) -> ProgressTotals {
        let long_term_reviews: u32 = months.iter().map(|m| m.reviews).sum();
        let passed: u32 = months.iter().map(|m| m.passed).sum();
        ProgressTotals {
            due: forecast.iter().map(|d| d.due).sum(),
            reviews: heatmap.iter().map(|d| d.reviews).sum(),
            review_days: heatmap.iter().filter(|d| d.reviews > 0).count() as u32,
            long_term_reviews,
            passed,
            retention: (long_term_reviews > 0)
                .then(|| f64::from(passed) / f64::from(long_term_reviews)),
        }
    }
}

impl Archdrill {
    pub fn progress(&self, utc_offset_min: i32) -> Result<ProgressView, AppError> {
        let now = Now::new(self.now_ms(), utc_offset_min);
        let today = now.day();
        let cards = self.progress_cards();
        let store = self.store();
        let plan = load_plan(&store)?;
        let settings = load_settings(&store)?;
        let figures = progress_figures(&store, &cards, now, plan.day)?;
        drop(store);
        let first_day = today - (HEATMAP_DAYS - 1);
        let totals = ProgressTotals::of(&figures.forecast, &figures.heatmap, &figures.retention);
        Ok(ProgressView {
            today: date_string(today),
            interview_date: plan.day.filter(|&d| d >= today).map(date_string),
            desired_retention: settings.desired_retention,
            recall: figures.recall,
            forecast: figures.forecast,
            heatmap: figures.heatmap,
            // Day 0, 1970-01-01, was a Thursday.
            heatmap_first_weekday: (first_day + 3).rem_euclid(7) as u32,
            retention: figures.retention,
            totals,
        })
    }

    /// The deck's cards, each with its level: a question's own; a drill's that of the first question
    /// linking its diagram (the one whose topic the deck files it under), mid level when none does.
    pub(crate) fn progress_cards(&self) -> Vec<ProgressCard> {
        let questions = self.bank.questions();
        let mut levels: HashMap<String, Level> = questions
            .iter()
            .map(|q| (archdrill_study::question_card(&q.id), q.level))
            .collect();
        for drill in self.library.drills() {
            let level = questions
                .iter()
                .find(|q| q.diagrams.contains(&drill.diagram))
                .map_or(Level::Mid, |q| q.level);
            levels.insert(archdrill_study::drill_card(&drill.id), level);
        }
        self.deck()
            .cards()
            .iter()
            .map(|c| ProgressCard {
                level: levels.get(&c.id).copied().unwrap_or(Level::Mid),
                id: c.id.clone(),
                topic: c.topic,
            })
            .collect()
    }
}
