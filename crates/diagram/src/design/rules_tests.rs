//! One small case per behaviour of each check, on a real two-AZ canvas.
use super::*;
use crate::design::graph::{GConn, GNode};

const CANVAS: &str = r#"
[diagram]
id = "canvas"
title = "Canvas"
[[group]]
id = "region"
kind = "region"
label = "Region"
[[group]]
id = "vpc"
kind = "vpc"
label = "VPC"
in = "region"
[grid]
in = "vpc"
[[az]]
id = "az-a"
label = "AZ A"
[[az]]
id = "az-b"
label = "AZ B"
[[tier]]
id = "public"
label = "Public"
kind = "public"
[[tier]]
id = "data"
label = "Data"
kind = "data"
[[subnet]]
id = "pub-a"
az = "az-a"
tier = "public"
[[subnet]]
id = "pub-b"
az = "az-b"
tier = "public"
[[subnet]]
id = "data-a"
az = "az-a"
tier = "data"
[[subnet]]
id = "data-b"
az = "az-b"
tier = "data"
"#;

fn topo() -> Topology {
    Topology::of(&crate::validate::valid(CANVAS)).unwrap()
}

/// Roles: 0 internet, 1 lb, 2 app, 3 db, 4 nat.
fn graph(t: &Topology, nodes: &[(u16, &str)], conns: &[(usize, usize)]) -> Graph<'static> {
    let kinds = [
        "internet",
        "load-balancer",
        "server",
        "database",
        "nat-gateway",
    ];
    let nodes = nodes
        .iter()
        .enumerate()
        .map(|(i, &(role, place))| GNode {
            id: ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7"][i],
            role,
            kind: kinds[role as usize],
            place: t.index(place).expect(place),
        })
        .collect();
    let conns = conns
        .iter()
        .map(|&(from, to)| GConn {
            from,
            to,
            label: None,
        })
        .collect();
    Graph::new(nodes, conns)
}

fn at_least(min: u32) -> Bounds {
    Bounds { min, max: None }
}

fn at_most(max: u32) -> Bounds {
    Bounds {
        min: 0,
        max: Some(max),
    }
}

fn count(what: u16, within: Option<&str>, per: Per, bounds: Bounds, t: &Topology) -> Check {
    Check::Count {
        what: Sel::Role(what),
        within: within.map(|p| t.index(p).unwrap()),
        per,
        bounds,
    }
}

#[test]
fn bounds_hold_and_meet() {
    assert!(at_least(1).holds(1) && !at_least(1).holds(0));
    assert!(at_most(0).holds(0) && !at_most(0).holds(1));
    assert!(at_least(2).meets(at_most(3)));
    assert!(!at_least(2).meets(at_most(1)));
    assert!(Bounds {
        min: 1,
        max: Some(1)
    }
    .meets(at_least(1)));
}

#[test]
fn a_subnet_lies_in_its_tier_az_vpc_region_and_outside() {
    let t = topo();
    let p = &t.places[t.index("pub-a").unwrap()];
    for id in ["pub-a", "public", "az-a", "vpc", "region", "outside"] {
        assert_eq!(p.within >> t.index(id).unwrap() & 1, 1, "{id}");
    }
    for id in ["pub-b", "data", "az-b", "data-a"] {
        assert_eq!(p.within >> t.index(id).unwrap() & 1, 0, "{id}");
    }
    assert_eq!(p.azs.count_ones(), 1);
}

#[test]
fn a_tier_spans_every_az() {
    let t = topo();
    assert_eq!(t.places[t.index("public").unwrap()].azs.count_ones(), 2);
    assert_eq!(t.places[t.index("region").unwrap()].azs, 0);
}

#[test]
fn count_anywhere_and_in_a_place() {
    let t = topo();
    let g = graph(&t, &[(4, "pub-a"), (4, "data-a")], &[]);
    assert!(eval(&count(4, None, Per::Once, at_least(2), &t), &g, &t).passed);
    assert!(
        !eval(
            &count(4, Some("public"), Per::Once, at_least(2), &t),
            &g,
            &t
        )
        .passed
    );
    assert!(
        eval(
            &count(
                4,
                Some("vpc"),
                Per::Once,
                Bounds {
                    min: 2,
                    max: Some(2)
                },
                &t
            ),
            &g,
            &t
        )
        .passed
    );
}

#[test]
fn count_none_in_marks_the_offenders() {
    let t = topo();
    let g = graph(&t, &[(3, "pub-a"), (3, "data-b")], &[]);
    let out = eval(&count(3, Some("public"), Per::Once, at_most(0), &t), &g, &t);
    assert!(!out.passed);
    assert_eq!(out.nodes, 0b01);
}

#[test]
fn count_per_az_needs_each_az() {
    let t = topo();
    let one = graph(&t, &[(4, "pub-a")], &[]);
    let c = count(4, Some("public"), Per::Az, at_least(1), &t);
    let out = eval(&c, &one, &t);
    assert!(!out.passed);
    assert_eq!(
        out.places,
        vec![t.index("az-b").unwrap()],
        "the AZ missing one is marked"
    );
    let two = graph(&t, &[(4, "pub-a"), (4, "pub-b")], &[]);
    assert!(eval(&c, &two, &t).passed);
}

#[test]
fn a_spanning_component_counts_in_every_az() {
    let t = topo();
    let g = graph(&t, &[(1, "public")], &[]);
    assert!(
        eval(
            &count(
                1,
                None,
                Per::Az,
                Bounds {
                    min: 1,
                    max: Some(1)
                },
                &t
            ),
            &g,
            &t
        )
        .passed
    );
}

#[test]
fn count_per_tier() {
    let t = topo();
    let c = count(2, None, Per::Tier, at_most(1), &t);
    assert!(eval(&c, &graph(&t, &[(2, "pub-a"), (2, "data-b")], &[]), &t).passed);
    let out = eval(&c, &graph(&t, &[(2, "pub-a"), (2, "pub-b")], &[]), &t);
    assert!(!out.passed);
    assert_eq!(out.nodes, 0b11);
}

#[test]
fn connected_respects_direction_and_label() {
    let t = topo();
    let mut g = graph(&t, &[(1, "public"), (2, "pub-a")], &[(0, 1)]);
    let c = |either| Check::Connected {
        from: Sel::Role(2),
        to: Sel::Role(1),
        label: None,
        either,
        each: false,
    };
    assert!(!eval(&c(false), &g, &t).passed);
    assert!(eval(&c(true), &g, &t).passed);
    let port = Check::Connected {
        from: Sel::Role(1),
        to: Sel::Role(2),
        label: Some(3),
        either: false,
        each: false,
    };
    assert!(!eval(&port, &g, &t).passed, "no label on the connection");
    g.conns[0].label = Some(3);
    assert!(eval(&port, &g, &t).passed);
}

#[test]
fn connected_each_names_the_unlinked() {
    let t = topo();
    let g = graph(&t, &[(2, "pub-a"), (2, "pub-b"), (3, "data-a")], &[(0, 2)]);
    let c = Check::Connected {
        from: Sel::Role(2),
        to: Sel::Role(3),
        label: None,
        either: false,
        each: true,
    };
    let out = eval(&c, &g, &t);
    assert!(!out.passed);
    assert_eq!(out.nodes, 0b10);
}

#[test]
fn connected_each_fails_with_nothing_to_connect() {
    let t = topo();
    let c = Check::Connected {
        from: Sel::Role(2),
        to: Sel::Role(3),
        label: None,
        either: false,
        each: true,
    };
    assert!(!eval(&c, &graph(&t, &[(3, "data-a")], &[]), &t).passed);
}

#[test]
fn path_through_in_order() {
    let t = topo();
    let g = graph(
        &t,
        &[(0, "outside"), (1, "public"), (2, "pub-a"), (3, "data-a")],
        &[(0, 1), (1, 2), (2, 3)],
    );
    let p = |through: Vec<u16>| Check::Path {
        from: Sel::Role(0),
        to: Sel::Role(3),
        through: through.into_iter().map(Sel::Role).collect(),
    };
    assert!(eval(&p(vec![]), &g, &t).passed);
    assert!(eval(&p(vec![1, 2]), &g, &t).passed);
    assert!(!eval(&p(vec![2, 1]), &g, &t).passed, "order matters");
    let back = graph(&t, &[(0, "outside"), (3, "data-a")], &[(1, 0)]);
    assert!(!eval(&p(vec![]), &back, &t).passed, "direction matters");
}

#[test]
fn all_paths_through_finds_a_bypass() {
    let t = topo();
    let check = Check::AllPathsThrough {
        from: Sel::Role(0),
        to: Sel::Role(3),
        through: vec![Sel::Role(1), Sel::Role(2)],
    };
    let good = graph(
        &t,
        &[(0, "outside"), (1, "public"), (2, "pub-a"), (3, "data-a")],
        &[(0, 1), (1, 2), (2, 3)],
    );
    assert!(eval(&check, &good, &t).passed);
    let mut bad = good.clone();
    bad = Graph::new(
        bad.nodes,
        [
            bad.conns,
            vec![GConn {
                from: 0,
                to: 3,
                label: None,
            }],
        ]
        .concat(),
    );
    let out = eval(&check, &bad, &t);
    assert!(!out.passed);
    assert_eq!(out.nodes, 0b1001, "the bypass is marked");
}

#[test]
fn all_paths_through_passes_without_any_path() {
    let t = topo();
    let check = Check::AllPathsThrough {
        from: Sel::Role(0),
        to: Sel::Role(3),
        through: vec![Sel::Role(1)],
    };
    assert!(
        eval(
            &check,
            &graph(&t, &[(0, "outside"), (3, "data-a")], &[]),
            &t
        )
        .passed
    );
}

#[test]
fn no_path_follows_chains() {
    let t = topo();
    let check = Check::NoPath {
        from: Sel::Role(0),
        to: Sel::Role(3),
    };
    let g = graph(
        &t,
        &[(0, "outside"), (2, "pub-a"), (3, "data-a")],
        &[(0, 1), (1, 2)],
    );
    let out = eval(&check, &g, &t);
    assert!(!out.passed);
    assert_eq!(out.nodes, 0b111);
    let reverse = graph(&t, &[(0, "outside"), (3, "data-a")], &[(1, 0)]);
    assert!(eval(&check, &reverse, &t).passed);
}

#[test]
fn different_azs_needs_two_distinct_components() {
    let t = topo();
    let c = Check::DifferentAzs {
        what: Sel::Role(3),
        other: Sel::Role(3),
    };
    assert!(!eval(&c, &graph(&t, &[(3, "data-a")], &[]), &t).passed);
    assert!(!eval(&c, &graph(&t, &[(3, "data-a"), (3, "data-a")], &[]), &t).passed);
    assert!(eval(&c, &graph(&t, &[(3, "data-a"), (3, "data-b")], &[]), &t).passed);
    assert!(
        !eval(&c, &graph(&t, &[(3, "data-a"), (3, "region")], &[]), &t).passed,
        "no AZ is no AZ"
    );
}

#[test]
fn serves_azs_together_or_each() {
    let t = topo();
    let two = graph(&t, &[(2, "pub-a"), (2, "pub-b")], &[]);
    let c = |each| Check::ServesAzs {
        what: Sel::Role(2),
        min: 2,
        each,
    };
    assert!(eval(&c(false), &two, &t).passed);
    assert!(!eval(&c(true), &two, &t).passed);
    let span = graph(&t, &[(2, "public")], &[]);
    assert!(eval(&c(true), &span, &t).passed);
    assert!(!eval(&c(false), &graph(&t, &[], &[]), &t).passed);
}

#[test]
fn kind_selectors_match_across_roles() {
    let t = topo();
    let g = graph(&t, &[(3, "data-a"), (3, "data-b")], &[]);
    let c = Check::Count {
        what: Sel::Kind("database"),
        within: None,
        per: Per::Once,
        bounds: Bounds {
            min: 2,
            max: Some(2),
        },
    };
    assert!(eval(&c, &g, &t).passed);
}

#[test]
fn too_few_anywhere_fails_even_with_nothing_to_mark() {
    let t = topo();
    let one = graph(&t, &[(2, "pub-a")], &[]);
    assert!(!eval(&count(2, None, Per::Once, at_least(3), &t), &one, &t).passed);
    let exactly = Bounds {
        min: 1,
        max: Some(1),
    };
    assert!(
        !eval(&count(3, None, Per::Once, exactly, &t), &one, &t).passed,
        "none of role 3"
    );
}
