//! Fitting FSRS's weights to the learner's own history with fsrs's optimiser.
use crate::{load_settings, save_settings, StudyError};
use archdrill_store::{ReplayLog, Store};
use fsrs::{
    compute_parameters, CombinedProgressState, ComputeParametersInput, FSRSItem, FSRSReview, FSRS,
};
use serde::Serialize;
use specta::Type;
use std::time::Duration;

/// Training examples needed: reviews of a card that had been seen on an earlier day. Below 64 fsrs
/// does not train at all (it only estimates initial stabilities), so optimising would change little
/// and mislead.
pub const MIN_TRAINING_REVIEWS: u32 = 64;

/// How well a set of weights predicts the learner's recalls (lower is better for both).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Fit {
    /// Mean log loss of the predicted recall probability.
    pub log_loss: f64,
    /// RMSE between predicted and actual recall rates, binned as fsrs/Anki do.
    pub rmse_bins: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OptimizeReport {
    /// Training examples used.
    pub reviews_used: u32,
    /// Fit of the weights in force before, and of the new ones, on the same history.
    pub before: Fit,
    pub after: Fit,
    /// Whether the new weights were stored (only when they fit at least as well).
    pub applied: bool,
    /// The weights now in force.
    pub params: Vec<f32>,
}

/// One training example per review of a card seen on an earlier day (the label), with that card's
/// history up to it (same-day repeats included, as FSRS's short-term model uses them); delta_t is in
/// the learner's local days, as the scheduler sees them. Items are in time order, which fsrs relies
/// on to weight recent reviews more. Also returns each item's card.
fn training_items(log: &ReplayLog) -> (Vec<FSRSItem>, Vec<i64>) {
    let mut timed: Vec<(i64, i64, FSRSItem)> = Vec::new();
    for (k, (_, history)) in log.cards.iter().enumerate() {
        let mut reviews: Vec<FSRSReview> = Vec::with_capacity(history.len());
        let mut prev_day: Option<i64> = None;
        for r in history {
            let delta = prev_day.map_or(0, |d| (r.day - d).clamp(0, i64::from(u32::MAX)));
            prev_day = Some(r.day);
            reviews.push(FSRSReview {
                rating: u32::from(r.rating),
                delta_t: delta as u32,
            });
            // A same-day repeat says nothing about long-term recall (FSRS predicts certain recall
            // after 0 days, so it cannot be scored), so it is history only, never a label.
            if delta > 0 {
                timed.push((
                    r.reviewed_at,
                    k as i64,
                    FSRSItem {
                        reviews: reviews.clone(),
                    },
                ));
            }
        }
    }
    timed.sort_by_key(|(t, k, item)| (*t, *k, item.reviews.len()));
    timed.into_iter().map(|(_, k, item)| (item, k)).unzip()
}

fn fit(params: &[f32], items: &[FSRSItem], cards: &[i64]) -> Result<Fit, StudyError> {
    let e = FSRS::new(params)?.evaluate_with_card_ids(items.to_vec(), cards.to_vec(), |_| true)?;
    Ok(Fit {
        log_loss: f64::from(e.log_loss),
        rmse_bins: f64::from(e.rmse_bins),
    })
}

/// Fits the weights to the learner's history. `progress` receives a rising fraction 0..=1 (called
/// from this thread; training runs on another). The new weights are stored, and every card
/// rescheduled with them, only if they fit the history at least as well as the current ones (by log
/// loss); otherwise the report says so and nothing changes.
pub fn optimize(
    store: &mut Store,
    mut progress: impl FnMut(f64),
) -> Result<OptimizeReport, StudyError> {
    progress(0.0);
    let settings = load_settings(store)?;
    let (items, cards) = training_items(&store.replay_log()?);
    let have = u32::try_from(items.len()).unwrap_or(u32::MAX);
    if have < MIN_TRAINING_REVIEWS {
        return Err(StudyError::NotEnoughReviews {
            have,
            need: MIN_TRAINING_REVIEWS,
        });
    }
    let before = fit(&settings.fsrs_params, &items, &cards)?;
    progress(0.05);

    let shared = CombinedProgressState::new_shared();
    let input = ComputeParametersInput {
        train_set: items.clone(),
        card_ids: Some(cards.clone()),
        progress: Some(shared.clone()),
        ..Default::default()
    };
    let mut reported = 0.05;
    let trained = std::thread::scope(|s| {
        let worker = s.spawn(move || compute_parameters(input));
        while !worker.is_finished() {
            std::thread::sleep(Duration::from_millis(50));
            // A poisoned lock only means the trainer panicked; join() reports that below.
            let (done, total) = match shared.lock() {
                Ok(p) => (p.current(), p.total()),
                Err(_) => (0, 0),
            };
            if total > 0 {
                let f = 0.05 + 0.85 * (done as f64 / total as f64).min(1.0);
                if f > reported {
                    reported = f;
                    progress(f);
                }
            }
        }
        worker.join()
    })
    .map_err(|_| StudyError::Fsrs("the optimiser failed unexpectedly".into()))??;
    progress(0.9);

    let after = fit(&trained, &items, &cards)?;
    let applied = after.log_loss <= before.log_loss;
    let params = if applied {
        let new = crate::StudySettings {
            fsrs_params: trained,
            ..settings
        };
        save_settings(store, &new)?.fsrs_params
    } else {
        settings.fsrs_params
    };
    progress(1.0);
    Ok(OptimizeReport {
        reviews_used: have,
        before,
        after,
        applied,
        params,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use archdrill_store::ReplayReview;

    #[test]
    fn items_start_at_the_first_review_on_a_later_day() {
        let r = |day, rating| ReplayReview {
            reviewed_at: day * 86_400_000,
            day,
            rating,
        };
        let log = ReplayLog {
            cards: vec![
                (
                    "q:a".into(),
                    vec![r(0, 3), r(0, 3), r(2, 1), r(2, 3), r(9, 4)],
                ),
                ("q:b".into(), vec![r(5, 3)]),
            ],
        };
        let (items, cards) = training_items(&log);
        assert_eq!(
            items.len(),
            2,
            "the same-day repeats are history, not labels"
        );
        assert_eq!(cards, vec![0, 0]);
        assert_eq!(items[0].reviews.len(), 3);
        let deltas: Vec<u32> = items[1].reviews.iter().map(|r| r.delta_t).collect();
        assert_eq!(deltas, vec![0, 0, 2, 0, 7]);
    }
}
