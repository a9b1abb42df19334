//! Shared by the exchange tests: a data folder with a little of everything, and a full dump of what a
//! database holds, to compare two databases row by row.
#![allow(dead_code)] // each test binary uses its own part

use archdrill_store::{
    CardStateRecord, ChangeRecord, DrillAttempt, MockAnswerRecord, MockRecord, ReviewRecord, Store,
    UndoMark,
};
use archdrill_study::{record_review, undo_last, Now, Rating, ReviewInput};
use std::collections::BTreeMap;

/// 2026-12-01 09:00 UTC.
pub const T0: i64 = 1_796_115_600_000;

/// Everything personal in a database, in a stable order.
#[derive(Debug, PartialEq)]
pub struct Dump {
    pub reviews: Vec<ReviewRecord>,
    pub undos: Vec<UndoMark>,
    pub changes: Vec<ChangeRecord>,
    pub notes: BTreeMap<String, String>,
    pub bookmarks: Vec<String>,
    pub settings: BTreeMap<String, Option<String>>,
    pub mocks: Vec<MockRecord>,
    pub attempts: Vec<DrillAttempt>,
    pub states: Vec<CardStateRecord>,
}

pub fn dump(s: &Store, keys: &[&str]) -> Dump {
    let mut reviews = Vec::new();
    s.scan_reviews(|r| {
        reviews.push(r);
        Ok::<_, archdrill_store::StoreError>(())
    })
    .unwrap();
    let mut noted: Vec<String> = s.noted_ids().unwrap().into_iter().collect();
    noted.sort();
    let mut bookmarks: Vec<String> = s.bookmarked_ids().unwrap().into_iter().collect();
    bookmarks.sort();
    Dump {
        reviews,
        undos: s.undo_marks().unwrap(),
        changes: s.changes().unwrap(),
        notes: noted
            .into_iter()
            .map(|q| {
                let body = s.note(&q).unwrap().unwrap().body;
                (q, body)
            })
            .collect(),
        bookmarks,
        settings: keys
            .iter()
            .map(|k| (k.to_string(), s.setting(k).unwrap()))
            .collect(),
        mocks: s.mocks().unwrap(),
        attempts: s.all_attempts().unwrap(),
        states: s.all_card_states().unwrap(),
    }
}

pub fn review(s: &mut Store, card: &str, rating: Rating, at: i64) -> String {
    let input = ReviewInput {
        card_id: card.to_string(),
        rating,
        duration_ms: 12_000.0,
        points: vec![0, 2],
        points_total: 4,
        answer: None,
    };
    record_review(s, &input, Now::new(at, 60))
        .unwrap()
        .review_id
}

pub fn undo(s: &mut Store, at: i64) {
    undo_last(s, Now::new(at, 60)).unwrap().unwrap();
}

/// A learner's week: reviews (one undone), notes, bookmarks, a setting, a mock and a drill attempt.
pub fn populate(s: &mut Store) {
    let mut t = T0;
    for day in 0..5 {
        for (i, card) in ["q:s3-basics", "q:vpc-tiers", "d:fanout-1"]
            .iter()
            .enumerate()
        {
            t += 60_000;
            let rating = [Rating::Good, Rating::Hard, Rating::Again, Rating::Easy][(day + i) % 4];
            review(s, card, rating, t + day as i64 * 86_400_000);
        }
    }
    undo(s, t + 5 * 86_400_000);
    s.save_note("s3-basics", "Versioning + MFA delete", T0 + 1)
        .unwrap();
    s.save_note("vpc-tiers", "three tiers, two AZs", T0 + 2)
        .unwrap();
    s.save_note("vpc-tiers", "three tiers, three AZs", T0 + 3)
        .unwrap();
    s.set_bookmark("s3-basics", true, T0 + 4).unwrap();
    s.set_bookmark("iam-roles", true, T0 + 5).unwrap();
    s.set_bookmark("iam-roles", false, T0 + 6).unwrap();
    s.set_setting("theme", "dark").unwrap();
    s.set_setting("local.sync_folder", "/somewhere/only/here")
        .unwrap();
    s.save_mock(&MockRecord {
        id: archdrill_domain::new_ulid(T0),
        started_at: T0,
        finished_at: Some(T0 + 600_000),
        level: "senior".into(),
        topics: r#"["networking","storage"]"#.into(),
        question_count: 2,
        minutes_per_answer: 5,
        answers: vec![
            MockAnswerRecord {
                question_id: "vpc-tiers".into(),
                seconds_used: 240,
                points: "[0,1]".into(),
                points_total: 3,
                // A session's typed answer and timestamps travel with the mock.
                answer: Some(
                    "Public, app and data tiers, each in two AZs.\nNAT for egress.".into(),
                ),
                shown_at: Some(T0 + 1_000),
                answered_at: Some(T0 + 241_000),
                graded: true,
            },
            MockAnswerRecord {
                question_id: "s3-basics".into(),
                seconds_used: 300,
                points: "[]".into(),
                points_total: 2,
                answer: None,
                shown_at: Some(T0 + 241_500),
                answered_at: Some(T0 + 541_500),
                graded: false,
            },
        ],
    })
    .unwrap();
    s.record_attempt(&DrillAttempt {
        id: archdrill_domain::new_ulid(T0 + 7),
        drill_id: "fanout-1".into(),
        attempted_at: T0 + 7,
        score: 0.75,
        rating: 3,
        duration_ms: 40_000,
        submission_json: r#"{"slots":{"a":"SNS"}}"#.into(),
        result_json: r#"{"score":0.75,"mistakes":[]}"#.into(),
    })
    .unwrap();
}

/// Setting keys the tests compare.
pub const KEYS: &[&str] = &["theme", "local.sync_folder"];
