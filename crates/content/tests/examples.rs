//! Every fenced code block in the bank runs through a real validator for its language: cfn-lint for
//! CloudFormation, schema checks for IAM policies and Step Functions, serde_json for other JSON,
//! python-hcl2 plus block structure for HCL, shellcheck for shell, PyYAML for YAML, compile() for
//! Python. A block no validator covers is listed in the output, never skipped silently.
//!
//! `cargo xtask test` installs the external validators and sets ARCHDRILL_VALIDATORS, which makes
//! them required. `ARCHDRILL_EXAMPLES_REPORT=<file>` also writes the failures there, one per line.
#[path = "examples/blocks.rs"]
mod blocks;
#[path = "examples/hcl.rs"]
mod hcl;
#[path = "examples/json_checks.rs"]
mod json_checks;
#[path = "examples/tools.rs"]
mod tools;

use blocks::Block;
use json_checks::JsonKind;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// What the checks found, per validator: the blocks it checked and its failures.
#[derive(Default)]
struct Run {
    checked: BTreeMap<&'static str, usize>,
    failures: Vec<String>,
    failing: BTreeMap<&'static str, usize>,
    uncovered: Vec<String>,
    not_run: Vec<String>,
    /// Resources without their template around them, linted with the Resources key added.
    fragments: Vec<String>,
}

impl Run {
    fn checked(&mut self, validator: &'static str) {
        *self.checked.entry(validator).or_default() += 1;
    }

    /// Problems at file lines; a block with any counts once as a failing block.
    fn report(&mut self, b: &Block, validator: &'static str, problems: Vec<(usize, String)>) {
        if !problems.is_empty() {
            *self.failing.entry(validator).or_default() += 1;
        }
        for (line, msg) in problems {
            self.failures
                .push(format!("{}:{line}: {validator}: {msg}", b.file));
        }
    }
}

fn bank_blocks() -> Vec<Block> {
    archdrill_content::embedded_files()
        .iter()
        .flat_map(|(file, text)| blocks::extract(file, text))
        .collect()
}

#[test]
fn every_example_block_passes_its_validator() {
    let blocks = bank_blocks();
    assert!(blocks.len() > 50, "the bank's examples were found");
    let (venv, required) = tools::venv();
    let tools = match tools::find(&venv) {
        Ok(t) => Some(t),
        Err(why) if required => panic!("{}={} is set but: {why}", tools::ENV, venv.display()),
        Err(why) => {
            shout(&format!(
                "\n*** EXAMPLE VALIDATORS NOT INSTALLED: {why}.\n*** Only the JSON checks run; \
                 `cargo xtask test` (or `cargo xtask examples`) installs the rest and runs them all.\n"
            ));
            None
        }
    };
    let mut run = Run::default();
    let mut work = route(&blocks, &mut run);
    match &tools {
        Some(t) => run_external(t, &mut work, &mut run),
        None => {
            let skipped = work.parse_jobs.iter().map(|j| j.1);
            for b in skipped.chain(work.templates).chain(work.scripts) {
                run.not_run
                    .push(format!("{}:{}: ```{}", b.file, b.fence_line, b.lang));
            }
        }
    }
    shout(&summary(blocks.len(), &run));
    if let Some(path) = std::env::var_os("ARCHDRILL_EXAMPLES_REPORT") {
        let mut text = run.failures.join("\n");
        text.push('\n');
        std::fs::write(&path, text.trim_start()).expect("the report file is writable");
    }
    assert!(
        run.failures.is_empty(),
        "{} example problem(s):\n{}",
        run.failures.len(),
        run.failures.join("\n")
    );
}

/// The blocks waiting for an external validator, by the batch it runs them in.
#[derive(Default)]
struct Work<'a> {
    parse_jobs: Vec<(&'static str, &'a Block)>,
    templates: Vec<&'a Block>,
    scripts: Vec<&'a Block>,
}

/// Sends each block to its validator by language tag; JSON is checked on the spot (serde_json and
/// the schema checks need nothing installed), the rest waits in `Work`.
fn route<'a>(blocks: &'a [Block], run: &mut Run) -> Work<'a> {
    let mut work = Work::default();
    for b in blocks {
        match b.lang.as_str() {
            "json" => check_json(b, run, &mut work.templates),
            "yaml" | "yml" => work.parse_jobs.push(("yaml", b)),
            "hcl" | "terraform" | "tf" => work.parse_jobs.push(("hcl", b)),
            "python" | "py" => work.parse_jobs.push(("python", b)),
            "bash" | "sh" | "shell" => work.scripts.push(b),
            "" => run
                .uncovered
                .push(format!("{}:{}: ``` (no language)", b.file, b.fence_line)),
            other => run
                .uncovered
                .push(format!("{}:{}: ```{other}", b.file, b.fence_line)),
        }
    }
    work
}

/// Writes to the terminal past the test harness's capture, which would hide the output of a
/// passing test: the uncovered blocks and missing validators must show on every run.
fn shout(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// Parsing, then the schema check for what the document is; templates wait for cfn-lint.
fn check_json<'a>(b: &'a Block, run: &mut Run, templates: &mut Vec<&'a Block>) {
    run.checked("json");
    let v: serde_json::Value = match serde_json::from_str(&b.text) {
        Ok(v) => v,
        Err(e) => {
            let msg = e.to_string();
            return run.report(b, "json", vec![(b.file_line(e.line()), msg)]);
        }
    };
    match json_checks::kind(&v) {
        JsonKind::CloudFormation => templates.push(b),
        JsonKind::Policy => {
            run.checked("iam-policy");
            run.report(b, "iam-policy", json_checks::check_policy(b, &v));
        }
        JsonKind::StateMachine => {
            run.checked("step-functions");
            run.report(b, "step-functions", json_checks::check_state_machine(b, &v));
        }
        JsonKind::Plain => {}
    }
}

fn run_external(t: &tools::Tools, work: &mut Work, run: &mut Run) {
    let parsed = tools::parse_all(t, &work.parse_jobs);
    let mut fragments = Vec::new();
    for (&(kind, b), p) in work.parse_jobs.iter().zip(parsed) {
        let validator = match kind {
            "yaml" => "yaml",
            "hcl" => "hcl2",
            _ => "python",
        };
        run.checked(validator);
        if let Some((line, msg)) = p.problem {
            let line = line.map_or(b.fence_line, |l| b.file_line(l));
            run.report(b, validator, vec![(line, msg)]);
            continue;
        }
        if kind == "yaml"
            && p.value
                .as_array()
                .is_some_and(|docs| docs.iter().any(json_checks::is_cloudformation))
        {
            work.templates.push(b);
        } else if kind == "yaml" && is_resource_fragment(&p.value) {
            run.fragments.push(format!("{}:{}", b.file, b.fence_line));
            fragments.push(as_template(b));
        }
        if kind == "hcl" {
            let (dialect, problems) = hcl::check(b, &p.value);
            run.checked(dialect);
            run.report(b, dialect, problems);
        }
    }
    let whole = work.templates.len();
    let mut templates = work.templates.clone();
    templates.extend(&fragments);
    let mut found = tools::cfn_lint(t, &templates);
    found
        .retain(|(i, _, msg)| *i < whole || !OUTSIDE_REFERENCES.iter().any(|r| msg.starts_with(r)));
    report_batch(run, "cfn-lint", &templates, found);
    let scripts = &work.scripts;
    report_batch(run, "shellcheck", scripts, tools::shellcheck(t, scripts));
}

/// cfn-lint's rules for a Ref (E1020) or GetAtt (E1010) to an unknown resource: in a fragment they
/// fire for every resource the rest of the template would hold, so only there they are dropped.
const OUTSIDE_REFERENCES: [&str; 2] = ["E1010 ", "E1020 "];

/// A fragment as the `Resources` of a template, one line down, so cfn-lint checks its resource
/// types and properties and its findings still point at the fragment's own lines.
fn as_template(b: &Block) -> Block {
    let mut text = String::from("Resources:\n");
    for line in b.text.lines() {
        text.push_str("  ");
        text.push_str(line);
        text.push('\n');
    }
    Block {
        file: b.file.clone(),
        fence_line: b.fence_line - 1,
        lang: "yaml".into(),
        text,
    }
}

/// Resources without their template: `LogicalId: {Type: AWS::…}` at the top level.
fn is_resource_fragment(docs: &serde_json::Value) -> bool {
    let wrapped = |d: &serde_json::Value| {
        json_checks::is_cloudformation(&serde_json::json!({ "Resources": d }))
    };
    docs.as_array().is_some_and(|docs| docs.iter().any(wrapped))
}

fn report_batch(
    run: &mut Run,
    validator: &'static str,
    batch: &[&Block],
    found: Vec<tools::Finding>,
) {
    for (i, b) in batch.iter().enumerate() {
        run.checked(validator);
        let problems = found
            .iter()
            .filter(|f| f.0 == i)
            .map(|f| (b.file_line(f.1), f.2.clone()))
            .collect();
        run.report(b, validator, problems);
    }
}

fn summary(total: usize, run: &Run) -> String {
    let mut s = format!("{total} example blocks\nvalidator        blocks  failing blocks\n");
    for (v, n) in &run.checked {
        let bad = run.failing.get(v).copied().unwrap_or(0);
        let _ = writeln!(s, "{v:<16} {n:>6}  {bad:>14}");
    }
    let _ = writeln!(
        s,
        "\n{} block(s) covered by no validator (listed, not checked):",
        run.uncovered.len()
    );
    for u in &run.uncovered {
        let _ = writeln!(s, "  {u}");
    }
    if !run.fragments.is_empty() {
        let _ = writeln!(
            s,
            "\n{} CloudFormation resource fragment(s), linted as a template's Resources (references to resources outside them unchecked):",
            run.fragments.len()
        );
        for f in &run.fragments {
            let _ = writeln!(s, "  {f}");
        }
    }
    if !run.not_run.is_empty() {
        let _ = writeln!(
            s,
            "\n{} block(s) NOT VALIDATED because the validators are not installed:",
            run.not_run.len()
        );
        for u in &run.not_run {
            let _ = writeln!(s, "  {u}");
        }
    }
    let _ = writeln!(s, "\n{} failure(s)", run.failures.len());
    s
}

/// The external validators really reject bad input, so a green run means something. Runs wherever
/// they are installed, and fails when xtask requires them and they are not.
#[test]
fn the_external_validators_reject_broken_examples() {
    let (venv, required) = tools::venv();
    let t = match tools::find(&venv) {
        Ok(t) => t,
        Err(why) if required => panic!("{}: {why}", tools::ENV),
        Err(why) => {
            return shout(&format!(
                "*** validator self-test not run, validators not installed: {why}"
            ))
        }
    };
    let block = |lang: &str, text: &str| Block {
        file: "f.md".into(),
        fence_line: 1,
        lang: lang.into(),
        text: text.into(),
    };
    let (yaml, hcl, py) = (
        block("yaml", "a: 1\n b: 2\n"),
        block("hcl", "resource \"a\" \"b\" {\n  x = \n}\n"),
        block("python", "def f(:\n    pass\n"),
    );
    let good = block("yaml", "Outputs: !Ref Thing\nlist: [1, 2]\n");
    let parsed = tools::parse_all(
        &t,
        &[
            ("yaml", &yaml),
            ("hcl", &hcl),
            ("python", &py),
            ("yaml", &good),
        ],
    );
    let problems: Vec<_> = parsed.iter().map(|p| p.problem.clone()).collect();
    assert!(problems[..3].iter().all(Option::is_some), "{problems:?}");
    assert_eq!(
        problems[1].as_ref().unwrap().0,
        Some(2),
        "HCL errors carry their line"
    );
    assert!(
        problems[3].is_none(),
        "application tags such as !Ref are legal YAML"
    );

    let template = block(
        "yaml",
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Q:\n    Type: AWS::SQS::Queuee\n",
    );
    let found = tools::cfn_lint(&t, &[&template]);
    assert!(found.iter().any(|f| f.1 == 4), "{found:?}");

    // A fragment's findings land on its own lines: line 4 is the misspelt property.
    let fragment = block(
        "yaml",
        "Alarm:\n  Type: AWS::CloudWatch::Alarm\n  Properties:\n    Threshhold: 5\n",
    );
    let wrapped = as_template(&fragment);
    let found = tools::cfn_lint(&t, &[&wrapped]);
    assert!(
        found
            .iter()
            .any(|f| wrapped.file_line(f.1) == fragment.file_line(4)),
        "{found:?}"
    );

    let script = block("bash", "dir=$1\ncd $dir\n");
    let found = tools::shellcheck(&t, &[&script]);
    assert!(
        found.iter().any(|f| f.1 == 2 && f.2.contains("SC2086")),
        "{found:?}"
    );
}
