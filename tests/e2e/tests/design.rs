//! Design and failure drills in the real app: the three-tier design built by pointer (drag from the
//! palette, click to connect) to full marks, and a failure drill solved by keyboard only; both
//! attempts are stored and scheduled.
use archdrill_diagram::{solution, Library};
use archdrill_e2e::{eventually, App, Driver, Res};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::key::Key;
use fantoccini::Locator;
use std::collections::HashMap;
use std::time::Duration;

async fn open_drill(app: &App, id: &str, ready: &str) -> Res {
    app.click("nav-drills").await?;
    app.wait_css(&format!("[data-testid='drill-link'][data-id='{id}']"))
        .await?
        .click()
        .await?;
    app.wait_css(ready).await?;
    Ok(())
}

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

/// A viewport point inside the zone that the zone itself receives (not a box nested in it).
async fn zone_point(app: &App, zone: &str) -> Res<(f64, f64)> {
    let script = "const id = arguments[0];
        const z = document.querySelector(`[data-testid='design-canvas'] [data-zone='${id}']`);
        z.scrollIntoView({ block: 'center' });
        const r = z.getBoundingClientRect();
        for (let fy = 0.1; fy < 1; fy += 0.08) for (let fx = 0.05; fx < 1; fx += 0.05) {
          const x = r.left + r.width * fx, y = r.top + r.height * fy;
          const hit = document.elementFromPoint(x, y);
          if (hit && !hit.closest('[data-node]') && hit.closest('[data-zone]') === z) return [x, y];
        }
        return null;";
    let v = app.client.execute(script, vec![zone.into()]).await?;
    let p = v
        .as_array()
        .ok_or(format!("no free point in zone {zone}"))?;
    Ok((p[0].as_f64().unwrap_or(0.0), p[1].as_f64().unwrap_or(0.0)))
}

async fn placed_ids(app: &App) -> Res<Vec<String>> {
    let mut out = Vec::new();
    for el in app
        .client
        .find_all(Locator::Css("[data-testid='placed-component']"))
        .await?
    {
        out.extend(el.attr("data-id").await?);
    }
    Ok(out)
}

#[tokio::test]
async fn three_tier_design_built_by_pointer_scores_full_marks() -> Res {
    let id = "vpc-three-tier-design";
    let sub = solution(&Library::load_embedded(), id)?;
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    open_drill(&app, id, "[data-testid='design-canvas'] svg [data-zone]").await?;
    app.screenshot("design-empty").await?;
    let mut ids: HashMap<String, String> = HashMap::new();
    for c in &sub.components {
        let before = placed_ids(&app).await?;
        let card = app
            .wait_css(&format!("[data-testid='palette-{}']", c.card))
            .await?;
        app.scroll_to(&card).await?;
        let (x, y) = zone_point(&app, &c.place).await?;
        let card = app
            .wait_css(&format!("[data-testid='palette-{}']", c.card))
            .await?;
        let drag = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: card,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveBy {
                duration: Some(Duration::from_millis(50)),
                x: 14.0,
                y: 14.0,
            })
            .then(PointerAction::MoveTo {
                duration: Some(Duration::from_millis(150)),
                x,
                y,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        app.client.perform_actions(drag).await?;
        let new = eventually_async(&app, &before).await?;
        let shown = app
            .wait_css(&format!(
                "[data-testid='design-canvas'] [data-node='{new}']"
            ))
            .await;
        if shown.is_err() {
            app.screenshot("design-stalled").await?;
        }
        shown?;
        ids.insert(c.id.clone(), new);
    }
    app.screenshot("design-placed").await?;
    app.click("connect-mode").await?;
    let ui = |x: &str| ids.get(x).cloned().unwrap_or_else(|| x.to_string());
    for c in &sub.connections {
        for end in [ui(&c.from), ui(&c.to)] {
            let el = app
                .wait_css(&format!(
                    "[data-testid='design-canvas'] [data-node='{end}']"
                ))
                .await?;
            app.scroll_to(&el).await?;
            el.click().await?;
        }
        if let Ok(select) = app.wait_testid("connection-label").await {
            select
                .select_by_value(c.label.as_deref().unwrap_or(""))
                .await?;
            app.click("connection-add").await?;
        }
        app.wait_css(&format!(
            "[data-testid='connection'][data-from='{}'][data-to='{}']",
            ui(&c.from),
            ui(&c.to)
        ))
        .await?;
    }
    app.screenshot("design-connected").await?;
    app.click("drill-check").await?;
    assert_eq!(
        app.wait_text("drill-score", |t| t.ends_with('%')).await?,
        "100%"
    );
    app.wait_css("[data-testid='rule-result']").await?;
    app.screenshot("design-checked").await?;
    let (scores, card) = eventually("design attempt", || stored(&driver, id)).await?;
    assert_eq!(scores, [1.0]);
    assert_eq!(
        card,
        format!("d:{id}"),
        "the drill joined the FSRS schedule"
    );
    app.quit().await
}

/// Waits until a component id appears that was not in `before`.
async fn eventually_async(app: &App, before: &[String]) -> Res<String> {
    for _ in 0..100 {
        if let Some(n) = placed_ids(app)
            .await?
            .into_iter()
            .find(|i| !before.contains(i))
        {
            return Ok(n);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.screenshot("design-not-placed").await?;
    Err("the dropped card was not placed".into())
}

#[tokio::test]
async fn az_loss_failure_drill_by_keyboard_only() -> Res {
    let id = "vpc-three-tier-az-loss";
    let sub = solution(&Library::load_embedded(), id)?;
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    open_drill(&app, id, "[data-testid='failure-event']").await?;
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
    let (scores, card) = eventually("failure attempt", || stored(&driver, id)).await?;
    assert_eq!(scores, [1.0]);
    assert_eq!(card, format!("d:{id}"));
    app.quit().await
}
