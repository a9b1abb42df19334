//! "The mistakes you repeat" in the real app: a label drill checked twice with the same wrong label
//! (by keyboard: Enter on a label, Enter on a slot), the Mistakes screen opened from Home shows it
//! with its count, and its link opens the drill again.
use archdrill_diagram::{answer_key, drill_view, Library};
use archdrill_e2e::{eventually, App, Driver, Res, LABEL_STAGE};
use fantoccini::Locator;

const DRILL: &str = "vpc-three-tier-label";

/// Opens the drill afresh, puts `label` on `slot` and nothing else, and checks.
async fn check_one_label(app: &App, label: &str, slot: &str) -> Res {
    app.open_drill(DRILL, LABEL_STAGE).await?;
    app.place_by_keys(label, slot).await?;
    assert_ne!(app.check_by_keys().await?, "100%");
    Ok(())
}

#[tokio::test]
async fn a_wrong_label_checked_twice_shows_as_repeated_and_links_to_its_drill() -> Res {
    let lib = Library::load_embedded();
    let key = answer_key(&lib, DRILL)?;
    let view = drill_view(&lib, DRILL)?;
    // The internet gateway's blank (s1), given a NAT gateway card.
    let igw = key.slots.iter().find(|s| s.target == "igw").unwrap();
    let nat = view.bank.iter().find(|l| l.text == "NAT gateway").unwrap();
    let slot_name = &view
        .slots
        .iter()
        .find(|s| s.id == igw.slot)
        .unwrap()
        .aria_label;

    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;

    app.click("nav-home").await?;
    app.click("mistakes-button").await?;
    let empty = app.text("mistakes-empty").await?;
    assert!(
        empty.contains("Check a drill or review a question"),
        "{empty}"
    );

    for _ in 0..2 {
        check_one_label(&app, &nat.id, &igw.slot).await?;
    }
    eventually("two attempts", || {
        driver.drill_scores(DRILL).filter(|s| s.len() == 2)
    })
    .await?;

    app.click("nav-home").await?;
    app.click("mistakes-button").await?;
    let item = app
        .wait_css(&format!(
            "[data-testid='slot-mistake'][data-drill='{DRILL}'][data-count='2']"
        ))
        .await?;
    let text = item.text().await?;
    assert!(
        text.contains(&format!("You put NAT gateway on {slot_name} twice")),
        "{text}"
    );
    assert!(
        text.contains("the right answer there is Internet gateway"),
        "{text}"
    );
    assert!(
        text.contains("The VPC's door to the internet"),
        "the drill's own explanation: {text}"
    );
    let pairs = app
        .client
        .find_all(Locator::Css("[data-testid='confused-pair']"))
        .await?;
    assert!(
        !pairs.is_empty(),
        "NAT gateway where Internet gateway belongs"
    );
    let pair = pairs[0].text().await?;
    assert!(
        pair.contains("NAT gateway where Internet gateway belongs, twice"),
        "{pair}"
    );
    let explained = item
        .find_all(Locator::Css("[data-testid='question-link']"))
        .await?;
    assert!(!explained.is_empty(), "linked to a question on the diagram");
    app.screenshot("mistakes-repeated").await?;

    item.find(Locator::Css("[data-testid='open-drill']"))
        .await?
        .click()
        .await?;
    app.wait_css(LABEL_STAGE).await?;
    assert_eq!(
        app.wait_text("drill-title", |t| !t.is_empty()).await?,
        "Name the parts of a three-tier VPC"
    );
    app.quit().await
}
