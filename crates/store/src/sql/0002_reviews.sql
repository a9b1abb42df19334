-- The review log is append-only and the source of truth; card_state is a cache rebuilt by replaying it.
CREATE TABLE review_log (
    id          TEXT PRIMARY KEY,        -- ULID: unique across devices, sorts by time
    card_id     TEXT NOT NULL,           -- "q:<question id>" or "d:<drill id>"
    reviewed_at INTEGER NOT NULL,        -- unix ms
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
    points      TEXT NOT NULL DEFAULT '[]' -- JSON array of rubric point indexes ticked
);
CREATE INDEX review_log_card ON review_log (card_id, reviewed_at);

-- Undo appends a row here rather than deleting from the log.
CREATE TABLE review_undo (
    review_id TEXT PRIMARY KEY REFERENCES review_log (id),
    undone_at INTEGER NOT NULL
);

CREATE TABLE card_state (
    card_id     TEXT PRIMARY KEY,
    due         INTEGER NOT NULL,        -- unix ms
    stability   REAL NOT NULL,
    difficulty  REAL NOT NULL,
    reps        INTEGER NOT NULL,
    lapses      INTEGER NOT NULL,
    last_review INTEGER NOT NULL
);
CREATE INDEX card_state_due ON card_state (due);
