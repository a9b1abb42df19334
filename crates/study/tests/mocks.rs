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

#[test]
fn mocks_round_trip_and_list_newest_first() {
    let (_dir, mut store) = store();
    let bank = bank();
    let cands = candidates(&bank);
    let first = start_mock(&mut store, &cands, &settings(4), 1, at_day(0)).unwrap();
    assert_eq!(first.answers.len(), 4);
    assert_eq!(get_mock(&store, &first.id).unwrap(), first);

    // Answer and finish it.
    let mut done = first.clone();
    for (k, a) in done.answers.iter_mut().enumerate() {
        a.seconds_used = 200 + 30 * k as u32;
        a.points = (0..k as u32 % a.points_total).collect();
    }
    done.finished_at = Some(first.started_at + 20.0 * 60_000.0);
    save_mock(&mut store, &done).unwrap();
    assert_eq!(get_mock(&store, &first.id).unwrap(), done);

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
    assert_eq!(list[1].seconds_used, 200 + 230 + 260 + 290);
    assert_eq!(list[0].coverage, Some(0.0));

    assert!(matches!(
        get_mock(&store, "nope"),
        Err(StudyError::NotFound { .. })
    ));
    assert!(delete_mock(&mut store, &second.id).unwrap());
    assert!(!delete_mock(&mut store, &second.id).unwrap());
    assert_eq!(list_mocks(&store).unwrap().len(), 1);
}

#[test]
fn bad_mocks_are_rejected() {
    let (_dir, mut store) = store();
    let cands = candidates(&bank());
    let mut s = settings(3);
    s.topics = vec![Topic::Cost];
    assert!(matches!(
        start_mock(&mut store, &cands, &s, 1, at_day(0)),
        Err(StudyError::InvalidInput { .. })
    ));
    let mut m = start_mock(&mut store, &cands, &settings(3), 1, at_day(0)).unwrap();
    m.answers[0].points = vec![99];
    assert!(save_mock(&mut store, &m).is_err());
    m.answers[0].points = vec![];
    m.started_at = f64::NAN;
    assert!(save_mock(&mut store, &m).is_err());
}

#[test]
fn export_shows_coverage_time_and_weak_topics() {
    let (_dir, mut store) = store();
    let bank = bank();
    let mut m = start_mock(&mut store, &candidates(&bank), &settings(3), 5, at_day(0)).unwrap();
    // Full marks on the first question, nothing on the second, one point on the third (over time).
    let totals: Vec<u32> = m.answers.iter().map(|a| a.points_total).collect();
    m.answers[0].points = (0..totals[0]).collect();
    m.answers[0].seconds_used = 95;
    m.answers[2].points = vec![1];
    m.answers[2].seconds_used = 300;
    m.finished_at = Some(m.started_at + 600_000.0);
    save_mock(&mut store, &m).unwrap();

    let lookup = |id: &str| bank.iter().find(|q| q.id == id);
    let md = export_markdown(&get_mock(&store, &m.id).unwrap(), lookup, 60);
    println!("{md}");
    assert!(md.starts_with("# Mock interview, 2024-03-11 10:00\n"));
    let (t, n) = m.points();
    assert!(md.contains(&format!(
        "Overall coverage: {:.0}% ({t} of {n} rubric points)",
        100.0 * f64::from(t) / f64::from(n)
    )));
    assert!(md.contains("- Time used: 6m 35s of 12m 00s"));
    assert!(md.contains(&format!("| {}/{} (100%) | 1m 35s |", totals[0], totals[0])));
    assert!(md.contains("| 5m 00s (over) |"));
    assert!(md.contains("\\|"), "a | in a prompt cannot break the table");
    assert!(md.contains("## Weakest topics"));
    let q1 = lookup(&m.answers[1].question_id).unwrap();
    let weakest = md.split("## Weakest topics").nth(1).unwrap();
    assert!(weakest
        .trim_start()
        .starts_with(&format!("1. {}: 0%", q1.topic.slug())));
    assert!(md.contains(&format!("- point 0 of {}", q1.id)));
    assert!(!md.contains(&format!("- point 0 of {}", m.answers[0].question_id)));

    // A question gone from the bank is shown by id.
    let md = export_markdown(&m, |_| None, 0);
    assert!(md.contains(&m.answers[0].question_id));
}
