-- Mock interviews: one row per mock, one per question asked in it.
CREATE TABLE mock (
    id                 TEXT PRIMARY KEY,  -- ULID
    started_at         INTEGER NOT NULL,  -- unix ms
    finished_at        INTEGER,           -- unix ms; NULL while in progress
    level              TEXT NOT NULL,     -- "mid", "senior" or "mixed"
    topics             TEXT NOT NULL DEFAULT '[]', -- JSON array of topic slugs; empty = all
    question_count     INTEGER NOT NULL CHECK (question_count >= 0),
    minutes_per_answer INTEGER NOT NULL CHECK (minutes_per_answer >= 0)
);
CREATE INDEX mock_started ON mock (started_at);

CREATE TABLE mock_answer (
    mock_id      TEXT NOT NULL REFERENCES mock (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,        -- 0-based order in the mock
    question_id  TEXT NOT NULL,
    seconds_used INTEGER NOT NULL CHECK (seconds_used >= 0),
    points       TEXT NOT NULL DEFAULT '[]', -- JSON array of rubric point indexes ticked
    points_total INTEGER NOT NULL CHECK (points_total >= 0),
    PRIMARY KEY (mock_id, position)
);
-- "Not recently mocked" looks questions up here.
CREATE INDEX mock_answer_question ON mock_answer (question_id);
