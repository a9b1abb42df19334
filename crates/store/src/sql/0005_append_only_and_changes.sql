-- The review log and its undo marks only ever grow: every other table is derived from them or merged
-- with them, so an UPDATE or DELETE there is a bug that would lose history. SQLite refuses it.
CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;
CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;
CREATE TRIGGER review_undo_no_update BEFORE UPDATE ON review_undo
BEGIN SELECT RAISE(ABORT, 'review_undo is append-only'); END;
CREATE TRIGGER review_undo_no_delete BEFORE DELETE ON review_undo
BEGIN SELECT RAISE(ABORT, 'review_undo is append-only'); END;

-- Every change to a note, a bookmark or a shared setting, made here or merged from another device.
-- The notes, bookmarks and settings tables hold the newest change per key: the last writer wins, by
-- `at` and then by id. Kept so that an export, an import or a sync folder can merge them.
CREATE TABLE change_log (
    id    TEXT PRIMARY KEY,            -- ULID
    at    INTEGER NOT NULL,            -- unix ms of the change
    kind  TEXT NOT NULL CHECK (kind IN ('note', 'bookmark', 'setting')),
    key   TEXT NOT NULL,               -- question id, or setting key
    value TEXT                         -- note body, '1' for a bookmark, setting value; NULL = removed
);
CREATE INDEX change_log_key ON change_log (kind, key, at, id);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;

-- What existed before this migration becomes the first change of each key. Settings had no time, so
-- they date from 0: any later change from any device wins over them.
INSERT INTO change_log (id, at, kind, key, value)
    SELECT '0' || lower(hex(randomblob(12))), updated_at, 'note', question_id, body FROM notes;
INSERT INTO change_log (id, at, kind, key, value)
    SELECT '0' || lower(hex(randomblob(12))), created_at, 'bookmark', question_id, '1' FROM bookmarks;
INSERT INTO change_log (id, at, kind, key, value)
    SELECT '0' || lower(hex(randomblob(12))), 0, 'setting', key, value FROM settings
    WHERE key NOT LIKE 'local.%';
