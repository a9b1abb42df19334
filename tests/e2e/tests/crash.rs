//! kill -9 of the real window process in the middle of a review stream, ten times: every review the
//! screen acknowledged is in the database afterwards, and the file passes integrity_check.
use archdrill_e2e::{app_pids, card_id, press, review, App, Driver, Res};
use std::time::Duration;

fn active_reviews(dir: &std::path::Path) -> Res<usize> {
    let conn = rusqlite::Connection::open(dir.join("archdrill.db"))?;
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    assert_eq!(ok, "ok", "integrity_check after kill -9");
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM review_log r
         WHERE NOT EXISTS (SELECT 1 FROM review_undo u WHERE u.review_id = r.id)",
        [],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

/// Enough new cards a day that every round has a fresh question (the default is 10; the drills'
/// first reviews below count as new cards of today too, 101 of them), and every drill already
/// studied and not due, so the stream is questions rated by keyboard. Returns the reviews.
fn seed(dir: &std::path::Path) -> Res<usize> {
    use archdrill_study::{record_review, Now, Rating, ReviewInput};
    let mut store = archdrill_store::Store::open_in(dir)?;
    store.set_setting("study.new_per_day", "1000")?;
    let now = Now::utc(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_millis() as i64,
    );
    let library = archdrill_diagram::Library::load_embedded();
    let mut n = 0;
    for drill in library.drills() {
        let input = ReviewInput {
            card_id: format!("d:{}", drill.id),
            rating: Rating::Easy,
            duration_ms: 1_000.0,
            points: vec![],
            points_total: 0,
            answer: None,
        };
        record_review(&mut store, &input, now)?;
        n += 1;
    }
    Ok(n)
}

/// Starts the app again on the same data. After a kill -9 the previous WebDriver session's native
/// driver can still hold on for a moment, so a launch that finds no server is tried again.
async fn relaunch(dir: &std::path::Path, round: usize) -> Res<(Driver, App)> {
    let mut last = String::new();
    for _ in 0..3 {
        let driver = Driver::start(dir)?;
        match driver.launch().await {
            Ok(app) => return Ok((driver, app)),
            Err(e) => last = e.to_string(),
        }
        drop(driver);
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    Err(format!("round {round}: launch: {last}").into())
}

#[tokio::test]
async fn kill_9_during_reviews_loses_nothing_acknowledged() -> Res {
    let dir = tempfile::tempdir()?;
    let mut acknowledged = seed(dir.path())?;
    for round in 0..10 {
        let (driver, app) = relaunch(dir.path(), round).await?;
        app.click("nav-review").await?;
        card_id(&app)
            .await
            .map_err(|e| format!("round {round}: first card: {e}"))?;
        // 1 to 3 reviews the screen confirms (the next card appears), then one in flight.
        for _ in 0..(1 + round % 3) {
            review(&app, "", '3')
                .await
                .map_err(|e| format!("round {round}: review: {e}"))?;
            acknowledged += 1;
        }
        press(&app, ' ').await?;
        app.wait_testid("review-answer").await?;
        press(&app, '3').await?;
        // Kill within the write, or just after it: both must leave a whole database.
        tokio::time::sleep(Duration::from_millis(5 * (round as u64 % 4))).await;
        let pids = app_pids();
        assert!(
            !pids.is_empty(),
            "round {round}: the app process is running"
        );
        for pid in pids {
            std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status()?;
        }
        drop(app);
        drop(driver);
        // The killed window's WebDriver session dies with it; let its driver processes go first.
        for _ in 0..50 {
            if app_pids().is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        let stored = active_reviews(dir.path())?;
        assert!(
            stored >= acknowledged,
            "round {round}: {stored} stored, {acknowledged} acknowledged"
        );
        // The in-flight review may have landed before the kill; count it as acknowledged then.
        acknowledged = stored;
    }
    assert!(acknowledged >= 20, "{acknowledged} reviews over ten rounds");
    Ok(())
}
