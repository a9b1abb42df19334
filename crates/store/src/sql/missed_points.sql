-- Every question review still in force that had a rubric, oldest first: the ticked points and the
-- rubric's size then. The card_id range ('q:' up to 'q;', the next character) reads only question
-- cards through the review_log_card index.
SELECT r.card_id, r.reviewed_at, r.points, r.points_total
FROM review_log r
WHERE r.card_id >= 'q:' AND r.card_id < 'q;'
  AND r.points_total > 0
  AND NOT EXISTS (SELECT 1 FROM review_undo u WHERE u.review_id = r.id)
ORDER BY r.id
