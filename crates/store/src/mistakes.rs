//! What the mistakes screen reads: the grade of every drill attempt and the ticked rubric points of
//! every question review, undone ones left out. One pass over each table, each row handed to a
//! callback without being collected, so the history can grow to many thousand reviews.
use crate::{Store, StoreError};

/// One question review with a rubric, as the mistakes screen reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointsRow<'a> {
    /// `q:<question id>`.
    pub card_id: &'a str,
    /// Unix ms.
    pub reviewed_at: i64,
    /// JSON array of the ticked rubric point indexes.
    pub points: &'a str,
    /// The rubric's size at the time of the review (> 0).
    pub points_total: u32,
}

impl Store {
    /// Calls `f(drill_id, attempted_at, result_json)` for every attempt not undone, oldest first.
    pub fn scan_attempt_results(
        &self,
        mut f: impl FnMut(&str, i64, &str),
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/mistake_attempts.sql"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let drill = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            let result = r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
            f(drill, r.get(1)?, result);
        }
        Ok(())
    }

    /// Calls `f` for every question review not undone that had a rubric, oldest first.
    pub fn scan_question_points(&self, mut f: impl FnMut(PointsRow<'_>)) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/missed_points.sql"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(PointsRow {
                card_id: r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?,
                reviewed_at: r.get(1)?,
                points: r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?,
                points_total: r.get(3)?,
            });
        }
        Ok(())
    }
}
