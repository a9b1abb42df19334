use crate::rows::OnDuplicate;
use crate::{Store, StoreError};
use rusqlite::params;
use std::collections::HashMap;

/// One checked drill attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillAttempt {
    pub id: String,
    pub drill_id: String,
    pub attempted_at: i64,
    pub score: f64,
    pub rating: u8,
    pub duration_ms: i64,
    pub submission_json: String,
    pub result_json: String,
}

impl Store {
    pub fn record_attempt(&mut self, a: &DrillAttempt) -> Result<(), StoreError> {
        self.transact(|s| {
            insert_attempt(&s.conn, a, OnDuplicate::Fail)?;
            Ok(())
        })
    }

    /// The newest attempt's score per drill.
    pub fn latest_scores(&self) -> Result<HashMap<String, f64>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT drill_id, score FROM drill_attempts a
             WHERE attempted_at = (SELECT max(attempted_at) FROM drill_attempts b
                                   WHERE b.drill_id = a.drill_id)",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn attempts(&self, drill_id: &str) -> Result<Vec<DrillAttempt>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, drill_id, attempted_at, score, rating, duration_ms, submission, result
             FROM drill_attempts WHERE drill_id = ?1 ORDER BY attempted_at, id",
        )?;
        let rows = stmt.query_map([drill_id], attempt_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// One `drill_attempts` row, selected in table order.
pub(crate) fn attempt_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<DrillAttempt> {
    Ok(DrillAttempt {
        id: r.get(0)?,
        drill_id: r.get(1)?,
        attempted_at: r.get(2)?,
        score: r.get(3)?,
        rating: r.get(4)?,
        duration_ms: r.get(5)?,
        submission_json: r.get(6)?,
        result_json: r.get(7)?,
    })
}

macro_rules! insert_attempt_sql {
    ($verb:literal) => {
        concat!(
            $verb,
            " INTO drill_attempts
                 (id, drill_id, attempted_at, score, rating, duration_ms, submission, result)
              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        )
    };
}

/// Inserts one attempt; returns how many rows were added (0 for an ignored duplicate).
pub(crate) fn insert_attempt(
    conn: &rusqlite::Connection,
    a: &DrillAttempt,
    dup: OnDuplicate,
) -> rusqlite::Result<usize> {
    let sql = dup.pick(
        insert_attempt_sql!("INSERT"),
        insert_attempt_sql!("INSERT OR IGNORE"),
    );
    conn.prepare_cached(sql)?.execute(params![
        a.id,
        a.drill_id,
        a.attempted_at,
        a.score,
        a.rating,
        a.duration_ms,
        a.submission_json,
        a.result_json
    ])
}
