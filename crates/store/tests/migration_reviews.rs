//! Data written at schema 2 (reviews) survives the move to schema 3 (mocks) and any later one.
use archdrill_store::*;
use rusqlite::Connection;

#[test]
fn schema_2_reviews_survive_migration_to_3() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, 2).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), 2);
        conn.execute_batch(
            "INSERT INTO settings (key, value) VALUES ('study.desired_retention', '0.85');
             INSERT INTO review_log (id, card_id, reviewed_at, day, rating, duration_ms, points,
                                     points_total, elapsed_days)
             VALUES ('01HZ0000000000000000000001', 'q:vpc', 1000, 0, 3, 5000, '[0,1]', 3, NULL),
                    ('01HZ0000000000000000000002', 'q:vpc', 2000, 2, 1, 4000, '[]', 3, 2);
             INSERT INTO review_undo (review_id, undone_at) VALUES ('01HZ0000000000000000000002', 2500);
             INSERT INTO card_state (card_id, due, stability, difficulty, reps, lapses, last_review,
                                     last_day, first_day)
             VALUES ('q:vpc', 9000, 2.3, 2.1, 1, 0, 1000, 0, 0);",
        )
        .unwrap();
    }

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
    assert!(MIGRATIONS.len() >= 3);
    assert_eq!(
        store.setting("study.desired_retention").unwrap().as_deref(),
        Some("0.85")
    );
    assert_eq!(
        (store.review_log_len().unwrap(), store.undo_count().unwrap()),
        (2, 1)
    );
    let active = store.card_reviews("q:vpc", 10).unwrap();
    assert_eq!(active.len(), 1);
    assert_eq!(
        (active[0].points.as_str(), active[0].duration_ms),
        ("[0,1]", 5000)
    );
    let s = store.card_state("q:vpc").unwrap().unwrap();
    assert_eq!((s.due, s.stability, s.reps), (9000, 2.3, 1));
    // The new tables work alongside.
    store
        .save_mock(&MockRecord {
            id: "M".into(),
            started_at: 1,
            finished_at: None,
            level: "senior".into(),
            topics: "[\"networking\"]".into(),
            question_count: 0,
            minutes_per_answer: 5,
            answers: vec![],
        })
        .unwrap();
    assert_eq!(store.mocks().unwrap().len(), 1);
    drop(store);
    // Reopening is a no-op.
    let again = Store::open(&path).unwrap().schema_version().unwrap();
    assert_eq!(again, MIGRATIONS.len() as i64);
}
