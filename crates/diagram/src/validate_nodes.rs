//! The node, edge and annotation checks of a diagram file (validate.rs does the header, ids, groups
//! and grid): every `in`, edge end and annotation target must name something that can hold or join it.
use crate::diagram::{Annotation, Direction, Edge, Grid, Group, Node, Place, Side};
use crate::kinds::{self, Arrange};
use crate::report::{choices, Named, Report};
use crate::spec::{FileSpec, OneOrMany, S};

pub(crate) fn nodes(
    spec: &FileSpec,
    r: &mut Report,
    kind_of: &dyn Fn(&str) -> Option<Named>,
    grid: Option<&Grid>,
) -> Vec<Node> {
    let mut out = Vec::new();
    for n in &spec.node {
        let n = n.get_ref();
        let id = n.id.get_ref();
        let kind = kinds::component(n.kind.get_ref()).unwrap_or_else(|| {
            let names = choices(kinds::COMPONENT_KINDS.iter().map(|k| k.name));
            r.at(
                &n.kind,
                format!(
                    "unknown component kind {:?}; use one of: {names}",
                    n.kind.get_ref()
                ),
            );
            &kinds::COMPONENT_KINDS[kinds::COMPONENT_KINDS.len() - 1]
        });
        if n.label.get_ref().trim().is_empty() {
            r.at(&n.label, format!("node `{id}` has an empty label"));
        }
        for a in n.aliases.iter().filter(|a| a.get_ref().trim().is_empty()) {
            r.at(a, format!("node `{id}` has an empty alias"));
        }
        let place = match n.place.as_ref() {
            None => Place::Root,
            Some(p) => match p.get_ref() {
                OneOrMany::Many(list) if list.len() != 1 => {
                    r.at(p, format!("node `{id}` is in two places ({}): a node sits in one group or subnet; to span the AZs of the grid, put it in a tier", list.join(", ")));
                    Place::Root
                }
                OneOrMany::Many(list) => place(id, &list[0], p, r, kind_of, grid),
                OneOrMany::One(to) => place(id, to, p, r, kind_of, grid),
            },
        };
        let side = match n.side.as_ref() {
            None => Side::Start,
            Some(s) if s.get_ref() == "start" => Side::Start,
            Some(s) if s.get_ref() == "end" => Side::End,
            Some(s) => {
                r.at(
                    s,
                    format!("unknown side {:?}; use start or end", s.get_ref()),
                );
                Side::Start
            }
        };
        out.push(Node {
            id: id.clone(),
            kind,
            label: n.label.get_ref().trim().to_string(),
            aliases: n
                .aliases
                .iter()
                .map(|a| a.get_ref().trim().to_string())
                .collect(),
            place,
            side,
        });
    }
    out
}

/// Resolves a node's `in` to the kind of box it names.
fn place<T>(
    id: &str,
    to: &str,
    at: &S<T>,
    r: &mut Report,
    kind_of: &dyn Fn(&str) -> Option<Named>,
    grid: Option<&Grid>,
) -> Place {
    let problem = match kind_of(to) {
        Some(Named::Group) => return Place::Group(to.to_string()),
        Some(Named::Subnet) => return Place::Subnet(to.to_string()),
        Some(Named::Tier) if grid.is_some_and(|g| g.azs.len() >= 2) => {
            return Place::Tier(to.to_string())
        }
        Some(Named::Tier) => {
            format!("node `{id}` spans tier `{to}`, but the grid has fewer than two AZs")
        }
        Some(Named::Az) => {
            format!("node `{id}` is in AZ `{to}`: put it in one of that AZ's subnets")
        }
        Some(Named::Node) => format!("node `{id}` is in node `{to}`: nodes hold no other nodes"),
        None => format!("node `{id}` is in unknown group, subnet or tier `{to}`"),
    };
    r.at(at, problem);
    Place::Root
}

/// Square and hub arrangements place nodes only; a hub has room for eight spokes.
pub(crate) fn check_arrangements(
    groups: &[Group],
    nodes: &[Node],
    grid: Option<&Grid>,
    spec: &FileSpec,
    r: &mut Report,
) {
    for (g, raw) in groups.iter().zip(&spec.group) {
        if !matches!(g.arrange, Arrange::Square | Arrange::Hub) {
            continue;
        }
        let holds_boxes = groups
            .iter()
            .any(|c| c.parent.as_deref() == Some(g.id.as_str()))
            || grid.is_some_and(|gr| gr.host == g.id);
        if holds_boxes {
            r.at(
                &raw.get_ref().id,
                format!(
                    "group `{}` is arranged as a square or hub, which holds nodes only",
                    g.id
                ),
            );
        }
        let count = nodes
            .iter()
            .filter(|n| n.place == Place::Group(g.id.clone()))
            .count();
        if g.arrange == Arrange::Hub && count > 9 {
            r.at(
                &raw.get_ref().id,
                format!("hub group `{}` holds {count} nodes; at most 9 fit", g.id),
            );
        }
    }
}

pub(crate) fn edges(
    spec: &FileSpec,
    r: &mut Report,
    kind_of: &dyn Fn(&str) -> Option<Named>,
) -> Vec<Edge> {
    let mut out = Vec::new();
    for e in &spec.edge {
        let e = e.get_ref();
        for end in [&e.from, &e.to] {
            match kind_of(end.get_ref()) {
                Some(Named::Node | Named::Group | Named::Subnet) => {}
                Some(other) => r.at(
                    end,
                    format!(
                        "edge end `{}` is a {}; edges join nodes, groups or subnets",
                        end.get_ref(),
                        other.word()
                    ),
                ),
                None => r.at(
                    end,
                    format!(
                        "edge goes nowhere: no node, group or subnet has id `{}`",
                        end.get_ref()
                    ),
                ),
            }
        }
        if e.from.get_ref() == e.to.get_ref() {
            r.at(&e.to, format!("edge from `{}` to itself", e.from.get_ref()));
        }
        let dashed = match e.style.as_ref() {
            None => false,
            Some(s) if s.get_ref() == "solid" => false,
            Some(s) if s.get_ref() == "dashed" => true,
            Some(s) => {
                r.at(
                    s,
                    format!("unknown edge style {:?}; use solid or dashed", s.get_ref()),
                );
                false
            }
        };
        let direction = match e.direction.as_ref().map(|d| d.get_ref().as_str()) {
            None | Some("forward") => Direction::Forward,
            Some("both") => Direction::Both,
            Some("none") => Direction::None,
            Some(other) => {
                let d = e.direction.as_ref().expect("matched Some");
                r.at(
                    d,
                    format!("unknown edge direction {other:?}; use forward, both or none"),
                );
                Direction::Forward
            }
        };
        let label = e
            .label
            .as_ref()
            .map(|l| l.get_ref().trim().to_string())
            .filter(|l| !l.is_empty());
        out.push(Edge {
            from: e.from.get_ref().clone(),
            to: e.to.get_ref().clone(),
            label,
            dashed,
            direction,
        });
    }
    out
}

pub(crate) fn annotations(
    spec: &FileSpec,
    r: &mut Report,
    kind_of: &dyn Fn(&str) -> Option<Named>,
) -> Vec<Annotation> {
    let mut out = Vec::new();
    for a in &spec.annotation {
        let a = a.get_ref();
        if let Some(t) = &a.target {
            if !matches!(
                kind_of(t.get_ref()),
                Some(Named::Node | Named::Group | Named::Subnet)
            ) {
                r.at(
                    t,
                    format!(
                        "annotation target `{}` is no node, group or subnet",
                        t.get_ref()
                    ),
                );
            }
        }
        if a.text.get_ref().trim().is_empty() {
            r.at(&a.text, "annotation text is empty");
        }
        out.push(Annotation {
            target: a.target.as_ref().map(|t| t.get_ref().clone()),
            key: a.key.as_ref().map(|k| k.get_ref().trim().to_string()),
            text: a.text.get_ref().trim().to_string(),
        });
    }
    out
}
