//! The change history of notes, bookmarks and shared settings, and the last-writer-wins rule that
//! turns it into the current tables. Local edits and merged ones (an import, a sync folder) go through
//! the same rule, so the result never depends on the order in which devices' changes arrive.
use crate::chunk::insert_rows;
use crate::{Store, StoreError};
use archdrill_domain::new_ulid;
use rusqlite::{params, Connection, OptionalExtension};

/// Setting keys that describe this device (its id, its sync folder, its backup times) rather than the
/// learner: never exported, never synced.
pub const LOCAL_PREFIX: &str = "local.";

/// What a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    Note,
    Bookmark,
    Setting,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Note => "note",
            ChangeKind::Bookmark => "bookmark",
            ChangeKind::Setting => "setting",
        }
    }

    pub fn parse(s: &str) -> Option<ChangeKind> {
        match s {
            "note" => Some(ChangeKind::Note),
            "bookmark" => Some(ChangeKind::Bookmark),
            "setting" => Some(ChangeKind::Setting),
            _ => None,
        }
    }
}

impl rusqlite::ToSql for ChangeKind {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

/// One row of the change log. `value: None` removes (a deleted note, a bookmark taken off).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRecord {
    pub id: String,
    /// Unix ms.
    pub at: i64,
    pub kind: ChangeKind,
    pub key: String,
    pub value: Option<String>,
}

impl Store {
    /// Records a change made on this device and applies it. Its time is at least one past the key's
    /// newest change, so the learner's latest edit wins even behind a device whose clock runs ahead.
    pub(crate) fn change(
        &mut self,
        kind: ChangeKind,
        key: &str,
        value: Option<&str>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.transact(|s| {
            let newest = newest_at(&s.conn, kind, key)?;
            let at = newest.map_or(now_ms, |n| now_ms.max(n.saturating_add(1)));
            let change = ChangeRecord {
                id: new_ulid(at),
                at,
                kind,
                key: key.to_string(),
                value: value.map(str::to_string),
            };
            merge_change_in(&s.conn, &change)?;
            Ok(())
        })
    }

    /// Adds many changes from elsewhere at once: the same result as `Store::merge_change` (a test helper) on each,
    /// with the winners of the touched keys applied in one pass per table. Returns how many were new.
    pub fn merge_changes(&mut self, changes: &[ChangeRecord]) -> Result<usize, StoreError> {
        self.transact(|s| {
            // The log only grows and SQLite numbers a new row after the highest, so the rows this
            // merge adds are the ones above the mark (as the outbox finds a unit's rows).
            let mark: i64 = s
                .conn
                .prepare_cached("SELECT coalesce(max(rowid), 0) FROM change_log")?
                .query_row([], |r| r.get(0))?;
            let added = insert_rows(&s.conn, INSERT_CHANGES_HEAD, changes, change_values, |_| {})?;
            if added > 0 {
                s.conn.execute_batch(
                    "CREATE TEMP TABLE IF NOT EXISTS merge_keys
                         (kind TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
                     CREATE TEMP TABLE IF NOT EXISTS merge_winners
                         (kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT, at INTEGER NOT NULL);",
                )?;
                s.conn
                    .prepare_cached(
                        "INSERT OR IGNORE INTO temp.merge_keys (kind, key)
                         SELECT kind, key FROM change_log WHERE rowid > ?1",
                    )?
                    .execute([mark])?;
                s.conn
                    .execute_batch(include_str!("sql/merge_changes.sql"))?;
            }
            Ok(added)
        })
    }

    /// Every change, in id order.
    pub fn changes(&self) -> Result<Vec<ChangeRecord>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, at, kind, key, value FROM change_log ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(2)?;
            Ok(ChangeRecord {
                id: r.get(0)?,
                at: r.get(1)?,
                // The table's CHECK admits only the three kinds.
                kind: ChangeKind::parse(&kind).unwrap_or(ChangeKind::Setting),
                key: r.get(3)?,
                value: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn newest_at(conn: &Connection, kind: ChangeKind, key: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT max(at) FROM change_log WHERE kind = ?1 AND key = ?2")?
        .query_row(params![kind.as_str(), key], |r| r.get(0))?)
}

const INSERT_CHANGE: &str =
    "INSERT OR IGNORE INTO change_log (id, at, kind, key, value) VALUES (?1, ?2, ?3, ?4, ?5)";
/// [`INSERT_CHANGE`] up to its values, which follow in the order of [`change_values`].
const INSERT_CHANGES_HEAD: &str =
    "INSERT OR IGNORE INTO change_log (id, at, kind, key, value) VALUES ";

fn change_values(c: &ChangeRecord) -> [&dyn rusqlite::ToSql; 5] {
    [&c.id, &c.at, &c.kind, &c.key, &c.value]
}

pub(crate) fn merge_change_in(conn: &Connection, c: &ChangeRecord) -> Result<bool, StoreError> {
    let added = conn.prepare_cached(INSERT_CHANGE)?.execute(params![
        c.id,
        c.at,
        c.kind.as_str(),
        c.key,
        c.value
    ])? > 0;
    if !added {
        return Ok(false);
    }
    // The newest change of the key, by time then id: the same on every device once all have merged.
    let winner: Option<(String, Option<String>, i64)> = conn
        .prepare_cached(
            "SELECT id, value, at FROM change_log WHERE kind = ?1 AND key = ?2
             ORDER BY at DESC, id DESC LIMIT 1",
        )?
        .query_row(params![c.kind.as_str(), c.key], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    if let Some((id, value, at)) = winner {
        if id == c.id {
            materialize(conn, c.kind, &c.key, value.as_deref(), at)?;
        }
    }
    Ok(true)
}

/// Makes the current tables say what the winning change says.
fn materialize(
    conn: &Connection,
    kind: ChangeKind,
    key: &str,
    value: Option<&str>,
    at: i64,
) -> Result<(), StoreError> {
    match (kind, value) {
        (ChangeKind::Note, Some(body)) => conn.execute(
            "INSERT INTO notes (question_id, body, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (question_id) DO UPDATE SET body = excluded.body,
                                                     updated_at = excluded.updated_at",
            params![key, body, at],
        )?,
        (ChangeKind::Note, None) => {
            conn.execute("DELETE FROM notes WHERE question_id = ?1", [key])?
        }
        (ChangeKind::Bookmark, Some(_)) => conn.execute(
            "INSERT OR IGNORE INTO bookmarks (question_id, created_at) VALUES (?1, ?2)",
            params![key, at],
        )?,
        (ChangeKind::Bookmark, None) => {
            conn.execute("DELETE FROM bookmarks WHERE question_id = ?1", [key])?
        }
        (ChangeKind::Setting, Some(v)) => conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, v],
        )?,
        (ChangeKind::Setting, None) => {
            conn.execute("DELETE FROM settings WHERE key = ?1", [key])?
        }
    };
    Ok(())
}
