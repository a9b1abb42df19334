//! A quick look at the design and failure drill screens in the real app: builds a right design
//! partly by pointer and partly by keyboard, checks it, and saves screenshots under
//! /tmp/archdrill-shots for people to look at. The thorough tests of these screens are in design.rs.
use archdrill_diagram::{drill_view, solution, Library};
use archdrill_e2e::{press, App, Driver, Res};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::Locator;
use std::collections::HashMap;
use std::time::Duration;

async fn shot(app: &App, name: &str) -> Res {
    let dir = std::path::Path::new("/tmp/archdrill-shots");
    std::fs::create_dir_all(dir)?;
    std::fs::write(
        dir.join(format!("{name}.png")),
        app.client.screenshot().await?,
    )?;
    Ok(())
}

async fn open(app: &App, id: &str, ready: &str) -> Res {
    app.click("nav-drills").await?;
    app.wait_css(&format!("[data-testid='drill-link'][data-id='{id}']"))
        .await?
        .click()
        .await?;
    app.wait_css(ready).await?;
    Ok(())
}

async fn drag(app: &App, from: Element, to: Element) -> Res {
    let actions = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: from,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(50)),
            x: 12.0,
            y: 12.0,
        })
        .then(PointerAction::MoveToElement {
            element: to,
            duration: Some(Duration::from_millis(150)),
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    app.client.perform_actions(actions).await?;
    Ok(())
}

/// Focuses the element as Tab would, then presses a key on it (WebKitWebDriver cannot send keys
/// to an SVG group itself).
async fn key_on(app: &App, css: &str, key: Key) -> Res {
    let el = app.wait_css(css).await?;
    app.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();",
            vec![serde_json::to_value(&el)?],
        )
        .await?;
    press(app, key.into()).await
}

async fn enter_on(app: &App, css: &str) -> Res {
    key_on(app, css, Key::Enter).await
}

/// Clicks the middle of the first shape of an SVG group, as a pointer would.
async fn click_svg(app: &App, css: &str) -> Res {
    let el = app.wait_css(&format!("{css} rect")).await?;
    app.scroll_to(&el).await?;
    let actions = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: el,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    app.client.perform_actions(actions).await?;
    Ok(())
}

async fn count(app: &App, css: &str) -> Res<usize> {
    Ok(app.client.find_all(Locator::Css(css)).await?.len())
}

async fn wait_count(app: &App, css: &str, n: usize) -> Res {
    for _ in 0..100 {
        if count(app, css).await? == n {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("{css}: expected {n}, found {}", count(app, css).await?).into())
}

async fn scroll_to_css(app: &App, css: &str) -> Res {
    let el = app.wait_css(css).await?;
    app.client
        .execute(
            "arguments[0].scrollIntoView({block: 'start'})",
            vec![serde_json::to_value(&el)?],
        )
        .await?;
    Ok(())
}

async fn set_theme(app: &App, theme: &str) -> Res {
    app.client
        .execute(
            "const s = document.querySelector(\"[data-testid='theme-select']\"); s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![serde_json::json!(theme)],
        )
        .await?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    Ok(())
}

const CANVAS: &str = "[data-testid='design-canvas']";

/// Builds the drill's own solution: odd components dragged with the pointer (onto zones whose
/// middle is their own), the rest by keyboard; the first connection by pointer clicks, the rest by
/// keyboard. Returns the solution's component ids mapped to the UI's.
async fn build(app: &App, id: &str, shots: &str) -> Res<HashMap<String, String>> {
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
        if k % 2 == 1 && c.place != "vpc" && c.place != "region" && c.place != "outside" {
            let card = app.wait_testid(&format!("palette-{}", c.card)).await?;
            let target = app.wait_css(&format!("{zone} rect")).await?;
            app.scroll_to(&target).await?;
            drag(app, card, target).await?;
        } else {
            enter_on(app, &format!("[data-testid='palette-{}']", c.card)).await?;
            enter_on(app, &zone).await?;
        }
        let placed = app.wait_css(&format!("{CANVAS} [data-node='{n}']")).await;
        if placed.is_err() {
            shot(app, &format!("{shots}-stalled")).await?;
        }
        placed?;
        if k == 1 {
            shot(app, &format!("{shots}-two-placed")).await?;
        }
    }
    shot(app, &format!("{shots}-placed")).await?;

    app.click("connect-mode").await?;
    for (k, l) in sol.connections.iter().enumerate() {
        eprintln!("connection {k}: {} -> {}", l.from, l.to);
        let from = ids.get(&l.from).cloned().unwrap_or_else(|| l.from.clone());
        let to = ids.get(&l.to).cloned().unwrap_or_else(|| l.to.clone());
        let (a, b) = (
            format!("{CANVAS} [data-node='{from}']"),
            format!("{CANVAS} [data-node='{to}']"),
        );
        if k == 0 {
            click_svg(app, &a).await?;
            click_svg(app, &b).await?;
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
                shot(app, &format!("{shots}-label-pick")).await?;
            }
            app.click("connection-add").await?;
        }
        wait_count(app, "[data-testid='connection']", k + 1).await?;
    }
    Ok(ids)
}

#[tokio::test]
async fn fanout_design_by_pointer_and_keyboard() -> Res {
    let id = "sns-sqs-fanout-design";
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    open(&app, id, &format!("{CANVAS} svg [data-zone]")).await?;
    shot(&app, "fanout-empty").await?;
    build(&app, id, "fanout").await?;
    scroll_to_css(&app, CANVAS).await?;
    shot(&app, "fanout-built").await?;
    scroll_to_css(&app, "[data-testid='placed-list']").await?;
    shot(&app, "fanout-lists").await?;
    app.click("drill-check").await?;
    let score = app.wait_text("drill-score", |t| t.ends_with('%')).await?;
    shot(&app, "fanout-checked").await?;
    assert_eq!(score, "100%");
    app.quit().await
}

#[tokio::test]
async fn design_drill_by_pointer_and_keyboard() -> Res {
    let id = "vpc-three-tier-design";
    let sol = solution(&Library::load_embedded(), id)?;
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    open(&app, id, &format!("{CANVAS} svg [data-zone]")).await?;
    shot(&app, "design-empty").await?;
    let ids = build(&app, id, "design").await?;
    shot(&app, "design-built").await?;
    scroll_to_css(&app, "[data-testid='placed-list']").await?;
    shot(&app, "design-lists").await?;

    // Undo and redo, by button and by key.
    let links = sol.connections.len();
    app.click("undo").await?;
    wait_count(&app, "[data-testid='connection']", links - 1).await?;
    app.click("redo").await?;
    wait_count(&app, "[data-testid='connection']", links).await?;
    app.wait_testid("undo")
        .await?
        .send_keys(&(Key::Control + "z"))
        .await?;
    wait_count(&app, "[data-testid='connection']", links - 1).await?;
    app.wait_testid("undo")
        .await?
        .send_keys(&(Key::Control + "" + &Key::Shift + "z"))
        .await?;
    wait_count(&app, "[data-testid='connection']", links).await?;

    app.click("zoom-100").await?;
    scroll_to_css(&app, CANVAS).await?;
    shot(&app, "design-zoom-100").await?;
    app.click("zoom-fit").await?;

    app.click("drill-check").await?;
    let score = app.wait_text("drill-score", |t| t.ends_with('%')).await?;
    shot(&app, "design-checked").await?;
    scroll_to_css(&app, "[data-testid='figure-attempt']").await?;
    shot(&app, "design-figures").await?;
    set_theme(&app, "dark").await?;
    shot(&app, "design-figures-dark").await?;
    app.click("drill-retry").await?;
    app.wait_css(&format!("{CANVAS} svg [data-node='n1']"))
        .await?;
    shot(&app, "design-dark-again").await?;
    set_theme(&app, "light").await?;
    assert_eq!(score, "100%");

    // A wrong design: remove the database with Delete, check, look at the failed rules.
    let db = ids.values().max().cloned().unwrap_or_default();
    key_on(&app, &format!("{CANVAS} [data-node='{db}']"), Key::Delete).await?;
    wait_count(
        &app,
        "[data-testid='placed-component']",
        sol.components.len() - 1,
    )
    .await?;
    app.click("drill-check").await?;
    let wrong = app.wait_text("drill-score", |t| t.ends_with('%')).await?;
    scroll_to_css(&app, "[data-testid='rule-result']").await?;
    shot(&app, "design-wrong").await?;
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
    open(&app, id, &format!("{canvas} svg [data-node]")).await?;
    shot(&app, "failure-empty").await?;

    for (k, c) in sol.down.iter().enumerate() {
        match k % 3 {
            0 => click_svg(&app, &format!("{canvas} [data-node='{c}']")).await?,
            1 => enter_on(&app, &format!("{canvas} [data-node='{c}']")).await?,
            _ => app.click(&format!("component-{c}")).await?,
        }
        app.wait_css(&format!("{canvas} [data-node='{c}'][aria-pressed='true']"))
            .await?;
    }
    shot(&app, "failure-marked").await?;
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
    scroll_to_css(
        &app,
        &format!("[data-testid='question-{}']", sol.orders[0].question),
    )
    .await?;
    shot(&app, "failure-answered").await?;
    app.click("drill-check").await?;
    let score = app.wait_text("drill-score", |t| t.ends_with('%')).await?;
    shot(&app, "failure-checked").await?;
    scroll_to_css(&app, "[data-testid='figure-attempt']").await?;
    shot(&app, "failure-figures").await?;
    set_theme(&app, "dark").await?;
    scroll_to_css(&app, "[data-testid='failure-event']").await?;
    shot(&app, "failure-checked-dark").await?;
    set_theme(&app, "light").await?;
    assert_eq!(score, "100%");
    app.quit().await
}
