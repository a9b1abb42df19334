//! `cargo xtask test`: every check CI runs, cheapest first, so a formatting slip fails in seconds.
use crate::{build_app, deps, display::Xvfb, sh, Result};
use std::path::Path;

pub fn all(root: &Path) -> Result {
    deps::system_packages(true)?;
    deps::npm_ci(root)?;
    sh::run(root, "cargo", &["fmt", "--all", "--check"])?;
    seed_overlap(root)?;
    sh::run(root.join("ui"), "npm", &["run", "check"])?;
    sh::run(
        root,
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    sh::run(
        root,
        "cargo",
        &[
            "test",
            "--workspace",
            "--exclude",
            "archdrill-e2e",
            "--locked",
        ],
    )?;
    sh::run(
        root,
        "cargo",
        &[
            "run",
            "--quiet",
            "--package",
            "archdrill-cli",
            "--",
            "check",
        ],
    )?;
    let app = build_app(root)?;
    let driver = deps::tauri_driver(root)?;
    let native = deps::native_driver()?;
    let xvfb = Xvfb::start()?;
    sh::run_env(
        root,
        "cargo",
        &[
            "test",
            "--package",
            "archdrill-e2e",
            "--locked",
            "--",
            "--test-threads=1",
        ],
        &[
            ("DISPLAY", xvfb.display.as_str()),
            ("ARCHDRILL_APP", app.to_str().ok_or("non-UTF-8 path")?),
            ("TAURI_DRIVER", driver.to_str().ok_or("non-UTF-8 path")?),
            ("NATIVE_DRIVER", native.to_str().ok_or("non-UTF-8 path")?),
        ],
    )?;
    drop(xvfb);
    println!("\nall checks passed");
    Ok(())
}

/// Content must be our own words: the guides' overlap checker, when the shared folder is beside us.
fn seed_overlap(root: &Path) -> Result {
    let tool = root.join("../shared/tools/seed-overlap");
    if !tool.exists() {
        println!("\n(skipping seed-overlap: ../shared/tools is not beside this checkout)");
        return Ok(());
    }
    sh::run(
        root,
        "python3",
        &[
            tool.to_str().ok_or("non-UTF-8 path")?,
            "content",
            "diagrams",
        ],
    )
}
