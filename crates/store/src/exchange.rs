//! What the portable export and the sync folder need from the database: every personal record in full,
//! inserts that skip ids already present (a union by id, so merging twice changes nothing), and the
//! sync folder's bookkeeping (the outbox of records this device made, how far each file was read).
use crate::attempts::insert_attempt;
use crate::changes::ChangeKind;
use crate::chunk::insert_rows;
use crate::rows::{insert_review_head, review_values, OnDuplicate};
use crate::{ChangeRecord, DrillAttempt, MockRecord, ReviewRecord, Store, StoreError};
use rusqlite::{params, Connection, OptionalExtension};

/// An undo mark: the review it takes back, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoMark {
    pub review_id: String,
    /// Unix ms.
    pub undone_at: i64,
}

/// A record this device made (or imported), to append to its own change file.
#[derive(Debug, Clone, PartialEq)]
pub enum OwnRecord {
    Review(ReviewRecord),
    Undo(UndoMark),
    Change(ChangeRecord),
    Attempt(DrillAttempt),
}

/// How far this device has appended its own file in a sync folder.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OwnCursor {
    /// The last outbox entry written.
    pub written_seq: i64,
    /// The file's length after that write.
    pub file_len: i64,
}

/// How far this device has read another device's change file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeerCursor {
    /// Byte offset just after the last complete line read.
    pub offset: i64,
    /// That line's number (1-based; 0 before any).
    pub line: i64,
    /// Where that line starts, and its SHA-256 in hex: a file whose bytes there differ was replaced.
    pub tail_start: i64,
    pub tail_sha256: String,
    /// The change-file version of the reader that read it.
    pub reader_version: i64,
}

/// Progress is reported every this many rows of a bulk merge.
const PROGRESS_EVERY: usize = 10_000;

const REVIEW_SELECT: &str = "SELECT id, card_id, reviewed_at, day, rating, duration_ms, points,
    points_total, elapsed_days, answer FROM review_log";
const ATTEMPT_SELECT: &str = "SELECT id, drill_id, attempted_at, score, rating, duration_ms,
    submission, result FROM drill_attempts";

impl Store {
    /// Calls `f` with every review, undone ones included, in id (time) order, without holding them all.
    pub fn scan_reviews<E: From<StoreError>>(
        &self,
        mut f: impl FnMut(ReviewRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut stmt = self
            .conn
            .prepare(&format!("{REVIEW_SELECT} ORDER BY id"))
            .map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            f(crate::rows::review_from(r).map_err(StoreError::from)?)?;
        }
        Ok(())
    }

    /// Every undo mark, by review id.
    pub fn undo_marks(&self) -> Result<Vec<UndoMark>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT review_id, undone_at FROM review_undo ORDER BY review_id")?;
        let rows = stmt.query_map([], |r| {
            Ok(UndoMark {
                review_id: r.get(0)?,
                undone_at: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every drill attempt, by id.
    pub fn all_attempts(&self) -> Result<Vec<DrillAttempt>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("{ATTEMPT_SELECT} ORDER BY id"))?;
        let rows = stmt.query_map([], crate::attempts::attempt_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds the reviews whose ids are new; `done(n)` hears how many rows were handled so far. The
    /// card_state cache is not touched: rebuild it afterwards.
    pub fn merge_reviews(
        &mut self,
        rows: &[ReviewRecord],
        mut done: impl FnMut(usize),
    ) -> Result<usize, StoreError> {
        self.bulk(|s| {
            let head = insert_review_head(OnDuplicate::Ignore);
            let mut reported = 0;
            let added = insert_rows(&s.conn, head, rows, review_values, |n| {
                if n / PROGRESS_EVERY > reported / PROGRESS_EVERY {
                    reported = n;
                    done(n);
                }
            })?;
            done(rows.len());
            Ok(added)
        })
    }

    /// Adds undo marks not yet here. A mark whose review is unknown is kept aside and applied by a
    /// later merge that brings the review. Returns (marks applied, marks waiting).
    pub fn merge_undos(&mut self, marks: &[UndoMark]) -> Result<(usize, usize), StoreError> {
        self.transact(|s| {
            for m in marks {
                s.conn
                    .prepare_cached(
                        "INSERT OR IGNORE INTO sync_pending_undo (review_id, undone_at)
                         VALUES (?1, ?2)",
                    )?
                    .execute(params![m.review_id, m.undone_at])?;
            }
            let added = s.conn.execute(
                "INSERT OR IGNORE INTO review_undo (review_id, undone_at)
                 SELECT p.review_id, p.undone_at FROM sync_pending_undo p
                 WHERE EXISTS (SELECT 1 FROM review_log r WHERE r.id = p.review_id)",
                [],
            )?;
            s.conn.execute(
                "DELETE FROM sync_pending_undo
                 WHERE EXISTS (SELECT 1 FROM review_undo u WHERE u.review_id = sync_pending_undo.review_id)",
                [],
            )?;
            let waiting: i64 =
                s.conn
                    .query_row("SELECT count(*) FROM sync_pending_undo", [], |r| r.get(0))?;
            Ok((added, usize::try_from(waiting).unwrap_or(usize::MAX)))
        })
    }

    /// Adds the drill attempts whose ids are new.
    pub fn merge_attempts(&mut self, rows: &[DrillAttempt]) -> Result<usize, StoreError> {
        self.transact(|s| {
            let mut added = 0;
            for a in rows {
                added += insert_attempt(&s.conn, a, OnDuplicate::Ignore)?;
            }
            Ok(added)
        })
    }

    /// Adds the mocks whose ids are new; a mock already here is kept as it is (never replaced).
    pub fn merge_mocks(&mut self, mocks: &[MockRecord]) -> Result<usize, StoreError> {
        self.transact(|s| {
            let mut added = 0;
            for m in mocks {
                if s.mock(&m.id)?.is_none() {
                    s.save_mock(m)?;
                    added += 1;
                }
            }
            Ok(added)
        })
    }

    /// Up to `limit` outbox records after `seq`, in the order they were made, with their outbox seq.
    pub fn own_records_after(
        &self,
        seq: i64,
        limit: u32,
    ) -> Result<Vec<(i64, OwnRecord)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, kind, id FROM sync_outbox WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        let queued: Vec<(i64, String, String)> = stmt
            .query_map(params![seq, limit], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<Result<_, _>>()?;
        let mut out = Vec::with_capacity(queued.len());
        for (seq, kind, id) in queued {
            // The tables only grow, so a queued record is always found; the kind CHECK admits four.
            if let Some(rec) = own_record(&self.conn, &kind, &id)? {
                out.push((seq, rec));
            }
        }
        Ok(out)
    }

    pub fn own_cursor(&self, folder: &str) -> Result<Option<OwnCursor>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT written_seq, file_len FROM sync_own WHERE folder = ?1",
                [folder],
                |r| {
                    Ok(OwnCursor {
                        written_seq: r.get(0)?,
                        file_len: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn set_own_cursor(&mut self, folder: &str, c: &OwnCursor) -> Result<(), StoreError> {
        self.transact(|s| {
            s.conn.execute(
                "INSERT OR REPLACE INTO sync_own (folder, written_seq, file_len) VALUES (?1, ?2, ?3)",
                params![folder, c.written_seq, c.file_len],
            )?;
            Ok(())
        })
    }

    pub fn peer_cursor(
        &self,
        folder: &str,
        device: &str,
    ) -> Result<Option<PeerCursor>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT offset, line, tail_start, tail_sha256, reader_version FROM sync_peer
                 WHERE folder = ?1 AND device_id = ?2",
                [folder, device],
                |r| {
                    Ok(PeerCursor {
                        offset: r.get(0)?,
                        line: r.get(1)?,
                        tail_start: r.get(2)?,
                        tail_sha256: r.get(3)?,
                        reader_version: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn set_peer_cursor(
        &mut self,
        folder: &str,
        device: &str,
        c: &PeerCursor,
    ) -> Result<(), StoreError> {
        self.transact(|s| {
            s.conn.execute(
                "INSERT OR REPLACE INTO sync_peer
                     (folder, device_id, offset, line, tail_start, tail_sha256, reader_version)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    folder,
                    device,
                    c.offset,
                    c.line,
                    c.tail_start,
                    c.tail_sha256,
                    c.reader_version
                ],
            )?;
            Ok(())
        })
    }
}

fn own_record(conn: &Connection, kind: &str, id: &str) -> Result<Option<OwnRecord>, StoreError> {
    let found = match kind {
        "review" => conn
            .prepare_cached(&format!("{REVIEW_SELECT} WHERE id = ?1"))?
            .query_row([id], crate::rows::review_from)
            .optional()?
            .map(OwnRecord::Review),
        "undo" => conn
            .prepare_cached("SELECT review_id, undone_at FROM review_undo WHERE review_id = ?1")?
            .query_row([id], |r| {
                Ok(UndoMark {
                    review_id: r.get(0)?,
                    undone_at: r.get(1)?,
                })
            })
            .optional()?
            .map(OwnRecord::Undo),
        "change" => conn
            .prepare_cached("SELECT id, at, kind, key, value FROM change_log WHERE id = ?1")?
            .query_row([id], |r| {
                let kind: String = r.get(2)?;
                Ok((r.get(0)?, r.get(1)?, kind, r.get(3)?, r.get(4)?))
            })
            .optional()?
            .and_then(|(id, at, kind, key, value)| {
                Some(OwnRecord::Change(ChangeRecord {
                    id,
                    at,
                    kind: ChangeKind::parse(&kind)?,
                    key,
                    value,
                }))
            }),
        "attempt" => conn
            .prepare_cached(&format!("{ATTEMPT_SELECT} WHERE id = ?1"))?
            .query_row([id], crate::attempts::attempt_from)
            .optional()?
            .map(OwnRecord::Attempt),
        _ => None,
    };
    Ok(found)
}
