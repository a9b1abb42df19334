//! Helpers shared by the study crate's integration tests.
#![allow(dead_code)]
use archdrill_domain::Topic;
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

/// A tiny deterministic generator for test data.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn rating(&mut self) -> Rating {
        Rating::ALL[self.below(4) as usize]
    }
}
