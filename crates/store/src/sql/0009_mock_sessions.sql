-- Mock interviews run by the backend: it stamps when each question was shown and answered (so the
-- time used is measured, not reported by the UI) and keeps the learner's typed answer. Rows written
-- before this migration have neither: their timestamps stay NULL and they count as graded, because
-- the old flow saved the learner's ticks directly.
ALTER TABLE mock_answer ADD COLUMN answer TEXT;            -- typed answer; NULL = none typed
ALTER TABLE mock_answer ADD COLUMN shown_at INTEGER;       -- unix ms; NULL until the question is shown
ALTER TABLE mock_answer ADD COLUMN answered_at INTEGER;    -- unix ms; NULL until answered
ALTER TABLE mock_answer ADD COLUMN graded INTEGER NOT NULL DEFAULT 1 CHECK (graded IN (0, 1));
