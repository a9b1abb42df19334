use super::*;

/// 2024-03-11.
const TODAY: i64 = 19_793;
const DECAY: f32 = fsrs::FSRS6_DEFAULT_DECAY;

fn card(id: &str, topic: Topic, level: Level) -> ProgressCard {
    ProgressCard {
        id: id.to_string(),
        topic,
        level,
    }
}

fn state(id: &str, stability: f64, last_day: i64) -> CardStateRecord {
    CardStateRecord {
        card_id: id.to_string(),
        due: 0,
        stability,
        difficulty: 5.0,
        reps: 1,
        lapses: 0,
        last_review: last_day * crate::DAY_MS,
        last_day,
        first_day: last_day,
    }
}

/// fsrs's forgetting curve, for expected values.
fn curve(stability: f32, elapsed: f32) -> f64 {
    let memory = MemoryState {
        stability,
        difficulty: 5.0,
    };
    f64::from(current_retrievability(memory, elapsed, DECAY))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn retrievability_is_fsrs_curve_in_local_days() {
    let s = state("q:a", 10.0, TODAY - 10);
    // FSRS's stability is the interval at which recall falls to 90%.
    assert!((retrievability(&s, TODAY, DECAY) - 0.9).abs() < 1e-6);
    assert_eq!(retrievability(&s, TODAY - 10, DECAY), 1.0);
    // A day before the last review (the learner flew west) counts as no time passed.
    assert_eq!(retrievability(&s, TODAY - 12, DECAY), 1.0);
    assert!(retrievability(&s, TODAY + 30, DECAY) < retrievability(&s, TODAY, DECAY));
    assert_eq!(retrievability(&state("q:z", 0.0, TODAY), TODAY, DECAY), 0.0);
}

#[test]
fn recall_share_averages_every_card_with_unseen_ones_at_zero() {
    let cards = [
        card("q:s1", Topic::Storage, Level::Mid),
        card("q:s2", Topic::Storage, Level::Mid),
        card("q:s3", Topic::Storage, Level::Mid),
        card("q:s1", Topic::Storage, Level::Mid), // listed twice: counted once
        card("q:s4", Topic::Storage, Level::Senior),
        card("d:c1", Topic::Compute, Level::Mid),
    ];
    let states = [
        state("q:s1", 4.0, TODAY - 2),
        state("q:s2", 20.0, TODAY),
        state("d:c1", 2.5, TODAY - 7),
        state("q:gone", 9.0, TODAY), // not a card the app has
    ];
    let shares = recall_shares(&cards, &states, DECAY, TODAY, Some(TODAY + 14));
    let groups: Vec<(Topic, Level, u32, u32)> = shares
        .iter()
        .map(|s| (s.topic, s.level, s.cards, s.reviewed))
        .collect();
    assert_eq!(
        groups,
        [
            (Topic::Compute, Level::Mid, 1, 1),
            (Topic::Storage, Level::Mid, 3, 2),
            (Topic::Storage, Level::Senior, 1, 0),
        ]
    );
    assert!(close(shares[0].today, curve(2.5, 7.0)));
    assert!(close(shares[0].interview.unwrap(), curve(2.5, 21.0)));
    assert!(close(shares[1].today, (curve(4.0, 2.0) + 1.0) / 3.0));
    assert!(close(
        shares[1].interview.unwrap(),
        (curve(4.0, 16.0) + curve(20.0, 14.0)) / 3.0
    ));
    assert_eq!((shares[2].today, shares[2].interview), (0.0, Some(0.0)));

    let no_date = recall_shares(&cards, &states, DECAY, TODAY, None);
    assert!(no_date.iter().all(|s| s.interview.is_none()));
    assert_eq!(no_date[1].today, shares[1].today);
}

#[test]
fn forecast_counts_overdue_cards_today_and_drops_later_ones() {
    let due = [
        TODAY - 5,
        TODAY - 1,
        TODAY,
        TODAY,
        TODAY + 1,
        TODAY + 29,
        TODAY + 30,
        TODAY + 400,
    ];
    let f = due_forecast(&due, TODAY);
    assert_eq!(f.len(), FORECAST_DAYS as usize);
    assert_eq!(
        f[0],
        DueDay {
            date: "2024-03-11".into(),
            due: 4
        }
    );
    assert_eq!(f[1].due, 1);
    assert_eq!(
        f[29],
        DueDay {
            date: "2024-04-09".into(),
            due: 1
        }
    );
    assert_eq!(f.iter().map(|d| d.due).sum::<u32>(), 6);
    assert!(due_forecast(&[], TODAY).iter().all(|d| d.due == 0));
}

#[test]
fn heatmap_covers_a_year_ending_today() {
    let counts = [
        (TODAY - 365, 9),
        (TODAY - 364, 2),
        (TODAY - 30, 1),
        (TODAY, 5),
    ];
    let h = heatmap(&counts, TODAY);
    assert_eq!(h.len(), 365);
    assert_eq!((h[0].date.as_str(), h[0].reviews), ("2023-03-13", 2));
    assert_eq!((h[334].date.as_str(), h[334].reviews), ("2024-02-10", 1));
    assert_eq!((h[364].date.as_str(), h[364].reviews), ("2024-03-11", 5));
    assert_eq!(h.iter().map(|d| d.reviews).sum::<u32>(), 8);
}

fn rev(day: i64, rating: u8, elapsed_days: Option<i64>) -> RetentionReview {
    RetentionReview {
        day,
        rating,
        elapsed_days,
    }
}

#[test]
fn retention_counts_long_term_reviews_per_calendar_month() {
    let apr_2023 = 19_448;
    assert_eq!(date_string(apr_2023), "2023-04-01");
    assert_eq!(retention_start_day(TODAY), apr_2023);
    let reviews = [
        // March 2024: Good after 3 days, Again after 1; a same-day repeat and a first review don't
        // test long-term memory.
        rev(TODAY, 3, Some(3)),
        rev(TODAY - 10, 1, Some(1)),
        rev(TODAY, 1, Some(0)),
        rev(TODAY, 1, None),
        // February 2024 (a leap month's last day included): Hard and Easy.
        rev(19_782, 2, Some(5)),
        rev(19_754, 4, Some(2)),
        // The window's first day, and the day before it.
        rev(apr_2023, 1, Some(30)),
        rev(apr_2023 - 1, 3, Some(30)),
        // A review dated after today (a clock set back) belongs to no month shown.
        rev(TODAY + 40, 1, Some(4)),
    ];
    let months = monthly_retention(&reviews, TODAY);
    assert_eq!(months.len(), RETENTION_MONTHS as usize);
    assert_eq!(months[0].month, "2023-04");
    assert_eq!(months[11].month, "2024-03");
    let figures = |m: &MonthRetention| (m.reviews, m.passed, m.retention);
    assert_eq!(figures(&months[11]), (2, 1, Some(0.5)));
    assert_eq!(figures(&months[10]), (2, 2, Some(1.0)));
    assert_eq!(figures(&months[0]), (1, 0, Some(0.0)));
    assert!(months[1..10].iter().all(|m| figures(m) == (0, 0, None)));
    // January rolls back a year.
    let jan = monthly_retention(&[], 19_723);
    assert_eq!(
        (jan[0].month.as_str(), jan[11].month.as_str()),
        ("2023-02", "2024-01")
    );
}
