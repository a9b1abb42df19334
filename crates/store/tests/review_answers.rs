//! Migration 0008: the typed answer stored with a review. Reviews from before it have none, a new
//! one keeps its answer through every reader, the log stays append-only, and '' is never stored.
use archdrill_store::*;
use rusqlite::Connection;

fn rec(id: &str, at: i64, answer: Option<&str>) -> ReviewRecord {
    ReviewRecord {
        id: id.into(),
        card_id: "q:vpc".into(),
        reviewed_at: at,
        day: 0,
        rating: 3,
        duration_ms: 1_000,
        points: "[0]".into(),
        points_total: 3,
        elapsed_days: None,
        answer: answer.map(str::to_string),
    }
}

#[test]
fn reviews_from_before_0008_have_no_answer_and_new_ones_keep_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO review_log (id, card_id, reviewed_at, day, rating, duration_ms, points,
                                     points_total, elapsed_days)
             VALUES ('01HZ0000000000000000000001', 'q:vpc', 1000, 0, 3, 5000, '[0]', 3, NULL);",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert!(store.schema_version().unwrap() >= 8);
    let old = store.review("01HZ0000000000000000000001").unwrap().unwrap();
    assert_eq!(old.answer, None);

    let typed = rec(
        "01HZ0000000000000000000002",
        2000,
        Some("NAT gateway per AZ — «résilience»"),
    );
    store.import_reviews([typed.clone()]).unwrap();
    assert_eq!(store.review(&typed.id).unwrap(), Some(typed.clone()));
    assert_eq!(store.card_reviews("q:vpc", 10).unwrap()[0], typed);
    let mut scanned = Vec::new();
    store
        .scan_reviews(|r| {
            scanned.push(r);
            Ok::<_, StoreError>(())
        })
        .unwrap();
    assert_eq!(scanned, vec![old, typed.clone()]);
    // Merging the same row again (an import, a sync) adds nothing and keeps the answer.
    assert_eq!(
        store
            .merge_reviews(std::slice::from_ref(&typed), |_| {})
            .unwrap(),
        0
    );
    assert_eq!(store.review(&typed.id).unwrap(), Some(typed));
}

#[test]
fn an_answer_can_be_neither_empty_nor_changed_later() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    assert!(store
        .import_reviews([rec("01HZ0000000000000000000003", 1000, Some(""))])
        .is_err());
    store
        .import_reviews([rec("01HZ0000000000000000000004", 1000, Some("first words"))])
        .unwrap();
    drop(store);
    let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
    let err = conn
        .execute("UPDATE review_log SET answer = 'rewritten'", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}
