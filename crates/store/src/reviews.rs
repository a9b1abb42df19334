//! The review log (append-only), undo marks, and the card_state cache derived from them. The study crate
//! decides what a review does to a card; this module only reads and writes rows, and runs each change
//! that touches both the log and the cache in one transaction.
//!
//! The log's order is its ids' order: each id is a ULID whose time part is the review's time, so
//! ordering by id is ordering by time (ties broken by the id), with one index fewer to maintain.
use crate::chunk::insert_rows;
use crate::rows::{
    insert_review_sql, review_from, review_values, state_from, state_values, upsert_state,
    OnDuplicate, REVIEW_COLUMNS, STATE_COLUMNS, UPSERT_STATE_HEAD,
};
use crate::{Store, StoreError};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashSet;

/// A review that has not been undone.
const ACTIVE: &str = "NOT EXISTS (SELECT 1 FROM review_undo u WHERE u.review_id = r.id)";

/// One row of the review log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRecord {
    /// A ULID whose time part is `reviewed_at`: the log is ordered by it.
    pub id: String,
    pub card_id: String,
    /// Unix ms.
    pub reviewed_at: i64,
    /// The learner's local calendar day (days since 1970-01-01).
    pub day: i64,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    pub rating: u8,
    pub duration_ms: i64,
    /// JSON array of the rubric point indexes ticked.
    pub points: String,
    pub points_total: u32,
    /// Days since the card's previous review; `None` on its first.
    pub elapsed_days: Option<i64>,
    /// What the learner typed before revealing the model answer; `None` when nothing was typed.
    pub answer: Option<String>,
}

/// A card's cached scheduling state.
#[derive(Debug, Clone, PartialEq)]
pub struct CardStateRecord {
    pub card_id: String,
    /// Unix ms.
    pub due: i64,
    pub stability: f64,
    pub difficulty: f64,
    pub reps: u32,
    pub lapses: u32,
    pub last_review: i64,
    pub last_day: i64,
    pub first_day: i64,
}

/// What replaying a review needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplayReview {
    pub reviewed_at: i64,
    pub day: i64,
    pub rating: u8,
}

/// Every active review, grouped by card in replay order (cards sorted by id, each card's reviews in
/// log order).
#[derive(Debug, Default)]
pub struct ReplayLog {
    pub cards: Vec<(String, Vec<ReplayReview>)>,
}

/// Per-card review figures for the dashboard.
#[derive(Debug, Clone, PartialEq)]
pub struct CardAggregate {
    pub card_id: String,
    pub reviews: u32,
    /// Sum of ticked / total over the reviews that had a rubric, and how many those were.
    pub coverage_sum: f64,
    pub coverage_reviews: u32,
    pub lapses: u32,
}

/// What an undo did.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoneRecord {
    pub review: ReviewRecord,
    /// The card's state after replaying what remains of its log; `None` when nothing remains.
    pub state: Option<CardStateRecord>,
}

fn card_state_in(
    conn: &rusqlite::Connection,
    card_id: &str,
) -> rusqlite::Result<Option<CardStateRecord>> {
    conn.prepare_cached(&format!(
        "SELECT {STATE_COLUMNS} FROM card_state WHERE card_id = ?1"
    ))?
    .query_row([card_id], state_from)
    .optional()
}

fn card_replay_in(
    conn: &rusqlite::Connection,
    card_id: &str,
) -> rusqlite::Result<Vec<ReplayReview>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT r.reviewed_at, r.day, r.rating FROM review_log r
         WHERE r.card_id = ?1 AND {ACTIVE} ORDER BY r.id"
    ))?;
    let rows = stmt.query_map([card_id], |r| {
        Ok(ReplayReview {
            reviewed_at: r.get(0)?,
            day: r.get(1)?,
            rating: r.get(2)?,
        })
    })?;
    rows.collect()
}

impl Store {
    /// Cards with at least one review that has not been undone (read from the log, the source of truth).
    ///
    /// Every card in the log, from the card index alone, minus the few whose every review is undone
    /// (found from the undo table, which is small): filtering each log row through the undo table
    /// cost 2.5 times as much (24 ms against 9 ms at 100,000 reviews), on every search.
    pub fn reviewed_card_ids(&self) -> Result<HashSet<String>, StoreError> {
        let mut ids: HashSet<String> = self
            .conn
            .prepare_cached("SELECT DISTINCT card_id FROM review_log")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        // CROSS JOIN keeps the undo table first: SQLite would otherwise scan the log for it.
        let mut all_undone = self.conn.prepare_cached(&format!(
            "SELECT DISTINCT x.card_id FROM review_undo u CROSS JOIN review_log x ON x.id = u.review_id
             WHERE NOT EXISTS (SELECT 1 FROM review_log r WHERE r.card_id = x.card_id AND {ACTIVE})"
        ))?;
        for id in all_undone.query_map([], |r| r.get::<_, String>(0))? {
            ids.remove(&id?);
        }
        Ok(ids)
    }

    pub fn card_state(&self, card_id: &str) -> Result<Option<CardStateRecord>, StoreError> {
        Ok(card_state_in(&self.conn, card_id)?)
    }

    /// Every cached state, ordered by card id.
    pub fn all_card_states(&self) -> Result<Vec<CardStateRecord>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {STATE_COLUMNS} FROM card_state ORDER BY card_id"
        ))?;
        let rows = stmt.query_map([], state_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Calls `f(card_id, due, first_day)` for every cached state, without allocating per row (the
    /// Today queue reads all of them).
    pub fn scan_card_states(&self, mut f: impl FnMut(&str, i64, i64)) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT card_id, due, first_day FROM card_state")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            f(id, r.get(1)?, r.get(2)?);
        }
        Ok(())
    }

    /// Records one review: in a single write transaction, reads the card's state, lets `f` compute the
    /// log row and the new state from it, and writes both. Either both are committed or neither.
    pub fn record_review_with<E: From<StoreError>>(
        &mut self,
        card_id: &str,
        f: impl FnOnce(Option<CardStateRecord>) -> Result<(ReviewRecord, CardStateRecord), E>,
    ) -> Result<(ReviewRecord, CardStateRecord), E> {
        self.transact(|s| {
            let prev = card_state_in(&s.conn, card_id).map_err(StoreError::from)?;
            let (review, state) = f(prev)?;
            s.conn
                .prepare_cached(insert_review_sql(OnDuplicate::Fail))
                .and_then(|mut st| st.execute(review_values(&review)))
                .map_err(StoreError::from)?;
            upsert_state(&s.conn, &state).map_err(StoreError::from)?;
            Ok((review, state))
        })
    }

    /// Undoes the latest review (in log order) not yet undone: appends its undo mark, then sets its card's state to
    /// `replay(card_id, remaining reviews)` (deleting the row when that is `None`), in one
    /// transaction. `Ok(None)` when there is nothing to undo.
    pub fn undo_last_review_with<E: From<StoreError>>(
        &mut self,
        undone_at: i64,
        replay: impl FnOnce(&str, &[ReplayReview]) -> Result<Option<CardStateRecord>, E>,
    ) -> Result<Option<UndoneRecord>, E> {
        self.transact(|s| {
            let tx = &s.conn;
            let last = tx
                .query_row(
                    &format!(
                        "SELECT {REVIEW_COLUMNS} FROM review_log r WHERE {ACTIVE}
                         ORDER BY r.id DESC LIMIT 1"
                    ),
                    [],
                    review_from,
                )
                .optional()
                .map_err(StoreError::from)?;
            let Some(review) = last else {
                return Ok(None);
            };
            tx.execute(
                "INSERT INTO review_undo (review_id, undone_at) VALUES (?1, ?2)",
                params![review.id, undone_at],
            )
            .map_err(StoreError::from)?;
            let remaining = card_replay_in(tx, &review.card_id).map_err(StoreError::from)?;
            let state = replay(&review.card_id, &remaining)?;
            write_state(tx, &review.card_id, state.as_ref()).map_err(StoreError::from)?;
            Ok(Some(UndoneRecord { review, state }))
        })
    }

    /// Every active review, grouped by card, in replay order.
    pub fn replay_log(&self) -> Result<ReplayLog, StoreError> {
        Ok(replay_log_in(&self.conn)?)
    }

    /// Replaces the whole card_state cache with `replay(log)`, reading the log and writing the cache in
    /// one transaction so no review can slip in between.
    pub fn rebuild_card_states_with<E: From<StoreError>>(
        &mut self,
        replay: impl FnOnce(ReplayLog) -> Result<Vec<CardStateRecord>, E>,
    ) -> Result<usize, E> {
        self.transact(|s| {
            let log = replay_log_in(&s.conn).map_err(StoreError::from)?;
            let states = replay(log)?;
            s.conn
                .execute("DELETE FROM card_state", [])
                .map_err(StoreError::from)?;
            insert_rows(&s.conn, UPSERT_STATE_HEAD, &states, state_values, |_| {})
                .map_err(StoreError::from)?;
            Ok(states.len())
        })
    }

    /// Appends many log rows in one transaction (imports, tests, benchmarks). The card_state cache is
    /// not touched: rebuild it afterwards.
    pub fn import_reviews(
        &mut self,
        rows: impl IntoIterator<Item = ReviewRecord>,
    ) -> Result<usize, StoreError> {
        self.bulk(|s| {
            let mut insert = s
                .conn
                .prepare_cached(insert_review_sql(OnDuplicate::Fail))?;
            let mut n = 0;
            for r in rows {
                insert.execute(review_values(&r))?;
                n += 1;
            }
            Ok(n)
        })
    }

    /// Runs a bulk insert as one unit of work with a 256 MiB page cache. A bulk insert touches the
    /// card index all over; the bigger cache keeps that in memory instead of re-reading pages (the
    /// default is 2 MB). The usual size is restored afterwards.
    pub(crate) fn bulk<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", -262_144)?;
        let result = self.transact(f);
        self.conn.pragma_update(None, "cache_size", cache)?;
        result
    }

    /// The latest `limit` reviews of a card that have not been undone, newest first.
    pub fn card_reviews(&self, card_id: &str, limit: u32) -> Result<Vec<ReviewRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {REVIEW_COLUMNS} FROM review_log r WHERE r.card_id = ?1 AND {ACTIVE}
             ORDER BY r.id DESC LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![card_id, limit], review_from)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Active reviews on a day.
    pub fn reviews_on_day(&self, day: i64) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM review_log r WHERE r.day = ?1 AND {ACTIVE}"
            ))?
            .query_row([day], |r| r.get(0))?)
    }

    /// Active reviews per day for days in `from..=to` that have any, ascending.
    pub fn reviews_per_day(&self, from: i64, to: i64) -> Result<Vec<(i64, u32)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT r.day, count(*) FROM review_log r WHERE r.day BETWEEN ?1 AND ?2 AND {ACTIVE}
             GROUP BY r.day ORDER BY r.day"
        ))?;
        let rows = stmt.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn has_review_on_day(&self, day: i64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT EXISTS (SELECT 1 FROM review_log r WHERE r.day = ?1 AND {ACTIVE})"
            ))?
            .query_row([day], |r| r.get(0))?)
    }

    /// (active reviews of a card seen on an earlier day, how many of those were not rated Again).
    pub fn long_term_review_counts(&self) -> Result<(u32, u32), StoreError> {
        Ok(self.conn.query_row(
            &format!(
                "SELECT count(*), coalesce(sum(r.rating > 1), 0) FROM review_log r
                 WHERE r.elapsed_days >= 1 AND {ACTIVE}"
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// Review count, rubric coverage and lapses per card with any active review.
    pub fn card_aggregates(&self) -> Result<Vec<CardAggregate>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT r.card_id, count(*),
                    coalesce(sum(CASE WHEN r.points_total > 0 THEN
                        min(1.0, CAST(json_array_length(r.points) AS REAL) / r.points_total) END), 0.0),
                    count(CASE WHEN r.points_total > 0 THEN 1 END),
                    coalesce(s.lapses, 0)
             FROM review_log r LEFT JOIN card_state s ON s.card_id = r.card_id
             WHERE {ACTIVE} AND json_valid(r.points)
             GROUP BY r.card_id ORDER BY r.card_id"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(CardAggregate {
                card_id: r.get(0)?,
                reviews: r.get(1)?,
                coverage_sum: r.get(2)?,
                coverage_reviews: r.get(3)?,
                lapses: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Sets a card's cached state, or removes it when nothing of its log remains.
fn write_state(
    conn: &Connection,
    card_id: &str,
    state: Option<&CardStateRecord>,
) -> rusqlite::Result<()> {
    match state {
        Some(s) => upsert_state(conn, s),
        None => conn
            .execute("DELETE FROM card_state WHERE card_id = ?1", [card_id])
            .map(|_| ()),
    }
}

fn replay_log_in(conn: &rusqlite::Connection) -> rusqlite::Result<ReplayLog> {
    // One pass over the card index, which is already in replay order: no sort, and the undo table is
    // probed by primary key.
    let mut stmt = conn.prepare(&format!(
        "SELECT r.card_id, r.reviewed_at, r.day, r.rating FROM review_log r
         WHERE {ACTIVE} ORDER BY r.card_id, r.id"
    ))?;
    let mut rows = stmt.query([])?;
    let mut log = ReplayLog::default();
    while let Some(r) = rows.next()? {
        let card = r.get_ref(0)?.as_str()?;
        let review = ReplayReview {
            reviewed_at: r.get(1)?,
            day: r.get(2)?,
            rating: r.get(3)?,
        };
        match log.cards.last_mut() {
            Some((id, reviews)) if id == card => reviews.push(review),
            _ => log.cards.push((card.to_string(), vec![review])),
        }
    }
    Ok(log)
}
