//! Checks across a design drill's rules that catch authoring mistakes no learner could work around:
//! a rule that no design can satisfy with this palette and canvas, and required rules that
//! contradict each other. Both are reported at the rule's line.
use super::graph::Sel;
use super::rules::{Bounds, Check, Per};
use super::{Design, Level, Rule};
use crate::diagram::Diagram;
use crate::report::Report;

/// How many components matching `sel` a design could hold at most, and how many kept nodes match
/// inside `within` (which cannot move).
fn supply(design: &Design, d: &Diagram, sel: Sel, within: Option<usize>) -> (u32, u32) {
    let cap = design.max_components as u32;
    let placeable_inside = design
        .places
        .iter()
        .any(|&p| within.is_none_or(|w| design.topo.places[p].within >> w & 1 == 1));
    let cards: u32 = design
        .cards
        .iter()
        .filter(|c| match sel {
            Sel::Role(r) => c.role == r,
            Sel::Kind(k) => c.kind.name == k,
        })
        .map(|c| c.max.unwrap_or(cap).min(cap))
        .sum::<u32>()
        .min(cap);
    let kept = design
        .kept
        .iter()
        .filter_map(|id| d.node(id))
        .filter(|n| match sel {
            Sel::Role(r) => design.role_of(&n.id) == Some(r),
            Sel::Kind(k) => n.kind.name == k,
        })
        .filter(|n| {
            let p = design.topo.of_node(&n.place);
            within.is_none_or(|w| design.topo.places[p].within >> w & 1 == 1)
        })
        .count() as u32;
    (if placeable_inside { cards } else { 0 }, kept)
}

pub(crate) fn satisfiable(design: &Design, d: &Diagram, r: &mut Report) {
    let azs = design.topo.azs.len() as u32;
    for rule in &design.rules {
        let problem = match &rule.check {
            Check::Count {
                what,
                within,
                per,
                bounds,
            } => {
                let (movable, kept) = supply(design, d, *what, *within);
                if bounds.min > movable + kept {
                    Some(format!(
                        "no design can satisfy this rule: at most {} matching components fit there, it asks for {}",
                        movable + kept,
                        bounds.min
                    ))
                } else if *per == Per::Once && bounds.max.is_some_and(|m| kept > m) {
                    Some(format!("no design can satisfy this rule: {kept} kept nodes already match and cannot move"))
                } else {
                    None
                }
            }
            Check::ServesAzs { min, .. } if *min > azs => Some(format!(
                "no design can satisfy this rule: the canvas has {azs} AZs, it asks for {min}"
            )),
            Check::DifferentAzs { .. } if azs < 2 => Some(
                "no design can satisfy this rule: the canvas has fewer than two AZs".to_string(),
            ),
            _ => None,
        };
        if let Some(p) = problem {
            r.line(rule.line, p);
        }
    }
}

pub(crate) fn contradictions(design: &Design, r: &mut Report) {
    let required: Vec<&Rule> = design
        .rules
        .iter()
        .filter(|x| x.level == Level::Required)
        .collect();
    for (i, a) in required.iter().enumerate() {
        for b in &required[i + 1..] {
            if let Some(why) = contradiction(&a.check, &b.check) {
                r.line(
                    b.line,
                    format!("contradicts the required rule at line {}: {why}", a.line),
                );
            }
        }
    }
}

fn contradiction(a: &Check, b: &Check) -> Option<&'static str> {
    let ends = |c: &Check| match c {
        Check::Path { from, to, .. } => Some((*from, *to, true)),
        Check::Connected {
            from,
            to,
            either: false,
            label: None,
            ..
        } => Some((*from, *to, true)),
        Check::NoPath { from, to } => Some((*from, *to, false)),
        _ => None,
    };
    match (a, b) {
        (
            Check::Count {
                what: w1,
                within: p1,
                per: q1,
                bounds: b1,
            },
            Check::Count {
                what: w2,
                within: p2,
                per: q2,
                bounds: b2,
            },
        ) if (w1, p1, q1) == (w2, p2, q2) && !meets(*b1, *b2) => {
            Some("both count the same thing in the same place, and no number meets both")
        }
        _ => match (ends(a), ends(b)) {
            (Some((f1, t1, x)), Some((f2, t2, y))) if f1 == f2 && t1 == t2 && x != y => {
                Some("one asks for a path, the other forbids every path between the same ends")
            }
            _ => None,
        },
    }
}

fn meets(a: Bounds, b: Bounds) -> bool {
    a.meets(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(min: u32, max: Option<u32>) -> Check {
        Check::Count {
            what: Sel::Role(1),
            within: Some(2),
            per: Per::Az,
            bounds: Bounds { min, max },
        }
    }

    #[test]
    fn disjoint_counts_contradict() {
        assert!(contradiction(&count(2, None), &count(0, Some(1))).is_some());
        assert!(contradiction(&count(1, None), &count(0, Some(1))).is_none());
    }

    #[test]
    fn counts_of_different_places_never_contradict() {
        let mut other = count(0, Some(0));
        if let Check::Count { within, .. } = &mut other {
            *within = Some(3);
        }
        assert!(contradiction(&count(2, None), &other).is_none());
    }

    #[test]
    fn path_and_no_path_between_the_same_ends_contradict() {
        let (a, b) = (Sel::Role(0), Sel::Role(3));
        let path = Check::Path {
            from: a,
            to: b,
            through: vec![],
        };
        let none = Check::NoPath { from: a, to: b };
        assert!(contradiction(&path, &none).is_some());
        assert!(contradiction(&none, &Check::NoPath { from: a, to: b }).is_none());
        let reverse = Check::NoPath { from: b, to: a };
        assert!(contradiction(&path, &reverse).is_none());
    }
}
