//! Accessibility, checked by axe-core (the npm package) running inside the real webview: every drill
//! screen, of every kind, and the screens around them, with no serious or critical violation.
use archdrill_diagram::Library;
use archdrill_e2e::{AxeImpact, Driver, Res};

#[tokio::test]
async fn every_drill_screen_has_no_serious_or_critical_violation() -> Res {
    let lib = Library::load_embedded();
    let dir = tempfile::tempdir()?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    let mut found = Vec::new();
    for (name, screen) in [("home", "nav-home"), ("drills", "nav-drills")] {
        app.click(screen).await?;
        app.wait_testid(screen).await?;
        found.extend(
            app.axe_violations(AxeImpact::SeriousOrCritical)
                .await?
                .into_iter()
                .map(|v| format!("{name}: {v}")),
        );
    }
    let mut kinds = std::collections::HashSet::new();
    for drill in lib.drills() {
        // Every drill screen draws its diagram as an interactive group once it has loaded.
        app.open_drill(&drill.id, "main svg[role='group']").await?;
        let violations = app.axe_violations(AxeImpact::SeriousOrCritical).await?;
        if !violations.is_empty() {
            app.screenshot(&format!("a11y-{}", drill.id)).await?;
        }
        found.extend(violations.into_iter().map(|v| format!("{}: {v}", drill.id)));
        kinds.insert(drill.kind);
    }
    assert!(
        kinds.len() >= 6,
        "every kind of drill was checked: {kinds:?}"
    );
    assert!(
        found.is_empty(),
        "axe found serious or critical violations:\n{}",
        found.join("\n")
    );
    app.quit().await
}
