-- The sync folder (crates/exchange). Each device appends to its own change file the records it made
-- (or imported), never those it merged from other devices' files: the outbox says which, in the order
-- they were made. A trigger fills it, so every writer (review, undo, note, attempt) is covered without
-- knowing about sync; a merge from the folder sets sync_mode.merging for its transaction.
CREATE TABLE sync_outbox (
    seq  INTEGER PRIMARY KEY,              -- rowid: rising, kept by VACUUM
    kind TEXT NOT NULL CHECK (kind IN ('review', 'undo', 'change', 'attempt')),
    id   TEXT NOT NULL                     -- the record's id (an undo's: its review id)
);

CREATE TABLE sync_mode (merging INTEGER NOT NULL);
INSERT INTO sync_mode (merging) VALUES (0);

CREATE TRIGGER review_log_outbox AFTER INSERT ON review_log
WHEN (SELECT merging FROM sync_mode) = 0
BEGIN INSERT INTO sync_outbox (kind, id) VALUES ('review', NEW.id); END;
CREATE TRIGGER review_undo_outbox AFTER INSERT ON review_undo
WHEN (SELECT merging FROM sync_mode) = 0
BEGIN INSERT INTO sync_outbox (kind, id) VALUES ('undo', NEW.review_id); END;
CREATE TRIGGER change_log_outbox AFTER INSERT ON change_log
WHEN (SELECT merging FROM sync_mode) = 0
BEGIN INSERT INTO sync_outbox (kind, id) VALUES ('change', NEW.id); END;
CREATE TRIGGER drill_attempts_outbox AFTER INSERT ON drill_attempts
WHEN (SELECT merging FROM sync_mode) = 0
BEGIN INSERT INTO sync_outbox (kind, id) VALUES ('attempt', NEW.id); END;

-- Everything this device has so far is its to share on its first sync.
INSERT INTO sync_outbox (kind, id) SELECT 'review', id FROM review_log ORDER BY id;
INSERT INTO sync_outbox (kind, id) SELECT 'undo', review_id FROM review_undo ORDER BY review_id;
INSERT INTO sync_outbox (kind, id) SELECT 'change', id FROM change_log ORDER BY id;
INSERT INTO sync_outbox (kind, id) SELECT 'attempt', id FROM drill_attempts ORDER BY id;

-- How far this device has appended its own file in a folder, and how long it left the file: a file
-- found shorter was replaced or cut, so everything is appended again (merging is idempotent).
CREATE TABLE sync_own (
    folder      TEXT PRIMARY KEY,
    written_seq INTEGER NOT NULL,
    file_len    INTEGER NOT NULL
);

-- How far this device has read another device's file: the byte offset after the last complete line,
-- that line's number, and where it starts and its SHA-256, to notice a file replaced under us.
CREATE TABLE sync_peer (
    folder         TEXT NOT NULL,
    device_id      TEXT NOT NULL,
    offset         INTEGER NOT NULL,
    line           INTEGER NOT NULL,
    tail_start     INTEGER NOT NULL,
    tail_sha256    TEXT NOT NULL,
    reader_version INTEGER NOT NULL,      -- a newer reader reads every file again from the start
    PRIMARY KEY (folder, device_id)
);

-- Undo marks read before the review they undo (it is in a file not synced yet): applied once it is.
CREATE TABLE sync_pending_undo (
    review_id TEXT PRIMARY KEY,
    undone_at INTEGER NOT NULL
);
