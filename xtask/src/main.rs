//! Project automation, in Rust so it runs wherever cargo does.
//!
//! `cargo xtask run`      install what is missing, build, and open the app
//! `cargo xtask test`     the whole test suite, as CI runs it
//! `cargo xtask examples` check the bank's code examples only (`--report FILE` writes the failures)
//! `cargo xtask bindings` regenerate ui/src/lib/bindings.ts from the Rust commands
//! `cargo xtask deb`      build the Debian package with the Tauri bundler

mod bench_report;
mod deps;
mod display;
mod sh;
mod test;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = repo_root();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&root),
        Some("test") => test::all(&root),
        Some("examples") => test::examples(&root, &args[1..]),
        Some("bindings") => bindings(&root),
        Some("deb") => deb(&root),
        Some("bench-report") => bench_report::run(&root, &args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <run|test|examples|bindings|deb|bench-report [PREFIX...]>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

pub type Result<T = ()> = std::result::Result<T, String>;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits one level below the repository root")
        .to_path_buf()
}

/// The release binary with the UI embedded.
pub fn build_app(root: &Path) -> Result<PathBuf> {
    deps::npm_ci(root)?;
    sh::run(root.join("ui"), "npm", &["run", "build"])?;
    sh::run(
        root,
        "cargo",
        &[
            "build",
            "--release",
            "--package",
            "archdrill-app",
            "--features",
            "tauri/custom-protocol",
        ],
    )?;
    Ok(root.join("target/release").join(exe("archdrill-app")))
}

pub fn exe(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}

fn run(root: &Path) -> Result {
    deps::system_packages(false)?;
    let app = build_app(root)?;
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        println!(
            "\nBuilt {}. There is no display here to open it on; run it on a desktop, or under Xvfb with\n  xvfb-run -a {}",
            app.display(),
            app.display()
        );
        return Ok(());
    }
    println!("opening {}", app.display());
    sh::run(root, app.to_str().ok_or("non-UTF-8 path")?, &[])
}

fn bindings(root: &Path) -> Result {
    sh::run_env(
        root,
        "cargo",
        &["test", "--package", "archdrill-shell", "--test", "bindings"],
        &[("ARCHDRILL_WRITE_BINDINGS", "1")],
    )?;
    println!("wrote ui/src/lib/bindings.ts");
    Ok(())
}

fn deb(root: &Path) -> Result {
    deps::system_packages(false)?;
    deps::npm_ci(root)?;
    // tauri.conf.json has no beforeBuildCommand: Tauri would run it from the folder above the
    // repository. The UI is built here instead.
    sh::run(root.join("ui"), "npm", &["run", "build"])?;
    // Run from the repository root, where tauri.conf.json is. default-members leave the app out of
    // plain `cargo` runs (so library tests need no webview), hence the explicit package for cargo.
    let args = [
        "--prefix",
        "ui",
        "exec",
        "--",
        "tauri",
        "build",
        "--bundles",
        "deb",
        "--",
        "--package",
        "archdrill-app",
    ];
    sh::run(root, "npm", &args)?;
    println!("the .deb is in target/release/bundle/deb/");
    Ok(())
}
