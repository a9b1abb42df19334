//! Helpers shared by the study crate's integration tests.
#![allow(dead_code)]
use archdrill_domain::{SplitMix64, Topic};
use archdrill_store::Store;
use archdrill_study::{record_review, CardRef, Now, Rating, ReviewInput, DAY_MS};

/// 2024-03-11 09:00 UTC.
pub const T0: i64 = 1_710_147_600_000;

pub fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    (dir, store)
}

pub fn at_day(d: i64) -> Now {
    Now::utc(T0 + d * DAY_MS)
}

pub fn input(card: &str, rating: Rating) -> ReviewInput {
    ReviewInput {
        card_id: card.to_string(),
        rating,
        duration_ms: 30_000.0,
        points: vec![0],
        points_total: 4,
        answer: None,
    }
}

pub fn review(store: &mut Store, card: &str, rating: Rating, now: Now) {
    record_review(store, &input(card, rating), now).unwrap();
}

pub fn cards(n: usize) -> Vec<CardRef> {
    (0..n)
        .map(|i| CardRef {
            id: format!("q:c{i:03}"),
            topic: Topic::ALL[i % 4],
        })
        .collect()
}

/// A random rating, drawn from the shared seeded generator.
pub fn rating(rng: &mut SplitMix64) -> Rating {
    Rating::ALL[rng.below(4) as usize]
}
