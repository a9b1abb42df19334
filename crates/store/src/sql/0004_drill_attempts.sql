-- Every checked drill attempt, with what was submitted and how it was graded. The FSRS review it
-- produced carries the same id, so history and schedule line up.
CREATE TABLE drill_attempts (
    id           TEXT PRIMARY KEY,   -- the ULID of the review this attempt recorded
    drill_id     TEXT NOT NULL,
    attempted_at INTEGER NOT NULL,   -- unix ms
    score        REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
    rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    duration_ms  INTEGER NOT NULL CHECK (duration_ms >= 0),
    submission   TEXT NOT NULL,      -- JSON, as the UI sent it
    result       TEXT NOT NULL       -- JSON, the grade shown to the learner
);
CREATE INDEX drill_attempts_drill ON drill_attempts (drill_id, attempted_at);
