//! Reviewing by keyboard only: three questions rated, one undone, the app restarted; the queue, the
//! counts and the SQLite rows are right, and the stored intervals are exactly what FSRS gives. Also a
//! short mock interview from setup to the saved summary.
use archdrill_e2e::{
    card_id, eventually, local_day, now_ms, press, review, wait_attr, Driver, Res, DAY_MS,
};
use fsrs::{MemoryState, FSRS};

struct Row {
    card: String,
    rating: i64,
    points: String,
    points_total: i64,
    elapsed: Option<i64>,
    undone: bool,
}

fn log(driver: &Driver) -> Res<Vec<Row>> {
    let db = driver.db()?;
    let mut stmt = db.prepare(
        "SELECT r.card_id, r.rating, r.points, r.points_total, r.elapsed_days,
                EXISTS (SELECT 1 FROM review_undo u WHERE u.review_id = r.id)
         FROM review_log r ORDER BY r.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Row {
            card: r.get(0)?,
            rating: r.get(1)?,
            points: r.get(2)?,
            points_total: r.get(3)?,
            elapsed: r.get(4)?,
            undone: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (due − last review in ms, stability, difficulty, reps, lapses) of a card.
type State = (i64, f64, f64, i64, i64);

/// A card's row in card_state, if it has one.
fn state(driver: &Driver, card: &str) -> Res<Option<State>> {
    let db = driver.db()?;
    let mut stmt = db.prepare(
        "SELECT due - last_review, stability, difficulty, reps, lapses FROM card_state WHERE card_id = ?1",
    )?;
    let mut rows = stmt.query([card])?;
    Ok(match rows.next()? {
        Some(r) => Some((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        None => None,
    })
}

fn bank() -> archdrill_content::Bank {
    archdrill_content::Bank::load(None, &Default::default())
}

fn rubric_size(card: &str) -> usize {
    let q = bank().get(card.trim_start_matches("q:")).cloned();
    q.expect("a bank question").key_points.len()
}

/// The card of the follow-up the app offers after a Good answer: the first one in the bank.
fn follow_up_of(card: &str) -> Option<String> {
    let bank = bank();
    let q = bank.get(card.trim_start_matches("q:"))?;
    let f = q.follow_ups.iter().find(|f| bank.get(f).is_some())?;
    Some(format!("q:{f}"))
}

#[tokio::test]
async fn keyboard_review_undo_and_restart_keep_the_schedule_right() -> Res {
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    assert_eq!(app.wait_text("count-due", |t| !t.is_empty()).await?, "0");
    assert_eq!(app.text("count-new").await?, "10");
    app.click("start-review").await?;

    let first = card_id(&app).await?;
    app.wait_testid("review-timer").await?;
    app.screenshot("review-front").await?;
    // Good with one point ticked (its follow-up, taken with F, next); Again with two; Easy with four.
    press(&app, ' ').await?;
    app.wait_testid("review-answer").await?;
    press(&app, 'a').await?;
    wait_attr(&app, "rate-again", "data-suggested", |v| v == "true").await?;
    app.screenshot("review-answer").await?;
    press(&app, '3').await?;
    wait_attr(&app, "review-card", "data-card-id", |v| v != first).await?;
    let follow = follow_up_of(&first).ok_or("the first question has a follow-up")?;
    app.wait_text("follow-up-offer", |t| t.contains("Follow-up"))
        .await?;
    press(&app, 'f').await?;
    wait_attr(&app, "review-card", "data-card-id", |v| v == follow).await?;
    let second = review(&app, "ab", '1').await?;
    assert_eq!(second, follow);
    let third = review(&app, "abcd", '4').await?;
    let fourth = card_id(&app).await?;
    assert!(![&first, &second, &third].contains(&&fourth));
    app.wait_text("review-progress", |t| t.starts_with("Card 4 of 11"))
        .await?;

    // U brings the Easy card back, new again.
    press(&app, 'u').await?;
    wait_attr(&app, "review-card", "data-card-id", |v| v == third).await?;
    app.wait_text("review-status", |t| t.starts_with("Undid Easy"))
        .await?;
    let rows = eventually("the undo mark", || {
        let rows = log(&driver).ok()?;
        rows.iter().any(|r| r.undone).then_some(rows)
    })
    .await?;
    let ids: Vec<&str> = rows.iter().map(|r| r.card.as_str()).collect();
    assert_eq!(ids, [&first, &second, &third]);
    assert_eq!(rows.iter().map(|r| r.rating).collect::<Vec<_>>(), [3, 1, 4]);
    assert_eq!(
        rows.iter().map(|r| r.points.as_str()).collect::<Vec<_>>(),
        ["[0]", "[0,1]", "[0,1,2,3]"]
    );
    assert_eq!(
        rows.iter().map(|r| r.undone).collect::<Vec<_>>(),
        [false, false, true]
    );
    for r in &rows {
        assert_eq!(r.points_total as usize, rubric_size(&r.card));
        assert_eq!(r.elapsed, None, "each card's first review");
    }
    let offset = app.utc_offset_min().await?;
    app.quit().await?;

    // A new process on the same data folder.
    let app = driver.launch().await?;
    // Card 2 (Again) is due 10 minutes after its review: still today unless local midnight intervenes.
    let db = driver.db()?;
    let due: i64 = db.query_row(
        "SELECT due FROM card_state WHERE card_id = ?1",
        [&second],
        |r| r.get(0),
    )?;
    let end_of_today = (local_day(now_ms(), offset) + 1) * DAY_MS - offset * 60_000;
    let due_today = if due < end_of_today { "1" } else { "0" };
    assert_eq!(
        app.wait_text("count-due", |t| !t.is_empty()).await?,
        due_today
    );
    assert_eq!(app.text("count-done").await?, "2");
    assert_eq!(
        app.text("count-new").await?,
        "8",
        "two new cards introduced today, the undone one not"
    );
    app.screenshot("home-study").await?;

    app.click("nav-review").await?;
    wait_attr(&app, "review-card", "data-card-id", |v| v == third).await?;
    app.wait_text("review-progress", |t| t.starts_with("Card 3 of 11"))
        .await?;
    assert_eq!(app.text("due-left").await?, "1");
    assert_eq!(app.text("new-left").await?, "8");

    // The rows match FSRS's own scheduler for the same history (new card, default parameters, 90%).
    let fsrs = FSRS::new(&fsrs::DEFAULT_PARAMETERS)?;
    let next = fsrs.next_states(None, archdrill_study::DEFAULT_RETENTION as f32, 0)?;
    let days = |i: f32| (i.round() as i64).max(1);
    let hard = days(next.hard.interval);
    let good = days(next.good.interval).max(hard + 1);
    let mem = |m: MemoryState| (f64::from(m.stability), f64::from(m.difficulty));
    assert_eq!(
        state(&driver, &first)?,
        Some((
            good * DAY_MS,
            mem(next.good.memory).0,
            mem(next.good.memory).1,
            1,
            0
        ))
    );
    assert_eq!(
        state(&driver, &second)?,
        Some((
            archdrill_study::AGAIN_STEP_MS,
            mem(next.again.memory).0,
            mem(next.again.memory).1,
            1,
            0
        ))
    );
    assert_eq!(archdrill_study::AGAIN_STEP_MS, 10 * 60_000);
    assert_eq!(state(&driver, &third)?, None, "undone: new again");

    // Undo still reaches back across the restart: the Again review goes, and card 2 comes back.
    press(&app, 'u').await?;
    wait_attr(&app, "review-card", "data-card-id", |v| v == second).await?;
    eventually("card 2 undone", || {
        state(&driver, &second)
            .ok()
            .flatten()
            .is_none()
            .then_some(())
    })
    .await?;
    assert_eq!(state(&driver, &first)?.map(|s| s.0), Some(good * DAY_MS));

    app.wait_testid("theme-select")
        .await?
        .select_by_value("dark")
        .await?;
    press(&app, ' ').await?;
    app.wait_testid("review-answer").await?;
    press(&app, 'b').await?;
    app.wait_text("rubric", |t| t.contains("(1 of ")).await?;
    app.screenshot("review-dark").await?;
    app.quit().await
}

#[tokio::test]
async fn a_mock_interview_is_timed_graded_and_kept_in_history() -> Res {
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;

    // One new card a day and no stopwatch: one card, untimed, then the done state.
    app.click("nav-settings").await?;
    app.wait_text("optimize-reason", |t| t.starts_with("Needs 64 reviews"))
        .await?;
    let new = app.wait_testid("setting-new").await?;
    new.clear().await?;
    new.send_keys("1").await?;
    app.click("setting-timer").await?;
    app.click("settings-save").await?;
    app.wait_text("settings-status", |t| t == "Saved").await?;
    app.screenshot("settings").await?;
    let stored = eventually("the timer setting", || driver.setting("study.answer_timer")).await?;
    assert_eq!(stored, "0");
    app.click("nav-review").await?;
    app.wait_text("review-progress", |t| t.starts_with("Card 1 of 1 "))
        .await?;
    assert_eq!(app.count("[data-testid='review-timer']").await?, 0);
    app.click("review-reveal").await?;
    app.click("rate-good").await?;
    app.wait_text("review-done", |t| t.contains("All done for today"))
        .await?;
    app.screenshot("review-done").await?;

    app.start_mock("senior", 2).await?;
    app.screenshot("mock-asking").await?;
    assert_eq!(app.count(".prose").await?, 0, "no answers while asking");
    app.click("mock-next").await?;
    app.wait_text("mock-status", |t| t.starts_with("Question 2"))
        .await?;
    app.click("mock-next").await?;
    app.click("mock-rubric-0-point-0").await?;
    app.click("mock-rubric-0-point-1").await?;
    app.click("mock-rubric-1-point-0").await?;
    app.screenshot("mock-grading").await?;
    app.click("mock-finish").await?;
    app.wait_testid("mock-report").await?;
    app.screenshot("mock-summary").await?;

    let (finished, points): (Option<i64>, String) = eventually("the finished mock", || {
        let db = driver.db().ok()?;
        let row: (Option<i64>, String) = db
            .query_row(
                "SELECT (SELECT finished_at FROM mock),
                        (SELECT group_concat(points, ';') FROM (SELECT points FROM mock_answer ORDER BY position))",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ok()?;
        row.0.is_some().then_some(row)
    })
    .await?;
    assert!(finished.is_some());
    assert_eq!(points, "[0,1];[0]");
    app.click("mock-new").await?;
    app.wait_testid("mock-history").await?;
    app.click("mock-open").await?;
    app.wait_testid("mock-report").await?;
    app.quit().await
}
