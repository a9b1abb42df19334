//! Mock interviews: picking, saving, listing, reading and exporting.
mod common;

use archdrill_domain::{Level, Origin, Question, Topic};
use archdrill_study::*;
use common::*;

fn question(id: &str, topic: Topic, level: Level, points: usize) -> Question {
    Question {
        id: id.into(),
        prompt: format!("Explain {id} | in depth"),
        topic,
        level,
        tags: vec![],
        sources: vec![],
        key_points: (0..points).map(|k| format!("point {k} of {id}")).collect(),
        cues: vec![],
        follow_ups: vec![],
        diagrams: vec![],
        answer: String::new(),
        look_for: String::new(),
        example: None,
        mistakes: String::new(),
        origin: Origin::Bank,
        file: String::new(),
    }
}

fn bank() -> Vec<Question> {
    let topics = [Topic::Networking, Topic::Security, Topic::Database];
    (0..12)
        .map(|i| {
            let level = if i % 3 == 0 {
                Level::Mid
            } else {
                Level::Senior
            };
            question(&format!("q{i}"), topics[i % 3], level, 3 + i % 2)
        })
        .collect()
}

fn candidates(bank: &[Question]) -> Vec<MockCandidate> {
    bank.iter()
        .map(|q| MockCandidate {
            question_id: q.id.clone(),
            topic: q.topic,
            level: q.level,
            points_total: q.key_points.len() as u32,
        })
        .collect()
}

fn settings(n: u32) -> MockSettings {
    MockSettings {
        level: MockLevel::Mixed,
        topics: vec![],
        question_count: n,
        minutes_per_answer: 4,
    }
}

/// Answers every question of `m` in turn, `secs[k]` seconds after it was shown, typing `text(k)`.
fn run_through(
    store: &mut archdrill_store::Store,
    m: &Mock,
    start: Now,
    secs: &[i64],
    text: impl Fn(usize) -> Option<String>,
) -> (Mock, Now) {
    let mut now = start;
    let mut mock = m.clone();
    for (k, s) in secs.iter().enumerate() {
        now = now.at(now.unix_ms + s * 1000);
        mock = answer_mock(store, &m.id, text(k).as_deref(), now).unwrap();
        if k + 1 < secs.len() {
            now = now.at(now.unix_ms + 2_000);
            mock = next_mock_question(store, &m.id, now).unwrap();
        }
    }
    (mock, now)
}

#[test]
fn mocks_round_trip_and_list_newest_first() {
    let (_dir, mut store) = store();
    let bank = bank();
    let cands = candidates(&bank);
    let first = start_mock(&mut store, &cands, &settings(4), 1, at_day(0)).unwrap();
    assert_eq!(first.answers.len(), 4);
    assert_eq!(first.stage(), MockStage::Asking);
    assert_eq!(first.answers[0].shown_at, Some(at_day(0).unix_ms as f64));
    assert!(first.answers[1..].iter().all(|a| a.shown_at.is_none()));
    assert_eq!(get_mock(&store, &first.id).unwrap(), first);

    // Answer, grade and finish it; the 4-minute box caps the last answer's 500 s.
    let (_, end) = run_through(&mut store, &first, at_day(0), &[200, 230, 239, 500], |_| {
        None
    });
    for k in 0..4u32 {
        let total = cands
            .iter()
            .find(|c| c.question_id == first.answers[k as usize].question_id);
        let total = total.unwrap().points_total;
        let points: Vec<u32> = (0..k % total).collect();
        grade_mock_answer(&mut store, &first.id, k, &points, Some(total)).unwrap();
    }
    let done = finish_mock(&mut store, &first.id, end).unwrap();
    assert_eq!(get_mock(&store, &first.id).unwrap(), done);
    assert_eq!(done.stage(), MockStage::Finished);
    let secs: Vec<u32> = done.answers.iter().map(|a| a.seconds_used).collect();
    assert_eq!(secs, [200, 230, 239, 240]);

    // A second mock prefers the questions the first did not ask.
    let picked = pick_mock_questions(&store, &cands, &settings(8), 1, at_day(1)).unwrap();
    let asked: Vec<&str> = done
        .answers
        .iter()
        .map(|a| a.question_id.as_str())
        .collect();
    assert!(
        picked.iter().all(|q| !asked.contains(&q.as_str())),
        "{picked:?} vs {asked:?}"
    );
    assert_eq!(
        picked,
        pick_mock_questions(&store, &cands, &settings(8), 1, at_day(1)).unwrap()
    );
    let second = start_mock(&mut store, &cands, &settings(2), 9, at_day(1)).unwrap();

    let list = list_mocks(&store).unwrap();
    assert_eq!(
        list.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
        [&second.id, &first.id]
    );
    let (t, n) = done.points();
    assert_eq!(list[1].coverage, Some(f64::from(t) / f64::from(n)));
    assert_eq!(list[1].seconds_used, 200 + 230 + 239 + 240);
    assert_eq!(list[0].coverage, None, "nothing asked yet");

    assert!(matches!(
        get_mock(&store, "nope"),
        Err(StudyError::NotFound { .. })
    ));
    assert!(delete_mock(&mut store, &second.id).unwrap());
    assert!(!delete_mock(&mut store, &second.id).unwrap());
    assert_eq!(list_mocks(&store).unwrap().len(), 1);
}

fn field_of(e: StudyError) -> String {
    match e {
        StudyError::InvalidInput { field, .. } => field,
        other => panic!("expected an invalid input, got {other:?}"),
    }
}

#[test]
fn a_session_refuses_steps_out_of_order() {
    let (_dir, mut store) = store();
    let cands = candidates(&bank());
    let mut s = settings(3);
    s.topics = vec![Topic::Cost];
    assert_eq!(
        field_of(start_mock(&mut store, &cands, &s, 1, at_day(0)).unwrap_err()),
        "topics"
    );
    let now = at_day(0);
    let m = start_mock(&mut store, &cands, &settings(2), 1, now).unwrap();
    let id = m.id.as_str();
    let next = |st: &mut archdrill_store::Store| next_mock_question(st, id, now).unwrap_err();
    assert_eq!(
        field_of(next(&mut store)),
        "mockId",
        "next before answering"
    );
    assert_eq!(
        field_of(grade_mock_answer(&mut store, id, 0, &[0], Some(3)).unwrap_err()),
        "position",
        "grading an unanswered question"
    );
    // A clock that went back counts as no time.
    let a = answer_mock(&mut store, id, Some("  "), now.at(now.unix_ms - 5_000)).unwrap();
    assert_eq!(
        (a.answers[0].seconds_used, a.answers[0].answer.as_deref()),
        (0, None)
    );
    assert_eq!(
        field_of(answer_mock(&mut store, id, Some("again"), now).unwrap_err()),
        "mockId"
    );
    assert_eq!(
        field_of(grade_mock_answer(&mut store, id, 0, &[7], Some(3)).unwrap_err()),
        "points"
    );
    assert_eq!(
        field_of(grade_mock_answer(&mut store, id, 2, &[0], Some(3)).unwrap_err()),
        "position"
    );
    next_mock_question(&mut store, id, now).unwrap();
    answer_mock(&mut store, id, None, now).unwrap();
    assert_eq!(
        field_of(next(&mut store)),
        "mockId",
        "past the last question"
    );
    finish_mock(&mut store, id, now).unwrap();
    assert_eq!(
        field_of(finish_mock(&mut store, id, now).unwrap_err()),
        "mockId"
    );
    assert_eq!(
        field_of(answer_mock(&mut store, id, None, now).unwrap_err()),
        "mockId"
    );
    // Grades may still be corrected after the end.
    let g = grade_mock_answer(&mut store, id, 1, &[2, 0, 2], Some(3)).unwrap();
    assert_eq!(g.answers[1].points, [0, 2]);
    assert!(matches!(
        answer_mock(&mut store, "nope", None, now),
        Err(StudyError::NotFound { .. })
    ));
}

#[test]
fn export_shows_coverage_time_answers_and_weak_points() {
    let (_dir, mut store) = store();
    let bank = bank();
    let m = start_mock(&mut store, &candidates(&bank), &settings(3), 5, at_day(0)).unwrap();
    let typed = |k: usize| (k == 0).then(|| "First line.\nSecond | line.".to_string());
    let (_, end) = run_through(&mut store, &m, at_day(0), &[95, 10, 240], typed);
    let totals: Vec<u32> = m.answers.iter().map(|a| a.points_total).collect();
    // Full marks on the first question, nothing on the second, one point on the third.
    grade_mock_answer(
        &mut store,
        &m.id,
        0,
        &(0..totals[0]).collect::<Vec<_>>(),
        None,
    )
    .unwrap();
    grade_mock_answer(&mut store, &m.id, 1, &[], None).unwrap();
    grade_mock_answer(&mut store, &m.id, 2, &[1], None).unwrap();
    let m = finish_mock(&mut store, &m.id, end).unwrap();

    let lookup = |id: &str| bank.iter().find(|q| q.id == id);
    let md = export_markdown(&m, lookup, 60);
    println!("{md}");
    assert!(md.starts_with("# Mock interview, 2024-03-11 10:00\n"));
    let (t, n) = m.points();
    assert!(md.contains(&format!(
        "Overall coverage: {:.0}% ({t} of {n} rubric points)",
        100.0 * f64::from(t) / f64::from(n)
    )));
    assert!(md.contains("- Time used: 5m 45s of 12m 00s"));
    let expected = |k: usize| {
        let level = lookup(&m.answers[k].question_id).unwrap().level;
        expected_answer_seconds(level)
    };
    assert!(md.contains(&format!(
        "| {}/{} (100%) | 1m 35s of {}m 00s |",
        totals[0],
        totals[0],
        expected(0) / 60
    )));
    assert!(md.contains("\\|"), "a | in a prompt cannot break the table");
    assert!(
        md.contains("> First line.\n> Second | line.\n"),
        "the typed answer quoted"
    );
    assert!(md.contains("_No typed answer._"));
    assert!(md.contains("## Weakest topics"));
    let q1 = lookup(&m.answers[1].question_id).unwrap();
    let weakest = md.split("## Weakest topics").nth(1).unwrap();
    assert!(weakest
        .trim_start()
        .starts_with(&format!("1. {}: 0%", q1.topic.slug())));
    assert!(md.contains(&format!("- point 0 of {}", q1.id)));
    assert!(!md.contains(&format!("- point 0 of {}", m.answers[0].question_id)));
    let weak = md.split("## Weakest key points").nth(1).unwrap();
    assert!(
        weak.trim_start()
            .starts_with(&format!("1. point 0 of {} (question 2:", q1.id)),
        "the emptiest answer's gaps first: {weak}"
    );

    // A question gone from the bank is shown by id.
    let md = export_markdown(&m, |_| None, 0);
    assert!(md.contains(&m.answers[0].question_id));
}
