//! The exchange at scale, on real files in a temporary folder.
//! Targets: importing an export of 1,000,000 reviews into an empty data folder ≤ 10 s (read, check,
//! merge, rebuild every card state); merging a 10,000-line change file from the sync folder ≤ 50 ms.
//! `cargo bench -p archdrill-exchange -- --warm-up-time 1 --measurement-time 5`
use archdrill_domain::new_ulid;
use archdrill_exchange::{encode, export_file, import_file, sync_once};
use archdrill_store::{ChangeKind, ChangeRecord, OwnRecord, ReviewRecord, Store};
use criterion::{criterion_group, criterion_main, Criterion};
use std::io::Write;
use std::time::{Duration, Instant};

const CARDS: usize = 100_000;
const PER_CARD: usize = 10;
/// 2026-01-01 00:00 UTC.
const START: i64 = 1_767_225_600_000;
const DAY_MS: i64 = 86_400_000;

/// `per_card` reviews of each of `cards` cards, a few days apart, mostly Good.
fn history(cards: usize, per_card: usize) -> impl Iterator<Item = ReviewRecord> {
    (0..cards).flat_map(move |c| {
        (0..per_card).map(move |k| {
            let at = START + (c % 97) as i64 * 3_600_000 + k as i64 * 3 * DAY_MS;
            ReviewRecord {
                id: new_ulid(at),
                card_id: format!("q:bench-question-{c:06}"),
                reviewed_at: at,
                day: at / DAY_MS,
                rating: if (c + k) % 7 == 0 { 1 } else { 3 },
                duration_ms: 9_000,
                points: "[0,1]".into(),
                points_total: 4,
                elapsed_days: (k > 0).then_some(3),
                answer: None,
            }
        })
    })
}

fn import_million(c: &mut Criterion) {
    let source = tempfile::tempdir().unwrap();
    let file = source.path().join("big.archdrill.zip");
    {
        let mut store = Store::open_in(&source.path().join("data")).unwrap();
        store.import_reviews(history(CARDS, PER_CARD)).unwrap();
        export_file(&store, &file, "bench", START, |_| {}).unwrap();
    }
    let mut g = c.benchmark_group("exchange");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(60));
    g.bench_function("import 1,000,000 reviews into an empty folder", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let dir = tempfile::tempdir().unwrap();
                let mut store = Store::open_in(dir.path()).unwrap();
                let t = Instant::now();
                let added = import_file(&mut store, &file, |_| {}).unwrap();
                total += t.elapsed();
                assert_eq!(added.reviews, CARDS * PER_CARD);
            }
            total
        })
    });
    g.finish();
}

/// A peer's change file: 9,000 reviews of 900 cards and 1,000 note and bookmark changes.
fn change_file(folder: &std::path::Path) {
    let mut out = Vec::new();
    for r in history(900, PER_CARD) {
        out.extend(encode(&OwnRecord::Review(r)).unwrap());
    }
    for i in 0..1_000 {
        let at = START + i;
        let (kind, value) = if i % 2 == 0 {
            (ChangeKind::Note, Some(format!("note {i}")))
        } else {
            (ChangeKind::Bookmark, Some("1".to_string()))
        };
        let rec = ChangeRecord {
            id: new_ulid(at),
            at,
            kind,
            key: format!("bench-question-{i:06}"),
            value,
        };
        out.extend(encode(&OwnRecord::Change(rec)).unwrap());
    }
    let name = format!("{}.jsonl", new_ulid(START));
    let mut f = std::fs::File::create(folder.join(name)).unwrap();
    f.write_all(&out).unwrap();
}

fn merge_change_file(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    change_file(folder.path());
    c.bench_function("exchange/merge a 10,000-line change file", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let dir = tempfile::tempdir().unwrap();
                let mut store = Store::open_in(dir.path()).unwrap();
                let t = Instant::now();
                let report = sync_once(&mut store, folder.path(), START).unwrap();
                total += t.elapsed();
                assert_eq!(report.lines_read, 10_000);
            }
            total
        })
    });
}

criterion_group!(benches, merge_change_file, import_million);
criterion_main!(benches);
