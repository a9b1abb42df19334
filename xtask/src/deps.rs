//! Installing what the build and the tests need: Debian packages, npm packages, tauri-driver.
use crate::{sh, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Debian/Ubuntu packages to build the app (webkit, gtk) and to test it headless (Xvfb, WebKitWebDriver).
const BUILD_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "libxdo-dev",
    "file",
];
const TEST_PACKAGES: &[&str] = &["xvfb", "webkit2gtk-driver", "x11-utils", "imagemagick"];

/// Installs missing apt packages when we are root on a Debian-like system; otherwise prints the
/// exact command and stops.
pub fn system_packages(for_tests: bool) -> Result {
    if !cfg!(target_os = "linux") || !Path::new("/usr/bin/dpkg").exists() {
        return Ok(()); // macOS and Windows ship their webview; nothing to install.
    }
    let mut wanted: Vec<&str> = BUILD_PACKAGES.to_vec();
    if for_tests {
        wanted.extend(TEST_PACKAGES);
    }
    let missing: Vec<&str> = wanted.into_iter().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let cmd = format!("apt-get update && apt-get install -y {}", missing.join(" "));
    if !is_root {
        return Err(format!(
            "missing system packages; run:\n  sudo sh -c '{cmd}'"
        ));
    }
    sh::run_env(
        "/",
        "sh",
        &["-c", &cmd],
        &[("DEBIAN_FRONTEND", "noninteractive")],
    )
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
}

/// Installs ui/'s npm packages unless node_modules already matches the lock file. `npm install`, not
/// `npm ci`: where the registry client omits other platforms' optional packages from the lock (as
/// this project's machines do), `npm ci` refuses the lock; every version is pinned exactly in
/// package.json and the lock leaves the same tree, so the result is the same.
pub fn npm_ci(root: &Path) -> Result {
    let ui = root.join("ui");
    let stamp = ui.join("node_modules/.package-lock.json");
    let lock = ui.join("package-lock.json");
    let fresh = match (stamp.metadata(), lock.metadata()) {
        (Ok(s), Ok(l)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    sh::run(&ui, "npm", &["install", "--no-audit", "--no-fund"])
}

/// tauri-driver, installed from crates.io into .tools/ (kept out of git).
pub fn tauri_driver(root: &Path) -> Result<PathBuf> {
    let tools = root.join(".tools");
    let bin = tools.join("bin").join(crate::exe("tauri-driver"));
    if !bin.exists() {
        sh::run(
            root,
            "cargo",
            &[
                "install",
                "tauri-driver",
                "--locked",
                "--root",
                tools.to_str().ok_or("non-UTF-8 path")?,
            ],
        )?;
    }
    Ok(bin)
}

/// The platform's native WebDriver that tauri-driver fronts.
pub fn native_driver() -> Result<PathBuf> {
    let p = PathBuf::from("/usr/bin/WebKitWebDriver");
    if p.exists() || sh::works("WebKitWebDriver", &["--version"]) {
        Ok(p)
    } else {
        Err("WebKitWebDriver is missing (Debian package webkit2gtk-driver)".into())
    }
}
