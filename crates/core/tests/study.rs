//! The study service over the real bank and a real SQLite file: the queue, a card, rating, undo,
//! settings and Home's due count. Mock interviews are in `mock.rs`.
use archdrill_core::{Archdrill, Clock, Rating, ReviewInput, StudyPrefs};
use archdrill_domain::{AppError, Topic};

/// 2026-06-15 12:00 UTC: the tests count "today" and "tomorrow", so they run at a fixed midday, not
/// at whatever time the wall clock says (near midnight a day would roll over mid-test).
const NOON: i64 = 1_781_524_800_000;

fn app() -> (tempfile::TempDir, Archdrill) {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open_with_clock(dir.path(), Clock::fixed(NOON)).unwrap();
    (dir, app)
}

fn rate(app: &Archdrill, card: &str, rating: Rating, points: Vec<u32>) {
    let input = ReviewInput {
        card_id: card.to_string(),
        rating,
        duration_ms: 20_000.0,
        points,
        // Deliberately wrong: the service takes the rubric size from the bank.
        points_total: 999,
        answer: None,
    };
    app.record_review(&input, 60).unwrap();
}

#[test]
fn a_fresh_queue_offers_new_cards_topics_interleaved() {
    let (_dir, app) = app();
    let q = app.study_queue(60).unwrap();
    assert_eq!(q.today.due, 0);
    assert_eq!(q.today.new_available, 10, "the default new-card limit");
    assert_eq!(q.today.cards.len(), 10);
    assert_eq!(q.next.as_deref(), q.today.cards.first().map(String::as_str));
    assert_eq!((q.due_left, q.new_left), (0, 10));
    assert!(q.today.cards.iter().all(|c| c.starts_with("q:")));
    let topics: Vec<Topic> = q
        .today
        .cards
        .iter()
        .map(|c| app.bank().get(&c[2..]).unwrap().topic)
        .collect();
    assert!(topics.windows(2).all(|w| w[0] != w[1]), "{topics:?}");
    assert_eq!(q.tomorrow_new, 10);
}

#[test]
fn rating_undo_and_the_follow_up_work_through_the_service() {
    let (_dir, app) = app();
    let first = app.study_queue(0).unwrap().next.unwrap();
    let card = app.study_card(&first, 0).unwrap();
    assert!(card.status.is_none(), "a new card");
    assert!(!card.question.key_points.is_empty());
    assert_eq!(card.intervals.again.label, "10m");
    let total = card.question.key_points.len() as u32;
    assert_eq!(app.suggest_rating(total, total), Some(Rating::Easy));

    rate(&app, &first, Rating::Good, vec![0]);
    let after = app.study_queue(0).unwrap();
    assert!(!after.today.cards.contains(&first));
    assert_eq!(after.today.done_today, 1);
    assert_eq!(app.study_dashboard(0).unwrap().done_today, 1);

    // Again brings the card back later today, but others come first while it waits.
    let second = after.next.unwrap();
    rate(&app, &second, Rating::Again, vec![]);
    let q = app.study_queue(0).unwrap();
    assert!(q.today.cards.contains(&second));
    assert_ne!(q.next.as_deref(), Some(second.as_str()));
    assert_eq!((q.due_left, q.new_left), (1, 8));
    assert_eq!(
        app.home(0).unwrap().due_today,
        1,
        "Home counts the relearning card"
    );

    let undone = app.undo_review(0).unwrap().unwrap();
    assert_eq!(
        (undone.card_id.as_str(), undone.rating),
        (second.as_str(), Rating::Again)
    );
    assert!(undone.card.is_none(), "new again");
    assert_eq!(app.home(0).unwrap().due_today, 0);
    let undone = app.undo_review(0).unwrap().unwrap();
    assert_eq!(undone.card_id, first);
    assert!(app.undo_review(0).unwrap().is_none());
}

#[test]
fn bad_cards_and_points_are_typed_errors() {
    let (_dir, app) = app();
    assert!(matches!(
        app.study_card("q:no-such-question", 0),
        Err(AppError::NotFound { .. })
    ));
    assert!(matches!(
        app.study_card("nonsense", 0),
        Err(AppError::InvalidInput { .. })
    ));
    let id = app.bank().questions()[0].id.clone();
    let input = ReviewInput {
        card_id: format!("q:{id}"),
        rating: Rating::Good,
        duration_ms: 1.0,
        points: vec![500],
        points_total: 999,
        answer: None,
    };
    assert!(matches!(
        app.record_review(&input, 0),
        Err(AppError::InvalidInput { .. })
    ));
}

#[test]
fn settings_round_trip_and_optimising_waits_for_history() {
    let (_dir, app) = app();
    let view = app.study_settings().unwrap();
    assert!(view.prefs.answer_timer, "the timer is on by default");
    assert_eq!(view.training_reviews, 0);
    assert_eq!(view.training_needed, 64);
    let prefs = StudyPrefs {
        desired_retention: 0.85,
        new_per_day: 3,
        max_reviews_per_day: 50,
        answer_timer: false,
    };
    assert_eq!(app.save_study_settings(&prefs).unwrap().prefs, prefs);
    assert_eq!(app.study_settings().unwrap().prefs, prefs);
    assert_eq!(app.study_queue(0).unwrap().today.cards.len(), 3);
    let bad = StudyPrefs {
        desired_retention: 0.5,
        answer_timer: true,
        ..prefs.clone()
    };
    assert!(app.save_study_settings(&bad).is_err());
    assert_eq!(
        app.study_settings().unwrap().prefs,
        prefs,
        "nothing written"
    );
    let mut seen = Vec::new();
    let err = app.optimize_params(|f| seen.push(f)).unwrap_err();
    assert!(
        matches!(err, AppError::NotEnoughReviews { have: 0, need } if need > 0),
        "{err:?}"
    );
}
