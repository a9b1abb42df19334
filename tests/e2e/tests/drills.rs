//! Drills in the real app: one completed by dragging with the pointer, one by keyboard only; the
//! marks on screen and the attempt stored in SQLite must agree with the answer key.
use archdrill_diagram::{answer_key, drill_view, AnswerKey, Library};
use archdrill_e2e::{eventually, App, Driver, Res, Target, LABEL_STAGE};
use fantoccini::key::Key;
use fantoccini::Locator;

/// One right label per slot, as (slot, label).
fn solution(key: &AnswerKey) -> Vec<(String, String)> {
    key.right_placements()
        .into_iter()
        .map(|p| (p.slot, p.label))
        .collect()
}

async fn open_drill(app: &App, id: &str) -> Res {
    app.open_drill(id, LABEL_STAGE).await
}

#[tokio::test]
async fn vpc_label_drill_by_pointer_drag() -> Res {
    let id = "vpc-three-tier-label";
    let key = answer_key(&Library::load_embedded(), id)?;
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    open_drill(&app, id).await?;
    app.screenshot("drill-vpc-empty").await?;

    for (slot, label) in solution(&key) {
        let chip = app
            .wait_css(&format!("[data-testid='bank-label'][data-label='{label}']"))
            .await?;
        let target = app
            .wait_css(&format!("[data-slot='{slot}'] .slot-box"))
            .await?;
        app.scroll_to(&target).await?;
        app.drag(chip, Target::Element(target)).await?;
        app.wait_css(&format!(
            "[data-testid='placed'][data-label='{label}'][data-slot-of='{slot}']"
        ))
        .await?;
    }
    app.screenshot("drill-vpc-placed").await?;
    app.click("drill-check").await?;
    assert_eq!(
        app.wait_text("drill-score", |t| t.ends_with('%')).await?,
        "100%"
    );
    let marks = app
        .client
        .find_all(Locator::Css("[data-testid='placed'].good"))
        .await?;
    assert_eq!(marks.len(), key.slots.len(), "every slot marked right");
    app.screenshot("drill-vpc-checked").await?;

    let scores = eventually("attempt row", || {
        driver.drill_scores(id).filter(|s| !s.is_empty())
    })
    .await?;
    assert_eq!(scores, [1.0]);
    let review: String = driver.db()?.query_row(
        "SELECT card_id FROM review_log ORDER BY id DESC LIMIT 1",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(
        review,
        format!("d:{id}"),
        "the drill joined the FSRS schedule"
    );
    app.quit().await
}

#[tokio::test]
async fn fanout_label_drill_by_keyboard_only() -> Res {
    let id = "sns-sqs-fanout-label";
    let lib = Library::load_embedded();
    let key = answer_key(&lib, id)?;
    let bank = drill_view(&lib, id)?.bank;
    let plan = solution(&key);
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    open_drill(&app, id).await?;

    let enter = Key::Enter.to_string();
    let place = |label: String, slot: String| {
        let app = &app;
        async move {
            let placed = app.place_by_keys(&label, &slot).await;
            if placed.is_err() {
                app.screenshot("drill-fanout-stalled").await?;
            }
            placed
        }
    };
    // First slot gets a distractor (or another slot's label), the rest are right.
    let first_slot = plan[0].0.clone();
    let wrong = key
        .distractors
        .first()
        .and_then(|text| bank.iter().find(|l| &l.text == text))
        .map(|l| l.id.clone())
        .unwrap_or_else(|| plan[1].1.clone());
    place(wrong.clone(), first_slot.clone()).await?;
    for (slot, label) in plan.iter().skip(1).filter(|(_, l)| *l != wrong) {
        place(label.clone(), slot.clone()).await?;
    }
    let score = app.check_by_keys().await?;
    assert_ne!(score, "100%");
    let bad = app
        .wait_css(&format!(
            "[data-testid='placed'].bad[data-slot-of='{first_slot}']"
        ))
        .await?;
    assert_eq!(
        bad.attr("data-label").await?.as_deref(),
        Some(wrong.as_str())
    );
    let feedback = app.text("drill-feedback").await?;
    assert!(feedback.contains("not right"), "{feedback}");
    app.screenshot("drill-fanout-wrong").await?;

    app.wait_testid("retry-wrong")
        .await?
        .send_keys(&enter)
        .await?;
    for (slot, label) in &plan {
        let placed = app
            .count(&format!(
                "[data-testid='placed'][data-label='{label}'][data-slot-of='{slot}']"
            ))
            .await?;
        if placed == 0 {
            place(label.clone(), slot.clone()).await?;
        }
    }
    assert_eq!(app.check_by_keys().await?, "100%");
    let scores = eventually("two attempts", || {
        driver.drill_scores(id).filter(|s| s.len() == 2)
    })
    .await?;
    assert!(scores[0] < 1.0 && scores[1] == 1.0, "{scores:?}");
    app.screenshot("drill-fanout-right").await?;
    app.quit().await
}
