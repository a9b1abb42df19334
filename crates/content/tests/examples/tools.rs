//! The external validators: the Python venv (PyYAML, python-hcl2, cfn-lint) that `cargo xtask test`
//! installs under `.tools/venv`, and shellcheck from the system.
//!
//! `ARCHDRILL_VALIDATORS` (set by xtask to the venv) both locates the venv and makes every validator
//! required, so the CI run cannot pass by skipping. Without it the test looks in the workspace's
//! `.tools/venv`, and a plain `cargo test` on a fresh machine says which validators did not run.
use crate::blocks::Block;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const ENV: &str = "ARCHDRILL_VALIDATORS";

pub struct Tools {
    python: PathBuf,
    cfn_lint: PathBuf,
    shellcheck: PathBuf,
}

/// Where to look, and whether a missing validator fails the run.
pub fn venv() -> (PathBuf, bool) {
    match std::env::var_os(ENV) {
        Some(v) => (PathBuf::from(v), true),
        None => (
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .nth(2)
                .expect("the crate sits two levels below the workspace root")
                .join(".tools/venv"),
            false,
        ),
    }
}

/// The validators, or why they cannot run.
pub fn find(venv: &Path) -> Result<Tools, String> {
    let bin = venv.join(if cfg!(windows) { "Scripts" } else { "bin" });
    let tools = Tools {
        python: bin.join(exe("python")),
        cfn_lint: bin.join(exe("cfn-lint")),
        shellcheck: PathBuf::from(exe("shellcheck")),
    };
    let mut missing = Vec::new();
    let imports = Command::new(&tools.python)
        .args(["-c", "import yaml, hcl2"])
        .output();
    if !imports.is_ok_and(|o| o.status.success()) {
        missing.push(format!(
            "{} cannot import yaml and hcl2",
            tools.python.display()
        ));
    }
    if !runs(Command::new(&tools.cfn_lint).arg("--version")) {
        missing.push(format!("{} does not run", tools.cfn_lint.display()));
    }
    if !runs(Command::new(&tools.shellcheck).arg("--version")) {
        missing.push("shellcheck is not on PATH (Debian package shellcheck)".into());
    }
    if missing.is_empty() {
        Ok(tools)
    } else {
        Err(missing.join("; "))
    }
}

fn exe(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}

fn runs(cmd: &mut Command) -> bool {
    cmd.output().is_ok_and(|o| o.status.success())
}

/// One result of helper.py: a problem at a block line, or the parsed document.
pub struct Parsed {
    pub problem: Option<(Option<usize>, String)>,
    pub value: Value,
}

/// Runs helper.py once over every (kind, block) job: kind is "yaml", "hcl" or "python".
pub fn parse_all(tools: &Tools, jobs: &[(&str, &Block)]) -> Vec<Parsed> {
    let input: Vec<Value> = jobs
        .iter()
        .enumerate()
        .map(|(id, (kind, b))| serde_json::json!({"id": id, "kind": kind, "text": b.text}))
        .collect();
    let out = run_with_stdin(
        Command::new(&tools.python).args(["-c", include_str!("helper.py")]),
        &serde_json::to_vec(&input).unwrap(),
    );
    assert!(
        out.status.success(),
        "helper.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Vec<Value> = serde_json::from_slice(&out.stdout).expect("helper.py prints JSON");
    assert_eq!(results.len(), jobs.len(), "helper.py answers every job");
    results
        .into_iter()
        .map(|r| Parsed {
            problem: (r["ok"] != Value::Bool(true)).then(|| {
                let line = r["line"].as_u64().map(|l| l as usize);
                (line, r["message"].as_str().unwrap_or("").to_string())
            }),
            value: r["value"].clone(),
        })
        .collect()
}

fn run_with_stdin(cmd: &mut Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the validator starts");
    let mut stdin = child.stdin.take().expect("piped stdin");
    // Written from a thread: a large input must not block while the child fills its stdout pipe.
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("the validator finishes");
    writer
        .join()
        .unwrap()
        .expect("the validator reads its input");
    out
}

/// A finding: index of the block in the batch, line inside the block, message.
pub type Finding = (usize, usize, String);

/// cfn-lint over every template in one run (its start-up dominates). Errors and warnings count;
/// cfn-lint's parseable format is `file:line:col:endline:endcol:rule:message`.
pub fn cfn_lint(tools: &Tools, templates: &[&Block]) -> Vec<Finding> {
    let dir = tempfile::tempdir().unwrap();
    let files = write_batch(dir.path(), templates, |b| {
        if b.lang == "json" {
            "json"
        } else {
            "yaml"
        }
    });
    let out = Command::new(&tools.cfn_lint)
        .args(["--format", "parseable", "--"])
        .args(&files)
        .output()
        .expect("cfn-lint starts");
    let found = parse_report(&out, &files, |rest| {
        let mut parts = rest.splitn(6, ':');
        let line = parts.next()?.parse().ok()?;
        let rule = parts.nth(3)?;
        let msg = parts.next()?;
        Some((line, format!("{rule} {msg}")))
    });
    // cfn-lint exits with a bit mask (2 errors, 4 warnings, 8 informational); 1 is its own crash.
    assert!(
        out.status.code() != Some(1) && (out.status.success() || !found.is_empty()),
        "cfn-lint failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    found
}

/// shellcheck over every shell block in one run, as bash. Every severity counts: an example a
/// learner copies should not need a quoting fix first.
pub fn shellcheck(tools: &Tools, scripts: &[&Block]) -> Vec<Finding> {
    let dir = tempfile::tempdir().unwrap();
    let files = write_batch(dir.path(), scripts, |_| "sh");
    let out = Command::new(&tools.shellcheck)
        .args(["-s", "bash", "-f", "gcc", "--"])
        .args(&files)
        .output()
        .expect("shellcheck starts");
    let found = parse_report(&out, &files, |rest| {
        let (line, rest) = rest.split_once(':')?;
        let (_col, msg) = rest.split_once(':')?;
        Some((line.parse().ok()?, msg.trim().to_string()))
    });
    // shellcheck exits 1 when it found something, higher when it could not check.
    assert!(
        matches!(out.status.code(), Some(0 | 1)) && (out.status.success() || !found.is_empty()),
        "shellcheck failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    found
}

fn write_batch(dir: &Path, blocks: &[&Block], ext: impl Fn(&Block) -> &'static str) -> Vec<String> {
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let path = dir.join(format!("block{i}.{}", ext(b)));
            std::fs::write(&path, &b.text).unwrap();
            path.to_str().expect("temp paths are UTF-8").to_string()
        })
        .collect()
}

/// Lines `<file>:<rest>` of a tool's stdout, mapped back to the batch index of `<file>`.
fn parse_report(
    out: &Output,
    files: &[String],
    line_and_msg: impl Fn(&str) -> Option<(usize, String)>,
) -> Vec<Finding> {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut found = Vec::new();
    for l in stdout.lines() {
        let hit = files.iter().enumerate().find_map(|(i, f)| {
            let rest = l.strip_prefix(f.as_str())?.strip_prefix(':')?;
            Some((i, line_and_msg(rest)?))
        });
        match hit {
            Some((i, (line, msg))) => found.push((i, line, msg)),
            None => panic!("unrecognised validator output line: {l}"),
        }
    }
    found
}
