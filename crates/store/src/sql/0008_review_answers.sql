-- The answer the learner typed (or dictated) before revealing the model answer, kept with the
-- review so the card's history can show it. NULL = nothing typed; an empty answer is stored as NULL,
-- never as '', so "typed something" is one test. Adding a column rewrites no row, so the
-- append-only triggers of 0005 (which refuse UPDATE and DELETE) are not touched, and existing
-- reviews simply have no answer.
ALTER TABLE review_log ADD COLUMN answer TEXT CHECK (answer IS NULL OR answer <> '');
