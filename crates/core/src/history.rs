//! A card's own history: each review still in force, newest first, with what the learner typed, so
//! the question page can show how their answers changed.
use crate::Archdrill;
use archdrill_domain::AppError;
use archdrill_store::ReviewRecord;
use archdrill_study::{datetime_string, validate_card_id, Now, Rating};
use serde::Serialize;
use specta::Type;

/// More reviews of one card than anyone makes in years of daily study; the page lists them all.
const HISTORY_LIMIT: u32 = 10_000;

/// One past review of a card.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub review_id: String,
    /// Unix ms.
    pub reviewed_at: f64,
    /// `YYYY-MM-DD HH:MM` in the learner's time zone.
    pub date: String,
    pub rating: Rating,
    pub duration_ms: f64,
    /// Rubric points ticked, of how many (0 of 0 for a card without a rubric).
    pub points_ticked: u32,
    pub points_total: u32,
    /// What the learner typed before revealing the model answer; `None` when nothing was typed.
    pub answer: Option<String>,
}

impl Archdrill {
    /// The reviews of `card_id` that have not been undone, newest first. A card never reviewed
    /// has an empty history.
    pub fn card_history(
        &self,
        card_id: &str,
        utc_offset_min: i32,
    ) -> Result<Vec<HistoryEntry>, AppError> {
        validate_card_id(card_id)?;
        let rows = self.store().card_reviews(card_id, HISTORY_LIMIT)?;
        rows.into_iter().map(|r| entry(r, utc_offset_min)).collect()
    }
}

fn entry(r: ReviewRecord, utc_offset_min: i32) -> Result<HistoryEntry, AppError> {
    // The log's CHECK keeps ratings in 1–4 and recording writes the ticks as a JSON array; a row
    // that is neither was damaged outside the app.
    let damaged = |what: String| AppError::Damaged {
        message: format!("review {} {what}", r.id),
    };
    let rating = Rating::from_number(r.rating)
        .ok_or_else(|| damaged(format!("has rating {}, not 1–4", r.rating)))?;
    let ticked: Vec<u32> = serde_json::from_str(&r.points)
        .map_err(|e| damaged(format!("has points {:?}: {e}", r.points)))?;
    Ok(HistoryEntry {
        date: datetime_string(Now::new(r.reviewed_at, utc_offset_min)),
        reviewed_at: r.reviewed_at as f64,
        review_id: r.id,
        rating,
        duration_ms: r.duration_ms as f64,
        points_ticked: u32::try_from(ticked.len()).unwrap_or(u32::MAX),
        points_total: r.points_total,
        answer: r.answer,
    })
}
