//! Typed answers stored with reviews and a card's history, through the core handle over a real data
//! folder; and the answer's trip through an export into a fresh folder.
use archdrill_core::{Archdrill, Rating, ReviewInput, MAX_ANSWER_CHARS};
use archdrill_domain::AppError;
use archdrill_exchange::ReviewLine;

fn app() -> (tempfile::TempDir, Archdrill) {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open(dir.path()).unwrap();
    (dir, app)
}

/// The first question of the bank as a card id, with its rubric size.
fn first_card(app: &Archdrill) -> (String, u32) {
    let q = app.bank().questions().first().unwrap();
    (format!("q:{}", q.id), q.key_points.len() as u32)
}

fn input(card: &str, rating: Rating, points: Vec<u32>, answer: Option<&str>) -> ReviewInput {
    ReviewInput {
        card_id: card.to_string(),
        rating,
        duration_ms: 42_000.0,
        points,
        points_total: 0,
        answer: answer.map(str::to_string),
    }
}

#[test]
fn a_typed_answer_is_stored_trimmed_and_shown_newest_first() {
    let (_dir, app) = app();
    let (card, total) = first_card(&app);
    assert!(app.card_history(&card, 60).unwrap().is_empty());

    let first = "  Target tracking keeps CPU near 50%.\n";
    app.record_review(&input(&card, Rating::Hard, vec![0], Some(first)), 60)
        .unwrap();
    app.record_review(
        &input(
            &card,
            Rating::Good,
            vec![0, 1],
            Some("Scale on queue depth"),
        ),
        60,
    )
    .unwrap();

    let history = app.card_history(&card, 60).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].rating, Rating::Good, "newest first");
    assert_eq!(history[0].answer.as_deref(), Some("Scale on queue depth"));
    assert_eq!(
        (history[0].points_ticked, history[0].points_total),
        (2, total)
    );
    assert_eq!(history[1].rating, Rating::Hard);
    assert_eq!(
        history[1].answer.as_deref(),
        Some("Target tracking keeps CPU near 50%."),
        "trimmed"
    );
    assert_eq!(history[1].points_ticked, 1);
    assert_eq!(history[1].duration_ms, 42_000.0);
    assert!(history[0].reviewed_at > history[1].reviewed_at);
    // "YYYY-MM-DD HH:MM" in the learner's zone.
    assert_eq!(history[0].date.len(), 16, "{}", history[0].date);
    assert_eq!(&history[0].date[4..5], "-");
}

#[test]
fn an_undone_review_leaves_the_history() {
    let (_dir, app) = app();
    let (card, _) = first_card(&app);
    app.record_review(&input(&card, Rating::Again, vec![], Some("first try")), 0)
        .unwrap();
    app.record_review(&input(&card, Rating::Easy, vec![], Some("second try")), 0)
        .unwrap();
    let undone = app.undo_review(0).unwrap().unwrap();
    assert_eq!(undone.rating, Rating::Easy);

    let history = app.card_history(&card, 0).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].answer.as_deref(), Some("first try"));
    assert_eq!(history[0].rating, Rating::Again);
}

#[test]
fn blank_answers_are_stored_as_none_and_long_ones_refused() {
    let (_dir, app) = app();
    let (card, _) = first_card(&app);
    app.record_review(&input(&card, Rating::Good, vec![], Some("  \n\t ")), 0)
        .unwrap();
    app.record_review(&input(&card, Rating::Good, vec![], Some("")), 0)
        .unwrap();
    app.record_review(&input(&card, Rating::Good, vec![], None), 0)
        .unwrap();
    let history = app.card_history(&card, 0).unwrap();
    assert_eq!(history.len(), 3);
    assert!(history.iter().all(|h| h.answer.is_none()));

    let huge = "a".repeat(MAX_ANSWER_CHARS + 1);
    let refused = app.record_review(&input(&card, Rating::Good, vec![], Some(&huge)), 0);
    assert!(
        matches!(&refused, Err(AppError::InvalidInput { field, .. }) if field == "answer"),
        "{refused:?}"
    );
    assert_eq!(
        app.card_history(&card, 0).unwrap().len(),
        3,
        "nothing recorded"
    );
    // Exactly at the limit is fine.
    let longest = "é".repeat(MAX_ANSWER_CHARS);
    app.record_review(&input(&card, Rating::Good, vec![], Some(&longest)), 0)
        .unwrap();
    assert_eq!(
        app.card_history(&card, 0).unwrap()[0].answer.as_deref(),
        Some(longest.as_str())
    );
}

#[test]
fn a_malformed_card_id_is_refused_by_name() {
    let (_dir, app) = app();
    assert!(matches!(
        app.card_history("vpc-basics", 0),
        Err(AppError::InvalidInput { field, .. }) if field == "cardId"
    ));
}

#[test]
fn an_export_carries_the_answer_into_a_fresh_data_folder() {
    let (_dir, app) = app();
    let (card, _) = first_card(&app);
    app.record_review(
        &input(
            &card,
            Rating::Good,
            vec![0],
            Some("Multi-AZ — «failover» in 60 s"),
        ),
        0,
    )
    .unwrap();
    app.record_review(&input(&card, Rating::Good, vec![], None), 0)
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("progress.zip");
    app.export_to(&file, |_| {}).unwrap();

    let (_dir2, fresh) = self::app();
    let report = fresh.import_from(&file, |_| {}).unwrap();
    assert_eq!(report.reviews_added, 2);
    let history = fresh.card_history(&card, 0).unwrap();
    let answers: Vec<Option<&str>> = history.iter().map(|h| h.answer.as_deref()).collect();
    assert_eq!(answers, vec![None, Some("Multi-AZ — «failover» in 60 s")]);
}

fn line(answer: Option<&str>) -> ReviewLine {
    ReviewLine {
        id: "01HZ0000000000000000000001".into(),
        card_id: "q:vpc".into(),
        reviewed_at: 1_000,
        day: 0,
        rating: 3,
        duration_ms: 5_000,
        points: vec![0],
        points_total: 3,
        elapsed_days: None,
        answer: answer.map(str::to_string),
    }
}

#[test]
fn review_lines_without_an_answer_read_and_write_as_before() {
    let old = r#"{"id":"01HZ0000000000000000000001","card_id":"q:vpc","reviewed_at":1000,"day":0,"rating":3,"duration_ms":5000,"points":[0],"points_total":3,"elapsed_days":null}"#;
    let parsed: ReviewLine = serde_json::from_str(old).unwrap();
    assert_eq!(parsed, line(None));
    assert_eq!(serde_json::to_string(&parsed).unwrap(), old, "unchanged");
    let with = serde_json::to_string(&line(Some("ok"))).unwrap();
    assert!(with.ends_with(r#","answer":"ok"}"#), "{with}");
}

#[test]
fn a_file_with_an_overlong_or_blank_answer_is_refused_by_field() {
    let huge = "a".repeat(MAX_ANSWER_CHARS + 1);
    let err = line(Some(&huge)).check().unwrap_err();
    assert!(err.starts_with("answer:"), "{err}");
    let err = line(Some("  ")).check().unwrap_err();
    assert!(err.starts_with("answer:"), "{err}");
    let ok = line(Some("fine")).check().unwrap();
    assert_eq!(ok.answer.as_deref(), Some("fine"));
}
