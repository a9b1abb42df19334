//! A mock interview run by the backend, through the real app: an answer typed into the box is stored
//! with the backend's timestamps, the app is restarted mid-mock and resumes at the right question,
//! the rubric comes pre-ticked from the typed answer, and the report shows it with its words marked.
use archdrill_e2e::{eventually, Driver, Res};

/// (question id, typed answer, shown_at, answered_at, seconds_used, points, graded) of one position.
type AnswerRow = (
    String,
    Option<String>,
    Option<i64>,
    Option<i64>,
    i64,
    String,
    bool,
);

fn answer_row(driver: &Driver, position: i64) -> Option<AnswerRow> {
    let db = driver.db().ok()?;
    db.query_row(
        "SELECT question_id, answer, shown_at, answered_at, seconds_used, points, graded
         FROM mock_answer WHERE position = ?1",
        [position],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        },
    )
    .ok()
}

/// Words that make the question's first key points: the rubric's own text, joined into one paragraph (WebDriver types no newline).
fn rubric_text(question_id: &str) -> String {
    let bank = archdrill_content::Bank::load(None, &Default::default());
    let q = bank.get(question_id).expect("a bank question");
    q.key_points
        .iter()
        .take(3)
        .cloned()
        .collect::<Vec<_>>()
        .join(". ")
}

#[tokio::test]
async fn a_typed_mock_answer_is_kept_across_a_restart_pre_ticked_and_reported() -> Res {
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;

    app.start_mock("mixed", 2).await?;
    assert_eq!(
        app.count(".prose").await?,
        0,
        "no model answers while asking"
    );

    let first = eventually("the started mock", || answer_row(&driver, 0)).await?;
    assert!(
        first.2.is_some(),
        "the backend stamped when question 1 was shown"
    );
    let typed = rubric_text(&first.0);
    let box_ = app.wait_testid("mock-answer-box").await?;
    box_.send_keys(&typed).await?;
    // WebKit delivers the keystrokes after send_keys returns: wait until the box holds them all.
    let mut held = String::new();
    for _ in 0..200 {
        held = box_.prop("value").await?.unwrap_or_default();
        if held == typed {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(held, typed, "the box holds the typed answer");
    app.screenshot("mock-typing").await?;
    app.click("mock-next").await?;
    app.wait_text("mock-status", |t| t.starts_with("Question 2"))
        .await?;

    let row = eventually("the stored answer", || {
        answer_row(&driver, 0).filter(|r| r.3.is_some())
    })
    .await?;
    assert_eq!(row.1.as_deref(), Some(typed.trim()));
    let (shown, answered) = (row.2.unwrap(), row.3.unwrap());
    assert_eq!(
        row.4,
        (answered - shown + 500) / 1000,
        "time measured by the backend"
    );
    assert!(
        answer_row(&driver, 1).unwrap().2.is_some(),
        "question 2 shown"
    );

    // Restart mid-mock: the history lists it unfinished and it resumes at question 2.
    app.quit().await?;
    let app = driver.launch().await?;
    app.click("nav-mock").await?;
    app.wait_text("mock-history", |t| t.contains("(unfinished)"))
        .await?;
    app.click("mock-open").await?;
    app.wait_text("mock-status", |t| t.starts_with("Question 2 of 2"))
        .await?;
    app.wait_testid("mock-question").await?;
    app.click("mock-next").await?;

    // Grading: the typed answer's points come ticked, its words marked; question 2 by hand.
    app.wait_testid("mock-rubric-0").await?;
    let pre = app
        .count("[data-testid='mock-rubric-0'] input:checked")
        .await?;
    assert!(pre > 0, "the typed rubric pre-ticks its points");
    assert!(app.count("[data-testid='mock-typed-0'] mark").await? > 0);
    assert_eq!(
        app.count("[data-testid='mock-rubric-1'] input:checked")
            .await?,
        0
    );
    app.click("mock-rubric-1-point-0").await?;
    app.screenshot("mock-grading-typed").await?;
    app.click("mock-finish").await?;
    app.wait_testid("mock-report").await?;
    assert!(
        app.count("[data-testid='mock-report-answer-0'] mark")
            .await?
            > 0
    );
    app.wait_testid("mock-weak-points").await?;
    app.screenshot("mock-report-typed").await?;

    let finished = eventually("the finished mock", || {
        let db = driver.db().ok()?;
        db.query_row("SELECT finished_at FROM mock", [], |r| {
            r.get::<_, Option<i64>>(0)
        })
        .ok()
        .flatten()
    })
    .await?;
    assert!(finished >= answered);
    let (a, b) = (
        answer_row(&driver, 0).unwrap(),
        answer_row(&driver, 1).unwrap(),
    );
    assert!(a.6 && b.6, "both confirmed");
    let ticked: Vec<u32> = serde_json::from_str(&a.5)?;
    assert_eq!(ticked.len(), pre, "the confirmed ticks are the pre-ticks");
    assert_eq!((b.1, b.5.as_str()), (None, "[0]"));
    app.quit().await
}
