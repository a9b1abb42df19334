//! Search, open a result, write a note, restart: the note is still there.
use archdrill_e2e::{eventually, Driver, Res};
use fantoccini::Locator;
use rusqlite::OptionalExtension;

#[tokio::test]
async fn a_note_survives_a_restart() -> Res {
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;

    app.click("nav-browse").await?;
    app.wait_testid("search-input")
        .await?
        .send_keys("nat gateway")
        .await?;
    app.wait_text("result-count", |t| {
        t.ends_with("questions") && !t.starts_with('0')
    })
    .await?;
    let first = app.wait_css("[data-testid='result'] mark").await?;
    assert!(
        first.text().await?.to_lowercase().starts_with("nat"),
        "matches are highlighted"
    );
    app.screenshot("search").await?;
    let result = app.wait_testid("result").await?;
    let id = result
        .attr("data-id")
        .await?
        .ok_or("result without data-id")?;
    result.click().await?;
    app.wait_testid("question-prompt").await?;

    let note = "Mention the per-AZ NAT and the cross-AZ data charge.";
    app.wait_testid("note-input").await?.send_keys(note).await?;
    app.click("note-save").await?;
    app.wait_text("note-status", |t| t == "Saved").await?;
    app.screenshot("question").await?;
    let stored = eventually("note row", || {
        driver
            .db()
            .ok()?
            .query_row(
                "SELECT body FROM notes WHERE question_id = ?1",
                [&id],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .ok()
            .flatten()
    })
    .await?;
    assert_eq!(stored, note);
    app.quit().await?;

    // A fresh process on the same data folder.
    let app = driver.launch().await?;
    app.click("nav-browse").await?;
    app.wait_testid("search-input")
        .await?
        .send_keys("nat gateway")
        .await?;
    let row = app
        .wait_css(&format!("[data-testid='result'][data-id='{id}']"))
        .await?;
    assert!(
        row.text().await?.contains("note"),
        "the list marks the question as noted"
    );
    row.click().await?;
    let area = app
        .client
        .wait()
        .for_element(Locator::Css("[data-testid='note-input']"))
        .await?;
    let value = area.prop("value").await?.unwrap_or_default();
    assert_eq!(value, note);
    app.quit().await
}
