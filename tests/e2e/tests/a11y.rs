//! Accessibility, checked by axe-core (the npm package) running inside the real webview: every drill
//! screen, of every kind, and the screens around them, with no serious or critical violation.
use archdrill_diagram::Library;
use archdrill_e2e::{App, Driver, Res};
use std::path::Path;

/// Runs axe on the page as it is and returns "rule (impact): targets" for each serious or critical
/// violation.
async fn serious(app: &App) -> Res<Vec<String>> {
    let present = app
        .client
        .execute("return typeof window.axe === 'object'", vec![])
        .await?;
    if present != serde_json::Value::Bool(true) {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "{}: {e} (cargo xtask test installs ui's npm packages)",
                path.display()
            )
        })?;
        app.client
            .execute(&format!("{source}\nreturn true;"), vec![])
            .await?;
    }
    let script = "const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
          .then(r => done(r.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
          .catch(e => done(['axe failed: ' + e]));";
    let out = app.client.execute_async(script, vec![]).await?;
    Ok(out
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_else(|| vec![format!("unexpected axe result {out}")]))
}

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
            serious(&app)
                .await?
                .into_iter()
                .map(|v| format!("{name}: {v}")),
        );
    }
    let mut kinds = std::collections::HashSet::new();
    for drill in lib.drills() {
        app.click("nav-drills").await?;
        app.wait_css(&format!(
            "[data-testid='drill-link'][data-id='{}']",
            drill.id
        ))
        .await?
        .click()
        .await?;
        // Every drill screen draws its diagram as an interactive group once it has loaded.
        app.wait_css("main svg[role='group']").await?;
        let violations = serious(&app).await?;
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
