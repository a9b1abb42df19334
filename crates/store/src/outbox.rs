//! The outbox: the records this device made (or imported), in the order they were made, waiting to
//! be appended to its own change file in the sync folder. The outermost unit of work queues what it
//! added to the shared tables, so every writer is covered without knowing about sync; a merge from
//! another device's file runs with queuing off, so nothing is written back into ours.
use crate::{Store, StoreError};
use rusqlite::Connection;

/// The tables whose rows a device shares through its change file: (outbox kind, table, id column).
/// Their order is the order of a unit's records in the outbox: a review before its undo.
const QUEUED: [(&str, &str, &str); 4] = [
    ("review", "review_log", "id"),
    ("undo", "review_undo", "review_id"),
    ("change", "change_log", "id"),
    ("attempt", "drill_attempts", "id"),
];

/// Each shared table's highest rowid before a unit of work. The tables only grow (append-only
/// triggers) and SQLite numbers a new row after the highest, so the unit's rows are the ones above.
pub(crate) struct Marks([i64; 4]);

pub(crate) fn marks(conn: &Connection) -> Result<Marks, StoreError> {
    let mut out = [0; 4];
    for (m, (_, table, _)) in out.iter_mut().zip(QUEUED) {
        *m = conn
            .prepare_cached(&format!("SELECT coalesce(max(rowid), 0) FROM {table}"))?
            .query_row([], |r| r.get(0))?;
    }
    Ok(Marks(out))
}

/// Queues the rows added since `marks`, table by table in [`QUEUED`] order, each in rowid order.
pub(crate) fn queue_since(conn: &Connection, marks: &Marks) -> Result<(), StoreError> {
    for ((kind, table, id), mark) in QUEUED.iter().zip(marks.0) {
        conn.prepare_cached(&format!(
            "INSERT INTO sync_outbox (kind, id)
             SELECT '{kind}', {id} FROM {table} WHERE rowid > ?1 ORDER BY rowid"
        ))?
        .execute([mark])?;
    }
    Ok(())
}

impl Store {
    /// Runs `f` in one unit of work whose inserts are not queued for this device's change file: what
    /// comes from another device's file is not written back into ours. Inside a larger unit (a sync
    /// round appends, merges and rebuilds in one), the larger unit's own rows so far are queued
    /// first, and its queuing resumes after `f` from where the merge left the tables.
    pub fn with_peer_merge<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, E> {
        self.transact(|s| {
            // Without marks the unit queues nothing; none here means a peer merge is already on.
            let Some(before) = s.outbox_marks.take() else {
                return f(s);
            };
            queue_since(&s.conn, &before)?;
            let out = f(s);
            // Also after an error: a larger unit that carries on still queues its later rows.
            s.outbox_marks = Some(marks(&s.conn)?);
            out
        })
    }
}
