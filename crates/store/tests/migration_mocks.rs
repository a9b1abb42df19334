//! Mocks saved before migration 0009 (no typed answers, no session timestamps) read back after it as
//! graded mocks without them, and a session's answer rows update one at a time.
use archdrill_store::*;
use rusqlite::Connection;

/// The schema just before 0009, found by its file rather than a fixed number.
fn before_sessions() -> usize {
    let sessions = include_str!("../src/sql/0009_mock_sessions.sql");
    MIGRATIONS.iter().position(|m| *m == sessions).unwrap()
}

#[test]
fn mocks_from_before_sessions_read_as_graded_without_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, before_sessions()).unwrap();
        conn.execute_batch(
            "INSERT INTO mock (id, started_at, finished_at, level, topics, question_count,
                               minutes_per_answer)
             VALUES ('M', 1000, 5000, 'senior', '[]', 2, 4);
             INSERT INTO mock_answer (mock_id, position, question_id, seconds_used, points,
                                      points_total)
             VALUES ('M', 0, 'vpc', 120, '[0,2]', 3), ('M', 1, 'iam', 60, '[]', 2);",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
    let m = store.mock("M").unwrap().unwrap();
    assert_eq!(m.finished_at, Some(5000));
    let a = &m.answers[0];
    assert_eq!(
        (a.seconds_used, a.points.as_str(), a.graded),
        (120, "[0,2]", true)
    );
    assert_eq!(
        (a.answer.as_deref(), a.shown_at, a.answered_at),
        (None, None, None)
    );

    // A session writes one answer row at a time.
    let mut row = m.answers[1].clone();
    row.answer = Some("roles, not users".into());
    row.shown_at = Some(2000);
    row.answered_at = Some(2600);
    assert!(store.update_mock_answer("M", 1, &row).unwrap());
    assert!(
        !store.update_mock_answer("M", 7, &row).unwrap(),
        "no such position"
    );
    assert!(!store.update_mock_answer("nope", 1, &row).unwrap());
    assert_eq!(store.mock("M").unwrap().unwrap().answers[1], row);
    assert!(store.set_mock_finished("M", 9000).unwrap());
    assert!(!store.set_mock_finished("nope", 9000).unwrap());
    assert_eq!(store.mock("M").unwrap().unwrap().finished_at, Some(9000));
}
