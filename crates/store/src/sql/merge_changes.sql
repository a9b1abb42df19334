-- After a batch of changes was added to change_log and the keys it touched listed in
-- temp.merge_keys: set each touched key to its newest change (by time, then id), one statement per
-- table instead of a query per change. The same rule as merge_change, so the result is the same.
DELETE FROM temp.merge_winners;
INSERT INTO temp.merge_winners (kind, key, value, at)
    SELECT k.kind, k.key, w.value, w.at FROM temp.merge_keys k
    JOIN change_log w ON w.id = (
        SELECT c.id FROM change_log c WHERE c.kind = k.kind AND c.key = k.key
        ORDER BY c.at DESC, c.id DESC LIMIT 1);

INSERT INTO notes (question_id, body, updated_at)
    SELECT key, value, at FROM temp.merge_winners WHERE kind = 'note' AND value IS NOT NULL
    ON CONFLICT (question_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at;
DELETE FROM notes WHERE question_id IN
    (SELECT key FROM temp.merge_winners WHERE kind = 'note' AND value IS NULL);

INSERT OR IGNORE INTO bookmarks (question_id, created_at)
    SELECT key, at FROM temp.merge_winners WHERE kind = 'bookmark' AND value IS NOT NULL;
DELETE FROM bookmarks WHERE question_id IN
    (SELECT key FROM temp.merge_winners WHERE kind = 'bookmark' AND value IS NULL);

INSERT INTO settings (key, value)
    SELECT key, value FROM temp.merge_winners WHERE kind = 'setting' AND value IS NOT NULL
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
DELETE FROM settings WHERE key IN
    (SELECT key FROM temp.merge_winners WHERE kind = 'setting' AND value IS NULL);

DELETE FROM temp.merge_keys;
