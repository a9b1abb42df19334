//! The interview plan from a fresh start: the welcome card asks for the date, the learner sets one
//! about 30 days ahead for a senior interview, Home states where they stand, Review opens with
//! senior cards, and after a restart the question is not asked again.
use archdrill_domain::Level;
use archdrill_e2e::{eventually, now_ms, review, App, Driver, Res};
use archdrill_study::{date_string, Now};

/// Types a date into an `<input type="date">` the way the page sees a person's edit: WebKitGTK's
/// date field does not take WebDriver keys, so the value is set and an `input` event sent.
async fn set_date(app: &App, testid: &str, value: &str) -> Res {
    let el = app.wait_testid(testid).await?;
    app.client
        .execute(
            "const [el, v] = arguments; el.value = v;
             el.dispatchEvent(new Event('input', { bubbles: true }));
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![serde_json::to_value(&el)?, value.into()],
        )
        .await?;
    Ok(())
}

#[tokio::test]
async fn a_plan_set_on_first_start_orders_review_and_is_remembered() -> Res {
    let dir = tempfile::tempdir()?;
    // The bank as the app loads it: question links to diagrams kept only for diagrams that exist.
    let lib = archdrill_diagram::Library::load_embedded();
    let bank = archdrill_content::Bank::load(None, &lib.diagram_ids());
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;

    app.wait_testid("plan-welcome").await?;
    app.screenshot("plan-welcome").await?;
    // The app's today is the machine's local day; 30 days on, a day either way changes nothing.
    let date = date_string(Now::utc(now_ms()).day() + 30);
    set_date(&app, "plan-date", &date).await?;
    app.click("plan-level-senior").await?;
    app.click("plan-save").await?;

    let line = app.wait_text("plan-sentence", |t| !t.is_empty()).await?;
    assert!(line.contains("senior card"), "Home states the plan: {line}");
    assert!(
        line.starts_with("On track") || line.contains("new a day more"),
        "{line}"
    );
    let day = eventually("the stored plan", || driver.setting("plan.interview_day")).await?;
    assert_eq!(date_string(day.parse()?), date);
    assert_eq!(driver.setting("plan.level").as_deref(), Some("senior"));
    assert_eq!(driver.setting("plan.decided").as_deref(), Some("1"));
    app.screenshot("plan-home").await?;

    // Review's first cards are senior: questions of that level, or drills whose diagram a senior
    // question links first (a drill takes the level of the question that files it).
    let level_of = |id: &str| -> Option<Level> {
        if let Some(qid) = id.strip_prefix("q:") {
            return bank.get(qid).map(|q| q.level);
        }
        let drill = lib
            .drills()
            .find(|d| Some(d.id.as_str()) == id.strip_prefix("d:"))?;
        let q = bank
            .questions()
            .iter()
            .find(|q| q.diagrams.contains(&drill.diagram))?;
        Some(q.level)
    };
    app.click("start-review").await?;
    let mut seen = 0;
    loop {
        let card = app
            .wait_css("[data-testid='review-card'], [data-testid='review-drill']")
            .await?;
        let id = card.attr("data-card-id").await?.unwrap_or_default();
        assert_eq!(
            level_of(&id),
            Some(Level::Senior),
            "{id} comes first under a senior plan"
        );
        seen += 1;
        // Questions are rated by keyboard; a drill would need its diagram solved, so stop there.
        if seen == 3 || !id.starts_with("q:") {
            break;
        }
        review(&app, "", '3').await?;
    }
    app.screenshot("plan-review").await?;
    app.quit().await?;

    // Restarted: the question is not asked again and the line is still there.
    let app = driver.launch().await?;
    let line = app.wait_text("plan-sentence", |t| !t.is_empty()).await?;
    assert!(line.contains("senior card"), "{line}");
    assert_eq!(
        app.count("[data-testid='plan-welcome']").await?,
        0,
        "no welcome card after the plan was decided"
    );
    app.screenshot("plan-home-restarted").await?;
    app.quit().await
}
