//! The shipped library: every spec under diagrams/ loads without problems, the ids questions link to
//! exist, there are enough drills of every kind, and no drill gives its answers away before grading.
use archdrill_diagram::{answer_key, drill_view, normalize_answer, DrillKind, Library};
use std::collections::HashSet;

const REQUIRED: [&str; 14] = [
    "vpc-three-tier",
    "sg-chain",
    "nacl-sg-packet-path",
    "sns-sqs-fanout",
    "dr-strategies",
    "ha-api",
    "cicd-pipeline",
    "latency-budget",
    "cloudfront-origins",
    "vpc-connectivity",
    "multi-region-active-active",
    "step-functions-order",
    "kms-envelope-encryption",
    "data-lake",
];

#[test]
fn the_shipped_specs_load_cleanly() {
    let lib = Library::load_embedded();
    let problems: Vec<String> = lib.problems().iter().map(|p| p.to_string()).collect();
    assert!(problems.is_empty(), "problems:\n{}", problems.join("\n"));
    let ids = lib.diagram_ids();
    for id in REQUIRED {
        assert!(ids.contains(id), "missing diagram {id}");
    }
}

#[test]
fn there_are_enough_drills_of_every_kind() {
    let lib = Library::load_embedded();
    assert!(
        lib.drills().count() >= 20,
        "only {} drills",
        lib.drills().count()
    );
    let kinds: HashSet<DrillKind> = lib.drills().map(|d| d.kind).collect();
    for k in [
        DrillKind::Label,
        DrillKind::Place,
        DrillKind::Order,
        DrillKind::Recall,
    ] {
        assert!(kinds.contains(&k), "no {k:?} drill");
    }
    let vpc: Vec<_> = lib
        .drills()
        .filter(|d| d.diagram == "vpc-three-tier")
        .collect();
    let label = vpc
        .iter()
        .find(|d| d.kind == DrillKind::Label)
        .expect("a VPC label drill");
    assert!(
        !label.interchangeable.is_empty(),
        "the mirrored AZs should be interchangeable"
    );
    assert!(label.bank.iter().any(|b| b.distractor));
    assert!(label
        .misconceptions
        .iter()
        .any(|m| m.key == normalize_answer("NAT gateway")));
    let place = vpc
        .iter()
        .find(|d| d.kind == DrillKind::Place)
        .expect("a VPC place drill");
    assert!(place.items.iter().any(|i| i.starts_with("nat")));
}

/// Answers must not reach the learner before grading: not in the SVG (labels, notes, desc) and not in
/// the slot ids or aria labels. The bank of course holds them, unattached to slots.
#[test]
fn drill_views_give_no_answers_away() {
    let lib = Library::load_embedded();
    for drill in lib.drills() {
        let view = drill_view(&lib, &drill.id).unwrap();
        let key = answer_key(&lib, &drill.id).unwrap();
        let texts: Vec<String> = [&view.svg, &view.svg_dark]
            .iter()
            .flat_map(|s| visible_text(s))
            .collect();
        for slot in &key.slots {
            for answer in &slot.answers {
                let k = normalize_answer(answer);
                for t in &texts {
                    let words = format!(" {} ", normalize_answer(t));
                    assert!(
                        !words.contains(&format!(" {k} ")),
                        "{}: answer {answer:?} visible as {t:?}",
                        drill.id
                    );
                }
                for s in &view.slots {
                    assert!(
                        !normalize_answer(&s.aria_label).contains(&k),
                        "{}: aria label {:?} names {answer:?}",
                        drill.id,
                        s.aria_label
                    );
                }
            }
        }
        assert_eq!(view.slots.len(), key.slots.len());
        for s in &view.slots {
            assert!(
                view.svg.contains(&format!("data-slot=\"{}\"", s.id)),
                "{}: no element for slot {}",
                drill.id,
                s.id
            );
        }
        let cards = if drill.kind == DrillKind::Order {
            &view.items
        } else {
            &view.bank
        };
        assert_eq!(cards.len(), drill.bank.len());
    }
}

/// The text content of an SVG: element text plus attribute values that assistive tech reads.
fn visible_text(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(end) = rest.find('<') {
        let t = rest[..end].trim();
        if !t.is_empty() {
            out.push(
                t.replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">"),
            );
        }
        rest = &rest[end + 1..];
        let close = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..close];
        for attr in ["aria-label=\"", "title=\""] {
            if let Some(at) = tag.find(attr) {
                let v = &tag[at + attr.len()..];
                out.push(v[..v.find('"').unwrap_or(v.len())].to_string());
            }
        }
        rest = &rest[close.min(rest.len())..];
    }
    out
}

#[test]
fn every_diagram_renders_in_both_themes() {
    let lib = Library::load_embedded();
    for d in lib.diagrams() {
        for theme in [
            archdrill_diagram::Theme::Light,
            archdrill_diagram::Theme::Dark,
        ] {
            let svg = archdrill_diagram::render_svg(
                d,
                &archdrill_diagram::RenderOptions { theme, drill: None },
            );
            assert!(
                svg.starts_with("<svg") && svg.contains("role=\"img\"") && svg.contains("<title"),
                "{}",
                d.id
            );
            assert!(svg.contains("<desc"));
        }
    }
}

/// Text from a spec file is escaped wherever it lands: element text, aria labels, titles.
#[test]
fn hostile_text_is_escaped() {
    // As a TOML basic string: the quotes inside are escaped for TOML, not for SVG.
    let evil = r#""<script>alert('x')</script> & \"quoted\"""#;
    let spec = format!(
        r#"[diagram]
id = "x"
title = {evil}
description = {evil}

[[group]]
id = "g"
kind = "zone"
label = {evil}
cidr = {evil}

[[node]]
id = "n"
kind = "server"
label = {evil}
in = "g"

[[node]]
id = "m"
kind = "server"
label = "Other"

[[edge]]
from = "n"
to = "m"
label = {evil}

[[annotation]]
target = "n"
text = {evil}

[[drill]]
id = "x-place"
kind = "place"
title = {evil}
instructions = {evil}
items = ["n"]
zones = ["g"]
"#
    );
    let lib = Library::from_sources(vec![("diagrams/x.toml".into(), spec)]);
    assert!(lib.problems().is_empty(), "{:?}", lib.problems());
    let d = lib.diagram("x").unwrap();
    let plain = archdrill_diagram::render_svg(d, &archdrill_diagram::RenderOptions::default());
    let view = drill_view(&lib, "x-place").unwrap();
    for svg in [&plain, &view.svg] {
        assert!(!svg.contains("<script"), "unescaped element");
        assert!(svg.contains("&lt;script&gt;"));
        archdrill_diagram::render_png(svg, 1.0).expect("still valid SVG");
    }
    assert!(view.svg.contains("aria-label=\"Drop zone: &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;quoted&quot;, drop here\""));
}
