//! A typed answer in Review: typing does not trigger the shortcuts, Esc leaves the box and Space then
//! reveals; the points the answer makes are pre-ticked with their words marked; the learner unticks
//! one and rates; the row keeps the answer and the ticks; the question page shows it in its history.
use archdrill_e2e::{card_id, eventually, press, wait_attr, Driver, Res};
use fantoccini::Locator;
use rusqlite::OptionalExtension;

/// WebDriver's code for the Escape key.
const ESCAPE: char = '\u{e00c}';

fn bank() -> archdrill_content::Bank {
    archdrill_content::Bank::load(None, &Default::default())
}

#[tokio::test]
async fn a_typed_answer_pre_ticks_the_rubric_and_shows_in_the_history() -> Res {
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    app.click("start-review").await?;
    let card = card_id(&app).await?;
    let bank = bank();
    let question = bank
        .get(card.trim_start_matches("q:"))
        .ok_or("the first card is a bank question")?;
    let total = question.key_points.len();
    assert!(question.cues.len() >= 2, "the first question has cues");

    // An answer that makes the first two points in the words of their first cues. It holds spaces,
    // letters and digits: none of them may reveal, tick or rate while the box has focus.
    let typed = format!(
        "First I would say {} and then 3 words on {}.",
        question.cues[0][0], question.cues[1][0]
    );
    let box_ = app.wait_testid("review-answer-box").await?;
    box_.click().await?;
    box_.send_keys(&typed).await?;
    assert_eq!(box_.prop("value").await?.as_deref(), Some(typed.as_str()));
    assert_eq!(
        app.count("[data-testid='review-answer']").await?,
        0,
        "not revealed"
    );
    app.screenshot("typed-answer-front").await?;

    // Esc leaves the box, and Space reveals as usual.
    press(&app, ESCAPE).await?;
    press(&app, ' ').await?;
    app.wait_testid("review-answer").await?;
    app.wait_css("[data-testid='review-typed-answer'] mark")
        .await?;
    // Coverage arrives after the reveal: point 0 is waited for, then point 1 must be ticked too.
    assert!(
        app.wait_checked("rubric-point-0", true).await? && app.checked("rubric-point-1").await?,
        "the two points the answer makes are ticked"
    );
    let matched = app.text("rubric-matched-0").await?;
    assert!(matched.starts_with("matched:"), "{matched}");
    let marks = app
        .client
        .find_all(Locator::Css("[data-testid='review-typed-answer'] mark"))
        .await?;
    let mut marked = Vec::new();
    for m in &marks {
        marked.push(m.text().await?.to_lowercase());
    }
    assert!(marks.len() >= 2, "{marked:?}");
    app.screenshot("typed-answer-revealed").await?;

    // The learner disagrees about point 1 and rates.
    app.click("rubric-point-1").await?;
    assert!(
        app.wait_checked("rubric-point-1", false).await?,
        "point 1 did not untick"
    );
    let mut ticks: Vec<usize> = Vec::new();
    for i in 0..total {
        if app.checked(&format!("rubric-point-{i}")).await? {
            ticks.push(i);
        }
    }
    assert!(ticks.contains(&0) && !ticks.contains(&1), "{ticks:?}");
    app.click("rate-good").await?;
    wait_attr(&app, "review-card", "data-card-id", |v| v != card).await?;

    let (answer, points) = eventually("the review row", || {
        driver
            .db()
            .ok()?
            .query_row(
                "SELECT answer, points FROM review_log WHERE card_id = ?1",
                [&card],
                |r| Ok((r.get::<_, Option<String>>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()
            .ok()
            .flatten()
    })
    .await?;
    assert_eq!(answer.as_deref(), Some(typed.as_str()));
    let stored: Vec<usize> = serde_json::from_str(&points)?;
    assert_eq!(stored, ticks, "the ticks as the learner left them");

    // The question page lists the review with the answer typed.
    app.click("nav-browse").await?;
    app.wait_css(&format!(
        "[data-testid='result'][data-id='{}']",
        question.id
    ))
    .await?
    .click()
    .await?;
    app.wait_testid("question-prompt").await?;
    app.wait_testid("card-history-entry").await?;
    assert_eq!(app.count("[data-testid='card-history-entry']").await?, 1);
    assert_eq!(app.text("card-history-rating").await?, "Good");
    assert_eq!(
        app.text("card-history-points").await?,
        format!("points {}/{total}", ticks.len())
    );
    let summary = app.wait_css("[data-testid='card-history'] summary").await?;
    app.scroll_to(&summary).await?;
    summary.click().await?;
    app.wait_text("card-history-answer", |t| t == typed).await?;
    app.screenshot("typed-answer-history").await?;
    app.quit().await?;
    Ok(())
}
