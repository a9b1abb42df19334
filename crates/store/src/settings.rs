use crate::changes::{ChangeKind, LOCAL_PREFIX};
use crate::{Store, StoreError};
use rusqlite::{params, OptionalExtension};

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets a setting. The learner's settings go through the change log (so they export and sync);
    /// `local.` ones describe this device only and are written directly.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if key.starts_with(LOCAL_PREFIX) {
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
            return Ok(());
        }
        if self.setting(key)?.as_deref() == Some(value) {
            return Ok(()); // no change: keep the history (and the sync files) free of no-ops
        }
        self.change(ChangeKind::Setting, key, Some(value), crate::wall_ms())
    }
}
