//! Turns a parsed diagram file into a `Diagram`, or explains, line by line, why it cannot. A diagram
//! with any problem is dropped (layout assumes every reference resolves); the rest of the library loads.
use crate::diagram::{Az, Diagram, Grid, Group, Subnet, Tier};
use crate::kinds::{self, Arrange, GroupKind, TierKind};
use crate::report::{choices, is_slug, Named, Report};
use crate::spec::{FileSpec, S};
use crate::validate_layouts;
use crate::validate_messages;
use crate::validate_nodes;
use std::collections::HashMap;

/// A source cites a passage of a guide as `NNN:Lx-y` (or `NNN:Lx`).
fn is_source(s: &str) -> bool {
    let Some((guide, lines)) = s.split_once(":L") else {
        return false;
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    guide.len() == 3
        && digits(guide)
        && match lines.split_once('-') {
            Some((a, b)) => digits(a) && digits(b),
            None => digits(lines),
        }
}

pub(crate) fn diagram(spec: &FileSpec, r: &mut Report) -> Option<Diagram> {
    let before = r.problems.len();
    let Some(head) = &spec.diagram else {
        let stray = spec
            .group
            .first()
            .map(|g| r.lines.of(g))
            .or_else(|| spec.node.first().map(|n| r.lines.of(n)));
        if let Some(line) = stray {
            r.line(
                line,
                "diagram tables need a [diagram] table with an id and a title",
            );
        }
        return None;
    };
    let h = head.get_ref();
    if !is_slug(h.id.get_ref()) {
        r.at(
            &h.id,
            format!(
                "diagram id {:?} must be a lowercase slug (a-z, 0-9, -)",
                h.id.get_ref()
            ),
        );
    }
    if h.title.get_ref().trim().is_empty() {
        r.at(&h.title, "the diagram title is empty");
    }
    for s in &h.sources {
        if !is_source(s.get_ref()) {
            r.at(
                s,
                format!("source {:?} must look like 002:L336-393", s.get_ref()),
            );
        }
    }
    let arrange = arrange(h.arrange.as_ref(), Arrange::Column, r);

    // One namespace for every id in the file, so an edge or drill can name anything unambiguously.
    let mut names: HashMap<&str, (Named, u32)> = HashMap::new();
    for g in &spec.group {
        declare(&mut names, r, &g.get_ref().id, Named::Group);
    }
    for a in &spec.az {
        declare(&mut names, r, &a.get_ref().id, Named::Az);
    }
    for t in &spec.tier {
        declare(&mut names, r, &t.get_ref().id, Named::Tier);
    }
    for s in &spec.subnet {
        declare(&mut names, r, &s.get_ref().id, Named::Subnet);
    }
    for n in &spec.node {
        declare(&mut names, r, &n.get_ref().id, Named::Node);
    }
    // A message is a node too: drills blank, order and grade it like one.
    for m in &spec.message {
        declare(&mut names, r, &m.get_ref().id, Named::Node);
    }
    let kind_of = |id: &str| names.get(id).map(|(k, _)| *k);

    let groups = groups(spec, r, &kind_of);
    let grid = grid(spec, r, &kind_of);
    let mut nodes = validate_nodes::nodes(spec, r, &kind_of, grid.as_ref());
    validate_nodes::check_arrangements(&groups, &nodes, grid.as_ref(), spec, r);
    validate_layouts::check(spec, arrange, &groups, &nodes, r);
    let mut edges = validate_nodes::edges(spec, r, &kind_of);
    validate_messages::messages(spec, arrange, &mut nodes, &mut edges, r);
    let annotations = validate_nodes::annotations(spec, r, &kind_of);

    (r.problems.len() == before).then(|| Diagram {
        id: h.id.get_ref().clone(),
        title: h.title.get_ref().trim().to_string(),
        description: h
            .description
            .as_ref()
            .map(|d| d.get_ref().trim().to_string())
            .unwrap_or_default(),
        file: r.file.to_string(),
        sources: h.sources.iter().map(|s| s.get_ref().clone()).collect(),
        arrange,
        groups,
        grid,
        nodes,
        edges,
        annotations,
    })
}

fn declare<'a>(
    names: &mut HashMap<&'a str, (Named, u32)>,
    r: &mut Report,
    id: &'a S<String>,
    what: Named,
) {
    if !is_slug(id.get_ref()) {
        r.at(
            id,
            format!(
                "{} id {:?} must be a lowercase slug (a-z, 0-9, -)",
                what.word(),
                id.get_ref()
            ),
        );
    }
    let line = r.lines.of(id);
    if let Some((_, first)) = names.insert(id.get_ref(), (what, line)) {
        r.at(
            id,
            format!(
                "duplicate id `{}` (first used on line {first})",
                id.get_ref()
            ),
        );
    }
}

fn arrange(spec: Option<&S<String>>, default: Arrange, r: &mut Report) -> Arrange {
    let Some(s) = spec else { return default };
    Arrange::parse(s.get_ref()).unwrap_or_else(|| {
        r.at(
            s,
            format!(
                "unknown arrange {:?}; use row, column, square or hub (or, for a whole diagram, tree, ladder or sequence)",
                s.get_ref()
            ),
        );
        default
    })
}

fn groups(spec: &FileSpec, r: &mut Report, kind_of: &dyn Fn(&str) -> Option<Named>) -> Vec<Group> {
    let mut out = Vec::new();
    for g in &spec.group {
        let g = g.get_ref();
        let kind = GroupKind::parse(g.kind.get_ref()).unwrap_or_else(|| {
            let names = choices(kinds::GROUP_KINDS.iter().map(|(n, _)| *n));
            r.at(
                &g.kind,
                format!(
                    "unknown group kind {:?}; use one of: {names}",
                    g.kind.get_ref()
                ),
            );
            GroupKind::Zone
        });
        if let Some(p) = &g.parent {
            match kind_of(p.get_ref()) {
                Some(Named::Group) => {}
                Some(other) => r.at(
                    p,
                    format!(
                        "group `{}` is in `{}`, which is a {}, not a group",
                        g.id.get_ref(),
                        p.get_ref(),
                        other.word()
                    ),
                ),
                None => r.at(
                    p,
                    format!(
                        "group `{}` is in unknown group `{}`",
                        g.id.get_ref(),
                        p.get_ref()
                    ),
                ),
            }
        }
        out.push(Group {
            id: g.id.get_ref().clone(),
            kind,
            label: g
                .label
                .as_ref()
                .map(|l| l.get_ref().trim().to_string())
                .unwrap_or_default(),
            cidr: g.cidr.as_ref().map(|c| c.get_ref().clone()),
            parent: g.parent.as_ref().map(|p| p.get_ref().clone()),
            arrange: arrange(g.arrange.as_ref(), kind.default_arrange(), r),
        });
    }
    // A group inside itself (directly or through others) would make layout recurse forever.
    for (i, g) in spec.group.iter().enumerate() {
        let mut at = out[i].parent.clone();
        for _ in 0..=out.len() {
            let Some(p) = at else { break };
            if p == out[i].id {
                r.at(
                    &g.get_ref().id,
                    format!("group `{}` is inside itself", out[i].id),
                );
                break;
            }
            at = out
                .iter()
                .find(|o| o.id == p)
                .and_then(|o| o.parent.clone());
        }
    }
    out
}

fn grid(spec: &FileSpec, r: &mut Report, kind_of: &dyn Fn(&str) -> Option<Named>) -> Option<Grid> {
    let Some(g) = &spec.grid else {
        if let Some(first) = spec
            .az
            .first()
            .map(|a| r.lines.of(a))
            .or_else(|| spec.tier.first().map(|t| r.lines.of(t)))
            .or_else(|| spec.subnet.first().map(|s| r.lines.of(s)))
        {
            r.line(
                first,
                "AZs, tiers and subnets need a [grid] table saying which group holds them",
            );
        }
        return None;
    };
    let host = &g.get_ref().host;
    if kind_of(host.get_ref()) != Some(Named::Group) {
        r.at(
            host,
            format!("the grid is in `{}`, which is not a group", host.get_ref()),
        );
    }
    if spec.az.is_empty() || spec.tier.is_empty() {
        r.at(g, "a grid needs at least one [[az]] and one [[tier]]");
    }
    let azs = spec
        .az
        .iter()
        .map(|a| Az {
            id: a.get_ref().id.get_ref().clone(),
            label: a.get_ref().label.get_ref().clone(),
        })
        .collect();
    let tiers: Vec<Tier> = spec
        .tier
        .iter()
        .map(|t| {
            let t = t.get_ref();
            let kind = TierKind::parse(t.kind.get_ref()).unwrap_or_else(|| {
                r.at(
                    &t.kind,
                    format!(
                        "unknown tier kind {:?}; use public, private or data",
                        t.kind.get_ref()
                    ),
                );
                TierKind::Private
            });
            Tier {
                id: t.id.get_ref().clone(),
                label: t.label.get_ref().clone(),
                kind,
            }
        })
        .collect();
    let mut cells: HashMap<(&str, &str), &str> = HashMap::new();
    let mut subnets = Vec::new();
    for s in &spec.subnet {
        let s = s.get_ref();
        for (field, want) in [(&s.az, Named::Az), (&s.tier, Named::Tier)] {
            if kind_of(field.get_ref()) != Some(want) {
                r.at(
                    field,
                    format!(
                        "subnet `{}` names unknown {} `{}`",
                        s.id.get_ref(),
                        want.word(),
                        field.get_ref()
                    ),
                );
            }
        }
        if let Some(other) = cells.insert((s.az.get_ref(), s.tier.get_ref()), s.id.get_ref()) {
            r.at(
                &s.id,
                format!(
                    "subnet `{}` is in the same AZ and tier as `{other}`",
                    s.id.get_ref()
                ),
            );
        }
        let tier_label = tiers
            .iter()
            .find(|t| &t.id == s.tier.get_ref())
            .map(|t| t.label.clone())
            .unwrap_or_default();
        subnets.push(Subnet {
            id: s.id.get_ref().clone(),
            az: s.az.get_ref().clone(),
            tier: s.tier.get_ref().clone(),
            label: s
                .label
                .as_ref()
                .map(|l| l.get_ref().clone())
                .unwrap_or(tier_label),
            cidr: s.cidr.as_ref().map(|c| c.get_ref().clone()),
        });
    }
    Some(Grid {
        host: host.get_ref().clone(),
        azs,
        tiers,
        subnets,
    })
}

/// A diagram from TOML that must be valid, for the unit tests of the layers above, which must not
/// reach up to the `Library` for one.
#[cfg(test)]
pub(crate) fn valid(text: &str) -> Diagram {
    let lines = crate::spec::Lines::new(text);
    let spec = crate::spec::parse("test.toml", text, &lines).expect("parses");
    let mut r = Report {
        file: "test.toml",
        lines: &lines,
        problems: Vec::new(),
    };
    let d = diagram(&spec, &mut r);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    d.expect("a valid diagram")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources() {
        assert!(is_source("002:L336-393") && is_source("000:L12"));
        assert!(
            !is_source("2:L3")
                && !is_source("002:336")
                && !is_source("002:L3-")
                && !is_source("002:Lx")
        );
    }
}
