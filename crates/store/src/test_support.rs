//! Reads and a one-at-a-time merge that only tests use (this crate's and the crates above it, to
//! check what a unit of work left behind): hidden from the API docs, and no app code calls them, so
//! they are not the store's interface. `merge_change` is the reference `merge_changes` is tested
//! against.
use crate::changes::merge_change_in;
use crate::rows::{review_from, REVIEW_COLUMNS};
use crate::{ChangeRecord, ReviewRecord, Store, StoreError};
use rusqlite::OptionalExtension;

impl Store {
    /// Cards due at or before `until_ms`.
    #[doc(hidden)]
    pub fn due_count(&self, until_ms: i64) -> Result<u32, StoreError> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM card_state WHERE due <= ?1",
            [until_ms],
            |r| r.get(0),
        )?)
    }

    /// One log row by id, undone or not.
    #[doc(hidden)]
    pub fn review(&self, id: &str) -> Result<Option<ReviewRecord>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {REVIEW_COLUMNS} FROM review_log r WHERE r.id = ?1"
            ))?
            .query_row([id], review_from)
            .optional()?)
    }

    /// Rows in the log, undone ones included (the log only ever grows).
    #[doc(hidden)]
    pub fn review_log_len(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM review_log", [], |r| r.get(0))?)
    }

    /// Rows in the undo table (each marks one review of the log as undone).
    #[doc(hidden)]
    pub fn undo_count(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM review_undo", [], |r| r.get(0))?)
    }

    /// Rows in each personal table, for tests: (reviews, undos, changes, attempts, mocks).
    #[doc(hidden)]
    pub fn history_counts(&self) -> Result<[i64; 5], StoreError> {
        let mut out = [0; 5];
        let tables = [
            "review_log",
            "review_undo",
            "change_log",
            "drill_attempts",
            "mock",
        ];
        for (n, t) in out.iter_mut().zip(tables) {
            *n = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
        }
        Ok(out)
    }

    /// Adds a change from elsewhere (an import, another device); applies it when it is now the newest
    /// of its key. Returns whether it was new to this database (a known id changes nothing).
    #[doc(hidden)]
    pub fn merge_change(&mut self, change: &ChangeRecord) -> Result<bool, StoreError> {
        self.transact(|s| merge_change_in(&s.conn, change))
    }
}
