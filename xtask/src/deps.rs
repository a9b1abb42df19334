//! Installing what the build and the tests need: Debian packages, npm packages, tauri-driver, and
//! the validators the bank's code examples are checked with.
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
/// dbus-daemon gives the single-instance test a session bus (dbus-run-session), as a desktop has.
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "webkit2gtk-driver",
    "x11-utils",
    "imagemagick",
    "dbus-daemon",
];
/// For the examples test: shellcheck, and the venv module the Python validators are installed with.
pub const EXAMPLE_PACKAGES: &[&str] = &["shellcheck", "python3-venv"];

/// The Python validators of the examples test, with everything they pull in, at exact versions so
/// every machine lints the bank the same way. cfn-lint carries its own CloudFormation resource
/// specification, so a new version can change findings: bump these deliberately.
const VALIDATORS: &[(&str, &str)] = &[
    ("cfn-lint", "1.58.0"),
    ("python-hcl2", "8.1.4"),
    ("PyYAML", "6.0.3"),
    ("jsonpatch", "1.48"),
    ("jsonpointer", "3.12"),
    ("lark", "1.3.1"),
    ("mpmath", "1.3.0"),
    ("networkx", "3.6.1"),
    ("regex", "2026.11.19"),
    ("sympy", "1.14.0"),
    ("typing_extensions", "4.16.0"),
];

/// Anki's own Python library, which the Anki export test (crates/anki/tests/anki_client.rs)
/// imports our package with, and what it pulls in (typing_extensions is pinned above). It carries
/// the Rust core of the desktop app, so a new version is a new importer: bump deliberately.
const ANKI: &[(&str, &str)] = &[
    ("anki", "26.9.3"),
    ("certifi", "2026.10.19.post1"),
    ("charset-normalizer", "3.5.3"),
    ("decorator", "5.3.1"),
    ("distro", "1.9.0"),
    ("idna", "3.20"),
    ("Markdown", "3.11.3"),
    ("orjson", "3.13.0"),
    ("protobuf", "7.36.2"),
    ("PySocks", "1.7.1"),
    ("requests", "2.34.2"),
    ("urllib3", "2.8.0"),
];

/// Everything the venv holds, in one order.
fn pinned() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    VALIDATORS.iter().chain(ANKI)
}

/// The environment variable that tells the examples test and the Anki export test where the venv
/// is, and that every validator and Anki's library are required (so a CI run cannot pass by
/// skipping them).
pub const VALIDATORS_ENV: &str = "ARCHDRILL_VALIDATORS";

/// Installs missing apt packages when we are root on a Debian-like system; otherwise prints the
/// exact command and stops.
pub fn system_packages(for_tests: bool) -> Result {
    let mut wanted: Vec<&str> = BUILD_PACKAGES.to_vec();
    if for_tests {
        wanted.extend(TEST_PACKAGES);
        wanted.extend(EXAMPLE_PACKAGES);
    }
    apt(&wanted)
}

/// Installs those of `wanted` that dpkg does not list, as root; otherwise prints the command.
pub fn apt(wanted: &[&str]) -> Result {
    if !cfg!(target_os = "linux") || !Path::new("/usr/bin/dpkg").exists() {
        return Ok(()); // macOS and Windows ship their webview; nothing to install.
    }
    let missing: Vec<&str> = wanted.iter().copied().filter(|p| !installed(p)).collect();
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

/// The examples test's Python validators and the Anki export test's `anki` in `.tools/venv` (kept
/// out of git). Skipped when the venv already holds exactly the pinned versions; a venv left by
/// another Python is rebuilt.
pub fn example_validators(root: &Path) -> Result<PathBuf> {
    if !sh::works("shellcheck", &["--version"]) {
        // apt() installs it on Debian; elsewhere it is one package-manager command away.
        return Err("shellcheck is missing: install it (Debian: apt-get install shellcheck, macOS: brew install shellcheck, Windows: winget install koalaman.shellcheck)".into());
    }
    let venv = root.join(".tools/venv");
    let bin = venv.join(if cfg!(windows) { "Scripts" } else { "bin" });
    let python = bin.join(crate::exe("python"));
    let python = python.to_str().ok_or("non-UTF-8 path")?;
    let wanted: Vec<String> = pinned().map(|(n, v)| format!("{n}=={v}")).collect();
    if installed_versions(python).as_ref() == Some(&wanted) {
        return Ok(venv);
    }
    let venv_arg = venv.to_str().ok_or("non-UTF-8 path")?;
    let python3 = if cfg!(windows) { "python" } else { "python3" };
    sh::run(root, python3, &["-m", "venv", "--clear", venv_arg])?;
    let mut args = vec![
        "-m",
        "pip",
        "install",
        "--no-input",
        "--disable-pip-version-check",
    ];
    args.extend(wanted.iter().map(String::as_str));
    sh::run(root, python, &args)?;
    if installed_versions(python).as_ref() != Some(&wanted) {
        return Err(format!(
            "{venv_arg} does not hold {} after pip install",
            wanted.join(" ")
        ));
    }
    Ok(venv)
}

/// `name==version` of each pinned package as the venv reports it, in `pinned()` order; None when
/// the venv's Python does not run (no venv yet, or its interpreter has gone).
fn installed_versions(python: &str) -> Option<Vec<String>> {
    let names: Vec<&str> = pinned().map(|(n, _)| *n).collect();
    let script = format!(
        "import importlib.metadata as m\nfor n in {names:?}:\n    try: print(f'{{n}}=={{m.version(n)}}')\n    except m.PackageNotFoundError: print(n + '==missing')"
    );
    let out = Command::new(python).args(["-c", &script]).output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect()
    })
}
