//! The budgets from the brief: a VPC spec to SVG in ≤ 1 ms median, PNG at 2× in ≤ 50 ms, grading one
//! submission in ≤ 20 µs. Run: cargo bench -p archdrill-diagram -- --warm-up-time 1 --measurement-time 3
use archdrill_diagram::{
    answer_key, grade, render_png, render_svg, Library, Placement, RenderOptions, Submission, Theme,
};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const VPC: &str = include_str!("../../../diagrams/vpc-three-tier.toml");

fn vpc_only() -> Library {
    Library::from_sources(vec![("diagrams/vpc-three-tier.toml".into(), VPC.into())])
}

/// A full, partly wrong label submission: the databases swapped across the mirrored AZs (scored
/// through the interchangeable set) and a distractor in one NAT blank.
fn submission(lib: &Library) -> Submission {
    let key = answer_key(lib, "vpc-three-tier-label").unwrap();
    let drill = lib.drill("vpc-three-tier-label").unwrap();
    let mut used: Vec<String> = Vec::new();
    let mut card = |text: &str| {
        let id = drill
            .bank
            .iter()
            .find(|b| b.text == text && !used.contains(&b.id))
            .unwrap()
            .id
            .clone();
        used.push(id.clone());
        id
    };
    let answer = [
        ("igw", "Internet gateway"),
        ("alb", "Application Load Balancer"),
        ("nat-a", "NAT gateway"),
        ("nat-b", "Bastion host"),
        ("server-a", "App server"),
        ("server-b", "App server"),
        ("db-primary", "RDS standby"),
        ("db-standby", "RDS primary"),
    ];
    let placements = answer
        .iter()
        .map(|(target, text)| Placement {
            slot: key
                .slots
                .iter()
                .find(|s| s.target == *target)
                .unwrap()
                .slot
                .clone(),
            label: card(text),
        })
        .collect();
    Submission {
        placements,
        ..Submission::default()
    }
}

fn benches(c: &mut Criterion) {
    let lib = vpc_only();
    let diagram = lib.diagram("vpc-three-tier").expect("the VPC spec loads");

    c.bench_function("vpc spec to svg (parse, validate, lay out, render)", |b| {
        b.iter(|| {
            let lib = vpc_only();
            black_box(render_svg(
                lib.diagram("vpc-three-tier").unwrap(),
                &RenderOptions::default(),
            ))
        })
    });
    // A drill's drawing is laid out on every call (a plain render reuses the diagram's cached layout).
    let drill = lib
        .drill("vpc-three-tier-label")
        .expect("the VPC label drill loads");
    let opts = RenderOptions {
        theme: Theme::Light,
        drill: Some(drill),
    };
    c.bench_function("vpc label drill: lay out and render svg", |b| {
        b.iter(|| black_box(render_svg(black_box(diagram), &opts)))
    });

    let svg = render_svg(diagram, &RenderOptions::default());
    c.bench_function("vpc svg to png at 2x", |b| {
        b.iter(|| black_box(render_png(black_box(&svg), 2.0).unwrap()))
    });

    let sub = submission(&lib);
    let result = grade(&lib, "vpc-three-tier-label", &sub).unwrap();
    assert_eq!(
        (result.correct, result.wrong),
        (7, 1),
        "the swap is accepted, the distractor is not"
    );
    c.bench_function("grade one label submission", |b| {
        b.iter(|| black_box(grade(&lib, "vpc-three-tier-label", black_box(&sub)).unwrap()))
    });
}

criterion_group!(diagram, benches);
criterion_main!(diagram);
