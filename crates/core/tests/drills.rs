//! Drills through the app service: they are cards in the Today queue, an attempt is graded, stored,
//! and schedules the drill, and the learner never receives the answer key before checking.
use archdrill_core::Archdrill;
use archdrill_diagram::{answer_key, solution, Library, PlacedComponent, Placement, Submission};

#[test]
fn drills_join_the_queue_and_checking_one_schedules_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open(dir.path()).unwrap();
    let mut prefs = app.study_settings().unwrap().prefs;
    prefs.new_per_day = 500;
    prefs.max_reviews_per_day = 500;
    app.save_study_settings(&prefs).unwrap();
    let card = "d:vpc-three-tier-label".to_string();
    let queue = app.study_queue(0).unwrap();
    assert!(queue.today.cards.contains(&card), "drills are cards");

    let key = answer_key(&Library::load_embedded(), "vpc-three-tier-label").unwrap();
    let placements = key.right_placements();
    let sub = Submission {
        placements,
        ..Submission::default()
    };
    let check = app
        .check_drill("vpc-three-tier-label", &sub, 42_000.0, 0)
        .unwrap();
    assert_eq!(check.result.score, 1.0);
    assert!(
        check.interval_days >= 1.0,
        "a perfect drill comes back in days"
    );

    let queue = app.study_queue(0).unwrap();
    assert!(
        !queue.today.cards.contains(&card),
        "scheduled for a later day"
    );
    let diagrams = app.diagrams().unwrap();
    let vpc = diagrams.iter().find(|d| d.id == "vpc-three-tier").unwrap();
    let drill = vpc
        .drills
        .iter()
        .find(|d| d.id == "vpc-three-tier-label")
        .unwrap();
    assert_eq!(drill.last_score, Some(1.0));
}

#[test]
fn the_drill_view_carries_no_answers_and_bad_submissions_are_typed_errors() {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open(dir.path()).unwrap();
    let view = app.drill("vpc-three-tier-label").unwrap();
    let json = serde_json::to_string(&view).unwrap();
    assert!(!json.contains("\"answers\"") && !json.contains("\"accepted\""));
    let bad = Submission {
        placements: vec![Placement {
            slot: "nope".into(),
            label: "b1".into(),
        }],
        ..Submission::default()
    };
    let err = app
        .check_drill("vpc-three-tier-label", &bad, 0.0, 0)
        .unwrap_err();
    assert!(
        matches!(err, archdrill_domain::AppError::InvalidInput { .. }),
        "{err:?}"
    );
    assert!(app.check_drill("no-such-drill", &bad, 0.0, 0).is_err());
}

#[test]
fn design_and_failure_attempts_are_stored_scheduled_and_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open(dir.path()).unwrap();
    let lib = Library::load_embedded();
    for id in ["vpc-three-tier-design", "vpc-three-tier-az-loss"] {
        let sub = solution(&lib, id).unwrap();
        let canvas = app.drill_canvas(id, &sub, false).unwrap();
        assert!(
            canvas.contains("data-node="),
            "{id}: the canvas has buttons"
        );
        let check = app.check_drill(id, &sub, 90_000.0, 0).unwrap();
        assert_eq!(check.result.score, 1.0, "{id}");
        let figures = check.figures.expect("design and failure checks are drawn");
        assert!(figures.attempt.starts_with("<svg") && figures.model_dark.starts_with("<svg"));
        assert!(
            check.interval_days >= 1.0,
            "{id}: an Easy first review waits a day or more"
        );
    }
    let scores = app.diagrams().unwrap();
    let scored: Vec<_> = scores
        .iter()
        .flat_map(|d| &d.drills)
        .filter(|d| d.last_score == Some(1.0))
        .map(|d| d.id.as_str())
        .collect();
    assert!(
        scored.contains(&"vpc-three-tier-design") && scored.contains(&"vpc-three-tier-az-loss")
    );
    let empty = app
        .check_drill("vpc-three-tier-design", &Submission::default(), 1_000.0, 0)
        .unwrap();
    assert!(empty.result.score < 0.5);
    let bad = Submission {
        components: vec![PlacedComponent {
            id: "x".into(),
            card: "p1".into(),
            place: "attic".into(),
        }],
        ..Submission::default()
    };
    let err = app
        .drill_canvas("vpc-three-tier-design", &bad, false)
        .unwrap_err();
    assert!(format!("{err:?}").contains("components[0].in"), "{err:?}");
}
