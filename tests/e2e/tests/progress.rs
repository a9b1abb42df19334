//! The Progress screen in the real app: three cards reviewed by keyboard, then the heatmap shows
//! today's count, the forecast matches the card states in SQLite day by day, every chart's table
//! view holds the same numbers, the arrow keys walk the heatmap with a tooltip, and axe-core finds no
//! violation at all, in the light and the dark theme.
use archdrill_e2e::{press, review, App, Driver, Res};
use archdrill_store::Store;
use archdrill_study::{date_string, save_plan, InterviewPlan};
use std::path::Path;

const DAY_MS: i64 = 86_400_000;
/// WebDriver's code for the left arrow key.
const ARROW_LEFT: char = '\u{E012}';

/// Runs axe on the page as it is and returns "rule (impact): targets" for every violation, minor
/// ones included.
async fn violations(app: &App) -> Res<Vec<String>> {
    let present = app
        .client
        .execute("return typeof window.axe === 'object'", vec![])
        .await?;
    if present != serde_json::Value::Bool(true) {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: {e} (run npm install in ui/)", path.display()))?;
        app.client
            .execute(&format!("{source}\nreturn true;"), vec![])
            .await?;
    }
    let script = "const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
          .then(r => done(r.violations
            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
          .catch(e => done(['axe failed: ' + e]));";
    let out = app.client.execute_async(script, vec![]).await?;
    Ok(out
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_else(|| vec![format!("unexpected axe result {out}")]))
}

async fn set_theme(app: &App, theme: &str) -> Res {
    app.client
        .execute(
            "const s = document.querySelector(\"[data-testid='theme-select']\"); s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![serde_json::json!(theme)],
        )
        .await?;
    Ok(())
}

/// The attribute `attr` of every element matching `css`, in document order.
async fn attrs(app: &App, css: &str, attr: &str) -> Res<Vec<String>> {
    let out = app
        .client
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute(arguments[1]) ?? '')",
            vec![serde_json::json!(css), serde_json::json!(attr)],
        )
        .await?;
    Ok(out
        .as_array()
        .ok_or("not a list")?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect())
}

/// The text of every cell matching `css`, in document order.
async fn texts(app: &App, css: &str) -> Res<Vec<String>> {
    let out = app
        .client
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())",
            vec![serde_json::json!(css)],
        )
        .await?;
    Ok(out
        .as_array()
        .ok_or("not a list")?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect())
}

/// Scrolls the section with this test id to the top of the window and saves a screenshot.
async fn scroll_shot(app: &App, id: &str, name: &str) -> Res {
    app.client
        .execute(
            "document.querySelector(`[data-testid='${arguments[0]}']`).scrollIntoView({block: 'start'})",
            vec![serde_json::json!(id)],
        )
        .await?;
    app.screenshot(name).await
}

/// Cards due on each of the 30 days from today (overdue ones today), from card_state.
fn forecast_from_db(driver: &Driver, offset_min: i64) -> Res<Vec<u32>> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_millis() as i64;
    let local_day = |ms: i64| (ms + offset_min * 60_000).div_euclid(DAY_MS);
    let today = local_day(now);
    let db = driver.db()?;
    let mut stmt = db.prepare("SELECT due FROM card_state")?;
    let dues: Vec<i64> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut days = vec![0u32; 30];
    for due in dues {
        let k = (local_day(due) - today).max(0);
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
    let utc_today = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_millis() as i64
        / DAY_MS;
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
    let offset: i64 = app
        .client
        .execute("return -new Date().getTimezoneOffset()", vec![])
        .await?
        .as_i64()
        .ok_or("no offset")?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_millis() as i64;
    let today = (now + offset * 60_000).div_euclid(DAY_MS);

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
        attrs(&app, "[data-testid='heat-day']", "data-reviews")
            .await?
            .len(),
        364
    );

    // The forecast, bar by bar, is what card_state says.
    let expected = forecast_from_db(&driver, offset)?;
    let bars: Vec<u32> = attrs(&app, "[data-testid='forecast-chart-bar']", "data-value")
        .await?
        .iter()
        .map(|v| v.parse().unwrap_or(u32::MAX))
        .collect();
    assert_eq!(bars, expected);
    assert_eq!(expected.iter().sum::<u32>(), 3);

    // Readiness, today and on the interview day for each topic: the cards reviewed today are
    // fully recalled now and less surely in three weeks.
    assert_eq!(app.text("interview-date").await?, date_string(interview));
    let shares: Vec<f64> = attrs(&app, "[data-testid='recall-mid-chart-bar']", "data-value")
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
    let cells = texts(&app, "[data-testid='forecast-table'] td").await?;
    let wanted: Vec<String> = expected.iter().map(u32::to_string).collect();
    assert_eq!(cells, wanted);
    assert!(app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid='forecast-chart']"))
        .await?
        .is_empty());
    app.click("year-table-toggle").await?;
    let rows = texts(&app, "[data-testid='year-table'] tbody tr").await?;
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].starts_with(&date_string(today)) && rows[0].ends_with('3'),
        "{rows:?}"
    );
    app.click("retention-table-toggle").await?;
    assert_eq!(
        texts(&app, "[data-testid='retention-table'] tbody tr")
            .await?
            .len(),
        12
    );
    app.click("recall-mid-table-toggle").await?;
    app.wait_testid("recall-mid-table").await?;
    app.screenshot("progress-tables").await?;

    let mut found: Vec<String> = violations(&app)
        .await?
        .into_iter()
        .map(|v| format!("light, tables: {v}"))
        .collect();
    for id in ["forecast", "year", "retention", "recall-mid"] {
        app.click(&format!("{id}-table-toggle")).await?;
    }
    app.wait_testid("forecast-chart").await?;
    found.extend(
        violations(&app)
            .await?
            .into_iter()
            .map(|v| format!("light, charts: {v}")),
    );
    set_theme(&app, "dark").await?;
    app.wait_css(":root[data-theme='dark']").await?;
    app.screenshot("progress-dark").await?;
    scroll_shot(&app, "forecast", "progress-charts-dark").await?;
    found.extend(
        violations(&app)
            .await?
            .into_iter()
            .map(|v| format!("dark: {v}")),
    );
    set_theme(&app, "light").await?;
    assert!(
        found.is_empty(),
        "axe found violations:\n{}",
        found.join("\n")
    );
    app.quit().await
}
