//! The Progress screen's figures over the real bank and a real SQLite file. The app stamps reviews
//! with the wall clock, so reviews on earlier days are written through the study engine on a second
//! connection to the same file; today's go through `Archdrill::record_review` and `undo_review`.
use archdrill_core::{Archdrill, Clock, Rating, ReviewInput};
use archdrill_domain::Level;
use archdrill_store::Store;
use archdrill_study::{date_string, record_review, save_plan, InterviewPlan, Now, DAY_MS};
use std::collections::{BTreeMap, HashSet};

/// 2026-06-15 12:00 UTC: a fixed time, so "today" cannot roll over mid-test.
const NOW: i64 = 1_781_524_800_000;

fn app() -> (tempfile::TempDir, Archdrill) {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open_with_clock(dir.path(), Clock::fixed(NOW)).unwrap();
    (dir, app)
}

fn input(card: &str, rating: Rating) -> ReviewInput {
    ReviewInput {
        card_id: card.to_string(),
        rating,
        duration_ms: 20_000.0,
        points: vec![],
        points_total: 0,
        answer: None,
    }
}

fn today() -> i64 {
    Now::utc(NOW).day()
}

/// A review on local (UTC) `day`, at 10:00.
fn review_on(store: &mut Store, card: &str, rating: Rating, day: i64) {
    let now = Now::utc(day * DAY_MS + 10 * 3_600_000);
    record_review(store, &input(card, rating), now).unwrap();
}

fn month(day: i64) -> String {
    date_string(day)[..7].to_string()
}

#[test]
fn a_fresh_install_has_every_card_unrecalled_and_empty_charts() {
    let (_dir, app) = app();
    let view = app.progress(0).unwrap();
    let today = today();
    assert_eq!(view.today, date_string(today));
    assert_eq!(view.interview_date, None);
    assert_eq!(view.desired_retention, 0.9);

    assert_eq!(view.forecast.len(), 30);
    assert_eq!(view.forecast[0].date, view.today);
    assert_eq!(view.forecast[29].date, date_string(today + 29));
    assert!(view.forecast.iter().all(|d| d.due == 0));

    assert_eq!(view.heatmap.len(), 365);
    assert_eq!(view.heatmap[364].date, view.today);
    assert_eq!(view.heatmap[0].date, date_string(today - 364));
    assert!(view.heatmap.iter().all(|d| d.reviews == 0));
    // Day 0 was a Thursday (3, counting from Monday = 0).
    assert_eq!(i64::from(view.heatmap_first_weekday), (today - 364 + 3) % 7);

    assert_eq!(view.retention.len(), 12);
    assert_eq!(view.retention[11].month, month(today));
    assert!(view
        .retention
        .iter()
        .all(|m| (m.reviews, m.passed, m.retention) == (0, 0, None)));
    let t = &view.totals;
    assert_eq!((t.due, t.reviews, t.review_days), (0, 0, 0));
    assert_eq!((t.long_term_reviews, t.passed, t.retention), (0, 0, None));

    // Every question and drill is counted once, under its topic and level, none recalled yet.
    let cards: u32 = view.recall.iter().map(|s| s.cards).sum();
    let library_drills = app.home(0).unwrap().drill_count;
    assert_eq!(cards as usize, app.bank().len() + library_drills as usize);
    for q in app.bank().questions() {
        assert!(view
            .recall
            .iter()
            .any(|s| s.topic == q.topic && s.level == q.level));
    }
    assert!(view
        .recall
        .iter()
        .all(|s| s.reviewed == 0 && s.today == 0.0 && s.interview.is_none()));
    let keys: Vec<_> = view
        .recall
        .iter()
        .map(|s| (s.topic, s.level == Level::Senior))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(keys, sorted, "by topic, mid before senior, each pair once");
}

#[test]
fn history_shows_in_the_heatmap_forecast_retention_and_recall() {
    let (dir, app) = app();
    let today = today();
    let cards = app.study_queue(0).unwrap().today.cards;
    let (a, b, c, d) = (&cards[0], &cards[1], &cards[2], &cards[3]);
    let mut store = Store::open_in(dir.path()).unwrap();
    // Forty days ago all three were new; ten days ago A and C were recalled, B forgotten.
    for (card, rating) in [(a, Rating::Good), (b, Rating::Good), (c, Rating::Again)] {
        review_on(&mut store, card, rating, today - 40);
    }
    for (card, rating) in [(a, Rating::Good), (b, Rating::Again), (c, Rating::Good)] {
        review_on(&mut store, card, rating, today - 10);
    }
    // Today: B recalled, C failed and the failure undone, D seen for the first time.
    app.record_review(&input(b, Rating::Good), 0).unwrap();
    app.record_review(&input(c, Rating::Again), 0).unwrap();
    app.undo_review(0).unwrap().unwrap();
    app.record_review(&input(d, Rating::Easy), 0).unwrap();

    let view = app.progress(0).unwrap();
    let counts: BTreeMap<usize, u32> = view
        .heatmap
        .iter()
        .enumerate()
        .filter(|(_, h)| h.reviews > 0)
        .map(|(i, h)| (i, h.reviews))
        .collect();
    assert_eq!(
        counts,
        BTreeMap::from([(364 - 40, 3), (364 - 10, 3), (364, 2)]),
        "the undone review does not count"
    );

    // The forecast puts each card on the local day it falls due, overdue ones today.
    let mut expected = [0u32; 30];
    for card in [a, b, c, d] {
        let due = store.card_state(card).unwrap().unwrap().due;
        let offset = (Now::utc(due).day() - today).max(0);
        if offset < 30 {
            expected[offset as usize] += 1;
        }
    }
    let forecast: Vec<u32> = view.forecast.iter().map(|f| f.due).collect();
    assert_eq!(forecast, expected);
    assert_eq!(
        forecast.iter().sum::<u32>(),
        4,
        "every card is due within a month"
    );
    assert_eq!(
        view.forecast[0].due,
        app.study_dashboard(0).unwrap().due_today
    );

    // Long-term reviews: A pass, B fail, C pass ten days ago; B pass today. First reviews, the
    // undone one and D's first do not count.
    let mut by_month: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (day, passed) in [
        (today - 10, 1),
        (today - 10, 0),
        (today - 10, 1),
        (today, 1),
    ] {
        let e = by_month.entry(month(day)).or_default();
        e.0 += 1;
        e.1 += passed;
    }
    for m in &view.retention {
        let (n, passed) = by_month.get(&m.month).copied().unwrap_or((0, 0));
        assert_eq!((m.reviews, m.passed), (n, passed), "{}", m.month);
        assert_eq!(
            m.retention,
            (n > 0).then(|| f64::from(passed) / f64::from(n))
        );
    }
    assert_eq!(app.study_dashboard(0).unwrap().retention, Some(0.75));
    let t = &view.totals;
    assert_eq!((t.due, t.reviews, t.review_days), (4, 8, 3));
    assert_eq!(
        (t.long_term_reviews, t.passed, t.retention),
        (4, 3, Some(0.75))
    );

    // Recall: reviewed cards counted in their groups; today's reviews are fully recalled now.
    let reviewed: u32 = view.recall.iter().map(|s| s.reviewed).sum();
    assert_eq!(reviewed, 4);
    for s in &view.recall {
        assert!(s.reviewed <= s.cards);
        assert!((0.0..=1.0).contains(&s.today));
        assert_eq!(s.today == 0.0, s.reviewed == 0, "{s:?}");
    }
    let group_of = |card: &str| {
        let q = app.bank().get(&card[2..]).unwrap();
        view.recall
            .iter()
            .find(|s| s.topic == q.topic && s.level == q.level)
            .unwrap()
    };
    let g = group_of(d);
    assert!(g.today >= 1.0 / f64::from(g.cards) - 1e-12);
}

#[test]
fn the_interview_day_of_the_plan_gives_a_second_figure_until_it_passes() {
    let (dir, app) = app();
    let today = today();
    let card = app.study_queue(0).unwrap().next.unwrap();
    app.record_review(&input(&card, Rating::Good), 0).unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let plan = |day| InterviewPlan {
        day: Some(day),
        decided: true,
        ..InterviewPlan::default()
    };

    save_plan(&mut store, &plan(today + 30)).unwrap();
    let view = app.progress(0).unwrap();
    assert_eq!(view.interview_date, Some(date_string(today + 30)));
    let q = app.bank().get(&card[2..]).unwrap();
    let mine = view
        .recall
        .iter()
        .find(|s| s.topic == q.topic && s.level == q.level)
        .unwrap();
    // Reviewed today: certain now, less so in a month.
    let now = mine.today;
    let later = mine.interview.unwrap();
    assert!(now > later && later > 0.0, "{mine:?}");
    assert!(view
        .recall
        .iter()
        .filter(|s| s.reviewed == 0)
        .all(|s| s.interview == Some(0.0)));

    // An interview already behind the learner forecasts nothing.
    save_plan(&mut store, &plan(today - 1)).unwrap();
    let view = app.progress(0).unwrap();
    assert_eq!(view.interview_date, None);
    assert!(view.recall.iter().all(|s| s.interview.is_none()));
    let distinct: HashSet<_> = view.recall.iter().map(|s| (s.topic, s.level)).collect();
    assert_eq!(distinct.len(), view.recall.len());
}
