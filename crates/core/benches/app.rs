//! What the app really runs, through the core handle (`Archdrill::open_with_clock`) over a real
//! SQLite file and a real packs folder, at three sizes:
//! - "bank": the shipped bank (111 questions), a few hundred reviews;
//! - "10k": a 10,000-question pack, 100,000 reviews of 9,500 of its cards;
//! - "100k": a 100,000-question pack (100,000 cards), 1,000,000 reviews of 95,000 cards.
//!
//! Targets: home_summary + study_dashboard ≤ 10 ms; search ≤ 5 ms p95 at 10k; study_queue ≤ 20 ms
//! p95 at 100k cards / 1M reviews. Every sample is a fixed number of calls (flat sampling), so a p95
//! can be read from criterion's raw samples: `cargo xtask bench-report`.
//! `cargo bench -p archdrill-core --bench app -- --warm-up-time 1 --measurement-time 5`
//!
//! The generated data dir is cached in `target/bench-data/<size>` (rebuilt when `GENERATOR`
//! changes); each run starts from a pristine copy of its database, because the write benches append
//! to the log (a review and its undo mark per call).
use archdrill_content::synthetic;
use archdrill_core::{Archdrill, Clock, QuestionFilter, ReviewInput, StudiedFilter};
use archdrill_diagram::{answer_key, Library, Submission};
use archdrill_domain::Topic;
use archdrill_store::{db_path, Store};
use archdrill_study::{rebuild_states, synthetic::review_history, Rating};
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, SamplingMode};
use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Bump when anything below changes what is generated: the cached data dirs are then rebuilt.
const GENERATOR: &str = "app-bench-1";
/// 2025-06-01 12:00 UTC: the handle's fixed clock, so "today" is the same on every run.
const NOW: i64 = 1_748_779_200_000;
const DRILL: &str = "vpc-three-tier-label";
/// One in this many questions is bookmarked and noted (at most `MAX_MARKS` of each).
const MARK_EVERY: usize = 20;
const MAX_MARKS: usize = 500;

struct Size {
    name: &'static str,
    /// Questions in the generated pack (0: the shipped bank only).
    pack: usize,
    /// Questions with a history, taken in bank order.
    reviewed: usize,
    reviews: usize,
    /// Criterion samples per bench: fewer where one call is slow, so a run stays within minutes.
    samples: usize,
}

const SIZES: [Size; 3] = [
    Size {
        name: "bank",
        pack: 0,
        reviewed: 40,
        reviews: 420,
        samples: 60,
    },
    Size {
        name: "10k",
        pack: 10_000,
        reviewed: 9_500,
        reviews: 100_000,
        samples: 50,
    },
    Size {
        name: "100k",
        pack: 100_000,
        reviewed: 95_000,
        reviews: 1_000_000,
        samples: 30,
    },
];

fn cache_dir(size: &Size) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/bench-data")
        .join(size.name)
}

/// The app's data dir for `size`, generated once and reset to its pristine database on every run.
fn data_dir(size: &Size) -> PathBuf {
    let root = cache_dir(size);
    let app = root.join("app");
    let pristine = root.join("pristine.sqlite");
    let stamp = root.join("generator");
    if fs::read_to_string(&stamp).ok().as_deref() != Some(GENERATOR) {
        let t = Instant::now();
        let _ = fs::remove_dir_all(&root);
        generate(size, &app);
        fs::copy(db_path(&app), &pristine).unwrap();
        fs::write(&stamp, GENERATOR).unwrap();
        eprintln!("{}: data generated in {:.1?}", size.name, t.elapsed());
    }
    let db = db_path(&app);
    for side in ["-wal", "-shm"] {
        let _ = fs::remove_file(PathBuf::from(format!("{}{side}", db.display())));
    }
    fs::copy(&pristine, &db).unwrap();
    app
}

/// A pack written where the learner's packs go, the review log written straight through the store
/// in one transaction and card states rebuilt from it (as an import does), then marks set through
/// the handle. The store is closed at the end, so the database file is complete without its WAL.
fn generate(size: &Size, app: &Path) {
    for source in synthetic::bank_sources(size.pack) {
        let path = app.join("packs").join(&source.file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, source.text).unwrap();
    }
    let handle = open(app);
    assert_eq!(handle.problems(), [], "the generated pack loads cleanly");
    let ids: Vec<String> = handle
        .bank()
        .questions()
        .iter()
        .map(|q| q.id.clone())
        .collect();
    drop(handle);
    let cards = ids.iter().take(size.reviewed).map(|id| format!("q:{id}"));
    let mut rows: Vec<_> = review_history(cards.collect(), size.reviews, NOW).collect();
    rows.sort_unstable_by_key(|r| r.reviewed_at);
    let mut store = Store::open_in(app).unwrap();
    store.import_reviews(rows).unwrap();
    rebuild_states(&mut store).unwrap();
    drop(store);
    let handle = open(app);
    for id in ids.iter().step_by(MARK_EVERY).take(MAX_MARKS) {
        handle.set_bookmark(id, true).unwrap();
        handle
            .save_note(id, "Revisit: the failover order.")
            .unwrap();
    }
}

fn open(dir: &Path) -> Archdrill {
    Archdrill::open_with_clock(dir, Clock::fixed(NOW)).unwrap()
}

/// The queries the Search screen sends: the filter as the shell passes it through.
fn searches() -> Vec<(&'static str, &'static str, QuestionFilter)> {
    let all = QuestionFilter::default;
    vec![
        ("search_common_word", "failover", all()),
        ("search_2_letter_prefix", "ca", all()),
        ("search_rare_phrase", "dead-letter queue", all()),
        (
            "search_common_word_topic",
            "failover",
            QuestionFilter {
                topic: Some(Topic::Resilience),
                ..all()
            },
        ),
        (
            "search_common_word_not_studied",
            "failover",
            QuestionFilter {
                studied: StudiedFilter::NotStudied,
                ..all()
            },
        ),
        (
            "search_common_word_bookmarked",
            "failover",
            QuestionFilter {
                bookmarked_only: true,
                ..all()
            },
        ),
    ]
}

/// `iters` calls of `write`, each followed by an untimed `undo_review`, so every call meets the
/// same number of card states and the same latest review (the log gains a row and an undo mark).
fn timed_then_undone(app: &Archdrill, iters: u64, mut write: impl FnMut()) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let t = Instant::now();
        write();
        total += t.elapsed();
        app.undo_review(0).unwrap().expect("the review just made");
    }
    total
}

fn group(c: &mut Criterion, size: &Size) {
    let t = Instant::now();
    let dir = data_dir(size);
    let app = open(&dir);
    eprintln!(
        "{}: {} questions; opened (bank loaded, deck built) in {:.1?}",
        size.name,
        app.bank().len(),
        t.elapsed()
    );
    let t = Instant::now();
    // The first search builds the index; the app pays this once per run.
    app.search("failover", &QuestionFilter::default()).unwrap();
    eprintln!("{}: search index built in {:.1?}", size.name, t.elapsed());
    let queue = app.study_queue(0).unwrap();
    eprintln!(
        "{}: today {} due, {} new available, {} queued",
        size.name,
        queue.today.due,
        queue.today.new_available,
        queue.today.cards.len()
    );

    let mut g = c.benchmark_group(size.name);
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(size.samples);
    g.bench_function("home_summary", |b| {
        b.iter(|| black_box(app.home(0).unwrap()))
    });
    g.bench_function("study_dashboard", |b| {
        b.iter(|| black_box(app.study_dashboard(0).unwrap()))
    });
    g.bench_function("study_queue", |b| {
        b.iter(|| black_box(app.study_queue(0).unwrap()))
    });
    for (name, query, filter) in searches() {
        let found = app.search(query, &filter).unwrap().len();
        eprintln!("{}: {name} ({query:?}) shows {found} results", size.name);
        g.bench_function(name, |b| {
            b.iter(|| black_box(app.search(query, &filter).unwrap()))
        });
    }
    writes(&mut g, &app, &queue.today.cards);
    g.finish();
}

/// check_drill (one label drill, right answers) and record_review, each undone after timing.
fn writes(
    g: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    app: &Archdrill,
    queued: &[String],
) {
    let key = answer_key(&Library::load_embedded(), DRILL).unwrap();
    let submission = Submission {
        placements: key.right_placements(),
        ..Submission::default()
    };
    g.bench_function("check_drill", |b| {
        b.iter_custom(|iters| {
            timed_then_undone(app, iters, || {
                black_box(app.check_drill(DRILL, &submission, 42_000.0, 0).unwrap());
            })
        })
    });
    // A card from today's queue, as the Review screen records.
    let card = queued
        .iter()
        .find(|id| id.starts_with("q:"))
        .expect("a question card is queued")
        .clone();
    let input = ReviewInput {
        card_id: card,
        rating: Rating::Good,
        duration_ms: 30_000.0,
        points: vec![0, 2],
        points_total: 0,
        answer: None,
    };
    g.bench_function("record_review", |b| {
        b.iter_custom(|iters| {
            timed_then_undone(app, iters, || {
                black_box(app.record_review(&input, 0).unwrap());
            })
        })
    });
}

fn app_paths(c: &mut Criterion) {
    for size in &SIZES {
        group(c, size);
    }
}

criterion_group!(benches, app_paths);
criterion_main!(benches);
