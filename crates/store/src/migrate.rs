//! Forward-only schema migrations, numbered by SQLite's `user_version`. Never edit a shipped one:
//! add the next file instead.
use crate::StoreError;
use rusqlite::Connection;

pub const MIGRATIONS: &[&str] = &[
    include_str!("sql/0001_init.sql"),
    include_str!("sql/0002_reviews.sql"),
    include_str!("sql/0003_mocks.sql"),
    include_str!("sql/0004_drill_attempts.sql"),
    include_str!("sql/0005_append_only_and_changes.sql"),
    include_str!("sql/0006_sync.sql"),
    include_str!("sql/0007_outbox_by_writers.sql"),
    include_str!("sql/0008_review_answers.sql"),
    include_str!("sql/0009_mock_sessions.sql"),
];

pub fn schema_version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Applies every migration the database has not seen, each in its own transaction.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, MIGRATIONS.len())
}

/// Applies migrations up to `target` (for tests that build each earlier schema).
pub fn migrate_to(conn: &mut Connection, target: usize) -> Result<(), StoreError> {
    let found = schema_version(conn)?;
    let known = MIGRATIONS.len() as i64;
    if found > known {
        return Err(StoreError::NewerSchema { found, known });
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target)
        .skip(found as usize)
    {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
