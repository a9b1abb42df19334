-- The review log is append-only and the source of truth; card_state is a cache rebuilt by replaying it.
-- Its order is the order of its ids: ULIDs whose time part is reviewed_at, so they sort by time.
CREATE TABLE review_log (
    id           TEXT PRIMARY KEY,        -- ULID: unique across devices, sorts by time
    card_id      TEXT NOT NULL,           -- "q:<question id>" or "d:<drill id>"
    reviewed_at  INTEGER NOT NULL,        -- unix ms
    -- The learner's calendar day at review (days since 1970-01-01 in their time zone then). Stored so
    -- that replay and stats never depend on the time zone the app happens to run in later.
    day          INTEGER NOT NULL,
    rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    duration_ms  INTEGER NOT NULL CHECK (duration_ms >= 0),
    points       TEXT NOT NULL DEFAULT '[]', -- JSON array of rubric point indexes ticked
    points_total INTEGER NOT NULL DEFAULT 0 CHECK (points_total >= 0), -- rubric size then; 0 = none
    -- Days since the card's previous review (NULL on its first). Derivable from the log, kept so that
    -- retention and lapse figures need no replay. Undo only ever removes a log's latest review, so a
    -- remaining row's predecessor never changes.
    elapsed_days INTEGER
);
-- Replay of one card (undo) and of every card (rebuild) reads in this order, and the index also holds
-- what replay needs, so a rebuild reads it front to back without touching the table. (Undo finds the
-- latest review through the primary key.)
CREATE INDEX review_log_card ON review_log (card_id, id, reviewed_at, day, rating);
-- "Done today", reviews per day and the streak.
CREATE INDEX review_log_day ON review_log (day);

-- Undo appends a row here rather than deleting from the log.
CREATE TABLE review_undo (
    review_id TEXT PRIMARY KEY REFERENCES review_log (id),
    undone_at INTEGER NOT NULL
);

-- One row per card with at least one review that has not been undone.
CREATE TABLE card_state (
    card_id     TEXT PRIMARY KEY,
    due         INTEGER NOT NULL,        -- unix ms
    stability   REAL NOT NULL,           -- FSRS memory state (f32 values, stored exactly)
    difficulty  REAL NOT NULL,
    reps        INTEGER NOT NULL,
    lapses      INTEGER NOT NULL,
    last_review INTEGER NOT NULL,        -- unix ms
    last_day    INTEGER NOT NULL,        -- review_log.day of the last review
    first_day   INTEGER NOT NULL         -- review_log.day of the first review ("new cards today")
);
CREATE INDEX card_state_due ON card_state (due);
