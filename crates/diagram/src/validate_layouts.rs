//! What the whole-diagram arrangements (tree, …) need of a diagram's structure, checked so that
//! layout can rely on it. Each is set on `[diagram]` only: it lays out everything, so a group
//! arranged that way is a problem at the line of its `arrange`.
use crate::diagram::{Group, Node, Place};
use crate::kinds::Arrange;
use crate::report::Report;
use crate::spec::FileSpec;

pub(crate) fn check(
    spec: &FileSpec,
    arrange: Arrange,
    groups: &[Group],
    nodes: &[Node],
    r: &mut Report,
) {
    for (g, raw) in groups.iter().zip(&spec.group) {
        if let Some(a) = raw
            .get_ref()
            .arrange
            .as_ref()
            .filter(|_| g.arrange.whole_diagram())
        {
            r.at(
                a,
                format!(
                    "arrange = \"{}\" lays out a whole diagram: set it in [diagram], not on group `{}`",
                    g.arrange.name(),
                    g.id
                ),
            );
        }
    }
    if !arrange.whole_diagram() {
        return;
    }
    if let Some(grid) = &spec.grid {
        r.at(
            grid,
            format!(
                "a {} diagram has no AZ × tier grid: draw AZs as `az` groups instead",
                arrange.name()
            ),
        );
    }
    if arrange == Arrange::Ladder {
        ladder(spec, groups, nodes, r);
    }
    if arrange == Arrange::Flowchart {
        crate::validate_flowchart::check(spec, nodes, r);
    }
}

/// A ladder has two or more rungs, each threshold between two of them, and side boxes of nodes only.
fn ladder(spec: &FileSpec, groups: &[Group], nodes: &[Node], r: &mut Report) {
    let top: Vec<(usize, &Node)> = nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.place == Place::Root)
        .collect();
    let rungs = top.iter().filter(|(_, n)| !n.is_threshold()).count();
    if rungs < 2 {
        if let Some(head) = &spec.diagram {
            r.at(
                head,
                format!("a ladder needs two or more rungs (top-level nodes that are not timers); it has {rungs}"),
            );
        }
    }
    for (k, (i, n)) in top.iter().enumerate() {
        let before = k > 0 && !top[k - 1].1.is_threshold();
        let after = top.get(k + 1).is_some_and(|(_, m)| !m.is_threshold());
        if n.is_threshold() && !(before && after) {
            r.at(
                &spec.node[*i].get_ref().id,
                format!(
                    "threshold `{}` (a timer node) must come between two rungs of the ladder",
                    n.id
                ),
            );
        }
    }
    for (g, raw) in groups.iter().zip(&spec.group) {
        if let Some(p) = &g.parent {
            r.at(
                &raw.get_ref().id,
                format!(
                    "group `{}` is inside `{p}`: a ladder's side boxes hold nodes only",
                    g.id
                ),
            );
        }
    }
}
