//! The review log, undo marks, card_state cache and mocks, on real SQLite files.
use archdrill_store::*;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    (dir, store)
}

fn rec(id: &str, card: &str, at: i64, rating: u8) -> ReviewRecord {
    ReviewRecord {
        id: id.into(),
        card_id: card.into(),
        reviewed_at: at,
        day: at / 100,
        rating,
        duration_ms: 1_000,
        points: "[0,2]".into(),
        points_total: 4,
        elapsed_days: None,
        answer: None,
    }
}

fn state(card: &str, due: i64) -> CardStateRecord {
    CardStateRecord {
        card_id: card.into(),
        due,
        stability: 2.3065,
        difficulty: 2.118,
        reps: 1,
        lapses: 0,
        last_review: 1,
        last_day: 0,
        first_day: 0,
    }
}

#[derive(Debug)]
struct Fail;
impl From<StoreError> for Fail {
    fn from(_: StoreError) -> Self {
        Fail
    }
}

#[test]
fn a_review_and_its_state_commit_together_or_not_at_all() {
    let (_dir, mut store) = store();
    let (r, s) = store
        .record_review_with("q:a", |prev| {
            assert_eq!(prev, None);
            Ok::<_, StoreError>((rec("01A", "q:a", 500, 3), state("q:a", 900)))
        })
        .unwrap();
    assert_eq!(store.card_reviews("q:a", 5).unwrap(), vec![r.clone()]);
    assert_eq!(store.review("01A").unwrap(), Some(r));
    assert_eq!(store.review("nope").unwrap(), None);
    assert_eq!(store.card_state("q:a").unwrap(), Some(s.clone()));

    // The closure sees the stored state; its error writes nothing.
    let err = store.record_review_with("q:a", |prev| {
        assert_eq!(prev.as_ref(), Some(&s));
        Err::<(ReviewRecord, CardStateRecord), _>(Fail)
    });
    assert!(err.is_err());
    // A failing insert (duplicate id) leaves the state untouched too.
    let dup = store.record_review_with("q:a", |_| {
        Ok::<_, StoreError>((rec("01A", "q:a", 600, 1), state("q:a", 1)))
    });
    assert!(dup.is_err());
    assert_eq!(store.review_log_len().unwrap(), 1);
    assert_eq!(store.card_state("q:a").unwrap(), Some(s));
}

#[test]
fn undo_marks_reviews_and_replays_what_remains() {
    let (_dir, mut store) = store();
    assert_eq!(
        store
            .undo_last_review_with(0, |_, _| Ok::<_, StoreError>(None))
            .unwrap(),
        None
    );
    store
        .import_reviews([
            rec("01B", "q:b", 200, 3),
            rec("01A", "q:a", 100, 3),
            rec("01C", "q:a", 300, 1),
        ])
        .unwrap();
    let u = store
        .undo_last_review_with(400, |card, remaining| {
            assert_eq!(card, "q:a");
            assert_eq!(remaining.len(), 1);
            assert_eq!(remaining[0].reviewed_at, 100);
            Ok::<_, StoreError>(Some(state(card, 777)))
        })
        .unwrap()
        .unwrap();
    assert_eq!(u.review.id, "01C");
    assert_eq!(store.card_state("q:a").unwrap().unwrap().due, 777);
    // q:a keeps one active review, so it still counts as studied.
    assert_eq!(
        store.reviewed_card_ids().unwrap(),
        ["q:a".to_string(), "q:b".to_string()].into()
    );
    // A card with nothing left loses its state row.
    let u = store
        .undo_last_review_with(401, |_, remaining| {
            assert!(remaining.is_empty());
            Ok::<_, StoreError>(None)
        })
        .unwrap()
        .unwrap();
    assert_eq!(u.review.id, "01B");
    assert_eq!(store.card_state("q:b").unwrap(), None);
    assert_eq!(
        store.reviewed_card_ids().unwrap(),
        ["q:a".to_string()].into(),
        "a card whose every review is undone is not studied"
    );
    // Undone reviews stay in the log but leave every figure.
    assert_eq!(
        (store.review_log_len().unwrap(), store.undo_count().unwrap()),
        (3, 2)
    );
    assert_eq!(store.card_reviews("q:a", 9).unwrap().len(), 1);
    assert_eq!(store.reviews_on_day(3).unwrap(), 0);
    assert_eq!(store.reviews_on_day(1).unwrap(), 1);
    assert!(!store.has_review_on_day(2).unwrap());
    let log = store.replay_log().unwrap();
    assert_eq!(log.cards.len(), 1);
    assert_eq!(log.cards[0].0, "q:a");
    // A failing replay rolls the undo back.
    assert!(store
        .undo_last_review_with(402, |_, _| Err::<Option<CardStateRecord>, _>(Fail))
        .is_err());
    assert_eq!(store.undo_count().unwrap(), 2);
}

#[test]
fn replay_log_is_grouped_by_card_in_log_order() {
    let (_dir, mut store) = store();
    store
        .import_reviews([
            rec("03", "q:b", 50, 2),
            rec("02", "q:a", 70, 3),
            rec("01", "q:a", 70, 4),
            rec("05", "q:a", 90, 1),
            rec("00", "q:a", 10, 3),
        ])
        .unwrap();
    let log = store.replay_log().unwrap();
    let a: Vec<(i64, u8)> = log.cards[0]
        .1
        .iter()
        .map(|r| (r.reviewed_at, r.rating))
        .collect();
    assert_eq!(log.cards[0].0, "q:a");
    assert_eq!(a, [(10, 3), (70, 4), (70, 3), (90, 1)]);
    assert_eq!(log.cards[1].1.len(), 1);
    assert_eq!(store.reviews_per_day(0, 1).unwrap(), [(0, 5)]);
}

#[test]
fn rebuild_replaces_the_cache_atomically() {
    let (_dir, mut store) = store();
    store
        .import_reviews([rec("01", "q:a", 10, 3), rec("02", "q:b", 20, 3)])
        .unwrap();
    let n = store
        .rebuild_card_states_with(|log| {
            Ok::<_, StoreError>(log.cards.iter().map(|(c, _)| state(c, 5)).collect())
        })
        .unwrap();
    assert_eq!(n, 2);
    assert_eq!(store.due_count(5).unwrap(), 2);
    assert_eq!(
        store.reviewed_card_ids().unwrap(),
        ["q:a".to_string(), "q:b".to_string()].into()
    );
    let before = store.all_card_states().unwrap();
    assert!(store
        .rebuild_card_states_with(|_| Err::<Vec<CardStateRecord>, _>(Fail))
        .is_err());
    assert_eq!(store.all_card_states().unwrap(), before);
    let mut seen = vec![];
    store
        .scan_card_states(|id, due, first| seen.push((id.to_string(), due, first)))
        .unwrap();
    seen.sort();
    assert_eq!(seen, [("q:a".into(), 5, 0), ("q:b".into(), 5, 0)]);
}

#[test]
fn a_rebuild_of_many_cards_writes_every_state_once() {
    let (_dir, mut store) = store();
    let rows = (0..150).map(|i| rec(&format!("{i:03}"), &format!("q:c{i:03}"), i, 3));
    store.import_reviews(rows).unwrap();
    let states = |log: ReplayLog| {
        let mut out: Vec<CardStateRecord> = log.cards.iter().map(|(c, _)| state(c, 7)).collect();
        // A card given twice keeps its last state, as one upsert after another would.
        let mut again = state("q:c000", 9);
        again.reps = 2;
        out.push(again);
        Ok::<_, StoreError>(out)
    };
    assert_eq!(store.rebuild_card_states_with(states).unwrap(), 151);
    let all = store.all_card_states().unwrap();
    assert_eq!(all.len(), 150);
    assert_eq!((all[0].due, all[0].reps), (9, 2));
    assert_eq!(all[149], state("q:c149", 7));
}

#[test]
fn aggregates_count_coverage_lapses_and_long_term_reviews() {
    let (_dir, mut store) = store();
    let mut later = rec("02", "q:a", 300, 1);
    later.elapsed_days = Some(2);
    later.points = "[]".into();
    let mut none = rec("03", "q:b", 300, 3);
    none.points_total = 0;
    none.points = "[]".into();
    none.elapsed_days = Some(1);
    store
        .import_reviews([rec("01", "q:a", 100, 3), later, none])
        .unwrap();
    let mut s = state("q:a", 0);
    s.lapses = 1;
    store
        .rebuild_card_states_with(|_| Ok::<_, StoreError>(vec![s]))
        .unwrap();
    let agg = store.card_aggregates().unwrap();
    assert_eq!(agg.len(), 2);
    assert_eq!(
        (agg[0].reviews, agg[0].coverage_reviews, agg[0].lapses),
        (2, 2, 1)
    );
    assert!((agg[0].coverage_sum - 0.5).abs() < 1e-12);
    assert_eq!((agg[1].coverage_reviews, agg[1].lapses), (0, 0));
    assert_eq!(store.long_term_review_counts().unwrap(), (2, 1));
}

#[test]
fn mocks_save_list_and_delete() {
    let (_dir, mut store) = store();
    let mock = |id: &str, at: i64, q: &[&str]| MockRecord {
        id: id.into(),
        started_at: at,
        finished_at: None,
        level: "mixed".into(),
        topics: "[]".into(),
        question_count: q.len() as u32,
        minutes_per_answer: 5,
        answers: q
            .iter()
            .map(|q| MockAnswerRecord {
                question_id: q.to_string(),
                seconds_used: 0,
                points: "[]".into(),
                points_total: 3,
                answer: None,
                shown_at: None,
                answered_at: None,
                graded: true,
            })
            .collect(),
    };
    store.save_mock(&mock("M1", 100, &["a", "b"])).unwrap();
    store.save_mock(&mock("M2", 200, &["b", "c", "d"])).unwrap();
    let mut m1 = mock("M1", 100, &["a", "b"]);
    m1.finished_at = Some(150);
    m1.answers[1].points = "[0,1]".into();
    store.save_mock(&m1).unwrap();
    assert_eq!(store.mock("M1").unwrap(), Some(m1));
    assert_eq!(store.mock("none").unwrap(), None);
    let ids: Vec<String> = store.mocks().unwrap().into_iter().map(|m| m.id).collect();
    assert_eq!(ids, ["M2", "M1"]);
    let last = store.last_mocked().unwrap();
    assert_eq!((last["a"], last["b"], last["d"]), (100, 200, 200));
    assert!(store.delete_mock("M2").unwrap());
    assert!(!store.last_mocked().unwrap().contains_key("d"));
}
