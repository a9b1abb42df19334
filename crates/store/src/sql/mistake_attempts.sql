-- Every checked drill attempt still in force, oldest first, for the mistakes screen. An attempt
-- shares its id with the review it recorded, so undoing that review takes the attempt out too.
SELECT a.drill_id, a.attempted_at, a.result
FROM drill_attempts a
WHERE NOT EXISTS (SELECT 1 FROM review_undo u WHERE u.review_id = a.id)
ORDER BY a.attempted_at, a.id
