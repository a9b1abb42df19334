//! The Home screen shows what the backend loaded, reports a corrupt file without failing, and a
//! choice in the UI lands in the SQLite file.
use archdrill_e2e::{eventually, Driver, Res};
use rusqlite::OptionalExtension;
use std::collections::HashSet;

#[tokio::test]
async fn home_shows_backend_counts_and_theme_choice_is_stored() -> Res {
    let dir = tempfile::tempdir()?;
    // A learner's pack with one corrupt file: the app must start and say what is wrong.
    let pack = dir.path().join("packs/mine");
    std::fs::create_dir_all(&pack)?;
    std::fs::write(
        pack.join("broken.md"),
        "+++\nid = \"broken\"\ntopic = 12\n+++\n",
    )?;

    let expected = archdrill_content::Bank::load(Some(&dir.path().join("packs")), &HashSet::new());
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;

    let questions = app.wait_text("count-questions", |t| !t.is_empty()).await?;
    assert_eq!(questions, expected.len().to_string());
    assert!(expected.len() >= 100, "the bank should load fully");
    assert_eq!(app.text("count-due").await?, "0");
    let problems = app.text("problems").await?;
    assert!(
        problems.contains("broken.md:3"),
        "Home lists the corrupt file: {problems}"
    );
    app.screenshot("home").await?;

    let select = app.wait_testid("theme-select").await?;
    select.select_by_value("dark").await?;
    let stored = eventually("theme row", || {
        driver
            .db()
            .ok()?
            .query_row("SELECT value FROM settings WHERE key = 'theme'", [], |r| {
                r.get::<_, String>(0)
            })
            .optional()
            .ok()
            .flatten()
    })
    .await?;
    assert_eq!(stored, "dark");
    app.screenshot("home-dark").await?;
    app.quit().await
}
