//! Design drills at the size the brief names: a design of 40 components and 60 connections graded
//! against 30 rules (target ≤ 50 µs median), and drawing that design checked, with its marks
//! (target ≤ 2 ms). The drill is generated on the shipped three-tier canvas so every rule form runs.
//! Run: cargo bench -p archdrill-diagram --bench design -- --warm-up-time 1 --measurement-time 5
use archdrill_diagram::{
    grade, render_attempt, Connection, Library, PlacedComponent, Submission, Theme,
};
use criterion::{criterion_group, criterion_main, Criterion};
use std::fmt::Write;
use std::hint::black_box;

const VPC: &str = include_str!("../../../diagrams/vpc-three-tier.toml");
const ROLES: [(&str, &str); 6] = [
    ("alb", "load-balancer"),
    ("web", "server"),
    ("app", "container"),
    ("cache", "cache"),
    ("db", "database"),
    ("nat", "nat-gateway"),
];

/// 30 rules cycling through every check form; none contradicts another.
fn drill() -> String {
    let mut t = String::from(
        "[[drill]]\nid = \"bench-design\"\nkind = \"design\"\ndiagram = \"vpc-three-tier\"\n\
         title = \"Bench\"\ninstructions = \"Build.\"\nrequirements = [\"Many parts\"]\n\
         keep = [\"users\"]\nlabels = [\"443\", \"5432\"]\nmax_components = 64\n",
    );
    for (role, kind) in ROLES {
        writeln!(
            t,
            "[[drill.card]]\nid = \"{role}\"\nkind = \"{kind}\"\nlabel = \"{role}\""
        )
        .unwrap();
    }
    let forms = [
        "check = \"count\"\nwhat = \"web\"\nin = \"app\"\nper = \"az\"\nmin = 1",
        "check = \"count\"\nwhat = \"kind:database\"\nin = \"public\"\nmax = 0",
        "check = \"connected\"\nfrom = \"app\"\nto = \"db\"\nlabel = \"5432\"",
        "check = \"path\"\nfrom = \"users\"\nto = \"db\"\nthrough = [\"alb\", \"web\"]",
        "check = \"all-paths-through\"\nfrom = \"users\"\nto = \"db\"\nthrough = [\"alb\"]",
        "check = \"no-path\"\nfrom = \"db\"\nto = \"users\"",
        "check = \"different-azs\"\nwhat = \"db\"",
        "check = \"serves-azs\"\nwhat = \"alb\"\nmin = 2\neach = true",
        "check = \"count\"\nwhat = \"cache\"\nper = \"tier\"\nmax = 8",
        "check = \"connected\"\nfrom = \"web\"\nto = \"cache\"\ndirection = \"either\"\neach = true",
    ];
    for i in 0..30 {
        let level = if i % 10 == 9 {
            "level = \"advice\"\npenalty = 0.05\n"
        } else {
            ""
        };
        writeln!(
            t,
            "[[drill.rule]]\n{}\n{level}pass = \"ok {i}\"\nfail = \"no {i}\"",
            forms[i % forms.len()]
        )
        .unwrap();
    }
    for (id, card, place) in [
        ("m-alb", "alb", "public"),
        ("m-w1", "web", "app-a"),
        ("m-w2", "web", "app-b"),
        ("m-d1", "db", "data-a"),
        ("m-d2", "db", "data-b"),
        ("m-a", "app", "app-a"),
        ("m-c", "cache", "app-a"),
    ] {
        writeln!(
            t,
            "[[drill.model]]\nid = \"{id}\"\ncard = \"{card}\"\nin = \"{place}\""
        )
        .unwrap();
    }
    for (from, to, label) in [
        ("users", "m-alb", ""),
        ("m-alb", "m-w1", ""),
        ("m-alb", "m-w2", ""),
        ("m-w1", "m-d1", ""),
        ("m-a", "m-d1", "5432"),
        ("m-w1", "m-c", ""),
        ("m-w2", "m-c", ""),
    ] {
        let label = if label.is_empty() {
            String::new()
        } else {
            format!("label = \"{label}\"\n")
        };
        writeln!(
            t,
            "[[drill.link]]\nfrom = \"{from}\"\nto = \"{to}\"\n{label}"
        )
        .unwrap();
    }
    t
}

fn library() -> Library {
    let lib = Library::from_sources(vec![
        ("diagrams/vpc-three-tier.toml".into(), VPC.into()),
        ("diagrams/bench.toml".into(), drill()),
    ]);
    assert!(lib.problems().is_empty(), "{:?}", lib.problems());
    lib
}

/// 40 components over every subnet and tier, 60 connections forming long chains and fan-outs.
fn design() -> Submission {
    let places = [
        "public", "pub-a", "pub-b", "app-a", "app-b", "data-a", "data-b", "vpc",
    ];
    let components: Vec<PlacedComponent> = (0..40)
        .map(|i| PlacedComponent {
            id: format!("n{i}"),
            card: format!("p{}", i % ROLES.len() + 1),
            place: places[i % places.len()].to_string(),
        })
        .collect();
    let connections = (0..60)
        .map(|i| Connection {
            from: if i % 13 == 0 {
                "users".to_string()
            } else {
                format!("n{}", i % 40)
            },
            to: format!("n{}", (i * 7 + 3) % 40),
            label: (i % 5 == 0).then(|| "5432".to_string()),
        })
        .filter(|c| c.from != c.to)
        .collect();
    Submission {
        components,
        connections,
        ..Submission::default()
    }
}

fn benches(c: &mut Criterion) {
    let lib = library();
    let sub = design();
    let r = grade(&lib, "bench-design", &sub).unwrap();
    assert_eq!(r.rules.len(), 30);
    assert!(
        r.rules.iter().any(|x| !x.passed),
        "some rules fail, so marks are drawn"
    );
    c.bench_function("grade design 40 components 60 connections 30 rules", |b| {
        b.iter(|| grade(black_box(&lib), "bench-design", black_box(&sub)).unwrap())
    });
    c.bench_function("render checked design", |b| {
        b.iter(|| {
            render_attempt(
                black_box(&lib),
                "bench-design",
                black_box(&sub),
                true,
                Theme::Light,
            )
            .unwrap()
        })
    });
}

criterion_group!(design_benches, benches);
criterion_main!(design_benches);
