//! Mock interviews as stored: the study crate builds, validates and exports them.
use crate::{Store, StoreError};
use rusqlite::{params, OptionalExtension, Row, ToSql};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockRecord {
    pub id: String,
    /// Unix ms.
    pub started_at: i64,
    pub finished_at: Option<i64>,
    /// "mid", "senior" or "mixed".
    pub level: String,
    /// JSON array of topic slugs; empty means every topic.
    pub topics: String,
    pub question_count: u32,
    pub minutes_per_answer: u32,
    /// In the order asked.
    pub answers: Vec<MockAnswerRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockAnswerRecord {
    pub question_id: String,
    pub seconds_used: u32,
    /// JSON array of the rubric point indexes ticked.
    pub points: String,
    pub points_total: u32,
    /// The learner's typed answer; `None` when none was typed.
    pub answer: Option<String>,
    /// Unix ms; `None` until the question is shown (and for mocks saved before migration 0009).
    pub shown_at: Option<i64>,
    /// Unix ms; `None` until the question is answered.
    pub answered_at: Option<i64>,
    /// Whether `points` are the learner's confirmed ticks (false until graded).
    pub graded: bool,
}

const ANSWER_COLUMNS: &str =
    "question_id, seconds_used, points, points_total, answer, shown_at, answered_at, graded";

const MOCK_COLUMNS: &str =
    "id, started_at, finished_at, level, topics, question_count, minutes_per_answer";

fn mock_from(r: &Row<'_>) -> rusqlite::Result<MockRecord> {
    Ok(MockRecord {
        id: r.get(0)?,
        started_at: r.get(1)?,
        finished_at: r.get(2)?,
        level: r.get(3)?,
        topics: r.get(4)?,
        question_count: r.get(5)?,
        minutes_per_answer: r.get(6)?,
        answers: Vec::new(),
    })
}

impl Store {
    /// Inserts or replaces a mock and all its answers, in one transaction.
    pub fn save_mock(&mut self, m: &MockRecord) -> Result<(), StoreError> {
        self.transact(|s| {
            let tx = &s.conn;
            tx.execute(
                &format!(
                    "INSERT INTO mock ({MOCK_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at,
                   finished_at = excluded.finished_at, level = excluded.level,
                   topics = excluded.topics, question_count = excluded.question_count,
                   minutes_per_answer = excluded.minutes_per_answer"
                ),
                params![
                    m.id,
                    m.started_at,
                    m.finished_at,
                    m.level,
                    m.topics,
                    m.question_count,
                    m.minutes_per_answer
                ],
            )?;
            tx.execute("DELETE FROM mock_answer WHERE mock_id = ?1", [&m.id])?;
            for (i, a) in m.answers.iter().enumerate() {
                insert_answer(tx, &m.id, i, a)?;
            }
            Ok(())
        })
    }

    /// Rewrites one answer of a mock (its text, timestamps, time used and ticks); false when the
    /// mock has no such position.
    pub fn update_mock_answer(
        &mut self,
        mock_id: &str,
        position: usize,
        a: &MockAnswerRecord,
    ) -> Result<bool, StoreError> {
        let n = self.conn.execute(
            "UPDATE mock_answer SET question_id = ?3, seconds_used = ?4, points = ?5,
               points_total = ?6, answer = ?7, shown_at = ?8, answered_at = ?9, graded = ?10
             WHERE mock_id = ?1 AND position = ?2",
            answer_params(&mock_id, &(position as i64), a).as_slice(),
        )?;
        Ok(n > 0)
    }

    /// Stamps when a mock finished; false when there is no such mock.
    pub fn set_mock_finished(&mut self, id: &str, finished_at: i64) -> Result<bool, StoreError> {
        let n = self.conn.execute(
            "UPDATE mock SET finished_at = ?2 WHERE id = ?1",
            params![id, finished_at],
        )?;
        Ok(n > 0)
    }

    pub fn mock(&self, id: &str) -> Result<Option<MockRecord>, StoreError> {
        let found = self
            .conn
            .query_row(
                &format!("SELECT {MOCK_COLUMNS} FROM mock WHERE id = ?1"),
                [id],
                mock_from,
            )
            .optional()?;
        match found {
            Some(mut m) => {
                m.answers = self.mock_answers(&m.id)?;
                Ok(Some(m))
            }
            None => Ok(None),
        }
    }

    /// Every mock with its answers, newest first.
    pub fn mocks(&self) -> Result<Vec<MockRecord>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {MOCK_COLUMNS} FROM mock ORDER BY started_at DESC, id DESC"
        ))?;
        let mut out: Vec<MockRecord> = stmt.query_map([], mock_from)?.collect::<Result<_, _>>()?;
        for m in &mut out {
            m.answers = self.mock_answers(&m.id)?;
        }
        Ok(out)
    }

    /// Deletes a mock and its answers; false when there was none.
    pub fn delete_mock(&mut self, id: &str) -> Result<bool, StoreError> {
        self.transact(|s| {
            s.conn
                .execute("DELETE FROM mock_answer WHERE mock_id = ?1", [id])?;
            let n = s.conn.execute("DELETE FROM mock WHERE id = ?1", [id])?;
            Ok(n > 0)
        })
    }

    /// For each question ever asked in a mock, when the latest such mock started (unix ms).
    pub fn last_mocked(&self) -> Result<HashMap<String, i64>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT a.question_id, max(m.started_at) FROM mock_answer a
             JOIN mock m ON m.id = a.mock_id GROUP BY a.question_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn mock_answers(&self, mock_id: &str) -> Result<Vec<MockAnswerRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ANSWER_COLUMNS} FROM mock_answer WHERE mock_id = ?1 ORDER BY position"
        ))?;
        let rows = stmt.query_map([mock_id], |r| {
            Ok(MockAnswerRecord {
                question_id: r.get(0)?,
                seconds_used: r.get(1)?,
                points: r.get(2)?,
                points_total: r.get(3)?,
                answer: r.get(4)?,
                shown_at: r.get(5)?,
                answered_at: r.get(6)?,
                graded: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn insert_answer(
    tx: &rusqlite::Connection,
    mock_id: &str,
    position: usize,
    a: &MockAnswerRecord,
) -> Result<(), StoreError> {
    let mut insert = tx.prepare_cached(&format!(
        "INSERT INTO mock_answer (mock_id, position, {ANSWER_COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    ))?;
    insert.execute(answer_params(&mock_id, &(position as i64), a).as_slice())?;
    Ok(())
}

/// An answer row's values as ?1..?10 in `ANSWER_COLUMNS` order after the key: the insert and the
/// update bind the same list, so a new column is added in one place.
fn answer_params<'a>(
    mock_id: &'a &'a str,
    position: &'a i64,
    a: &'a MockAnswerRecord,
) -> [&'a dyn ToSql; 10] {
    [
        mock_id,
        position,
        &a.question_id,
        &a.seconds_used,
        &a.points,
        &a.points_total,
        &a.answer,
        &a.shown_at,
        &a.answered_at,
        &a.graded,
    ]
}
