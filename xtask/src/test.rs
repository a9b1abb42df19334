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
    // The examples test (crates/content/tests/examples.rs) finds the validators, and the Anki test
    // (crates/anki/tests/anki_client.rs) Anki's library, through this variable, which also makes
    // them required: without it, each would only say what it skipped.
    let venv = deps::example_validators(root)?;
    sh::run_env(
        root,
        "cargo",
        &[
            "test",
            "--workspace",
            "--exclude",
            "archdrill-e2e",
            "--locked",
        ],
        &[(deps::VALIDATORS_ENV, venv.to_str().ok_or("non-UTF-8 path")?)],
    )?;
    // `archdrill check` over the shipped bank runs inside that test run (crates/cli/tests/check.rs,
    // on the binary cargo test built); a separate `cargo run` would rebuild the CLI with other
    // features for minutes.
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

/// `cargo xtask examples`: installs the example validators and runs only the examples test, for
/// content authors; `--report FILE` also writes its failures there, one `file:line: validator:
/// message` a line.
pub fn examples(root: &Path, args: &[String]) -> Result {
    deps::apt(deps::EXAMPLE_PACKAGES)?;
    let venv = deps::example_validators(root)?;
    let mut env = vec![(deps::VALIDATORS_ENV, venv.to_str().ok_or("non-UTF-8 path")?)];
    match args {
        [] => {}
        [flag, file] if flag == "--report" => {
            env.push(("ARCHDRILL_EXAMPLES_REPORT", file.as_str()))
        }
        _ => return Err("usage: cargo xtask examples [--report FILE]".into()),
    }
    sh::run_env(
        root,
        "cargo",
        &[
            "test",
            "--package",
            "archdrill-content",
            "--test",
            "examples",
            "--",
            "--nocapture",
        ],
        &env,
    )
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
