//! The interview plan over simulated review histories: learners who follow the Today queue with a
//! date set, rating Good (or skipping days), through the real scheduler and a real SQLite store.
mod common;

use archdrill_domain::{Level, Topic};
use archdrill_store::Store;
use archdrill_study::*;
use common::*;

/// `n` cards over four topics, even positions mid and odd ones senior.
fn deck(n: usize) -> Deck {
    let levels = (0..n).map(|i| {
        Some(if i % 2 == 0 {
            Level::Mid
        } else {
            Level::Senior
        })
    });
    Deck::new(cards(n)).with_levels(levels)
}

fn is_senior(id: &str) -> bool {
    id.trim_start_matches("q:c").parse::<usize>().unwrap() % 2 == 1
}

fn set_new_per_day(store: &mut Store, new_per_day: u32) {
    let s = load_settings(store).unwrap();
    save_settings(store, &StudySettings { new_per_day, ..s }).unwrap();
}

fn plan_for(store: &mut Store, day: Option<i64>, level: Option<Level>, topics: Vec<Topic>) {
    let plan = InterviewPlan {
        day,
        level,
        topics,
        decided: true,
    };
    save_plan(store, &plan).unwrap();
}

/// The local day number of simulated day `d`.
fn day_no(d: i64) -> i64 {
    at_day(d).day()
}

/// One day of a learner who does the whole queue and rates everything Good. Returns the new cards
/// introduced that day, in the order shown.
fn study_day(store: &mut Store, deck: &Deck, d: i64) -> Vec<String> {
    let q = today_queue(store, deck, at_day(d)).unwrap();
    let mut introduced = Vec::new();
    for (k, id) in q.cards.iter().enumerate() {
        if store.card_state(id).unwrap().is_none() {
            introduced.push(id.clone());
        }
        let now = at_day(d).at(at_day(d).unix_ms + k as i64 * 1_000);
        review(store, id, Rating::Good, now);
    }
    introduced
}

#[test]
fn a_daily_learner_rating_good_is_ready_for_the_day() {
    let (_dir, mut store) = store();
    set_new_per_day(&mut store, 1);
    let deck = deck(60);
    plan_for(&mut store, Some(day_no(30)), Some(Level::Senior), vec![]);

    let f = plan_forecast(&store, &deck, at_day(0)).unwrap();
    // Default weights at 90%: a card is ready 13 days after it is introduced, so the 30 senior cards
    // go in by day 16 (the interview is on day 30, the last study day 29), 17 days: 2 a day.
    assert_eq!(f.lead_days, 13);
    assert_eq!((f.wanted_total, f.wanted_new), (30, 30));
    assert_eq!(f.pace.last_intro_day, Some(day_no(16)));
    assert_eq!(f.pace.status, PlanStatus::Behind { more_per_day: 1 });
    assert_eq!(f.pace.new_today, 2);

    let mut order = Vec::new();
    for d in 0..30 {
        order.extend(study_day(&mut store, &deck, d));
        if d == 16 {
            let f = plan_forecast(&store, &deck, at_day(d + 1)).unwrap();
            assert_eq!(f.wanted_new, 0, "every senior card introduced by day 16");
            assert_eq!(f.pace.status, PlanStatus::Done);
        }
    }
    assert!(order[..30].iter().all(|id| is_senior(id)), "{order:?}");
    // After the plan's cards, the others follow at the learner's own pace: 1 a day from day 16.
    assert!(order[30..].iter().all(|id| !is_senior(id)));
    let on_the_day = plan_forecast(&store, &deck, at_day(30)).unwrap();
    assert_eq!(
        on_the_day.ready_now, 30,
        "every senior card is ready on the day"
    );
    for id in order[..30].iter() {
        let s = store.card_state(id).unwrap().unwrap();
        assert!(s.reps >= READY_REVIEWS, "{id}: {s:?}");
        assert!(
            s.due - s.last_review >= READY_HOLD_DAYS * DAY_MS,
            "{id}: {s:?}"
        );
        assert!(
            s.due > at_day(30).end_of_today_ms(),
            "{id} is not due on the day"
        );
    }
}

#[test]
fn the_forecast_counts_cards_that_will_be_ready_in_time() {
    let (_dir, mut store) = store();
    let deck = deck(20);
    plan_for(&mut store, Some(day_no(20)), None, vec![]);
    study_day(&mut store, &deck, 0);
    let f = plan_forecast(&store, &deck, at_day(1)).unwrap();
    // Ten introduced on day 0 are seen again on days 2 and 13: ready by day 19. None is ready yet.
    assert_eq!((f.ready_now, f.ready_by_day, f.wanted_new), (0, 10, 10));
    // With the interview on day 10 they would not be (their third review falls on day 13).
    plan_for(&mut store, Some(day_no(10)), None, vec![]);
    let f = plan_forecast(&store, &deck, at_day(1)).unwrap();
    assert_eq!(f.ready_by_day, 0);
    assert_eq!(f.pace.status, PlanStatus::TooLate);
}

#[test]
fn a_learner_who_skips_days_is_asked_for_more_and_still_finishes() {
    let (_dir, mut store) = store();
    set_new_per_day(&mut store, 2);
    let deck = deck(80);
    plan_for(&mut store, Some(day_no(40)), Some(Level::Senior), vec![]);
    // Window: days 0..=26, 27 days for 40 cards: 2 a day, the learner's own limit.
    let f = plan_forecast(&store, &deck, at_day(0)).unwrap();
    assert_eq!(f.pace.status, PlanStatus::OnTrack);
    assert_eq!(f.pace.finish_day, Some(day_no(19)));
    for d in 0..5 {
        study_day(&mut store, &deck, d);
    }
    // Ten days off.
    let f = plan_forecast(&store, &deck, at_day(15)).unwrap();
    assert_eq!(f.wanted_new, 30);
    // 30 cards over days 15..=26: 3 a day, one more than the limit.
    assert_eq!(f.pace.status, PlanStatus::Behind { more_per_day: 1 });
    assert_eq!(
        today_queue(&store, &deck, at_day(15))
            .unwrap()
            .new_available,
        3
    );
    for d in 15..40 {
        study_day(&mut store, &deck, d);
    }
    let f = plan_forecast(&store, &deck, at_day(40)).unwrap();
    assert_eq!((f.wanted_new, f.ready_now), (0, 40));
}

#[test]
fn a_date_tomorrow_brings_every_wanted_card_in_today() {
    let (_dir, mut store) = store();
    let deck = deck(40);
    plan_for(&mut store, Some(day_no(1)), None, vec![Topic::ALL[1]]);
    let f = plan_forecast(&store, &deck, at_day(0)).unwrap();
    assert_eq!(f.pace.status, PlanStatus::TooLate);
    assert_eq!(f.wanted_total, 10);
    let q = today_queue(&store, &deck, at_day(0)).unwrap();
    assert_eq!(q.new_available, 10);
    assert!(q
        .cards
        .iter()
        .all(|id| deck.topic(id) == Some(Topic::ALL[1])));
    // On the day itself nothing more is planned: the learner's own limit applies.
    let f = plan_forecast(&store, &deck, at_day(1)).unwrap();
    assert_eq!((f.pace.status, f.pace.new_today), (PlanStatus::TooLate, 10));
}

#[test]
fn a_passed_date_or_no_date_leaves_the_queue_as_without_a_plan() {
    let (_dir, mut store) = store();
    let deck = deck(40);
    study_day(&mut store, &deck, 0);
    let plain = today_queue(&store, &deck, at_day(2)).unwrap();
    // Decided with a level but no date: nothing changes.
    plan_for(&mut store, None, Some(Level::Senior), vec![Topic::ALL[2]]);
    assert_eq!(today_queue(&store, &deck, at_day(2)).unwrap(), plain);
    assert_eq!(
        plan_forecast(&store, &deck, at_day(2)).unwrap().pace.status,
        PlanStatus::NoDate
    );
    plan_for(&mut store, Some(day_no(1)), Some(Level::Senior), vec![]);
    assert_eq!(today_queue(&store, &deck, at_day(2)).unwrap(), plain);
    let f = plan_forecast(&store, &deck, at_day(2)).unwrap();
    assert_eq!((f.pace.status, f.pace.new_today), (PlanStatus::Passed, 10));
    assert_eq!(
        dashboard(&store, &deck, at_day(2)).unwrap().new_available,
        10
    );
}

#[test]
fn with_every_wanted_card_introduced_the_rest_come_at_the_own_limit() {
    let (_dir, mut store) = store();
    let deck = deck(40);
    plan_for(
        &mut store,
        Some(day_no(30)),
        Some(Level::Senior),
        vec![Topic::ALL[1]],
    );
    // Senior cards of topic 1: positions 1, 5, 9, ... (i % 4 == 1, odd): 10 of them, all today.
    let first = study_day(&mut store, &deck, 0);
    assert_eq!(first.len(), 10);
    assert!(first.iter().all(|id| is_senior(id)));
    let f = plan_forecast(&store, &deck, at_day(1)).unwrap();
    assert_eq!(
        (f.pace.status, f.wanted_new, f.wanted_total),
        (PlanStatus::Done, 0, 10)
    );
    let q = today_queue(&store, &deck, at_day(1)).unwrap();
    assert_eq!(q.new_available, 10);
    assert!(q
        .cards
        .iter()
        .all(|id| store.card_state(id).unwrap().is_none()));
}

#[test]
fn a_plan_no_card_matches_is_done_at_once() {
    let (_dir, mut store) = store();
    // A deck without levels: no card is known to be senior.
    let deck = Deck::new(cards(12));
    plan_for(&mut store, Some(day_no(30)), Some(Level::Senior), vec![]);
    let f = plan_forecast(&store, &deck, at_day(0)).unwrap();
    assert_eq!((f.wanted_total, f.pace.status), (0, PlanStatus::Done));
    let q = today_queue(&store, &deck, at_day(0)).unwrap();
    assert_eq!(q.new_available, 10);
    assert_eq!(q.cards[0], "q:c000", "deck order as without a plan");
}
