//! Design and failure drills end to end through the public API: every shipped drill's solution
//! scores 1; scores stay in [0, 1] and ignore ids and order; an isolated component no rule mentions
//! never fails a passing rule; bad submissions name their field.
use archdrill_diagram::{
    drill_view, grade, solution, Connection, DrillError, DrillKind, Library, PlacedComponent,
    Submission,
};
use proptest::prelude::*;
use std::sync::OnceLock;

const VPC: &str = include_str!("../../../diagrams/vpc-three-tier.toml");

/// A design drill on the shipped three-tier canvas, with a card (`extra`) that no rule mentions.
const DRILL: &str = r#"
[[drill]]
id = "t-design"
kind = "design"
diagram = "vpc-three-tier"
title = "Build it"
instructions = "Place and connect."
requirements = ["Two AZs", "No database on the internet"]
keep = ["users"]
labels = ["HTTPS 443", "5432"]

[[drill.card]]
id = "igw"
kind = "internet-gateway"
label = "Internet gateway"
max = 1

[[drill.card]]
id = "alb"
kind = "load-balancer"
label = "Application Load Balancer"

[[drill.card]]
id = "app"
kind = "server"
label = "App server"

[[drill.card]]
id = "db"
kind = "database"
label = "Database"

[[drill.card]]
id = "extra"
kind = "monitoring"
label = "Dashboard"

[[drill.rule]]
check = "count"
what = "app"
in = "app"
per = "az"
min = 1
pass = "An app server in every AZ."
fail = "Put an app server in each AZ's app subnet."

[[drill.rule]]
check = "count"
what = "kind:database"
in = "public"
max = 0
pass = "No database in a public subnet."
fail = "A database in a public subnet is one route away from the internet."

[[drill.rule]]
check = "serves-azs"
what = "alb"
min = 2
each = true
pass = "The load balancer spans both AZs."
fail = "Let the load balancer span the public tier."

[[drill.rule]]
check = "path"
from = "users"
to = "db"
through = ["alb", "app"]
pass = "Requests reach the data through the load balancer and the app."
fail = "Connect users to the load balancer, the load balancer to the app, the app to the database."

[[drill.rule]]
check = "all-paths-through"
from = "users"
to = "db"
through = ["app"]
pass = "Only the app tier talks to the database."
fail = "Every path to the database must pass through the app tier."

[[drill.rule]]
check = "connected"
from = "app"
to = "db"
label = "5432"
pass = "The app reaches the database on its port."
fail = "Label the app-to-database connection with the database port."

[[drill.rule]]
check = "different-azs"
what = "db"
pass = "Two databases in different AZs."
fail = "Put a standby database in the other AZ."

[[drill.rule]]
check = "count"
what = "igw"
max = 0
level = "advice"
penalty = 0.1
pass = "No internet gateway needed in this exercise."
fail = "This exercise reaches users through the load balancer alone."

[[drill.model]]
id = "lb"
card = "alb"
in = "public"

[[drill.model]]
id = "app-1"
card = "app"
in = "app-a"

[[drill.model]]
id = "app-2"
card = "app"
in = "app-b"

[[drill.model]]
id = "db-1"
card = "db"
in = "data-a"

[[drill.model]]
id = "db-2"
card = "db"
in = "data-b"

[[drill.link]]
from = "users"
to = "lb"
label = "HTTPS 443"

[[drill.link]]
from = "lb"
to = "app-1"

[[drill.link]]
from = "lb"
to = "app-2"

[[drill.link]]
from = "app-1"
to = "db-1"
label = "5432"
"#;

fn lib() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| {
        let lib = Library::from_sources(vec![
            ("diagrams/vpc-three-tier.toml".into(), VPC.into()),
            ("diagrams/t.toml".into(), DRILL.into()),
        ]);
        assert!(lib.problems().is_empty(), "{:?}", lib.problems());
        lib
    })
}

fn shipped() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(Library::load_embedded)
}

#[test]
fn every_shipped_drill_has_a_solution_that_scores_one() {
    let lib = shipped();
    let mut kinds = std::collections::HashSet::new();
    for d in lib.drills() {
        let sub = solution(lib, &d.id).unwrap();
        let json = serde_json::to_string(&sub).unwrap();
        let back: Submission = serde_json::from_str(&json).unwrap();
        let r = grade(lib, &d.id, &back).unwrap();
        assert_eq!(r.score, 1.0, "{}: {:?}", d.id, r);
        kinds.insert(d.kind);
    }
    for k in [DrillKind::Design, DrillKind::Failure] {
        assert!(kinds.contains(&k), "no shipped {k:?} drill");
    }
}

#[test]
fn every_model_design_passes_every_rule() {
    let lib = shipped();
    for d in lib.drills().filter(|d| d.kind == DrillKind::Design) {
        let r = grade(lib, &d.id, &solution(lib, &d.id).unwrap()).unwrap();
        let failed: Vec<_> = r.rules.iter().filter(|x| !x.passed).collect();
        assert!(failed.is_empty(), "{}: {failed:?}", d.id);
    }
}

#[test]
fn the_empty_design_fails_required_rules_and_names_them() {
    let r = grade(lib(), "t-design", &Submission::default()).unwrap();
    assert!(r.score < 0.5, "{r:?}");
    assert!(r
        .rules
        .iter()
        .any(|x| !x.passed && x.message.contains("app server in each AZ")));
}

#[test]
fn advice_costs_its_penalty_only() {
    let mut sub = solution(lib(), "t-design").unwrap();
    sub.components.push(PlacedComponent {
        id: "gw".into(),
        card: "p1".into(),
        place: "vpc".into(),
    });
    let r = grade(lib(), "t-design", &sub).unwrap();
    assert!((r.score - 0.9).abs() < 1e-9, "{}", r.score);
    assert_eq!(r.rating, 3);
}

#[test]
fn a_bypass_to_the_database_fails_the_path_rule_and_is_marked() {
    let mut sub = solution(lib(), "t-design").unwrap();
    sub.connections.push(Connection {
        from: "users".into(),
        to: "db-1".into(),
        label: None,
    });
    let r = grade(lib(), "t-design", &sub).unwrap();
    let rule = r
        .rules
        .iter()
        .find(|x| x.message.contains("Every path"))
        .unwrap();
    assert!(!rule.passed);
    assert_eq!(rule.marks, vec!["users".to_string(), "db-1".to_string()]);
}

fn err(sub: &Submission) -> DrillError {
    grade(lib(), "t-design", sub).unwrap_err()
}

#[test]
fn bad_submissions_name_the_field() {
    let place = |card: &str, at: &str| PlacedComponent {
        id: "x".into(),
        card: card.into(),
        place: at.into(),
    };
    let one = |c: PlacedComponent| Submission {
        components: vec![c],
        ..Submission::default()
    };
    assert_eq!(err(&one(place("p9", "vpc"))).field(), "components[0].card");
    assert_eq!(
        err(&one(place("p2", "nowhere"))).field(),
        "components[0].in"
    );
    assert_eq!(
        err(&one(place("p2", "az-a"))).field(),
        "components[0].in",
        "an AZ column is no place"
    );
    let mut two = one(place("p1", "vpc"));
    two.components.push(PlacedComponent {
        id: "y".into(),
        card: "p1".into(),
        place: "vpc".into(),
    });
    assert!(err(&two).to_string().contains("at most 1"), "card max");
    let mut dup = one(place("p2", "vpc"));
    dup.components.push(place("p2", "vpc"));
    assert!(matches!(err(&dup), DrillError::Duplicate { .. }));
    let nowhere = Submission {
        connections: vec![Connection {
            from: "users".into(),
            to: "ghost".into(),
            label: None,
        }],
        ..Submission::default()
    };
    assert_eq!(err(&nowhere).field(), "connections[0].to");
    let mut bad_label = solution(lib(), "t-design").unwrap();
    bad_label.connections[0].label = Some("SSH 22".into());
    assert_eq!(err(&bad_label).field(), "connections[0].label");
    let many = Submission {
        components: (0..41)
            .map(|i| PlacedComponent {
                id: format!("n{i}"),
                card: "p3".into(),
                place: "vpc".into(),
            })
            .collect(),
        ..Submission::default()
    };
    assert!(matches!(err(&many), DrillError::TooLarge { .. }));
    let wrong_kind = Submission {
        down: vec!["c1".into()],
        ..Submission::default()
    };
    assert_eq!(err(&wrong_kind).field(), "down");
    let clash = one(PlacedComponent {
        id: "users".into(),
        card: "p2".into(),
        place: "vpc".into(),
    });
    assert_eq!(err(&clash).field(), "components[0].id");
}

#[test]
fn the_view_holds_no_model() {
    let v = drill_view(lib(), "t-design").unwrap();
    let json = serde_json::to_string(&v).unwrap();
    for model_id in ["app-1", "db-2", "\"lb\""] {
        assert!(!json.contains(model_id), "{model_id} leaks into the view");
    }
    assert_eq!(v.design.unwrap().palette.len(), 5);
}

/// A variant of the model: some components and connections dropped, ids renamed, order shuffled.
fn variant(keep: &[bool], rename: &str, reverse: bool) -> Submission {
    let base = solution(lib(), "t-design").unwrap();
    let kept: Vec<&PlacedComponent> = base
        .components
        .iter()
        .zip(keep.iter().cycle())
        .filter(|(_, k)| **k)
        .map(|(c, _)| c)
        .collect();
    let ids: Vec<&str> = kept.iter().map(|c| c.id.as_str()).collect();
    let new_id = |id: &str| {
        if ids.contains(&id) {
            format!("{rename}{id}")
        } else {
            id.to_string()
        }
    };
    let mut components: Vec<PlacedComponent> = kept
        .iter()
        .map(|c| PlacedComponent {
            id: new_id(&c.id),
            ..(*c).clone()
        })
        .collect();
    let mut connections: Vec<Connection> = base
        .connections
        .iter()
        .filter(|l| {
            (ids.contains(&l.from.as_str()) || l.from == "users")
                && (ids.contains(&l.to.as_str()) || l.to == "users")
        })
        .map(|l| Connection {
            from: new_id(&l.from),
            to: new_id(&l.to),
            label: l.label.clone(),
        })
        .collect();
    if reverse {
        components.reverse();
        connections.reverse();
    }
    Submission {
        components,
        connections,
        ..Submission::default()
    }
}

proptest! {
    #[test]
    fn scores_stay_in_range_and_ignore_ids_and_order(keep in prop::collection::vec(any::<bool>(), 5), rename in "[a-z]{1,6}-") {
        let plain = grade(lib(), "t-design", &variant(&keep, "", false)).unwrap();
        let renamed = grade(lib(), "t-design", &variant(&keep, &rename, true)).unwrap();
        prop_assert!((0.0..=1.0).contains(&plain.score));
        prop_assert_eq!(plain.score, renamed.score);
        let verdicts = |r: &archdrill_diagram::GradeResult| r.rules.iter().map(|x| x.passed).collect::<Vec<_>>();
        prop_assert_eq!(verdicts(&plain), verdicts(&renamed));
    }

    #[test]
    fn an_isolated_component_no_rule_mentions_never_fails_a_passing_rule(keep in prop::collection::vec(any::<bool>(), 5), at in prop::sample::select(vec!["vpc", "region", "pub-a", "app-b", "data", "outside"])) {
        let before = grade(lib(), "t-design", &variant(&keep, "", false)).unwrap();
        let mut more = variant(&keep, "", false);
        more.components.push(PlacedComponent { id: "dash".into(), card: "p5".into(), place: at.into() });
        let after = grade(lib(), "t-design", &more).unwrap();
        for (b, a) in before.rules.iter().zip(&after.rules) {
            prop_assert!(!b.passed || a.passed, "rule {} flipped", b.rule);
        }
    }

    #[test]
    fn arbitrary_designs_never_panic(cards in prop::collection::vec(("p[0-9]|.{0,4}", "[a-z-]{0,8}"), 0..50), links in prop::collection::vec((0usize..60, 0usize..60, prop::option::of(".{0,6}")), 0..80)) {
        let components: Vec<PlacedComponent> = cards.iter().enumerate().map(|(i, (c, p))| PlacedComponent { id: format!("n{i}"), card: c.clone(), place: p.clone() }).collect();
        let name = |i: usize| if i < components.len() { format!("n{i}") } else { "users".to_string() };
        let connections = links.iter().map(|(a, b, l)| Connection { from: name(*a), to: name(*b), label: l.clone() }).collect();
        let sub = Submission { components, connections, ..Submission::default() };
        if let Ok(r) = grade(lib(), "t-design", &sub) {
            prop_assert!((0.0..=1.0).contains(&r.score));
        }
    }
}
