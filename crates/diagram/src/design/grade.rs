//! Grades a design: every rule evaluated over the placed graph. Score = weight of the required
//! rules passed / weight of all required rules − penalties of the advice not followed, in [0, 1].
use super::graph::{bits, Graph};
use super::rules::{eval, Outcome};
use super::{submit, Design, Level};
use crate::diagram::Diagram;
use crate::drill_kind::DrillKind;
use crate::error::DrillError;
use crate::result::{rating, GradeResult, RuleResult};
use crate::submission::Submission;

/// Grades `sub` for the design drill `drill_id` of `kind` (the drill's own fields, not the `Drill`,
/// which sits above this module).
pub(crate) fn grade(
    drill_id: &str,
    kind: DrillKind,
    design: &Design,
    d: &Diagram,
    sub: &Submission,
) -> Result<GradeResult, DrillError> {
    let (comps, links) = submit::read(kind, design, sub)?;
    let g = design.graph(d, &comps, &links);
    Ok(score(drill_id, design, &g))
}

/// The rule verdicts on a graph, in rule order (also used to mark the drawing after Check).
pub(crate) fn verdicts(design: &Design, g: &Graph) -> Vec<Outcome> {
    design
        .rules
        .iter()
        .map(|r| eval(&r.check, g, &design.topo))
        .collect()
}

pub(crate) fn score(drill_id: &str, design: &Design, g: &Graph) -> GradeResult {
    let outcomes = verdicts(design, g);
    let (mut total, mut passed, mut penalties) = (0.0, 0.0, 0.0);
    let mut rules = Vec::with_capacity(outcomes.len());
    for (i, (rule, out)) in design.rules.iter().zip(&outcomes).enumerate() {
        match (rule.level, out.passed) {
            (Level::Required, true) => {
                total += rule.weight;
                passed += rule.weight;
            }
            (Level::Required, false) => total += rule.weight,
            (Level::Advice, false) => penalties += rule.penalty,
            (Level::Advice, true) => {}
        }
        let mut marks: Vec<String> = bits(out.nodes).map(|k| g.nodes[k].id.to_string()).collect();
        marks.extend(out.places.iter().map(|&p| design.topo.places[p].id.clone()));
        rules.push(RuleResult {
            rule: i as u32 + 1,
            level: rule.level.name().to_string(),
            passed: out.passed,
            message: if out.passed {
                rule.pass.clone()
            } else {
                rule.fail.clone()
            },
            weight: if rule.level == Level::Required {
                rule.weight
            } else {
                0.0
            },
            penalty: if rule.level == Level::Advice {
                rule.penalty
            } else {
                0.0
            },
            marks,
        });
    }
    let points = if total > 0.0 { passed / total } else { 1.0 } - penalties;
    let score = points.clamp(0.0, 1.0);
    let ok = rules.iter().filter(|r| r.passed).count() as u32;
    GradeResult {
        drill_id: drill_id.to_string(),
        score,
        rating: rating(score),
        points,
        max_points: 1,
        correct: ok,
        wrong: rules.len() as u32 - ok,
        empty: 0,
        slots: Vec::new(),
        rules,
        questions: Vec::new(),
    }
}
