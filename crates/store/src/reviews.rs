use crate::{Store, StoreError};
use std::collections::HashSet;

impl Store {
    /// Cards due at or before `until_ms`.
    pub fn due_count(&self, until_ms: i64) -> Result<u32, StoreError> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM card_state WHERE due <= ?1",
            [until_ms],
            |r| r.get(0),
        )?)
    }

    /// Cards with at least one review that has not been undone.
    pub fn reviewed_card_ids(&self) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT card_id FROM review_log
             WHERE id NOT IN (SELECT review_id FROM review_undo)",
        )?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }
}
