//! Recording, undo and rebuild against a real SQLite file.
mod common;

use archdrill_domain::SplitMix64;
use archdrill_store::Store;
use archdrill_study::*;
use common::*;

#[test]
fn recording_matches_the_preview_and_is_stored() {
    let (_dir, mut store) = store();
    let now = at_day(0);
    let preview = next_intervals(&store, "q:vpc", now).unwrap();
    assert_eq!(preview.again.label, "10m");
    assert!(preview.hard.interval_days < preview.good.interval_days);
    assert!(preview.good.interval_days < preview.easy.interval_days);

    let out = record_review(&mut store, &input("q:vpc", Rating::Good), now).unwrap();
    assert_eq!(out.card.due, preview.good.due);
    assert_eq!(out.interval_days, preview.good.interval_days);
    assert_eq!(out.card.reps, 1);
    assert_eq!(
        ulid::Ulid::from_string(&out.review_id)
            .unwrap()
            .timestamp_ms(),
        now.unix_ms as u64
    );
    assert_eq!(
        card_status(&store, "q:vpc").unwrap(),
        Some(out.card.clone())
    );
    assert_eq!(card_status(&store, "q:other").unwrap(), None);

    let rows = store.card_reviews("q:vpc", 10).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].rating, rows[0].duration_ms), (3, 30_000));
    assert_eq!((rows[0].points.as_str(), rows[0].points_total), ("[0]", 4));
    assert_eq!(rows[0].elapsed_days, None);
}

#[test]
fn bad_input_is_rejected_and_nothing_is_written() {
    let (_dir, mut store) = store();
    let now = at_day(0);
    let mut bad = vec![];
    for f in [
        (|i: &mut ReviewInput| i.card_id = "vpc".into()) as fn(&mut ReviewInput),
        |i| i.duration_ms = f64::NAN,
        |i| i.duration_ms = -1.0,
        |i| i.points = vec![4],
        |i| i.points_total = MAX_POINTS + 1,
    ] {
        let mut i = input("q:vpc", Rating::Good);
        f(&mut i);
        bad.push(record_review(&mut store, &i, now).unwrap_err());
    }
    assert!(bad
        .iter()
        .all(|e| matches!(e, StudyError::InvalidInput { .. })));
    assert_eq!(store.review_log_len().unwrap(), 0);
    assert!(store.all_card_states().unwrap().is_empty());
}

#[test]
fn undo_restores_the_previous_state_even_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    review(&mut store, "q:a", Rating::Good, at_day(0));
    review(&mut store, "q:b", Rating::Hard, at_day(0));
    review(&mut store, "q:a", Rating::Good, at_day(3));
    let before = store.card_state("q:a").unwrap();
    review(&mut store, "q:a", Rating::Again, at_day(9));
    assert_eq!(store.card_state("q:a").unwrap().unwrap().lapses, 1);
    drop(store);

    let mut store = Store::open_in(dir.path()).unwrap();
    let undone = undo_last(&mut store, at_day(9)).unwrap().unwrap();
    assert_eq!(
        (undone.card_id.as_str(), undone.rating),
        ("q:a", Rating::Again)
    );
    assert_eq!(store.card_state("q:a").unwrap(), before);
    assert_eq!(undone.card.as_ref().map(|c| c.lapses), Some(0));

    // Undo walks back through the log, newest first, and a card with nothing left is new again.
    assert_eq!(
        undo_last(&mut store, at_day(9)).unwrap().unwrap().card_id,
        "q:a"
    );
    let b = undo_last(&mut store, at_day(9)).unwrap().unwrap();
    assert_eq!((b.card_id.as_str(), b.card), ("q:b", None));
    assert_eq!(store.card_state("q:b").unwrap(), None);
    assert_eq!(
        undo_last(&mut store, at_day(9)).unwrap().unwrap().card_id,
        "q:a"
    );
    assert_eq!(undo_last(&mut store, at_day(9)).unwrap(), None);
    assert!(store.all_card_states().unwrap().is_empty());
    // Nothing was deleted: the log still holds all four reviews, each with an undo mark.
    assert_eq!(store.review_log_len().unwrap(), 4);
    assert_eq!(store.undo_count().unwrap(), 4);
}

#[test]
fn a_clock_that_goes_back_cannot_reorder_a_cards_reviews() {
    let (_dir, mut store) = store();
    review(&mut store, "q:a", Rating::Good, at_day(5));
    let out = record_review(&mut store, &input("q:a", Rating::Good), at_day(2)).unwrap();
    assert_eq!(out.card.last_review, (at_day(5).unix_ms + 1) as f64);
    let rows = store.card_reviews("q:a", 10).unwrap();
    assert_eq!(rows[0].day, rows[1].day);
    assert_eq!(rows[0].elapsed_days, Some(0));
    let cached = store.all_card_states().unwrap();
    rebuild_states(&mut store).unwrap();
    assert_eq!(store.all_card_states().unwrap(), cached);
}

/// The incremental path (record and undo) must leave exactly what a replay of the log computes.
#[test]
fn replay_gives_exactly_what_the_incremental_path_gave() {
    let (_dir, mut store) = store();
    let mut rng = SplitMix64::new(42);
    let mut now = T0;
    let mut records = 0;
    for step in 0..1_500 {
        // Mostly forward in time, in small and day-sized steps, sometimes backwards.
        now += match rng.below(10) {
            0 => -(rng.below(3 * 3_600_000) as i64),
            1..=5 => rng.below(600_000) as i64,
            _ => rng.below(3 * DAY_MS as u64) as i64,
        };
        let offset = [0, 60, -300, 330][rng.below(4) as usize];
        let at = Now::new(now, offset);
        if rng.below(8) == 0 {
            undo_last(&mut store, at).unwrap();
        } else {
            let card = format!("q:c{}", rng.below(25));
            record_review(&mut store, &input(&card, rating(&mut rng)), at).unwrap();
            records += 1;
        }
        if step % 500 == 499 {
            let incremental = store.all_card_states().unwrap();
            let report = rebuild_states(&mut store).unwrap();
            assert_eq!(
                store.all_card_states().unwrap(),
                incremental,
                "after step {step}"
            );
            assert_eq!(report.cards as usize, incremental.len());
        }
    }
    assert_eq!(store.review_log_len().unwrap(), records);
}

#[test]
fn changing_retention_reschedules_every_card() {
    let (_dir, mut store) = store();
    for c in ["q:a", "q:b", "q:c"] {
        review(&mut store, c, Rating::Good, at_day(0));
        review(&mut store, c, Rating::Good, at_day(3));
    }
    let before = store.card_state("q:a").unwrap().unwrap();
    let s = load_settings(&store).unwrap();
    assert_eq!(s, StudySettings::default());
    let saved = save_settings(
        &mut store,
        &StudySettings {
            desired_retention: 0.97,
            ..s.clone()
        },
    )
    .unwrap();
    assert_eq!(saved.desired_retention, 0.97);
    let after = store.card_state("q:a").unwrap().unwrap();
    assert!(
        after.due < before.due,
        "higher retention, shorter intervals"
    );
    assert_eq!(
        after.stability, before.stability,
        "memory is independent of retention"
    );
    let cached = store.all_card_states().unwrap();
    rebuild_states(&mut store).unwrap();
    assert_eq!(store.all_card_states().unwrap(), cached);

    let err = save_settings(
        &mut store,
        &StudySettings {
            desired_retention: 0.5,
            ..s
        },
    )
    .unwrap_err();
    assert!(
        matches!(err, StudyError::InvalidInput { ref field, .. } if field == "desiredRetention")
    );
    // A damaged stored value reads as the default rather than failing.
    store.set_setting("study.new_per_day", "lots").unwrap();
    store.set_setting("study.fsrs_params", "[1,2,3]").unwrap();
    let s = load_settings(&store).unwrap();
    assert_eq!(s.new_per_day, DEFAULT_NEW_PER_DAY);
    assert_eq!(s.fsrs_params, default_params());
}
