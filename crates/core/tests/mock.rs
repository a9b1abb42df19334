//! Mock interviews run by the backend, through the real core handle over a real SQLite file: a whole
//! session with typed answers, the refusals of steps out of order, a restart mid-mock, and the
//! history and Markdown export.
use archdrill_core::{Archdrill, MockLevel, MockSettings, MockStage, MockView, MAX_ANSWER_CHARS};
use archdrill_domain::{AppError, Topic};
use std::path::Path;

fn app() -> (tempfile::TempDir, Archdrill) {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open(dir.path()).unwrap();
    (dir, app)
}

fn settings(n: u32) -> MockSettings {
    MockSettings {
        level: MockLevel::Mixed,
        topics: vec![Topic::Networking, Topic::Security],
        question_count: n,
        minutes_per_answer: 2,
    }
}

/// The bank's model answer to the question at `position`: typed back, it covers its own rubric.
fn model_answer(app: &Archdrill, view: &MockView, position: usize) -> String {
    let id = &view.mock.answers[position].question_id;
    app.bank().get(id).unwrap().answer.clone()
}

fn field(e: AppError) -> String {
    match e {
        AppError::InvalidInput { field, .. } => field,
        other => panic!("expected an invalid input, got {other:?}"),
    }
}

#[test]
fn a_session_with_typed_answers_is_timed_covered_graded_and_exported() {
    let (dir, app) = app();
    let view = app.start_mock(&settings(3)).unwrap();
    let id = view.mock.id.clone();
    assert_eq!((view.stage, view.current), (MockStage::Asking, Some(0)));
    assert!(view.questions.iter().all(|q| q
        .as_ref()
        .is_some_and(|q| matches!(q.topic, Topic::Networking | Topic::Security))));
    assert!(view
        .questions
        .iter()
        .flatten()
        .all(|q| q.expected_seconds >= 240));

    // Question 1: the model answer typed after a second; the backend measures the time.
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    let typed = model_answer(&app, &view, 0);
    let v = app.answer_mock(&id, Some(&typed)).unwrap();
    let a = &v.mock.answers[0];
    assert_eq!(a.answer.as_deref(), Some(typed.trim()));
    let (shown, answered) = (a.shown_at.unwrap(), a.answered_at.unwrap());
    assert_eq!(a.seconds_used, ((answered - shown + 500.0) / 1000.0) as u32);
    assert!(a.seconds_used >= 1);
    assert_eq!(v.stage, MockStage::Answered);
    let cover = v.coverage[0]
        .as_ref()
        .expect("coverage of the typed answer");
    assert!(
        cover.covered > 0 && cover.total == a.points_total,
        "{cover:?}"
    );

    // Question 2 answered aloud only, question 3 typed.
    let v = app.next_mock_question(&id).unwrap();
    assert_eq!((v.stage, v.current), (MockStage::Asking, Some(1)));
    assert!(v.mock.answers[1].shown_at.unwrap() >= answered);
    app.answer_mock(&id, None).unwrap();
    app.next_mock_question(&id).unwrap();
    let v = app
        .answer_mock(&id, Some("Least privilege with IAM roles."))
        .unwrap();
    assert_eq!(v.stage, MockStage::Grading);
    assert!(v.coverage[1].is_none(), "nothing typed, nothing covered");

    // The learner confirms the pre-ticked points on the first answer and ticks none on the others.
    let ticks: Vec<u32> = cover
        .points
        .iter()
        .filter(|p| p.covered)
        .map(|p| p.index)
        .collect();
    app.grade_mock_answer(&id, 0, &ticks).unwrap();
    app.grade_mock_answer(&id, 1, &[]).unwrap();
    app.grade_mock_answer(&id, 2, &[]).unwrap();
    let done = app.finish_mock(&id).unwrap();
    assert_eq!(done.stage, MockStage::Finished);
    assert_eq!(done.mock.answers[0].points, ticks);
    assert!(!done.weakest_points.is_empty());
    assert!(done
        .weakest_points
        .iter()
        .all(|w| w.position > 0 || !ticks.contains(&w.point)));
    assert_eq!(app.mock(&id).unwrap().mock, done.mock);

    let history = app.mocks().unwrap();
    assert_eq!(history.len(), 1);
    let used: u32 = done.mock.answers.iter().map(|a| a.seconds_used).sum();
    assert_eq!(history[0].seconds_used, used);

    let path = dir.path().join("mock.md");
    app.export_mock(&id, &path, 60).unwrap();
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(md.starts_with("# Mock interview"), "{md}");
    let first_line = typed.trim().lines().next().unwrap().trim_end();
    assert!(md.contains(&format!("> {first_line}")), "{md}");
    assert!(md.contains("> Least privilege with IAM roles."));
    assert!(md.contains("## Weakest key points"));
    let err = app
        .export_mock(&id, &dir.path().join("missing/dir/x.md"), 0)
        .unwrap_err();
    assert!(matches!(err, AppError::Io { .. }));
    assert!(app.delete_mock(&id).unwrap());
    assert!(app.mocks().unwrap().is_empty());
}

#[test]
fn steps_out_of_order_are_refused_naming_the_field() {
    let (_dir, app) = app();
    assert!(matches!(
        app.answer_mock("01J0000000000000000000000Z", None),
        Err(AppError::NotFound { .. })
    ));
    let view = app.start_mock(&settings(2)).unwrap();
    let id = view.mock.id.as_str();
    assert_eq!(field(app.next_mock_question(id).unwrap_err()), "mockId");
    assert_eq!(
        field(app.grade_mock_answer(id, 0, &[0]).unwrap_err()),
        "position"
    );
    let long = "a".repeat(MAX_ANSWER_CHARS + 1);
    assert_eq!(
        field(app.answer_mock(id, Some(&long)).unwrap_err()),
        "answer"
    );
    app.answer_mock(id, Some("one")).unwrap();
    assert_eq!(
        field(app.answer_mock(id, Some("two")).unwrap_err()),
        "mockId"
    );
    // The rubric size is the bank's: an index past it is refused.
    let total = view.questions[0].as_ref().unwrap().key_points.len() as u32;
    assert_eq!(
        field(app.grade_mock_answer(id, 0, &[total]).unwrap_err()),
        "points"
    );
    assert_eq!(
        field(app.grade_mock_answer(id, 5, &[]).unwrap_err()),
        "position"
    );
    app.finish_mock(id).unwrap();
    assert_eq!(field(app.finish_mock(id).unwrap_err()), "mockId");
    assert_eq!(field(app.answer_mock(id, None).unwrap_err()), "mockId");
    assert_eq!(field(app.next_mock_question(id).unwrap_err()), "mockId");
    // The unreached second question stays unasked; the first can still be graded.
    let v = app.grade_mock_answer(id, 0, &[0]).unwrap();
    assert!(v.mock.answers[1].shown_at.is_none());
    assert_eq!(
        field(app.grade_mock_answer(id, 1, &[]).unwrap_err()),
        "position"
    );
}

fn reopen(dir: &Path) -> Archdrill {
    Archdrill::open(dir).unwrap()
}

#[test]
fn a_mock_resumes_at_the_right_question_after_a_restart() {
    let (dir, app) = app();
    let view = app.start_mock(&settings(3)).unwrap();
    let id = view.mock.id.clone();
    app.answer_mock(&id, Some("Subnets and route tables."))
        .unwrap();
    let before = app.next_mock_question(&id).unwrap();
    drop(app);

    let app = reopen(dir.path());
    let v = app.mock(&id).unwrap();
    assert_eq!((v.stage, v.current), (MockStage::Asking, Some(1)));
    assert_eq!(v.mock, before.mock, "everything kept, the answer too");
    assert_eq!(
        v.mock.answers[0].answer.as_deref(),
        Some("Subnets and route tables.")
    );
    // Cut off between answering and moving on: it resumes as answered, and moves on from there.
    app.answer_mock(&id, None).unwrap();
    drop(app);
    let app = reopen(dir.path());
    let v = app.mock(&id).unwrap();
    assert_eq!((v.stage, v.current), (MockStage::Answered, Some(1)));
    let v = app.next_mock_question(&id).unwrap();
    assert_eq!((v.stage, v.current), (MockStage::Asking, Some(2)));
    assert_eq!(app.mocks().unwrap()[0].finished_at, None);
}
