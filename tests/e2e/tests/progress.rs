//! The Progress screen in the real app: three cards reviewed by keyboard, then the heatmap shows
//! today's count, the forecast matches the card states in SQLite day by day, every chart's table
//! view holds the same numbers, the arrow keys walk the heatmap with a tooltip, and axe-core finds no
//! violation at all, in the light and the dark theme.
use archdrill_e2e::{local_day, now_ms, press, review, App, AxeImpact, Driver, Res, DAY_MS};
use archdrill_store::Store;
use archdrill_study::{date_string, save_plan, InterviewPlan};
/// WebDriver's code for the left arrow key.
const ARROW_LEFT: char = '\u{E012}';

/// Scrolls the section with this test id to the top of the window and saves a screenshot.
async fn scroll_shot(app: &App, id: &str, name: &str) -> Res {
    app.scroll_to_top(&format!("[data-testid='{id}']")).await?;
    app.screenshot(name).await
}

/// Cards due on each of the 30 days from today (overdue ones today), from card_state.
fn forecast_from_db(driver: &Driver, offset_min: i64) -> Res<Vec<u32>> {
    let today = local_day(now_ms(), offset_min);
    let db = driver.db()?;
    let mut stmt = db.prepare("SELECT due FROM card_state")?;
    let dues: Vec<i64> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut days = vec![0u32; 30];
    for due in dues {
        let k = (local_day(due, offset_min) - today).max(0);
        if k < 30 {
            days[k as usize] += 1;
        }
    }
    Ok(days)
}

#[tokio::test]
async fn progress_charts_show_todays_reviews_with_tables_keyboard_and_no_axe_violation() -> Res {
    let dir = tempfile::tempdir()?;
    // An interview three weeks away, in the plan the learner would have saved.
    let utc_today = now_ms() / DAY_MS;
    let interview = utc_today + 21;
    let plan = InterviewPlan {
        day: Some(interview),
        decided: true,
        ..InterviewPlan::default()
    };
    save_plan(&mut Store::open_in(dir.path())?, &plan)?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    app.click("start-review").await?;
    for rating in ['3', '1', '4'] {
        review(&app, "a", rating).await?;
    }
    let offset = app.utc_offset_min().await?;
    let today = local_day(now_ms(), offset);

    app.click("nav-home").await?;
    app.click("progress-button").await?;
    let cell = app.wait_testid("heat-today").await?;
    assert_eq!(
        cell.attr("data-date").await?.as_deref(),
        Some(&*date_string(today))
    );
    assert_eq!(cell.attr("data-reviews").await?.as_deref(), Some("3"));
    assert!(app.text("year").await?.contains("3 reviews today"));
    assert_eq!(
        app.attrs("[data-testid='heat-day']", "data-reviews")
            .await?
            .len(),
        364
    );

    // The forecast, bar by bar, is what card_state says.
    let expected = forecast_from_db(&driver, offset)?;
    let bars: Vec<u32> = app
        .attrs("[data-testid='forecast-chart-bar']", "data-value")
        .await?
        .iter()
        .map(|v| v.parse().unwrap_or(u32::MAX))
        .collect();
    assert_eq!(bars, expected);
    assert_eq!(expected.iter().sum::<u32>(), 3);

    // Readiness, today and on the interview day for each topic: the cards reviewed today are
    // fully recalled now and less surely in three weeks.
    assert_eq!(app.text("interview-date").await?, date_string(interview));
    let shares: Vec<f64> = app
        .attrs("[data-testid='recall-mid-chart-bar']", "data-value")
        .await?
        .iter()
        .map(|v| v.parse().unwrap_or(f64::NAN))
        .collect();
    assert_eq!(shares.len() % 2, 0, "{shares:?}");
    assert!(
        shares.chunks(2).any(|p| p[0] > p[1] && p[1] > 0.0),
        "{shares:?}"
    );
    app.screenshot("progress-light").await?;
    scroll_shot(&app, "forecast", "progress-charts-light").await?;

    // Arrow keys walk the heatmap; the focused day's tooltip names it.
    app.client
        .execute(
            "const c = document.querySelector(\"[data-testid='heat-today']\"); c.scrollIntoView({block: 'center'}); c.focus();",
            vec![],
        )
        .await?;
    press(&app, ARROW_LEFT).await?;
    let week_ago = date_string(today - 7);
    let focused = app
        .client
        .execute(
            "return document.activeElement.getAttribute('data-date')",
            vec![],
        )
        .await?;
    assert_eq!(focused.as_str(), Some(week_ago.as_str()));
    let tip = app.text("chart-tooltip").await?;
    assert_eq!(tip, format!("{week_ago}: 0 reviews"));

    // Tables: the same numbers as the drawings.
    app.click("forecast-table-toggle").await?;
    app.wait_testid("forecast-table").await?;
    let cells = app.texts("[data-testid='forecast-table'] td").await?;
    let wanted: Vec<String> = expected.iter().map(u32::to_string).collect();
    assert_eq!(cells, wanted);
    assert_eq!(app.count("[data-testid='forecast-chart']").await?, 0);
    app.click("year-table-toggle").await?;
    let rows = app.texts("[data-testid='year-table'] tbody tr").await?;
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].starts_with(&date_string(today)) && rows[0].ends_with('3'),
        "{rows:?}"
    );
    app.click("retention-table-toggle").await?;
    assert_eq!(
        app.texts("[data-testid='retention-table'] tbody tr")
            .await?
            .len(),
        12
    );
    app.click("recall-mid-table-toggle").await?;
    app.wait_testid("recall-mid-table").await?;
    app.screenshot("progress-tables").await?;

    let mut found: Vec<String> = app
        .axe_violations(AxeImpact::All)
        .await?
        .into_iter()
        .map(|v| format!("light, tables: {v}"))
        .collect();
    for id in ["forecast", "year", "retention", "recall-mid"] {
        app.click(&format!("{id}-table-toggle")).await?;
    }
    app.wait_testid("forecast-chart").await?;
    found.extend(
        app.axe_violations(AxeImpact::All)
            .await?
            .into_iter()
            .map(|v| format!("light, charts: {v}")),
    );
    app.set_theme("dark").await?;
    app.screenshot("progress-dark").await?;
    scroll_shot(&app, "forecast", "progress-charts-dark").await?;
    found.extend(
        app.axe_violations(AxeImpact::All)
            .await?
            .into_iter()
            .map(|v| format!("dark: {v}")),
    );
    app.set_theme("light").await?;
    assert!(
        found.is_empty(),
        "axe found violations:\n{}",
        found.join("\n")
    );
    app.quit().await
}
