//! Design and failure drills in the real app. A right design is built partly by pointer (drag from
//! the palette, click to connect) and partly by keyboard, checked to 100 %, undone and redone, then
//! broken and checked again; a failure drill is solved by pointer and by keyboard only. Attempts
//! land in SQLite and join the FSRS schedule. Screenshots go to tests/e2e/artifacts.
use archdrill_diagram::{drill_view, solution, Library};
use archdrill_e2e::{eventually, App, Driver, Res, Target};
use fantoccini::key::Key;
use fantoccini::Locator;
use std::collections::HashMap;
use std::time::Duration;

fn stored(driver: &Driver, drill: &str) -> Option<(Vec<f64>, String)> {
    let db = driver.db().ok()?;
    let mut stmt = db
        .prepare("SELECT score FROM drill_attempts WHERE drill_id = ?1")
        .ok()?;
    let scores: Vec<f64> = stmt
        .query_map([drill], |r| r.get(0))
        .ok()?
        .collect::<Result<_, _>>()
        .ok()?;
    let card: String = db
        .query_row(
            "SELECT card_id FROM review_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .ok()?;
    (!scores.is_empty()).then_some((scores, card))
}

/// The attempt is stored with full marks, and its review is the newest in the log.
async fn stored_and_scheduled(driver: &Driver, id: &str) -> Res {
    let (scores, card) = eventually("attempt", || stored(driver, id)).await?;
    assert_eq!(scores, [1.0]);
    assert_eq!(
        card,
        format!("d:{id}"),
        "the drill joined the FSRS schedule"
    );
    Ok(())
}

async fn enter_on(app: &App, css: &str) -> Res {
    app.key_on(css, Key::Enter.into()).await
}

/// Picks a theme, then lets the canvas repaint its colours before a screenshot is taken.
async fn set_theme(app: &App, theme: &str) -> Res {
    app.set_theme(theme).await?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    Ok(())
}

const CANVAS: &str = "[data-testid='design-canvas']";

/// How a test builds a design.
#[derive(Clone, Copy, PartialEq)]
enum Hands {
    /// Every card dragged from the palette, every connection made by clicking its two ends.
    Pointer,
    /// Odd cards dragged, the rest placed by keyboard; the first connection clicked, the rest
    /// made by keyboard.
    Mixed,
}

/// A viewport point inside the zone that the zone itself receives (not a box nested in it).
async fn zone_point(app: &App, zone: &str) -> Res<(f64, f64)> {
    let script = "const z = document.querySelector(arguments[0]);
        z.scrollIntoView({ block: 'center' });
        const r = z.getBoundingClientRect();
        for (let fy = 0.1; fy < 1; fy += 0.08) for (let fx = 0.05; fx < 1; fx += 0.05) {
          const x = r.left + r.width * fx, y = r.top + r.height * fy;
          const hit = document.elementFromPoint(x, y);
          if (hit && !hit.closest('[data-node]') && hit.closest('[data-zone]') === z) return [x, y];
        }
        return null;";
    let v = app.client.execute(script, vec![zone.into()]).await?;
    let p = v.as_array().ok_or(format!("no free point in {zone}"))?;
    Ok((p[0].as_f64().unwrap_or(0.0), p[1].as_f64().unwrap_or(0.0)))
}

/// Builds the drill's own solution with the given hands. Returns the solution's component ids
/// mapped to the UI's.
async fn build(app: &App, id: &str, shots: &str, hands: Hands) -> Res<HashMap<String, String>> {
    let lib = Library::load_embedded();
    let sol = solution(&lib, id)?;
    let labelled = drill_view(&lib, id)?
        .design
        .is_some_and(|d| !d.labels.is_empty());
    let mut ids: HashMap<String, String> = HashMap::new();
    for (k, c) in sol.components.iter().enumerate() {
        eprintln!("component {k}: {} in {}", c.card, c.place);
        let n = format!("n{}", k + 1);
        ids.insert(c.id.clone(), n.clone());
        let zone = format!("{CANVAS} [data-zone='{}']", c.place);
        if hands == Hands::Pointer {
            let card = app.wait_testid(&format!("palette-{}", c.card)).await?;
            app.scroll_to(&card).await?;
            let (x, y) = zone_point(app, &zone).await?;
            let card = app.wait_testid(&format!("palette-{}", c.card)).await?;
            app.drag(card, Target::Point(x, y)).await?;
        } else if k % 2 == 1 && c.place != "vpc" && c.place != "region" && c.place != "outside" {
            let card = app.wait_testid(&format!("palette-{}", c.card)).await?;
            let target = app.wait_css(&format!("{zone} rect")).await?;
            app.scroll_to(&target).await?;
            app.drag(card, Target::Element(target)).await?;
        } else {
            enter_on(app, &format!("[data-testid='palette-{}']", c.card)).await?;
            enter_on(app, &zone).await?;
        }
        let placed = app.wait_css(&format!("{CANVAS} [data-node='{n}']")).await;
        if placed.is_err() {
            app.screenshot(&format!("{shots}-stalled")).await?;
        }
        placed?;
        if k == 1 {
            app.screenshot(&format!("{shots}-two-placed")).await?;
        }
    }
    app.screenshot(&format!("{shots}-placed")).await?;

    app.click("connect-mode").await?;
    for (k, l) in sol.connections.iter().enumerate() {
        eprintln!("connection {k}: {} -> {}", l.from, l.to);
        let from = ids.get(&l.from).cloned().unwrap_or_else(|| l.from.clone());
        let to = ids.get(&l.to).cloned().unwrap_or_else(|| l.to.clone());
        let (a, b) = (
            format!("{CANVAS} [data-node='{from}']"),
            format!("{CANVAS} [data-node='{to}']"),
        );
        if k == 0 || hands == Hands::Pointer {
            app.click_svg(&a).await?;
            app.click_svg(&b).await?;
        } else {
            enter_on(app, &a).await?;
            enter_on(app, &b).await?;
        }
        if labelled {
            app.wait_testid("connection-label").await?;
            app.client
                .execute(
                    "const s = document.querySelector(\"[data-testid='connection-label']\"); s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));",
                    vec![serde_json::json!(l.label.clone().unwrap_or_default())],
                )
                .await?;
            if k == 0 {
                app.screenshot(&format!("{shots}-label-pick")).await?;
            }
            app.click("connection-add").await?;
        }
        app.wait_count("[data-testid='connection']", k + 1).await?;
    }
    Ok(ids)
}

#[tokio::test]
async fn fanout_design_by_pointer_and_keyboard() -> Res {
    let id = "sns-sqs-fanout-design";
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    app.open_drill(id, &format!("{CANVAS} svg [data-zone]"))
        .await?;
    app.screenshot("fanout-empty").await?;
    build(&app, id, "fanout", Hands::Mixed).await?;
    app.scroll_to_top(CANVAS).await?;
    app.screenshot("fanout-built").await?;
    app.scroll_to_top("[data-testid='placed-list']").await?;
    app.screenshot("fanout-lists").await?;
    app.click("drill-check").await?;
    let score = app.wait_text("drill-score", |t| t.ends_with('%')).await?;
    app.screenshot("fanout-checked").await?;
    assert_eq!(score, "100%");
    app.quit().await
}

#[tokio::test]
async fn three_tier_design_built_by_pointer_scores_full_marks() -> Res {
    let id = "vpc-three-tier-design";
    let sol = solution(&Library::load_embedded(), id)?;
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    app.open_drill(id, &format!("{CANVAS} svg [data-zone]"))
        .await?;
    app.screenshot("design-empty").await?;
    let ids = build(&app, id, "design", Hands::Pointer).await?;
    app.screenshot("design-built").await?;
    app.scroll_to_top("[data-testid='placed-list']").await?;
    app.screenshot("design-lists").await?;

    // Undo and redo, by button and by key.
    let links = sol.connections.len();
    app.click("undo").await?;
    app.wait_count("[data-testid='connection']", links - 1)
        .await?;
    app.click("redo").await?;
    app.wait_count("[data-testid='connection']", links).await?;
    app.wait_testid("undo")
        .await?
        .send_keys(&(Key::Control + "z"))
        .await?;
    app.wait_count("[data-testid='connection']", links - 1)
        .await?;
    app.wait_testid("undo")
        .await?
        .send_keys(&(Key::Control + "" + &Key::Shift + "z"))
        .await?;
    app.wait_count("[data-testid='connection']", links).await?;

    app.click("zoom-100").await?;
    app.scroll_to_top(CANVAS).await?;
    app.screenshot("design-zoom-100").await?;
    app.click("zoom-fit").await?;

    app.click("drill-check").await?;
    let score = app.wait_text("drill-score", |t| t.ends_with('%')).await?;
    app.screenshot("design-checked").await?;
    app.scroll_to_top("[data-testid='figure-attempt']").await?;
    app.screenshot("design-figures").await?;
    set_theme(&app, "dark").await?;
    app.screenshot("design-figures-dark").await?;
    app.click("drill-retry").await?;
    app.wait_css(&format!("{CANVAS} svg [data-node='n1']"))
        .await?;
    app.screenshot("design-dark-again").await?;
    set_theme(&app, "light").await?;
    assert_eq!(score, "100%");
    stored_and_scheduled(&driver, id).await?;

    // A wrong design: remove the database with Delete, check, look at the failed rules.
    let db = ids.values().max().cloned().unwrap_or_default();
    app.key_on(&format!("{CANVAS} [data-node='{db}']"), Key::Delete.into())
        .await?;
    app.wait_count("[data-testid='placed-component']", sol.components.len() - 1)
        .await?;
    app.click("drill-check").await?;
    let wrong = app.wait_text("drill-score", |t| t.ends_with('%')).await?;
    app.scroll_to_top("[data-testid='rule-result']").await?;
    app.screenshot("design-wrong").await?;
    assert_ne!(wrong, "100%");
    app.quit().await
}

#[tokio::test]
async fn failure_drill_by_pointer_and_keyboard() -> Res {
    let id = "vpc-three-tier-az-loss";
    let sol = solution(&Library::load_embedded(), id)?;
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    let canvas = "[data-testid='failure-canvas']";
    app.open_drill(id, &format!("{canvas} svg [data-node]"))
        .await?;
    app.screenshot("failure-empty").await?;

    for (k, c) in sol.down.iter().enumerate() {
        match k % 3 {
            0 => {
                app.click_svg(&format!("{canvas} [data-node='{c}']"))
                    .await?
            }
            1 => enter_on(&app, &format!("{canvas} [data-node='{c}']")).await?,
            _ => app.click(&format!("component-{c}")).await?,
        }
        app.wait_css(&format!("{canvas} [data-node='{c}'][aria-pressed='true']"))
            .await?;
    }
    app.screenshot("failure-marked").await?;
    for ch in &sol.choices {
        app.click(&format!("option-{}-{}", ch.question, ch.option))
            .await?;
    }
    for o in &sol.orders {
        for (i, step) in o.steps.iter().enumerate() {
            // Move the step up until it sits at position i.
            for _ in 0..o.steps.len() {
                let li = app
                    .wait_testid(&format!("option-{}-{}", o.question, step))
                    .await?;
                let at: usize = li.attr("data-index").await?.unwrap_or_default().parse()?;
                if at <= i {
                    break;
                }
                li.find(Locator::Css("button[data-move='up']"))
                    .await?
                    .click()
                    .await?;
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    app.scroll_to_top(&format!(
        "[data-testid='question-{}']",
        sol.orders[0].question
    ))
    .await?;
    app.screenshot("failure-answered").await?;
    app.click("drill-check").await?;
    let score = app.wait_text("drill-score", |t| t.ends_with('%')).await?;
    app.screenshot("failure-checked").await?;
    app.scroll_to_top("[data-testid='figure-attempt']").await?;
    app.screenshot("failure-figures").await?;
    set_theme(&app, "dark").await?;
    app.scroll_to_top("[data-testid='failure-event']").await?;
    app.screenshot("failure-checked-dark").await?;
    set_theme(&app, "light").await?;
    assert_eq!(score, "100%");
    stored_and_scheduled(&driver, id).await?;
    app.quit().await
}

#[tokio::test]
async fn az_loss_failure_drill_by_keyboard_only() -> Res {
    let id = "vpc-three-tier-az-loss";
    let sub = solution(&Library::load_embedded(), id)?;
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    app.open_drill(id, "[data-testid='failure-event']").await?;
    let space = Key::Space.to_string();
    let enter = Key::Enter.to_string();
    for c in &sub.down {
        app.wait_testid(&format!("component-{c}"))
            .await?
            .send_keys(&space)
            .await?;
        app.wait_css(&format!(
            "[data-testid='failure-canvas'] [data-node='{c}'][aria-pressed='true']"
        ))
        .await?;
    }
    for ch in &sub.choices {
        app.wait_testid(&format!("option-{}-{}", ch.question, ch.option))
            .await?
            .send_keys(&space)
            .await?;
    }
    for o in &sub.orders {
        for (target, step) in o.steps.iter().enumerate() {
            // Move the step up with its keyboard button until it sits at `target`.
            loop {
                let li = app
                    .wait_testid(&format!("option-{}-{step}", o.question))
                    .await?;
                let at: usize = li
                    .attr("data-index")
                    .await?
                    .and_then(|i| i.parse().ok())
                    .unwrap_or(0);
                if at <= target {
                    break;
                }
                li.find(Locator::Css("button[data-move='up']"))
                    .await?
                    .send_keys(&enter)
                    .await?;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
    app.screenshot("failure-answered").await?;
    app.wait_testid("drill-check")
        .await?
        .send_keys(&enter)
        .await?;
    assert_eq!(
        app.wait_text("drill-score", |t| t.ends_with('%')).await?,
        "100%"
    );
    app.screenshot("failure-checked").await?;
    stored_and_scheduled(&driver, id).await?;
    app.quit().await
}
