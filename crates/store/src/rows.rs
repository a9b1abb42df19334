//! How rows of the review log and of the card_state cache are read and written: their columns, the
//! insert and upsert statements, and each row's values in statement order.
use crate::{CardStateRecord, ReviewRecord};
use rusqlite::{Connection, Row};

pub(crate) fn review_from(r: &Row<'_>) -> rusqlite::Result<ReviewRecord> {
    Ok(ReviewRecord {
        id: r.get(0)?,
        card_id: r.get(1)?,
        reviewed_at: r.get(2)?,
        day: r.get(3)?,
        rating: r.get(4)?,
        duration_ms: r.get(5)?,
        points: r.get(6)?,
        points_total: r.get(7)?,
        elapsed_days: r.get(8)?,
        answer: r.get(9)?,
    })
}

pub(crate) const REVIEW_COLUMNS: &str =
    "r.id, r.card_id, r.reviewed_at, r.day, r.rating, r.duration_ms, r.points, r.points_total, r.elapsed_days,
     r.answer";

pub(crate) fn state_from(r: &Row<'_>) -> rusqlite::Result<CardStateRecord> {
    Ok(CardStateRecord {
        card_id: r.get(0)?,
        due: r.get(1)?,
        stability: r.get(2)?,
        difficulty: r.get(3)?,
        reps: r.get(4)?,
        lapses: r.get(5)?,
        last_review: r.get(6)?,
        last_day: r.get(7)?,
        first_day: r.get(8)?,
    })
}

pub(crate) const STATE_COLUMNS: &str =
    "card_id, due, stability, difficulty, reps, lapses, last_review, last_day, first_day";

/// What an insert does with a row whose id is already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnDuplicate {
    /// A bug (a review recorded twice): the insert fails and its unit of work rolls back.
    Fail,
    /// A merge (an import, another device): the known row stays, nothing is added.
    Ignore,
}

impl OnDuplicate {
    /// Picks one of two complete statements, so the hot insert path formats nothing at run time.
    pub(crate) fn pick(self, fail: &'static str, ignore: &'static str) -> &'static str {
        match self {
            OnDuplicate::Fail => fail,
            OnDuplicate::Ignore => ignore,
        }
    }
}

/// The start of an insert into the log, up to `VALUES`.
macro_rules! insert_review_head {
    ($verb:literal) => {
        concat!(
            $verb,
            " INTO review_log (id, card_id, reviewed_at, day, rating, duration_ms, points,
                               points_total, elapsed_days, answer)
              VALUES "
        )
    };
}

/// The start of an insert of log rows, failing on or ignoring a known id: the values follow in
/// the order of [`review_values`].
pub(crate) fn insert_review_head(dup: OnDuplicate) -> &'static str {
    dup.pick(
        insert_review_head!("INSERT"),
        insert_review_head!("INSERT OR IGNORE"),
    )
}

/// The insert statement for one log row, failing on or ignoring a known id.
pub(crate) fn insert_review_sql(dup: OnDuplicate) -> &'static str {
    dup.pick(
        concat!(
            insert_review_head!("INSERT"),
            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
        ),
        concat!(
            insert_review_head!("INSERT OR IGNORE"),
            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
        ),
    )
}

/// A log row's values in the column order of [`insert_review_sql`].
pub(crate) fn review_values(r: &ReviewRecord) -> [&dyn rusqlite::ToSql; 10] {
    [
        &r.id,
        &r.card_id,
        &r.reviewed_at,
        &r.day,
        &r.rating,
        &r.duration_ms,
        &r.points,
        &r.points_total,
        &r.elapsed_days,
        &r.answer,
    ]
}

/// The start of the upsert of cached states, up to `VALUES`.
macro_rules! upsert_state_head {
    () => {
        "INSERT OR REPLACE INTO card_state (card_id, due, stability, difficulty, reps, lapses,
                                            last_review, last_day, first_day)
         VALUES "
    };
}

/// The start of the upsert of cached states: the values follow in the order of [`state_values`].
pub(crate) const UPSERT_STATE_HEAD: &str = upsert_state_head!();

pub(crate) fn state_values(s: &CardStateRecord) -> [&dyn rusqlite::ToSql; 9] {
    [
        &s.card_id,
        &s.due,
        &s.stability,
        &s.difficulty,
        &s.reps,
        &s.lapses,
        &s.last_review,
        &s.last_day,
        &s.first_day,
    ]
}

pub(crate) fn upsert_state(tx: &Connection, s: &CardStateRecord) -> rusqlite::Result<()> {
    tx.prepare_cached(concat!(
        upsert_state_head!(),
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    ))?
    .execute(state_values(s))?;
    Ok(())
}
