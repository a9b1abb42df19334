//! Authoring mistakes in design and failure drills are reported at their line, and the drill is
//! left out while its diagram still loads.
use archdrill_diagram::Library;

const VPC: &str = include_str!("../../../diagrams/vpc-three-tier.toml");

const DESIGN: &str = r#"[[drill]]
id = "t-design"
kind = "design"
diagram = "vpc-three-tier"
title = "Build it"
instructions = "Place and connect."
requirements = ["Two AZs"]
keep = ["users"]

[[drill.card]]
id = "app"
kind = "server"
label = "App server"
max = 2

[[drill.card]]
id = "db"
kind = "database"
label = "Database"

[[drill.rule]]
check = "count"
what = "app"
in = "app"
per = "az"
min = 1
pass = "ok"
fail = "one app server per AZ"

[[drill.model]]
id = "a1"
card = "app"
in = "app-a"

[[drill.model]]
id = "a2"
card = "app"
in = "app-b"
"#;

const FAILURE: &str = r#"[[drill]]
id = "t-failure"
kind = "failure"
diagram = "vpc-three-tier"
title = "AZ A is lost"
instructions = "Mark and answer."
event = "AZ A loses power."
fails = ["nat-a"]

[[drill.question]]
prompt = "What happens?"
[[drill.question.option]]
text = "It fails over"
right = true
[[drill.question.option]]
text = "Nothing"
"#;

/// Problems after replacing `from` with `to` in the drill (which must occur).
fn problems(base: &str, from: &str, to: &str) -> Vec<String> {
    assert!(from.is_empty() || base.contains(from), "{from}");
    let text = if from.is_empty() {
        base.to_string()
    } else {
        base.replacen(from, to, 1)
    };
    let lib = Library::from_sources(vec![
        ("diagrams/vpc-three-tier.toml".into(), VPC.into()),
        ("diagrams/t.toml".into(), text),
    ]);
    assert!(
        lib.diagram("vpc-three-tier").is_some(),
        "the diagram still loads"
    );
    lib.problems()
        .iter()
        .map(|p| format!("{}:{}: {}", p.file, p.line, p.message))
        .collect()
}

/// Expects a problem saying `says` at the line of the `nth` line equal to `at` in the edited text.
fn one(base: &str, from: &str, to: &str, at: (&str, usize), says: &str) {
    let got = problems(base, from, to);
    let text = base.replacen(from, to, 1);
    let line = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == at.0)
        .nth(at.1)
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("no line {at:?}"));
    assert!(
        got.iter()
            .any(|p| p.starts_with(&format!("diagrams/t.toml:{line}:")) && p.contains(says)),
        "expected line {line} to say {says:?}, got {got:#?}"
    );
}

#[test]
fn the_bases_are_clean() {
    assert_eq!(problems(DESIGN, "", ""), Vec::<String>::new());
    assert_eq!(problems(FAILURE, "", ""), Vec::<String>::new());
}

#[test]
fn unknown_kinds_places_and_roles() {
    one(
        DESIGN,
        "kind = \"server\"",
        "kind = \"mainframe\"",
        ("kind = \"mainframe\"", 0),
        "unknown component kind",
    );
    one(
        DESIGN,
        "in = \"app\"\nper",
        "in = \"attic\"\nper",
        ("in = \"attic\"", 0),
        "unknown place `attic`",
    );
    one(
        DESIGN,
        "what = \"app\"",
        "what = \"cache\"",
        ("what = \"cache\"", 0),
        "no card's role",
    );
    one(
        DESIGN,
        "check = \"count\"",
        "check = \"sometimes\"",
        ("check = \"sometimes\"", 0),
        "unknown check",
    );
    one(
        DESIGN,
        "in = \"app-b\"",
        "in = \"az-b\"",
        ("in = \"az-b\"", 0),
        "not a place of this canvas",
    );
    one(
        DESIGN,
        "card = \"app\"\nin = \"app-b\"",
        "card = \"web\"\nin = \"app-b\"",
        ("card = \"web\"", 0),
        "unknown card `web`",
    );
}

#[test]
fn fields_of_another_check_are_refused() {
    one(
        DESIGN,
        "min = 1\npass",
        "min = 1\nfrom = \"app\"\npass",
        ("from = \"app\"", 0),
        "`count` rules take no `from`",
    );
    one(
        DESIGN,
        "keep = [\"users\"]",
        "keep = [\"users\"]\nevent = \"x\"",
        ("event = \"x\"", 0),
        "design drills take no `event`",
    );
}

#[test]
fn rules_no_design_can_satisfy() {
    one(
        DESIGN,
        "min = 1\npass",
        "min = 3\npass",
        ("[[drill.rule]]", 0),
        "no design can satisfy",
    );
    one(
        DESIGN,
        "per = \"az\"\nmin = 1",
        "min = 2\nmax = 1",
        ("min = 2", 0),
        "`min` is above `max`",
    );
    let serves = "check = \"serves-azs\"\nwhat = \"app\"\nmin = 3\npass = \"ok\"\nfail = \"no\"\n\n[[drill.model]]";
    one(DESIGN, "check = \"count\"\nwhat = \"app\"\nin = \"app\"\nper = \"az\"\nmin = 1\npass = \"ok\"\nfail = \"one app server per AZ\"\n\n[[drill.model]]", serves, ("[[drill.rule]]", 0), "the canvas has 2 AZs");
}

#[test]
fn contradicting_required_rules() {
    let extra = "\n[[drill.rule]]\ncheck = \"count\"\nwhat = \"app\"\nin = \"app\"\nper = \"az\"\nmax = 0\npass = \"ok\"\nfail = \"none\"\n";
    one(
        DESIGN,
        "fail = \"one app server per AZ\"\n",
        &format!("fail = \"one app server per AZ\"\n{extra}"),
        ("[[drill.rule]]", 1),
        "contradicts the required rule at line 21",
    );
}

#[test]
fn a_model_that_fails_its_own_rule() {
    one(
        DESIGN,
        "in = \"app-b\"",
        "in = \"app-a\"",
        ("[[drill.model]]", 0),
        "the model design fails its own required rule at line 21",
    );
}

#[test]
fn failure_mistakes() {
    one(
        FAILURE,
        "fails = [\"nat-a\"]",
        "fails = [\"nat-z\"]",
        ("fails = [\"nat-z\"]", 0),
        "unknown node `nat-z`",
    );
    one(
        FAILURE,
        "right = true\n",
        "",
        ("[[drill.question]]", 0),
        "exactly one with `right = true`",
    );
    one(
        FAILURE,
        "prompt = \"What happens?\"",
        "prompt = \"What happens?\"\nkind = \"order\"\nsteps = [\"a\", \"a\", \"b\"]",
        ("[[drill.question]]", 0),
        "three or more distinct",
    );
    one(
        FAILURE,
        "event = \"AZ A loses power.\"\n",
        "",
        ("id = \"t-failure\"", 0),
        "needs an `event`",
    );
}
