use crate::changes::ChangeKind;
use crate::{Store, StoreError};
use rusqlite::OptionalExtension;
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub question_id: String,
    pub body: String,
    pub updated_at: i64,
}

impl Store {
    pub fn note(&self, question_id: &str) -> Result<Option<Note>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT question_id, body, updated_at FROM notes WHERE question_id = ?1",
                [question_id],
                |r| {
                    Ok(Note {
                        question_id: r.get(0)?,
                        body: r.get(1)?,
                        updated_at: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Saves a note; an empty (or blank) body deletes it.
    pub fn save_note(
        &mut self,
        question_id: &str,
        body: &str,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let body = Some(body).filter(|b| !b.trim().is_empty());
        if self.note(question_id)?.map(|n| n.body).as_deref() == body {
            return Ok(());
        }
        self.change(ChangeKind::Note, question_id, body, now_ms)
    }

    pub fn is_bookmarked(&self, question_id: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM bookmarks WHERE question_id = ?1",
                [question_id],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    pub fn set_bookmark(
        &mut self,
        question_id: &str,
        on: bool,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        if self.is_bookmarked(question_id)? == on {
            return Ok(());
        }
        self.change(ChangeKind::Bookmark, question_id, on.then_some("1"), now_ms)
    }

    pub fn bookmarked_ids(&self) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT question_id FROM bookmarks")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    pub fn noted_ids(&self) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT question_id FROM notes")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }
}
