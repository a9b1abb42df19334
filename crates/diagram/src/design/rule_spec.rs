//! One `[[drill.rule]]` table to a `Rule`: the check's own fields read, any other field refused,
//! selectors and places resolved. Then the checks across rules: satisfiable with this palette and
//! canvas, no two required rules contradicting, and the model design passing every rule.
use super::graph::Sel;
use super::rules::{eval, Bounds, Check, Per};
use super::same_label;
use super::{Design, Level, Rule};
use crate::diagram::Diagram;
use crate::kinds;
use crate::report::Report;
use crate::spec::RuleSpec;
use crate::spec::{DrillSpec, S};

const CHECKS: &str =
    "count, connected, path, all-paths-through, no-path, different-azs, serves-azs";

/// The fields each check reads, besides the common ones (level, weight, penalty, pass, fail).
fn fields_of(check: &str) -> Option<&'static [&'static str]> {
    Some(match check {
        "count" => &["what", "in", "per", "min", "max", "exactly"],
        "connected" => &["from", "to", "label", "direction", "each"],
        "path" | "all-paths-through" => &["from", "to", "through"],
        "no-path" => &["from", "to"],
        "different-azs" => &["what", "other"],
        "serves-azs" => &["what", "min", "each"],
        _ => return None,
    })
}

fn present(s: &RuleSpec) -> Vec<(&'static str, u32)> {
    let line = |x: Option<usize>| x.map(|o| o as u32);
    let at = |o: Option<std::ops::Range<usize>>| line(o.map(|r| r.start));
    [
        ("what", at(s.what.as_ref().map(|x| x.span()))),
        ("other", at(s.other.as_ref().map(|x| x.span()))),
        ("from", at(s.from.as_ref().map(|x| x.span()))),
        ("to", at(s.to.as_ref().map(|x| x.span()))),
        ("through", at(s.through.as_ref().map(|x| x.span()))),
        ("in", at(s.within.as_ref().map(|x| x.span()))),
        ("per", at(s.per.as_ref().map(|x| x.span()))),
        ("min", at(s.min.as_ref().map(|x| x.span()))),
        ("max", at(s.max.as_ref().map(|x| x.span()))),
        ("exactly", at(s.exactly.as_ref().map(|x| x.span()))),
        ("label", at(s.label.as_ref().map(|x| x.span()))),
        ("direction", at(s.direction.as_ref().map(|x| x.span()))),
        ("each", s.each.then_some(s.pass.span().start as u32)),
    ]
    .into_iter()
    .filter_map(|(f, o)| o.map(|o| (f, o)))
    .collect()
}

pub(crate) fn rule(
    spec: &S<RuleSpec>,
    design: &Design,
    d: &Diagram,
    r: &mut Report,
) -> Option<Rule> {
    let s = spec.get_ref();
    let name = s.check.get_ref().as_str();
    let Some(allowed) = fields_of(name) else {
        r.at(&s.check, format!("unknown check `{name}`; use {CHECKS}"));
        return None;
    };
    for (field, offset) in present(s) {
        if !allowed.contains(&field) {
            r.line(
                r.lines.line(offset as usize),
                format!("`{name}` rules take no `{field}`"),
            );
        }
    }
    let before = r.problems.len();
    let check = check(s, name, design, d, r)?;
    let level = match s.level.as_ref().map(|l| l.get_ref().as_str()) {
        None | Some("required") => Level::Required,
        Some("advice") => Level::Advice,
        Some(other) => {
            r.at(
                s.level.as_ref().unwrap(),
                format!("unknown level `{other}`; use required or advice"),
            );
            Level::Required
        }
    };
    let unit = |x: &Option<S<f64>>, what: &str, default: f64, r: &mut Report| match x {
        Some(v) if !(0.0..=1.0).contains(v.get_ref()) && what == "penalty" => {
            r.at(v, "penalty must be between 0 and 1");
            default
        }
        Some(v) if !(*v.get_ref() > 0.0 && *v.get_ref() <= 100.0) && what == "weight" => {
            r.at(v, "weight must be above 0 and at most 100");
            default
        }
        Some(v) => *v.get_ref(),
        None => default,
    };
    let weight = unit(&s.weight, "weight", 1.0, r);
    let penalty = unit(&s.penalty, "penalty", 0.1, r);
    if let (Level::Required, Some(p)) = (level, &s.penalty) {
        r.at(p, "required rules take a `weight`; `penalty` is for advice");
    }
    if let (Level::Advice, Some(w)) = (level, &s.weight) {
        r.at(
            w,
            "advice takes a `penalty`; `weight` is for required rules",
        );
    }
    for (text, what) in [(&s.pass, "pass"), (&s.fail, "fail")] {
        if text.get_ref().trim().is_empty() {
            r.at(text, format!("empty `{what}` message"));
        }
    }
    (r.problems.len() == before).then(|| Rule {
        check,
        level,
        weight,
        penalty,
        pass: s.pass.get_ref().trim().to_string(),
        fail: s.fail.get_ref().trim().to_string(),
        line: r.lines.of(spec),
    })
}

fn check(s: &RuleSpec, name: &str, design: &Design, d: &Diagram, r: &mut Report) -> Option<Check> {
    let need = |x: &Option<S<String>>, field: &str, r: &mut Report| -> Option<Sel> {
        match x {
            Some(v) => selector(v, design, d, r),
            None => {
                r.at(&s.check, format!("`{name}` rules need `{field}`"));
                None
            }
        }
    };
    Some(match name {
        "count" => Check::Count {
            what: need(&s.what, "what", r)?,
            within: place(s, design, r)?,
            per: per(s, design, r)?,
            bounds: bounds(s, r)?,
        },
        "connected" => Check::Connected {
            from: need(&s.from, "from", r)?,
            to: need(&s.to, "to", r)?,
            label: connection_label(s, design, r)?,
            either: either_direction(s, r)?,
            each: s.each,
        },
        "path" | "all-paths-through" | "no-path" => {
            let (from, to) = (need(&s.from, "from", r)?, need(&s.to, "to", r)?);
            let through = through(s, design, d, r)?;
            match name {
                "path" => Check::Path { from, to, through },
                "no-path" => Check::NoPath { from, to },
                _ if through.is_empty() => {
                    r.at(&s.check, "`all-paths-through` rules need `through`");
                    return None;
                }
                _ => Check::AllPathsThrough { from, to, through },
            }
        }
        "different-azs" => {
            let what = need(&s.what, "what", r)?;
            let other = match &s.other {
                Some(o) => selector(o, design, d, r)?,
                None => what,
            };
            Check::DifferentAzs { what, other }
        }
        _ => Check::ServesAzs {
            what: need(&s.what, "what", r)?,
            min: match &s.min {
                Some(m) if *m.get_ref() >= 1 => *m.get_ref(),
                _ => {
                    r.at(&s.check, "`serves-azs` rules need `min` of at least 1");
                    return None;
                }
            },
            each: s.each,
        },
    })
}

/// A connected rule's optional label, as its index in the drill's `labels`: `Some(None)` when the
/// rule names none, `None` (reported) when it names one the drill does not list.
fn connection_label(s: &RuleSpec, design: &Design, r: &mut Report) -> Option<Option<u16>> {
    let Some(l) = &s.label else {
        return Some(None);
    };
    match design
        .labels
        .iter()
        .position(|o| same_label(o, l.get_ref()))
    {
        Some(i) => Some(Some(i as u16)),
        None => {
            r.at(
                l,
                format!("label {:?} is not one of the drill's `labels`", l.get_ref()),
            );
            None
        }
    }
}

/// Whether a connected rule accepts either direction (`direction = "either"`).
fn either_direction(s: &RuleSpec, r: &mut Report) -> Option<bool> {
    let Some(dir) = &s.direction else {
        return Some(false);
    };
    match dir.get_ref().as_str() {
        "forward" => Some(false),
        "either" => Some(true),
        o => {
            r.at(
                dir,
                format!("unknown direction `{o}`; use forward or either"),
            );
            None
        }
    }
}

/// The selectors a path rule must pass through, in order.
fn through(s: &RuleSpec, design: &Design, d: &Diagram, r: &mut Report) -> Option<Vec<Sel>> {
    let Some(spanned) = &s.through else {
        return Some(Vec::new());
    };
    spanned
        .get_ref()
        .as_slice()
        .iter()
        .map(|t| selector(&S::new(spanned.span(), t.clone()), design, d, r))
        .collect()
}

/// `kind:<component kind>` or a role (a card's role, or a kept node's id).
fn selector(v: &S<String>, design: &Design, d: &Diagram, r: &mut Report) -> Option<Sel> {
    let text = v.get_ref().as_str();
    if let Some(k) = text.strip_prefix("kind:") {
        let Some(kind) = kinds::component(k) else {
            r.at(v, format!("unknown component kind `{k}`"));
            return None;
        };
        let used = design.cards.iter().any(|c| c.kind.name == kind.name)
            || design
                .kept
                .iter()
                .any(|n| d.node(n).is_some_and(|n| n.kind.name == kind.name));
        if !used {
            r.at(
                v,
                format!(
                    "no card and no kept node is of kind `{k}`: the rule could only ever see none"
                ),
            );
            return None;
        }
        return Some(Sel::Kind(kind.name));
    }
    match design.role_of(text) {
        Some(role) => Some(Sel::Role(role)),
        None => {
            r.at(
                v,
                format!(
                    "`{text}` is no card's role and no kept node: roles here are {}",
                    design.roles.join(", ")
                ),
            );
            None
        }
    }
}

fn place(s: &RuleSpec, design: &Design, r: &mut Report) -> Option<Option<usize>> {
    match &s.within {
        None => Some(None),
        Some(p) => match design.topo.index(p.get_ref()) {
            Some(i) => Some(Some(i)),
            None => {
                r.at(p, format!("unknown place `{}` in this canvas", p.get_ref()));
                None
            }
        },
    }
}

fn per(s: &RuleSpec, design: &Design, r: &mut Report) -> Option<Per> {
    let Some(p) = &s.per else {
        return Some(Per::Once);
    };
    let (per, empty) = match p.get_ref().as_str() {
        "az" => (Per::Az, design.topo.azs.is_empty()),
        "tier" => (Per::Tier, design.topo.tiers.is_empty()),
        other => {
            r.at(p, format!("unknown `per` {other:?}; use az or tier"));
            return None;
        }
    };
    if empty {
        r.at(
            p,
            format!("the canvas has no {}s to count per", p.get_ref()),
        );
        return None;
    }
    Some(per)
}

fn bounds(s: &RuleSpec, r: &mut Report) -> Option<Bounds> {
    let v = |x: &Option<S<u32>>| x.as_ref().map(|x| *x.get_ref());
    match (v(&s.min), v(&s.max), v(&s.exactly)) {
        (None, None, None) => {
            r.at(&s.check, "a `count` rule needs `min`, `max` or `exactly`");
            None
        }
        (Some(_), _, Some(_)) | (_, Some(_), Some(_)) => {
            r.at(
                s.exactly.as_ref().unwrap(),
                "`exactly` replaces `min` and `max`: give one or the other",
            );
            None
        }
        (_, _, Some(e)) => Some(Bounds {
            min: e,
            max: Some(e),
        }),
        (min, max, None) if min.zip(max).is_some_and(|(a, b)| a > b) => {
            r.at(
                s.min.as_ref().unwrap(),
                "`min` is above `max`: no design can satisfy this rule",
            );
            None
        }
        (min, max, None) => Some(Bounds {
            min: min.unwrap_or(0),
            max,
        }),
    }
}

pub(crate) fn check_rules(s: &DrillSpec, design: &Design, d: &Diagram, r: &mut Report) {
    super::satisfy::satisfiable(design, d, r);
    super::satisfy::contradictions(design, r);
    let model = design.graph(d, &design.model, &design.model_links);
    let line = s.model.first().map_or(0, |m| r.lines.of(m));
    for rule in &design.rules {
        if !eval(&rule.check, &model, &design.topo).passed {
            r.line(
                line,
                format!(
                    "the model design fails its own {} rule at line {}: {}",
                    rule.level.name(),
                    rule.line,
                    rule.fail
                ),
            );
        }
    }
}
