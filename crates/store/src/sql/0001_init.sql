-- Learner settings, personal notes and bookmarks. Keyed by question id, so they survive bank updates.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE notes (
    question_id TEXT PRIMARY KEY,
    body        TEXT NOT NULL,
    updated_at  INTEGER NOT NULL -- unix ms
);

CREATE TABLE bookmarks (
    question_id TEXT PRIMARY KEY,
    created_at  INTEGER NOT NULL -- unix ms
);
