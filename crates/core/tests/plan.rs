//! The interview plan over the real bank and a real SQLite file: saving, reopening, the queue
//! following it, and the checks on what the learner types.
use archdrill_core::{Archdrill, Clock, PlanInput, PlanStatus, Rating, ReviewInput};
use archdrill_domain::{AppError, Level, Topic};
use archdrill_study::{date_string, Now};

/// 2026-06-15 12:00 UTC: a fixed time, so "today" cannot roll over mid-test.
const NOW: i64 = 1_781_524_800_000;

/// The learner is on UTC+1 throughout.
const OFFSET: i32 = 60;

fn today() -> i64 {
    Now::new(NOW, OFFSET).day()
}

fn senior_in(days: i64) -> PlanInput {
    PlanInput {
        interview_date: Some(date_string(today() + days)),
        level: Some(Level::Senior),
        topics: vec![],
        decided: true,
    }
}

fn field(e: AppError) -> String {
    match e {
        AppError::InvalidInput { field, .. } => field,
        other => panic!("expected an invalid-input error, got {other:?}"),
    }
}

fn level_of(app: &Archdrill, card: &str) -> Option<Level> {
    card.strip_prefix("q:")
        .map(|id| app.bank().get(id).unwrap().level)
}

#[test]
fn a_fresh_app_asks_and_plans_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open_with_clock(dir.path(), Clock::fixed(NOW)).unwrap();
    let v = app.interview_plan(OFFSET).unwrap();
    assert!(!v.plan.decided);
    assert_eq!(v.plan.interview_date, None);
    assert_eq!(v.status, PlanStatus::NoDate);
    assert_eq!(v.today, date_string(today()));
    assert_eq!(
        v.sentence,
        "No interview date set: 10 new cards a day, as in Settings."
    );
    // Skipping the question decides it and changes nothing else.
    let before = app.study_queue(OFFSET).unwrap();
    let skipped = PlanInput {
        decided: true,
        ..PlanInput::default()
    };
    let v = app.save_interview_plan(&skipped, OFFSET).unwrap();
    assert!(v.plan.decided);
    assert_eq!(v.status, PlanStatus::NoDate);
    assert_eq!(app.study_queue(OFFSET).unwrap(), before);
}

#[test]
fn a_saved_plan_survives_a_restart_and_the_queue_obeys_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open_with_clock(dir.path(), Clock::fixed(NOW)).unwrap();
    let saved = app.save_interview_plan(&senior_in(30), OFFSET).unwrap();
    assert_eq!(saved.plan, senior_in(30));
    let seniors = app
        .bank()
        .questions()
        .iter()
        .filter(|q| q.level == Level::Senior)
        .count();
    assert!(
        saved.wanted_total as usize >= seniors,
        "senior questions and their drills"
    );
    assert_eq!(saved.wanted_new, saved.wanted_total);
    assert!(saved.lead_days > 0 && saved.lead_days < 30);
    assert!(saved.new_today >= 10);
    assert!(matches!(
        saved.status,
        PlanStatus::OnTrack | PlanStatus::Behind { .. }
    ));
    assert!(saved.sentence.contains("senior card"), "{}", saved.sentence);
    drop(app);

    let app = Archdrill::open_with_clock(dir.path(), Clock::fixed(NOW)).unwrap();
    let v = app.interview_plan(OFFSET).unwrap();
    assert_eq!(v, saved);
    let q = app.study_queue(OFFSET).unwrap();
    assert_eq!(q.today.new_available, v.new_today);
    let questions: Vec<&String> = q
        .today
        .cards
        .iter()
        .filter(|c| c.starts_with("q:"))
        .collect();
    assert!(!questions.is_empty());
    for c in questions {
        assert_eq!(level_of(&app, c), Some(Level::Senior), "{c}");
    }
    // Introducing a card counts against today's allowance.
    let first = q.next.unwrap();
    let input = ReviewInput {
        card_id: first.clone(),
        rating: Rating::Good,
        duration_ms: 10_000.0,
        points: vec![],
        points_total: 0,
        answer: None,
    };
    if first.starts_with("q:") {
        app.record_review(&input, OFFSET).unwrap();
        let after = app.interview_plan(OFFSET).unwrap();
        assert_eq!(after.wanted_new, v.wanted_new - 1);
    }
}

#[test]
fn topics_narrow_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open_with_clock(dir.path(), Clock::fixed(NOW)).unwrap();
    let input = PlanInput {
        topics: vec![Topic::Storage],
        level: None,
        ..senior_in(60)
    };
    let v = app.save_interview_plan(&input, OFFSET).unwrap();
    let storage = app
        .bank()
        .questions()
        .iter()
        .filter(|q| q.topic == Topic::Storage)
        .count();
    assert!(v.wanted_total as usize >= storage);
    assert!((v.wanted_total as usize) < app.bank().len());
    let q = app.study_queue(OFFSET).unwrap();
    for c in q.today.cards.iter().filter(|c| c.starts_with("q:")) {
        assert_eq!(
            app.bank().get(&c[2..]).unwrap().topic,
            Topic::Storage,
            "{c}"
        );
    }
}

#[test]
fn bad_plans_are_refused_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open_with_clock(dir.path(), Clock::fixed(NOW)).unwrap();
    let past = senior_in(-1);
    assert_eq!(
        field(app.save_interview_plan(&past, OFFSET).unwrap_err()),
        "interviewDate"
    );
    for bad in ["14/01/2027", "2027-02-30", "tomorrow"] {
        let input = PlanInput {
            interview_date: Some(bad.to_string()),
            ..senior_in(0)
        };
        let e = app.save_interview_plan(&input, OFFSET).unwrap_err();
        assert_eq!(field(e), "interviewDate", "{bad}");
    }
    // Nothing was stored by the refusals.
    assert!(!app.interview_plan(OFFSET).unwrap().plan.decided);
    // Today is allowed: the interview is today.
    let v = app.save_interview_plan(&senior_in(0), OFFSET).unwrap();
    assert_eq!(v.status, PlanStatus::TooLate);
    assert!(
        v.sentence.starts_with("Your interview is today"),
        "{}",
        v.sentence
    );
}
