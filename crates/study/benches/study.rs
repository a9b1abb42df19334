//! The study engine at scale: 100,000 cards and 1,000,000 reviews in a temporary database file.
//! Targets: Today queue ≤ 50 ms, recording one review (write + reschedule) ≤ 5 ms, rebuilding every
//! card state from the log ≤ 5 s.
//! `cargo bench -p archdrill-study -- --warm-up-time 1 --measurement-time 5`
use archdrill_domain::Topic;
use archdrill_store::{ReviewRecord, Store};
use archdrill_study::{
    rebuild_states, record_review, today_queue, CardRef, Deck, Now, Rating, ReviewInput, DAY_MS,
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

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

fn card_id(i: usize) -> String {
    format!("q:bench-question-{i:06}")
}

/// A year of history: each card first seen at a random point, then reviewed at growing gaps, mostly
/// rated Good.
fn history() -> impl Iterator<Item = ReviewRecord> {
    let mut rng = Rng(2024);
    (0..REVIEWED).flat_map(move |c| {
        // The gaps below add up to at most 262 days, so every review is in the past.
        let mut day = NOW / DAY_MS - 365 + rng.below(100) as i64;
        let mut gap = 1;
        let seed = rng.below(u64::MAX);
        (0..10 + usize::from(c < REVIEWS - 10 * REVIEWED))
            .map(|k| {
                let mut r = Rng(seed ^ k as u64);
                let at = day * DAY_MS + 8 * 3_600_000 + r.below(12 * 3_600_000) as i64;
                let rating = match r.below(20) {
                    0 | 1 => 1,
                    2 => 2,
                    3 => 4,
                    _ => 3,
                };
                let row = ReviewRecord {
                    id: ulid::Ulid::from_parts(at as u64, u128::from(r.below(u64::MAX)))
                        .to_string(),
                    card_id: card_id(c),
                    reviewed_at: at,
                    day,
                    rating,
                    duration_ms: 20_000 + r.below(60_000) as i64,
                    points: "[0,1,3]".into(),
                    points_total: 5,
                    elapsed_days: (k > 0).then_some(gap),
                    answer: None,
                };
                gap = if rating == 1 { 1 } else { (gap * 2).min(40) };
                day += gap;
                row
            })
            .collect::<Vec<_>>()
    })
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
    let mut rng = Rng(9);
    let mut t = NOW;
    c.bench_function("record_review_1m_log", |b| {
        b.iter(|| {
            t += 1_000;
            let input = ReviewInput {
                card_id: card_id(rng.below(CARDS as u64) as usize),
                rating: Rating::ALL[rng.below(4) as usize],
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
