//! A generated review history for benchmarks: realistic in shape (a year of reviews at growing gaps,
//! mostly Good, some lapses), deterministic for given cards, so the study and core benches measure
//! the same log. Written through `Store::import_reviews`, then `rebuild_states`, as an import would.
use crate::time::DAY_MS;
use archdrill_domain::SplitMix64;
use archdrill_store::ReviewRecord;

/// Reviews every card in `card_ids` has at least; the first ones get one more until `reviews` rows
/// are made (so `reviews` is between 10 and 11 per card; outside that it is clamped).
const BASE_REVIEWS: usize = 10;

/// About `reviews` reviews of `card_ids`, all before `now_ms` (UTC days), in card order (sort by
/// `reviewed_at` before writing, as a real log grows). Each card is first seen at a random point of
/// the year before `now_ms`, then reviewed at gaps that double up to 40 days (back to 1 after Again).
pub fn review_history(
    card_ids: Vec<String>,
    reviews: usize,
    now_ms: i64,
) -> impl Iterator<Item = ReviewRecord> {
    let extra = reviews
        .saturating_sub(BASE_REVIEWS * card_ids.len())
        .min(card_ids.len());
    let mut rng = SplitMix64::new(2024);
    card_ids.into_iter().enumerate().flat_map(move |(c, card)| {
        // 10 gaps of at most 40 days after a start at most 365 days back: every review is past.
        let mut day = now_ms / DAY_MS - 365 + rng.below(100) as i64;
        let mut gap = 1;
        let seed = rng.below(u64::MAX);
        (0..BASE_REVIEWS + usize::from(c < extra))
            .map(|k| {
                let mut r = SplitMix64::new(seed ^ k as u64);
                let at = day * DAY_MS + 8 * 3_600_000 + r.below(12 * 3_600_000) as i64;
                let rating = match r.below(20) {
                    0 | 1 => 1,
                    2 => 2,
                    3 => 4,
                    _ => 3,
                };
                let row = ReviewRecord {
                    id: ulid::Ulid::from_parts(at as u64, u128::from(r.below(u64::MAX)))
                        .to_string(),
                    card_id: card.clone(),
                    reviewed_at: at,
                    day,
                    rating,
                    duration_ms: 20_000 + r.below(60_000) as i64,
                    points: "[0,1,3]".into(),
                    points_total: 5,
                    elapsed_days: (k > 0).then_some(gap),
                    answer: None,
                };
                gap = if rating == 1 { 1 } else { (gap * 2).min(40) };
                day += gap;
                row
            })
            .collect::<Vec<_>>()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn makes_the_asked_number_of_past_reviews_in_card_order() {
        let ids: Vec<String> = (0..30).map(|i| format!("q:c{i}")).collect();
        let now = 1_748_779_200_000;
        let rows: Vec<_> = super::review_history(ids.clone(), 315, now).collect();
        assert_eq!(rows.len(), 315);
        assert!(rows.iter().all(|r| r.reviewed_at < now));
        assert_eq!(rows.iter().filter(|r| r.card_id == "q:c0").count(), 11);
        assert_eq!(rows.iter().filter(|r| r.card_id == "q:c29").count(), 10);
        assert_eq!(rows.first().unwrap().elapsed_days, None);
        let again: Vec<_> = super::review_history(ids, 315, now).collect();
        assert_eq!(rows, again, "deterministic");
    }
}
