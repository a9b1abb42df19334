//! What a flowchart (`arrange = "flowchart"`) needs of its structure, so that layout can compute
//! the chart from it: steps and decisions are top-level nodes (no groups), every edge joins two of
//! them, only a decision (a `choice` node) branches, and a decision has two or more branches, each
//! with its own label (yes / no), which the drawing prints on the branch.
use crate::diagram::Node;
use crate::report::Report;
use crate::spec::FileSpec;

pub(crate) fn check(spec: &FileSpec, nodes: &[Node], r: &mut Report) {
    for g in &spec.group {
        r.at(
            &g.get_ref().id,
            "a flowchart has no groups: its steps and decisions are top-level nodes",
        );
    }
    if let Some(head) = &spec.diagram {
        if nodes.len() < 2 {
            r.at(
                head,
                format!(
                    "a flowchart needs two or more nodes; it has {}",
                    nodes.len()
                ),
            );
        } else if spec.edge.is_empty() {
            r.at(
                head,
                "a flowchart needs [[edge]]s: they are its arrows and branches",
            );
        }
    }
    let decision = |id: &str| nodes.iter().any(|n| n.id == id && n.kind.name == "choice");
    let is_node = |id: &str| nodes.iter().any(|n| n.id == id);
    // Edges to groups or unknown ids are reported by the group and edge checks.
    // (from, labels seen) per node that has edges out.
    let mut out: Vec<(&str, Vec<String>)> = Vec::new();
    for e in &spec.edge {
        let e = e.get_ref();
        let (from, to) = (e.from.get_ref().as_str(), e.to.get_ref().as_str());
        let label = e
            .label
            .as_ref()
            .map(|l| l.get_ref().trim().to_lowercase())
            .unwrap_or_default();
        let at = match out.iter().position(|(f, _)| *f == from) {
            Some(i) => i,
            None => {
                out.push((from, Vec::new()));
                out.len() - 1
            }
        };
        let seen = &mut out[at].1;
        if decision(from) {
            if label.is_empty() {
                r.at(
                    &e.to,
                    format!("branch from decision `{from}` to `{to}` needs a label (yes, no, …)"),
                );
            } else if seen.contains(&label) {
                let l = e.label.as_ref().expect("a label");
                r.at(
                    l,
                    format!(
                        "decision `{from}` has two branches labelled {:?}",
                        l.get_ref().trim()
                    ),
                );
            }
        } else if !seen.is_empty() && is_node(from) {
            r.at(
                &e.from,
                format!(
                    "only a decision branches: `{from}` is a step with two edges out (kind = \"choice\" makes it a decision)"
                ),
            );
        }
        seen.push(label);
    }
    for n in nodes.iter().filter(|n| n.kind.name == "choice") {
        let branches = out
            .iter()
            .find(|(f, _)| *f == n.id)
            .map_or(0, |o| o.1.len());
        if branches < 2 {
            if let Some(raw) = spec.node.iter().find(|s| *s.get_ref().id.get_ref() == n.id) {
                r.at(
                    &raw.get_ref().id,
                    format!(
                        "decision `{}` needs two or more branches (edges out of it); it has {branches}",
                        n.id
                    ),
                );
            }
        }
    }
}
