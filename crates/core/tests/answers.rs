//! Typed answers through the core handle, against the shipped bank.
use archdrill_core::{Archdrill, MAX_ANSWER_CHARS};
use archdrill_domain::AppError;

fn app() -> (tempfile::TempDir, Archdrill) {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open(dir.path()).unwrap();
    (dir, app)
}

#[test]
fn a_model_answer_covers_its_own_rubric_and_points_at_its_words() {
    let (_dir, app) = app();
    let question = app.bank().questions().first().unwrap().clone();
    let answer = question.answer.clone();
    let got = app.cover_answer(&question.id, &answer).unwrap();
    assert_eq!(got.total as usize, question.key_points.len());
    assert!(
        got.covered * 5 >= got.total * 4,
        "{}/{}",
        got.covered,
        got.total
    );
    let units: Vec<u16> = answer.encode_utf16().collect();
    for m in got.points.iter().flat_map(|p| &p.matches) {
        let shown = String::from_utf16(&units[m.start as usize..m.end as usize]).unwrap();
        assert_eq!(shown, m.text);
    }
}

#[test]
fn an_empty_answer_covers_nothing_and_unknown_ids_and_huge_answers_are_refused() {
    let (_dir, app) = app();
    let id = app.bank().questions().first().unwrap().id.clone();
    let got = app.cover_answer(&id, "").unwrap();
    assert_eq!(got.covered, 0);
    assert!(got
        .points
        .iter()
        .all(|p| !p.covered && p.matches.is_empty()));
    assert!(matches!(
        app.cover_answer("no-such-question", "x"),
        Err(AppError::NotFound { .. })
    ));
    let huge = "a".repeat(MAX_ANSWER_CHARS + 1);
    assert!(matches!(
        app.cover_answer(&id, &huge),
        Err(AppError::InvalidInput { field, .. }) if field == "answer"
    ));
}
