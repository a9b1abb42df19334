//! The study engine at scale: 100,000 cards and 1,000,000 reviews in a temporary database file.
//! Targets: Today queue ≤ 50 ms, recording one review (write + reschedule) ≤ 5 ms, rebuilding every
//! card state from the log ≤ 5 s.
//! `cargo bench -p archdrill-study -- --warm-up-time 1 --measurement-time 5`
use archdrill_domain::Topic;
use archdrill_store::{ReviewRecord, Store};
use archdrill_study::{
    rebuild_states, record_review, synthetic::review_history, today_queue, CardRef, Deck, Now,
    Rating, ReviewInput,
};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Instant;

const CARDS: usize = 100_000;
/// Cards with a history; the other 5,000 are new.
const REVIEWED: usize = 95_000;
/// 95,000 cards × 10 reviews, and an 11th for 50,000 of them.
const REVIEWS: usize = 1_000_000;
/// 2025-06-01 12:00 UTC: "now" for every bench.
const NOW: i64 = 1_748_779_200_000;

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    deck: Deck,
}

fn card_id(i: usize) -> String {
    format!("q:bench-question-{i:06}")
}

/// A year of history for the first `REVIEWED` cards (see `archdrill_study::synthetic`).
fn history() -> impl Iterator<Item = ReviewRecord> {
    review_history((0..REVIEWED).map(card_id).collect(), REVIEWS, NOW)
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let t = Instant::now();
        // Written in time order, as a real log grows, in one transaction with one prepared statement.
        let mut rows: Vec<ReviewRecord> = history().collect();
        assert_eq!(rows.len(), REVIEWS);
        rows.sort_unstable_by_key(|r| r.reviewed_at);
        let made = t.elapsed();
        let n = store.import_reviews(rows).unwrap();
        let generated = t.elapsed();
        eprintln!("fixture: rows made in {made:.2?}");
        let t = Instant::now();
        let report = rebuild_states(&mut store).unwrap();
        eprintln!(
            "fixture: {n} reviews written in {generated:.2?}; {} card states built in {:.2?}",
            report.cards,
            t.elapsed()
        );
        let cards: Vec<CardRef> = (0..CARDS)
            .map(|i| CardRef {
                id: card_id(i),
                topic: Topic::ALL[i % Topic::ALL.len()],
            })
            .collect();
        // Built once when the app loads its bank.
        let t = Instant::now();
        let deck = Deck::new(cards);
        eprintln!(
            "fixture: deck of {} cards indexed in {:.2?}",
            deck.len(),
            t.elapsed()
        );
        Fixture {
            path: store.path().to_path_buf(),
            _dir: dir,
            deck,
        }
    })
}

fn queue(c: &mut Criterion) {
    let f = fixture();
    let store = Store::open(&f.path).unwrap();
    let now = Now::utc(NOW);
    let q = today_queue(&store, &f.deck, now).unwrap();
    eprintln!(
        "today: {} due, {} new available, {} queued",
        q.due,
        q.new_available,
        q.cards.len()
    );
    c.bench_function("today_queue_100k_cards_1m_reviews", |b| {
        b.iter(|| black_box(today_queue(&store, &f.deck, now).unwrap()))
    });
}

fn record(c: &mut Criterion) {
    let f = fixture();
    let mut store = Store::open(&f.path).unwrap();
    // Cards spread over the deck by a prime stride, the four ratings in turn.
    let mut k = 0usize;
    let mut t = NOW;
    c.bench_function("record_review_1m_log", |b| {
        b.iter(|| {
            t += 1_000;
            k += 1;
            let input = ReviewInput {
                card_id: card_id(k * 7_919 % CARDS),
                rating: Rating::ALL[k % 4],
                duration_ms: 30_000.0,
                points: vec![0, 2],
                points_total: 5,
                answer: None,
            };
            black_box(record_review(&mut store, &input, Now::utc(t)).unwrap())
        })
    });
}

fn rebuild(c: &mut Criterion) {
    let f = fixture();
    let mut store = Store::open(&f.path).unwrap();
    let mut group = c.benchmark_group("rebuild");
    group.sample_size(10);
    group.bench_function("rebuild_states_1m_reviews", |b| {
        b.iter(|| black_box(rebuild_states(&mut store).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, queue, record, rebuild);
criterion_main!(benches);
