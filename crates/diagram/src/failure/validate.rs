//! A failure drill's TOML to a `Failure`: the failing nodes exist, explanations name real nodes,
//! each choice question has exactly one right option, each order question at least three distinct
//! steps. Problems at their line; a drill with any is left out.
use super::{Choice, Component, Failure, Question, QuestionKind};
use crate::diagram::Diagram;
use crate::geometry::Layout;
use crate::normalize::key;
use crate::report::Report;
use crate::shuffle::Shuffle;
use crate::spec::QuestionSpec;
use crate::spec::{DrillSpec, S};

pub(crate) fn failure(
    s: &DrillSpec,
    d: &Diagram,
    plain: &Layout,
    r: &mut Report,
) -> Option<Failure> {
    let before = r.problems.len();
    let event = match &s.event {
        Some(e) if !e.get_ref().trim().is_empty() => e.get_ref().trim().to_string(),
        Some(e) => {
            r.at(e, "empty `event`");
            String::new()
        }
        None => {
            r.at(&s.id, "a failure drill needs an `event`");
            String::new()
        }
    };
    for f in &s.fails {
        if d.node(f.get_ref()).is_none() {
            r.at(f, format!("`fails` names unknown node `{}`", f.get_ref()));
        }
    }
    if s.fails.is_empty() {
        r.at(
            &s.id,
            "a failure drill needs `fails`: the nodes that stop serving",
        );
    }
    let penalty = match &s.penalty {
        Some(p) if !(0.0..=1.0).contains(p.get_ref()) => {
            r.at(p, "penalty must be between 0 and 1");
            0.5
        }
        Some(p) => *p.get_ref(),
        None => 0.5,
    };
    let components = components(s, d, plain, r);
    if s.question.is_empty() {
        r.at(
            &s.id,
            "a failure drill needs at least one `[[drill.question]]`",
        );
    }
    let id = s.id.get_ref();
    let questions = s
        .question
        .iter()
        .enumerate()
        .filter_map(|(i, q)| question(q, i, id, r))
        .collect();
    (r.problems.len() == before).then_some(Failure {
        event,
        components,
        penalty,
        questions,
    })
}

/// Every node of the diagram as a component to toggle, numbered in reading order (so ids say
/// nothing about which fail), with the drill's explanations attached.
fn components(s: &DrillSpec, d: &Diagram, plain: &Layout, r: &mut Report) -> Vec<Component> {
    let mut nodes: Vec<&crate::diagram::Node> = d.nodes.iter().collect();
    let reading = |id: &str| {
        plain
            .rect_of(id)
            .map(|rc| ((rc.cy() / 24.0).round() as i64, rc.cx() as i64))
            .unwrap_or((i64::MAX, 0))
    };
    nodes.sort_by_key(|n| reading(&n.id));
    let mut components: Vec<Component> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| Component {
            id: format!("c{}", i + 1),
            node: n.id.clone(),
            label: n.label.clone(),
            aria: format!("{}{}", n.label, d.location(&n.id)),
            fails: s.fails.iter().any(|f| f.get_ref() == &n.id),
            explain: None,
        })
        .collect();
    number_twins(&mut components);
    for e in &s.explain {
        let e = e.get_ref();
        match components.iter_mut().find(|c| &c.node == e.node.get_ref()) {
            Some(c) if c.explain.is_some() => r.at(
                &e.node,
                format!("`{}` is explained twice", e.node.get_ref()),
            ),
            Some(c) => c.explain = Some(e.feedback.get_ref().trim().to_string()),
            None => r.at(
                &e.node,
                format!("`explain` names unknown node `{}`", e.node.get_ref()),
            ),
        }
    }
    components
}

fn question(spec: &S<QuestionSpec>, i: usize, drill: &str, r: &mut Report) -> Option<Question> {
    let q = spec.get_ref();
    if q.prompt.get_ref().trim().is_empty() {
        r.at(&q.prompt, "empty question prompt");
    }
    let kind = match q.kind.as_ref().map(|k| k.get_ref().as_str()) {
        None | Some("choice") => QuestionKind::Choice,
        Some("order") => QuestionKind::Order,
        Some(other) => {
            r.at(
                q.kind.as_ref().unwrap(),
                format!("unknown question kind `{other}`; use choice or order"),
            );
            return None;
        }
    };
    let (options, right_order) = match kind {
        QuestionKind::Choice => {
            let mut options = choices(spec, r)?;
            // Shuffled the same way on every run, so the right option's place says nothing.
            Shuffle::new(&format!("{drill}-q{}", i + 1)).shuffle(&mut options);
            for (k, o) in options.iter_mut().enumerate() {
                o.id = format!("o{}", k + 1);
            }
            (options, Vec::new())
        }
        QuestionKind::Order => steps(spec, &format!("{drill}-q{}", i + 1), r)?,
    };
    Some(Question {
        id: format!("q{}", i + 1),
        prompt: q.prompt.get_ref().trim().to_string(),
        kind,
        options,
        right_order,
        explanation: q
            .explanation
            .as_ref()
            .map(|e| e.get_ref().trim().to_string()),
    })
}

fn choices(spec: &S<QuestionSpec>, r: &mut Report) -> Option<Vec<Choice>> {
    let q = spec.get_ref();
    if !q.steps.is_empty() {
        r.at(
            &q.steps[0],
            "choice questions take `[[drill.question.option]]`, not `steps`",
        );
    }
    let right = q.option.iter().filter(|o| o.get_ref().right).count();
    if q.option.len() < 2 || right != 1 {
        r.at(spec, format!("a choice question needs two or more options, exactly one with `right = true` (it has {} options, {right} right)", q.option.len()));
        return None;
    }
    let mut seen = Vec::new();
    for o in &q.option {
        let k = key(o.get_ref().text.get_ref());
        if k.is_empty() || seen.contains(&k) {
            r.at(
                &o.get_ref().text,
                "option text is empty or repeats another option",
            );
        }
        seen.push(k);
    }
    Some(
        q.option
            .iter()
            .enumerate()
            .map(|(i, o)| Choice {
                id: format!("o{}", i + 1),
                text: o.get_ref().text.get_ref().trim().to_string(),
                right: o.get_ref().right,
                feedback: o
                    .get_ref()
                    .feedback
                    .as_ref()
                    .map(|f| f.get_ref().trim().to_string()),
            })
            .collect(),
    )
}

fn steps(spec: &S<QuestionSpec>, seed: &str, r: &mut Report) -> Option<(Vec<Choice>, Vec<usize>)> {
    let q = spec.get_ref();
    if !q.option.is_empty() {
        r.at(&q.option[0], "order questions take `steps`, not options");
    }
    let texts: Vec<String> = q
        .steps
        .iter()
        .map(|t| t.get_ref().trim().to_string())
        .collect();
    let mut keys: Vec<String> = texts.iter().map(|t| key(t)).collect();
    keys.sort();
    keys.dedup();
    if texts.len() < 3 || keys.len() != texts.len() || keys.iter().any(String::is_empty) {
        r.at(
            spec,
            "an order question needs three or more distinct, non-empty steps",
        );
        return None;
    }
    let mut shuffled: Vec<usize> = (0..texts.len()).collect();
    Shuffle::new(seed).shuffle(&mut shuffled);
    let options = shuffled
        .iter()
        .enumerate()
        .map(|(k, &step)| Choice {
            id: format!("o{}", k + 1),
            text: texts[step].clone(),
            right: false,
            feedback: None,
        })
        .collect();
    // right_order[n] = the option index holding step n.
    let right_order = (0..texts.len())
        .map(|step| shuffled.iter().position(|&s| s == step).unwrap_or(0))
        .collect();
    Some((options, right_order))
}

/// Components a screen reader would announce alike ("SQS queue" three times, in an unlabelled
/// row) get "1 of 3", "2 of 3" … in reading order.
fn number_twins(components: &mut [Component]) {
    let arias: Vec<String> = components.iter().map(|c| c.aria.clone()).collect();
    for c in components.iter_mut() {
        let twins: Vec<usize> = (0..arias.len()).filter(|&k| arias[k] == c.aria).collect();
        if twins.len() > 1 {
            let n = c.id[1..].parse::<usize>().unwrap_or(0);
            let pos = twins.iter().position(|&k| k + 1 == n).map_or(0, |p| p + 1);
            c.aria = format!("{}, {pos} of {}", c.aria, twins.len());
        }
    }
}
