//! The Progress screen: readiness per topic and level today and on the interview day, the due
//! forecast, a year of reviews and true retention per month. The figures come from the study
//! engine; this module gives it the cards with their topic and level, and the interview day from
//! the learner's plan.
use crate::clock::now_ms;
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
}

impl Archdrill {
    pub fn progress(&self, utc_offset_min: i32) -> Result<ProgressView, AppError> {
        let now = Now::new(now_ms(), utc_offset_min);
        let today = now.day();
        let cards = self.progress_cards();
        let store = self.store();
        let plan = load_plan(&store)?;
        let settings = load_settings(&store)?;
        let figures = progress_figures(&store, &cards, now, plan.day)?;
        drop(store);
        let first_day = today - (HEATMAP_DAYS - 1);
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
