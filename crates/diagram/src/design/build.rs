//! A design as a diagram to draw: the canvas's boxes and kept nodes, the placed components as nodes
//! and the connections as edges, so the same layout and renderer draw the learner's design, the
//! model design and the empty canvas. Nothing of the original diagram's removed components (their
//! edges, notes or annotations) reaches the drawing, nor any annotation: it would give the answer
//! away.
use super::{Design, Link, Placed};
use crate::diagram::{Diagram, Direction, Edge, Node, Place, Side};
use crate::geometry::Mode;
use std::collections::HashSet;

pub(crate) fn diagram(design: &Design, d: &Diagram, comps: &[Placed], links: &[Link]) -> Diagram {
    let kept: HashSet<&str> = design.kept.iter().map(String::as_str).collect();
    let mut nodes: Vec<Node> = d
        .nodes
        .iter()
        .filter(|n| kept.contains(n.id.as_str()))
        .cloned()
        .collect();
    nodes.extend(comps.iter().map(|c| {
        let card = &design.cards[c.card];
        Node {
            id: c.id.to_string(),
            kind: card.kind,
            label: card.label.clone(),
            aliases: Vec::new(),
            place: design.topo.to_place(c.place),
            side: Side::Start,
        }
    }));
    let mut edges: Vec<Edge> = d
        .edges
        .iter()
        .filter(|e| kept.contains(e.from.as_str()) && kept.contains(e.to.as_str()))
        .cloned()
        .collect();
    edges.extend(links.iter().map(|l| Edge {
        from: l.from.to_string(),
        to: l.to.to_string(),
        label: l.label.map(|k| design.labels[k as usize].clone()),
        dashed: false,
        direction: Direction::Forward,
    }));
    Diagram {
        id: d.id.clone(),
        title: d.title.clone(),
        description: d.description.clone(),
        file: d.file.clone(),
        sources: d.sources.clone(),
        arrange: d.arrange,
        groups: d.groups.clone(),
        grid: d.grid.clone(),
        nodes,
        edges,
        // Notes hold the answer too often (a subnet's route names its NAT gateway; an option's
        // RTO names the strategy), so a design canvas carries none.
        annotations: Vec::new(),
    }
}

/// Drop pads: every tier a component may span (a tier has no box of its own to drop on), and every
/// placeable group that holds nothing (an empty box is too small to hit).
pub(crate) fn mode(design: &Design, drawn: &Diagram, title: &str) -> Mode {
    let mut zones = HashSet::new();
    for &p in &design.places {
        let id = design.topo.places[p].id.as_str();
        let tier = drawn
            .grid
            .as_ref()
            .is_some_and(|g| g.tiers.iter().any(|t| t.id == id));
        let empty_group = drawn.group(id).is_some_and(|_| {
            let here = Place::Group(id.to_string());
            !drawn.nodes.iter().any(|n| n.place == here)
                && !drawn.groups.iter().any(|g| g.parent.as_deref() == Some(id))
                && drawn.grid.as_ref().is_none_or(|g| g.host != id)
        });
        if tier || empty_group {
            zones.insert(id.to_string());
        }
    }
    Mode {
        zones,
        title: Some(title.to_string()),
        ..Mode::default()
    }
}
