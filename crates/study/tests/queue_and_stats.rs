//! The Today queue and the dashboard.
mod common;

use archdrill_domain::Topic;
use archdrill_study::*;
use common::*;

fn set_limits(store: &mut archdrill_store::Store, new_per_day: u32, max_reviews: u32) {
    let s = load_settings(store).unwrap();
    save_settings(
        store,
        &StudySettings {
            new_per_day,
            max_reviews_per_day: max_reviews,
            ..s
        },
    )
    .unwrap();
}

#[test]
fn new_cards_respect_the_daily_limit_and_topics_interleave() {
    let (_dir, mut store) = store();
    let known = Deck::new(cards(40));
    let q = today_queue(&store, &known, at_day(0)).unwrap();
    assert_eq!((q.due, q.new_available, q.done_today), (0, 10, 0));
    assert_eq!(q.cards.len(), 10);
    assert_eq!(q.cards[0], "q:c000", "new cards come in the app's order");

    // Introduce three today: seven more may follow.
    for c in &q.cards[..3] {
        review(&mut store, c, Rating::Good, at_day(0));
    }
    let q = today_queue(&store, &known, at_day(0)).unwrap();
    assert_eq!((q.new_available, q.done_today), (7, 3));
    assert!(!q
        .cards
        .iter()
        .any(|c| ["q:c000", "q:c001", "q:c002"].contains(&c.as_str())));

    // Same-topic cards in a row are spread out.
    let clumped: Vec<CardRef> = (0..6)
        .map(|i| CardRef {
            id: format!("q:n{i}"),
            topic: if i < 3 { Topic::Storage } else { Topic::Cost },
        })
        .collect();
    let q = today_queue(&store, &Deck::new(clumped), at_day(0)).unwrap();
    assert_eq!(q.cards, ["q:n0", "q:n3", "q:n1", "q:n4", "q:n2", "q:n5"]);
}

#[test]
fn due_cards_come_first_most_overdue_first_within_the_daily_cap() {
    let (_dir, mut store) = store();
    set_limits(&mut store, 5, 6);
    let known = Deck::new(cards(20));
    // Cards 0..4 reviewed on days 0..4 with Good: each comes due about two days later.
    for d in 0..4 {
        review(
            &mut store,
            &known.cards()[d].id,
            Rating::Good,
            at_day(d as i64),
        );
    }
    // A card the app no longer knows is never queued.
    review(&mut store, "q:gone", Rating::Good, at_day(0));

    let now = at_day(10);
    let q = today_queue(&store, &known, now).unwrap();
    assert_eq!(q.due, 4);
    assert_eq!(q.done_today, 0);
    assert_eq!(q.new_available, 5);
    assert_eq!(q.cards.len(), 6, "capped by max reviews per day");
    // Most overdue first, and each due card has a different topic, so order is kept.
    assert_eq!(&q.cards[..4], &["q:c000", "q:c001", "q:c002", "q:c003"]);
    assert!(q.cards[4..].iter().all(|c| c.as_str() >= "q:c004"));
    assert_ne!(known.topic(&q.cards[4]).unwrap(), Topic::ALL[3]);

    // Reviews done today use up the cap.
    for c in q.cards.clone().iter().take(4) {
        review(&mut store, c, Rating::Good, now);
    }
    let q = today_queue(&store, &known, now).unwrap();
    assert_eq!((q.due, q.done_today, q.cards.len()), (0, 4, 2));
}

#[test]
fn dashboard_reports_streak_history_retention_and_weak_topics() {
    let (_dir, mut store) = store();
    let card = |id: &str, topic| CardRef {
        id: id.into(),
        topic,
    };
    let known = Deck::new(vec![
        card("q:net1", Topic::Networking),
        card("q:net2", Topic::Networking),
        card("q:sec1", Topic::Security),
        card("q:db1", Topic::Database),
        card("q:net1", Topic::Cost), // a repeated id is ignored
    ]);
    let with_points = |card: &str, rating, ticked: Vec<u32>, total| ReviewInput {
        card_id: card.into(),
        rating,
        duration_ms: 1000.0,
        points: ticked,
        points_total: total,
        answer: None,
    };
    // Days 0-2 and 5-7 (a gap at 3-4).
    for d in [0, 1, 2, 5, 6, 7] {
        let now = at_day(d);
        record_review(
            &mut store,
            &with_points("q:net1", Rating::Good, vec![0], 4),
            now,
        )
        .unwrap();
        record_review(
            &mut store,
            &with_points("q:sec1", Rating::Easy, vec![0, 1, 2], 3),
            now,
        )
        .unwrap();
    }
    record_review(
        &mut store,
        &with_points("q:net2", Rating::Again, vec![], 5),
        at_day(7),
    )
    .unwrap();
    record_review(
        &mut store,
        &with_points("q:net1", Rating::Again, vec![], 4),
        at_day(8),
    )
    .unwrap();

    let d = dashboard(&store, &known, at_day(8)).unwrap();
    assert_eq!(d.streak_days, 4, "days 5-8");
    assert_eq!(d.done_today, 1);
    assert_eq!(d.reviews_per_day.len(), 30);
    let last: Vec<u32> = d.reviews_per_day[21..].iter().map(|c| c.reviews).collect();
    assert_eq!(last, [2, 2, 2, 0, 0, 2, 2, 3, 1]);
    assert_eq!(d.reviews_per_day[29].date, date_string(at_day(8).day()));
    // Non-new reviews: net1 and sec1 on days 1,2,5,6,7 (10, all passed) plus net1 on day 8 (Again).
    assert_eq!(d.retention, Some(10.0 / 11.0));
    // Networking: coverage (6 × 1/4 + 0 + 0) / 8; security 1.0; database never studied.
    let topics: Vec<Topic> = d.weakest_topics.iter().map(|t| t.topic).collect();
    assert_eq!(topics, [Topic::Networking, Topic::Security]);
    let net = &d.weakest_topics[0];
    assert_eq!((net.cards, net.reviews, net.lapses), (2, 8, 1));
    assert!((net.coverage.unwrap() - 1.5 / 8.0).abs() < 1e-9);

    // The streak survives until the end of the next day, then breaks.
    assert_eq!(dashboard(&store, &known, at_day(9)).unwrap().streak_days, 4);
    assert_eq!(
        dashboard(&store, &known, at_day(10)).unwrap().streak_days,
        0
    );
    // Undone reviews do not count.
    undo_last(&mut store, at_day(8)).unwrap();
    let d = dashboard(&store, &known, at_day(8)).unwrap();
    assert_eq!((d.done_today, d.streak_days), (0, 3));
    assert_eq!(d.retention, Some(1.0));
}
