//! Undo and rebuild: both recompute card states by replaying the log.
use crate::review::CardStatus;
use crate::schedule::{Rating, Scheduler};
use crate::time::ms_to_ui;
use crate::{load_settings, Now, StudyError};
use archdrill_store::Store;
use serde::Serialize;
use specta::Type;

/// What an undo took back.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UndoOutcome {
    pub review_id: String,
    pub card_id: String,
    pub rating: Rating,
    /// Unix ms of the review undone.
    pub reviewed_at: f64,
    /// The card's restored state; `None` when the card is new again.
    pub card: Option<CardStatus>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RebuildReport {
    pub cards: u32,
    pub reviews: u32,
}

/// Undoes the most recent review not yet undone (also after a restart: the log is all in SQLite). The
/// review stays in the log with an undo mark appended, and its card's state is recomputed by
/// replaying the card's remaining reviews, all in one transaction. `Ok(None)` when there is nothing
/// left to undo.
pub fn undo_last(store: &mut Store, now: Now) -> Result<Option<UndoOutcome>, StudyError> {
    let sched = Scheduler::new(&load_settings(store)?)?;
    let undone = store.undo_last_review_with(now.unix_ms, |card_id, remaining| {
        sched.replay(card_id, remaining)
    })?;
    let Some(u) = undone else {
        return Ok(None);
    };
    let rating = Rating::from_number(u.review.rating)
        .ok_or_else(|| StudyError::corrupt("review", format!("rating {}", u.review.rating)))?;
    Ok(Some(UndoOutcome {
        review_id: u.review.id,
        card_id: u.review.card_id,
        rating,
        reviewed_at: ms_to_ui(u.review.reviewed_at),
        card: u.state.as_ref().map(CardStatus::from),
    }))
}

/// Recomputes every card's state from the log under the current settings, replacing the cache.
pub fn rebuild_states(store: &mut Store) -> Result<RebuildReport, StudyError> {
    let sched = Scheduler::new(&load_settings(store)?)?;
    let mut reviews = 0usize;
    let cards = store.rebuild_card_states_with(|log| {
        let mut states = Vec::with_capacity(log.cards.len());
        for (card_id, history) in &log.cards {
            reviews += history.len();
            states.extend(sched.replay(card_id, history)?);
        }
        Ok::<_, StudyError>(states)
    })?;
    Ok(RebuildReport {
        cards: u32::try_from(cards).unwrap_or(u32::MAX),
        reviews: u32::try_from(reviews).unwrap_or(u32::MAX),
    })
}
