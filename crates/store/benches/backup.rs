//! A verified backup of a database holding 1,000,000 reviews (page copy, quick_check, fsync, rotation),
//! as the app takes one on its worker thread. Target ≤ 2 s.
//! `cargo bench -p archdrill-store --bench backup -- --warm-up-time 1 --measurement-time 20`
use archdrill_store::{back_up, ReviewRecord, Store};
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

const REVIEWS: usize = 1_000_000;
/// 100,000 cards, ten reviews each.
const CARDS: usize = 100_000;
const T0: i64 = 1_764_000_000_000;

fn history() -> impl Iterator<Item = ReviewRecord> {
    (0..REVIEWS).map(|i| {
        let at = T0 + i as i64 * 1_000;
        ReviewRecord {
            id: archdrill_domain::new_ulid(at),
            card_id: format!("q:bench-question-{:06}", i % CARDS),
            reviewed_at: at,
            day: at / 86_400_000,
            rating: 1 + (i % 4) as u8,
            duration_ms: 20_000,
            points: "[0,2]".into(),
            points_total: 4,
            elapsed_days: Some((i / CARDS) as i64),
            answer: None,
        }
    })
}

fn backup(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open_in(dir.path()).expect("a new store");
    store.import_reviews(history()).expect("1M reviews");
    let size = std::fs::metadata(store.path()).map_or(0, |m| m.len());
    eprintln!("database: {} MiB (plus WAL)", size / (1024 * 1024));
    let mut at = T0;
    let mut group = c.benchmark_group("backup");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("verified backup, 1M reviews", |b| {
        b.iter(|| {
            at += 1;
            back_up(store.path(), dir.path(), at).expect("backup")
        })
    });
    group.finish();
}

criterion_group!(benches, backup);
criterion_main!(benches);
