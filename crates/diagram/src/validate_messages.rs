//! A sequence diagram's `[[message]]`s: checked, and turned into what the rest of the crate already
//! knows, so that drills blank, order and grade a message like any node. Each message becomes a
//! top-level node on the `end` side (participants are the top-level nodes on the `start` side) and
//! two edges, from its sender to it and from it to its receiver, which the sequence layout reads
//! back. A sequence has no groups and no `[[edge]]`s of its own: its arrows are its messages.
use crate::diagram::{Direction, Edge, Node, Place, Side};
use crate::kinds::{self, Arrange};
use crate::report::Report;
use crate::spec::FileSpec;

pub(crate) fn messages(
    spec: &FileSpec,
    arrange: Arrange,
    nodes: &mut Vec<Node>,
    edges: &mut Vec<Edge>,
    r: &mut Report,
) {
    if arrange != Arrange::Sequence {
        if let Some(m) = spec.message.first() {
            r.at(
                m,
                "[[message]] tables belong to a sequence diagram: set arrange = \"sequence\" in [diagram]",
            );
        }
        return;
    }
    shape(spec, nodes, r);
    let participants: Vec<String> = nodes
        .iter()
        .filter(|n| n.place == Place::Root)
        .map(|n| n.id.clone())
        .collect();
    let step = kinds::component("step").expect("a known kind");
    for m in &spec.message {
        let m = m.get_ref();
        let id = m.id.get_ref();
        for end in [&m.from, &m.to] {
            if !participants.contains(end.get_ref()) {
                r.at(
                    end,
                    format!(
                        "message `{id}` names `{}`, which is not a participant (a top-level node)",
                        end.get_ref()
                    ),
                );
            }
        }
        if m.from.get_ref() == m.to.get_ref() {
            r.at(
                &m.to,
                format!("message `{id}` goes from `{}` to itself", m.from.get_ref()),
            );
        }
        if m.label.get_ref().trim().is_empty() {
            r.at(&m.label, format!("message `{id}` has an empty label"));
        }
        for a in m.aliases.iter().filter(|a| a.get_ref().trim().is_empty()) {
            r.at(a, format!("message `{id}` has an empty alias"));
        }
        let dashed = match m.style.as_ref() {
            None => false,
            Some(s) if s.get_ref() == "solid" => false,
            Some(s) if s.get_ref() == "dashed" => true,
            Some(s) => {
                r.at(
                    s,
                    format!(
                        "unknown message style {:?}; use solid or dashed (a reply)",
                        s.get_ref()
                    ),
                );
                false
            }
        };
        nodes.push(Node {
            id: id.clone(),
            kind: step,
            label: m.label.get_ref().trim().to_string(),
            aliases: m
                .aliases
                .iter()
                .map(|a| a.get_ref().trim().to_string())
                .collect(),
            place: Place::Root,
            side: Side::End,
        });
        let half = |from: &str, to: &str, direction| Edge {
            from: from.to_string(),
            to: to.to_string(),
            label: None,
            dashed,
            direction,
        };
        edges.push(half(m.from.get_ref(), id, Direction::None));
        edges.push(half(id, m.to.get_ref(), Direction::Forward));
    }
}

/// What a sequence holds besides its messages: two or more participants, all at the top level on
/// the start side, no groups and no edges.
fn shape(spec: &FileSpec, nodes: &[Node], r: &mut Report) {
    for g in &spec.group {
        r.at(
            &g.get_ref().id,
            "a sequence diagram has no groups: its participants are top-level nodes",
        );
    }
    for e in &spec.edge {
        r.at(
            e,
            "a sequence diagram draws its arrows from [[message]]s: make this edge a message",
        );
    }
    for (n, raw) in nodes.iter().zip(&spec.node) {
        if let Some(side) = raw.get_ref().side.as_ref().filter(|_| n.side == Side::End) {
            r.at(
                side,
                format!(
                    "participant `{}` takes no side: participants stand in file order",
                    n.id
                ),
            );
        }
    }
    let count = nodes.iter().filter(|n| n.place == Place::Root).count();
    let Some(head) = &spec.diagram else { return };
    if count < 2 {
        r.at(
            head,
            format!("a sequence needs two or more participants (top-level nodes); it has {count}"),
        );
    }
    if spec.message.is_empty() {
        r.at(head, "a sequence needs at least one [[message]]");
    }
}
