//! Fitting FSRS weights to a simulated learner's history.
mod common;

use archdrill_domain::SplitMix64;
use archdrill_study::*;
use common::*;

/// A learner whose memory of each card really decays: recall probability 0.9^(days / s), and each
/// success multiplies s by 2.5 while each failure cuts it. Studies the Today queue every day.
fn simulate(store: &mut archdrill_store::Store, days: i64, n_cards: usize) {
    let known = Deck::new(cards(n_cards));
    let mut rng = SplitMix64::new(7);
    let mut hidden: std::collections::HashMap<String, (f64, i64)> = Default::default();
    for day in 0..days {
        let now = at_day(day);
        let queue = today_queue(store, &known, now).unwrap();
        for card in queue.cards {
            let (s, last) = hidden.get(&card).copied().unwrap_or((1.5, day));
            let p = 0.9f64.powf((day - last) as f64 / s);
            let recalled = (rng.below(1000) as f64) < p * 1000.0;
            let rating = match (recalled, rng.below(10)) {
                (false, _) => Rating::Again,
                (true, 0) => Rating::Hard,
                (true, 1) => Rating::Easy,
                _ => Rating::Good,
            };
            record_review(store, &input(&card, rating), now).unwrap();
            let s = if recalled {
                s * 2.5
            } else {
                (s * 0.4).max(0.5)
            };
            hidden.insert(card.clone(), (s, day));
            if rating == Rating::Again {
                // The relearning step, ten minutes later.
                let later = now.at(now.unix_ms + AGAIN_STEP_MS);
                record_review(store, &input(&card, Rating::Good), later).unwrap();
            }
        }
    }
}

#[test]
fn too_little_history_is_a_typed_error() {
    let (_dir, mut store) = store();
    simulate(&mut store, 4, 10);
    let mut calls = vec![];
    match optimize(&mut store, |f| calls.push(f)) {
        Err(StudyError::NotEnoughReviews { have, need }) => {
            assert!(have < need);
            assert_eq!(need, MIN_TRAINING_REVIEWS);
        }
        other => panic!("expected NotEnoughReviews, got {other:?}"),
    }
    assert_eq!(load_settings(&store).unwrap().fsrs_params, default_params());
}

#[test]
fn optimising_fits_the_history_and_reschedules_with_the_new_weights() {
    let (_dir, mut store) = store();
    simulate(&mut store, 150, 120);
    let mut seen = vec![];
    let report = optimize(&mut store, |f| seen.push(f)).unwrap();
    assert!(
        report.reviews_used >= MIN_TRAINING_REVIEWS,
        "{}",
        report.reviews_used
    );
    assert_eq!(seen.first(), Some(&0.0));
    assert_eq!(seen.last(), Some(&1.0));
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "progress only rises: {seen:?}"
    );
    for fit in [report.before, report.after] {
        assert!(fit.log_loss.is_finite() && fit.log_loss > 0.0);
        assert!(fit.rmse_bins.is_finite() && fit.rmse_bins >= 0.0);
    }
    println!("{report:?}");
    let stored = load_settings(&store).unwrap().fsrs_params;
    assert_eq!(stored, report.params);
    if report.applied {
        assert!(report.after.log_loss <= report.before.log_loss);
        assert_ne!(stored, default_params());
    } else {
        assert_eq!(stored, default_params());
    }
    // Whatever is in force, the cache equals a replay under it.
    let cached = store.all_card_states().unwrap();
    rebuild_states(&mut store).unwrap();
    assert_eq!(store.all_card_states().unwrap(), cached);
}
