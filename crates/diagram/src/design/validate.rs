//! Turns a design drill's TOML (cards, rules, model) into a `Design` against its canvas, reporting
//! each problem at its line: unknown kinds, cards, roles, places and labels; rules that no design
//! could satisfy with this palette and canvas; contradictory required rules; and a model design that
//! fails its own rules. Rule parsing lives in rule_spec.rs.
use super::graph::MAX_NODES;
use super::rule_spec::{check_rules, rule};
use super::same_label;
use super::topology::{PlaceKind, Topology};
use super::{Card, Design, Link, Placed, DEFAULT_MAX_COMPONENTS, MAX_COMPONENTS};
use crate::diagram::Diagram;
use crate::kinds::{self, GroupKind};
use crate::report::{is_slug, Report};
use crate::spec::{DrillSpec, S};

pub(crate) fn design(s: &DrillSpec, d: &Diagram, r: &mut Report) -> Option<Design> {
    let before = r.problems.len();
    let Some(topo) = Topology::of(d) else {
        r.at(
            &s.id,
            format!("the canvas `{}` has more than 128 places", d.id),
        );
        return None;
    };
    if s.requirements.is_empty() {
        r.at(&s.id, "a design drill needs `requirements`");
    }
    for req in s
        .requirements
        .iter()
        .filter(|q| q.get_ref().trim().is_empty())
    {
        r.at(req, "empty requirement");
    }
    let mut kept = Vec::new();
    for k in &s.keep {
        match d.node(k.get_ref()) {
            Some(_) if kept.contains(k.get_ref()) => {
                r.at(k, format!("`{}` is kept twice", k.get_ref()))
            }
            Some(_) => kept.push(k.get_ref().clone()),
            None => r.at(
                k,
                format!("`keep` names unknown node `{}` of `{}`", k.get_ref(), d.id),
            ),
        }
    }
    let places = places(s, &topo, d, r);
    let labels = labels(s, r);
    let max_components = match &s.max_components {
        Some(m) if !(1..=MAX_COMPONENTS as u32).contains(m.get_ref()) => {
            r.at(m, format!("max_components must be 1 to {MAX_COMPONENTS}"));
            DEFAULT_MAX_COMPONENTS
        }
        Some(m) => *m.get_ref() as usize,
        None => DEFAULT_MAX_COMPONENTS,
    };
    if kept.len() + max_components > MAX_NODES {
        r.at(
            &s.id,
            format!("kept nodes and max_components together exceed {MAX_NODES}"),
        );
    }
    let mut design = Design {
        requirements: s
            .requirements
            .iter()
            .map(|q| q.get_ref().trim().to_string())
            .collect(),
        roles: kept.clone(),
        kept,
        places,
        labels,
        max_components,
        cards: Vec::new(),
        rules: Vec::new(),
        model: Vec::new(),
        model_links: Vec::new(),
        topo,
    };
    cards(s, &mut design, r);
    design.rules = s
        .rule
        .iter()
        .filter_map(|spec| rule(spec, &design, d, r))
        .collect();
    if s.rule.is_empty() {
        r.at(&s.id, "a design drill needs at least one `[[drill.rule]]`");
    }
    model(s, &mut design, r);
    if r.problems.len() == before {
        check_rules(s, &design, d, r);
    }
    (r.problems.len() == before).then_some(design)
}

fn places(s: &DrillSpec, topo: &Topology, d: &Diagram, r: &mut Report) -> Vec<usize> {
    // A component spans a tier only where the grid has two or more AZs to span.
    let spans = d.grid.as_ref().is_some_and(|g| g.azs.len() >= 2);
    // A plain group is never drawn, so nothing could be dropped on it.
    let plain = |i: usize| {
        d.group(&topo.places[i].id)
            .is_some_and(|g| g.kind == GroupKind::Plain)
    };
    let placeable = |i: usize| match topo.places[i].kind {
        PlaceKind::Az => false,
        PlaceKind::Tier => spans,
        PlaceKind::Group => !plain(i),
        _ => true,
    };
    match &s.places {
        None => (0..topo.places.len()).filter(|&i| placeable(i)).collect(),
        Some(list) => {
            let mut out = Vec::new();
            for p in list {
                match topo.index(p.get_ref()) {
                    Some(i) if placeable(i) && !out.contains(&i) => out.push(i),
                    Some(i) if placeable(i) => {
                        r.at(p, format!("place `{}` is listed twice", p.get_ref()))
                    }
                    Some(_) => r.at(
                        p,
                        format!(
                            "`{}` is an AZ column, a plain group or a one-AZ tier: nothing can be dropped there",
                            p.get_ref()
                        ),
                    ),
                    None => r.at(
                        p,
                        format!(
                            "unknown place `{}`: use a group, subnet or tier id, or `outside`",
                            p.get_ref()
                        ),
                    ),
                }
            }
            if list.is_empty() {
                r.line(0, "`places` is empty: no component could be placed");
            }
            out
        }
    }
}

fn labels(s: &DrillSpec, r: &mut Report) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in &s.labels {
        let text = l.get_ref().trim();
        if text.is_empty() || text.chars().count() > 40 {
            r.at(l, "a connection label must have 1 to 40 characters");
        } else if out.iter().any(|o| same_label(o, text)) {
            r.at(l, format!("connection label {text:?} is listed twice"));
        } else {
            out.push(text.to_string());
        }
    }
    out
}

fn cards(s: &DrillSpec, design: &mut Design, r: &mut Report) {
    if s.card.is_empty() {
        r.at(&s.id, "a design drill needs a palette: `[[drill.card]]`");
    }
    for (i, spec) in s.card.iter().enumerate() {
        let c = spec.get_ref();
        let id = c.id.get_ref();
        if !is_slug(id) {
            r.at(&c.id, format!("card id {id:?} must be a lowercase slug"));
        }
        if design.cards.iter().any(|o| &o.author == id) {
            r.at(&c.id, format!("card id `{id}` is used twice"));
        }
        let Some(kind) = kinds::component(c.kind.get_ref()) else {
            r.at(
                &c.kind,
                format!("unknown component kind `{}`", c.kind.get_ref()),
            );
            continue;
        };
        if c.label.get_ref().trim().is_empty() {
            r.at(&c.label, format!("card `{id}` has an empty label"));
        }
        if let Some(m) = c.max.as_ref().filter(|m| *m.get_ref() == 0) {
            r.at(
                m,
                "a card's `max` must be at least 1 (leave a card out instead)",
            );
        }
        let role_name = c.role.as_ref().map_or(id, |x| x.get_ref());
        if !is_slug(role_name) {
            r.at(
                c.role.as_ref().unwrap_or(&c.id),
                format!("role {role_name:?} must be a lowercase slug"),
            );
        }
        let role = match design.role_of(role_name) {
            Some(k) => k,
            None => {
                design.roles.push(role_name.clone());
                (design.roles.len() - 1) as u16
            }
        };
        design.cards.push(Card {
            id: format!("p{}", i + 1),
            author: id.clone(),
            kind,
            label: c.label.get_ref().trim().to_string(),
            role,
            max: c.max.as_ref().map(|m| *m.get_ref()),
        });
    }
}

fn model(s: &DrillSpec, design: &mut Design, r: &mut Report) {
    if s.model.is_empty() {
        r.at(
            &s.id,
            "a design drill needs a model design: `[[drill.model]]`",
        );
    }
    for spec in &s.model {
        let m = spec.get_ref();
        let id = m.id.get_ref();
        if !is_slug(id)
            || design.model.iter().any(|o| &o.id == id)
            || design.kept.contains(id)
            || design.topo.index(id).is_some()
        {
            r.at(&m.id, format!("model component id `{id}` must be a slug unique among the model, the kept nodes and the places"));
        }
        let Some(card) = design
            .cards
            .iter()
            .position(|c| &c.author == m.card.get_ref())
        else {
            r.at(
                &m.card,
                format!("model uses unknown card `{}`", m.card.get_ref()),
            );
            continue;
        };
        let Some(place) = design
            .topo
            .index(m.place.get_ref())
            .filter(|p| design.places.contains(p))
        else {
            r.at(
                &m.place,
                format!(
                    "model puts `{id}` in `{}`, which is not a place of this canvas",
                    m.place.get_ref()
                ),
            );
            continue;
        };
        design.model.push(Placed {
            id: id.clone().into(),
            card,
            place,
        });
    }
    model_limits(s, design, r);
    model_links(s, design, r);
}

/// The model keeps within each card's `max` and the drill's `max_components`.
fn model_limits(s: &DrillSpec, design: &Design, r: &mut Report) {
    for (i, c) in design.cards.iter().enumerate() {
        let used = design.model.iter().filter(|p| p.card == i).count() as u32;
        if c.max.is_some_and(|m| used > m) {
            r.at(
                &s.model[0],
                format!(
                    "the model places card `{}` {used} times, above its max",
                    c.author
                ),
            );
        }
    }
    if design.model.len() > design.max_components {
        r.at(
            &s.model[0],
            "the model places more components than max_components",
        );
    }
}

/// The model's connections: between known components, with labels from the drill's list.
fn model_links(s: &DrillSpec, design: &mut Design, r: &mut Report) {
    for spec in &s.link {
        let l = spec.get_ref();
        let known = |x: &S<String>| {
            design.model.iter().any(|m| &m.id == x.get_ref()) || design.kept.contains(x.get_ref())
        };
        for end in [&l.from, &l.to] {
            if !known(end) {
                r.at(
                    end,
                    format!(
                        "model link to unknown component `{}` (a model id or a kept node)",
                        end.get_ref()
                    ),
                );
            }
        }
        let label = l.label.as_ref().map(|x| {
            (
                x,
                design
                    .labels
                    .iter()
                    .position(|o| same_label(o, x.get_ref())),
            )
        });
        if let Some((x, None)) = &label {
            r.at(
                *x,
                format!("link label {:?} is not one of `labels`", x.get_ref()),
            );
        }
        design.model_links.push(Link {
            from: l.from.get_ref().clone().into(),
            to: l.to.get_ref().clone().into(),
            label: label.and_then(|(_, i)| i).map(|i| i as u16),
        });
    }
}
