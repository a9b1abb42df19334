//! Turns a `[[drill]]` table into a `Drill` against its (already valid) diagram, reporting every
//! problem at its line. A drill with any problem is dropped; its diagram still loads.
use crate::diagram::Diagram;
use crate::drill::{BankLabel, Drill, Misconception, Play, Slot};
use crate::drill_kind::DrillKind;
use crate::geometry::Layout;
use crate::normalize::key;
use crate::report::{is_slug, Report};
use crate::shuffle::Shuffle;
use crate::spec::{DrillSpec, S};
use crate::validate_slots::{blank_slots, step_slots, zone_slots};

/// At most this many slots may swap among themselves (grading tries every permutation).
pub(crate) const MAX_SET: usize = 6;

/// `plain` is the diagram's own layout, used to number slots in reading order.
pub(crate) fn drill(
    spec: &S<DrillSpec>,
    diagram: &Diagram,
    plain: &Layout,
    r: &mut Report,
) -> Option<Drill> {
    let before = r.problems.len();
    let line = r.lines.of(spec);
    let s = spec.get_ref();
    let id = s.id.get_ref().clone();
    if !is_slug(&id) {
        r.at(
            &s.id,
            format!("drill id {id:?} must be a lowercase slug (a-z, 0-9, -)"),
        );
    }
    let Some(kind) = DrillKind::parse(s.kind.get_ref()) else {
        r.at(
            &s.kind,
            format!(
                "unknown drill kind {:?}; use label, place, order, recall, design or failure",
                s.kind.get_ref()
            ),
        );
        return None;
    };
    for (text, what) in [(&s.title, "title"), (&s.instructions, "instructions")] {
        if text.get_ref().trim().is_empty() {
            r.at(text, format!("drill `{id}` has empty {what}"));
        }
    }
    unexpected_fields(s, kind, r);
    if matches!(kind, DrillKind::Design | DrillKind::Failure) {
        return play_drill(s, kind, diagram, plain, r, before, line);
    }
    let penalty = match (&s.penalty, kind) {
        (Some(p), DrillKind::Order) => {
            r.at(
                p,
                "order drills have no penalty: a step out of place already scores nothing",
            );
            0.0
        }
        (Some(p), _) if !(0.0..=1.0).contains(p.get_ref()) => {
            r.at(
                p,
                format!("penalty {} must be between 0 and 1", p.get_ref()),
            );
            0.0
        }
        (Some(p), _) => *p.get_ref(),
        (None, DrillKind::Label | DrillKind::Place) => 0.5,
        (None, _) => 0.0,
    };

    let reading = |id: &str| {
        plain
            .rect_of(id)
            .map(|rc| ((rc.cy() / 24.0).round() as i64, rc.cx() as i64))
            .unwrap_or((i64::MAX, 0))
    };
    let mut slots = match kind {
        DrillKind::Label | DrillKind::Recall => blank_slots(s, kind, diagram, r, line),
        DrillKind::Place => zone_slots(s, diagram, r, line),
        _ => step_slots(s, diagram, r, line),
    };
    if kind != DrillKind::Order {
        slots.sort_by_key(|sl| reading(&sl.target));
    }
    for (i, sl) in slots.iter_mut().enumerate() {
        sl.id = format!("s{}", i + 1);
        sl.aria_label = sl.aria_label.replace("{n}", &(i + 1).to_string());
    }
    let bank = bank(s, kind, &slots, &id, r);
    let interchangeable = sets(s, kind, &slots, diagram, r);
    let misconceptions = misconceptions(s, kind, &slots, &bank, r);

    (r.problems.len() == before).then(|| Drill {
        id,
        diagram: diagram.id.clone(),
        kind,
        title: s.title.get_ref().trim().to_string(),
        instructions: s.instructions.get_ref().trim().to_string(),
        file: r.file.to_string(),
        line,
        penalty,
        all_or_nothing: s.all_or_nothing,
        slots,
        bank,
        items: s.items.iter().map(|i| i.get_ref().clone()).collect(),
        interchangeable,
        misconceptions,
        play: Play::Slots,
    })
}

/// Design and failure drills: their own validation, the common fields here.
fn play_drill(
    s: &DrillSpec,
    kind: DrillKind,
    diagram: &Diagram,
    plain: &Layout,
    r: &mut Report,
    before: usize,
    line: u32,
) -> Option<Drill> {
    let play = match kind {
        DrillKind::Design => {
            crate::design::validate::design(s, diagram, r).map(|d| Play::Design(Box::new(d)))
        }
        _ => crate::failure::validate::failure(s, diagram, plain, r)
            .map(|f| Play::Failure(Box::new(f))),
    };
    if let (DrillKind::Design, Some(p)) = (kind, &s.penalty) {
        r.at(
            p,
            "design drills take penalties per advice rule, not per drill",
        );
    }
    let play = play.filter(|_| r.problems.len() == before)?;
    Some(Drill {
        id: s.id.get_ref().clone(),
        diagram: diagram.id.clone(),
        kind,
        title: s.title.get_ref().trim().to_string(),
        instructions: s.instructions.get_ref().trim().to_string(),
        file: r.file.to_string(),
        line,
        penalty: s.penalty.as_ref().map_or(0.5, |p| *p.get_ref()),
        all_or_nothing: false,
        slots: Vec::new(),
        bank: Vec::new(),
        items: Vec::new(),
        interchangeable: Vec::new(),
        misconceptions: Vec::new(),
        play,
    })
}

/// Each kind reads its own fields; a field meant for another kind is a mistake worth pointing at.
fn unexpected_fields(s: &DrillSpec, kind: DrillKind, r: &mut Report) {
    let wants = |field: &str| match kind {
        DrillKind::Label => matches!(field, "blanks" | "distractors" | "bank"),
        DrillKind::Recall => matches!(field, "blanks" | "accept"),
        DrillKind::Place => matches!(field, "items" | "zones" | "distractors"),
        DrillKind::Order => field == "steps",
        DrillKind::Design => matches!(
            field,
            "requirements"
                | "keep"
                | "places"
                | "labels"
                | "max_components"
                | "card"
                | "rule"
                | "model"
                | "link"
        ),
        DrillKind::Failure => matches!(field, "event" | "fails" | "explain" | "question"),
    };
    let first = |v: &[S<String>]| v.first().map(|x| r.lines.of(x));
    let present = [
        ("blanks", first(&s.blanks)),
        ("items", first(&s.items)),
        ("zones", first(&s.zones)),
        ("steps", first(&s.steps)),
        ("distractors", first(&s.distractors)),
        ("bank", s.bank.as_ref().map(|b| first(b).unwrap_or(0))),
        ("accept", s.accept.first().map(|a| r.lines.of(a))),
        ("requirements", first(&s.requirements)),
        ("keep", first(&s.keep)),
        ("places", s.places.as_ref().map(|p| first(p).unwrap_or(0))),
        ("labels", first(&s.labels)),
        (
            "max_components",
            s.max_components.as_ref().map(|m| r.lines.of(m)),
        ),
        ("card", s.card.first().map(|c| r.lines.of(c))),
        ("rule", s.rule.first().map(|c| r.lines.of(c))),
        ("model", s.model.first().map(|c| r.lines.of(c))),
        ("link", s.link.first().map(|c| r.lines.of(c))),
        ("event", s.event.as_ref().map(|e| r.lines.of(e))),
        ("fails", first(&s.fails)),
        ("explain", s.explain.first().map(|c| r.lines.of(c))),
        ("question", s.question.first().map(|c| r.lines.of(c))),
        (
            "misconception",
            s.misconception
                .first()
                .filter(|_| matches!(kind, DrillKind::Design | DrillKind::Failure))
                .map(|c| r.lines.of(c)),
        ),
    ];
    for (field, at) in present {
        if let (Some(line), false) = (at, wants(field)) {
            r.line(line, format!("{} drills take no `{field}`", kind.name()));
        }
    }
    if kind == DrillKind::Order && !s.interchangeable.is_empty() {
        r.at(
            &s.interchangeable[0],
            "order drills have no interchangeable slots",
        );
    }
}

fn bank(
    s: &DrillSpec,
    kind: DrillKind,
    slots: &[Slot],
    id: &str,
    r: &mut Report,
) -> Vec<BankLabel> {
    if kind == DrillKind::Recall {
        return Vec::new();
    }
    let right: Vec<&String> = slots.iter().flat_map(|sl| &sl.expected).collect();
    let mut cards: Vec<(String, bool)> = match &s.bank {
        Some(bank) => {
            let mut pool: Vec<String> = bank.iter().map(|b| key(b.get_ref())).collect();
            for answer in &right {
                match pool.iter().position(|k| *k == key(answer)) {
                    Some(i) => {
                        pool.remove(i);
                    }
                    None => r.line(r.lines.of(&s.id), format!("label bank missing a right answer: {answer:?} is needed once more than the bank lists it")),
                }
            }
            bank.iter()
                .map(|b| (b.get_ref().trim().to_string(), false))
                .collect()
        }
        None => right.iter().map(|t| (t.to_string(), false)).collect(),
    };
    for dist in &s.distractors {
        if right.iter().any(|t| key(t) == key(dist.get_ref())) {
            r.at(
                dist,
                format!("distractor {:?} is also a right answer", dist.get_ref()),
            );
        }
        cards.push((dist.get_ref().trim().to_string(), true));
    }
    if s.bank.is_some() {
        // With an explicit bank, a card is a distractor when no slot wants its text.
        for c in cards.iter_mut() {
            c.1 = !right.iter().any(|t| key(t) == key(&c.0));
        }
    }
    Shuffle::new(id).shuffle(&mut cards);
    cards
        .into_iter()
        .enumerate()
        .map(|(i, (text, distractor))| BankLabel {
            id: format!("b{}", i + 1),
            key: key(&text),
            text,
            distractor,
        })
        .collect()
}

fn sets(
    s: &DrillSpec,
    kind: DrillKind,
    slots: &[Slot],
    d: &Diagram,
    r: &mut Report,
) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for set in &s.interchangeable {
        let mut members = Vec::new();
        for m in set.get_ref() {
            match slots.iter().position(|sl| &sl.target == m.get_ref()) {
                Some(i) if out.iter().flatten().chain(&members).any(|&x| x == i) => r.at(
                    m,
                    format!("`{}` is in more than one interchangeable set", m.get_ref()),
                ),
                Some(i) => members.push(i),
                None => r.at(
                    m,
                    format!(
                        "interchangeable member `{}` is not a slot of this drill",
                        m.get_ref()
                    ),
                ),
            }
        }
        if !(2..=MAX_SET).contains(&set.get_ref().len()) {
            r.at(
                set,
                format!("an interchangeable set has 2 to {MAX_SET} members"),
            );
        }
        // Mirror images hold the same kinds of thing: a database may swap with a database, not with a
        // NAT gateway. Compare the component kinds each member's answers stand for.
        let shape = |i: usize| -> Vec<&str> {
            let mut kinds: Vec<&str> = match kind {
                DrillKind::Place => d
                    .nodes
                    .iter()
                    .filter(|n| {
                        s.items.iter().any(|it| it.get_ref() == &n.id)
                            && d.home_of(&n.id) == Some(slots[i].target.as_str())
                    })
                    .map(|n| n.kind.name)
                    .collect(),
                _ => d
                    .node(&slots[i].target)
                    .map(|n| vec![n.kind.name])
                    .unwrap_or_default(),
            };
            kinds.sort_unstable();
            kinds
        };
        if let Some((&first, rest)) = members.split_first() {
            if let Some(&odd) = rest.iter().find(|&&m| shape(m) != shape(first)) {
                r.at(set, format!("interchangeable set whose members have different answer sets: `{}` holds {:?} but `{}` holds {:?}", slots[first].target, shape(first), slots[odd].target, shape(odd)));
            }
        }
        out.push(members);
    }
    out
}

fn misconceptions(
    s: &DrillSpec,
    kind: DrillKind,
    slots: &[Slot],
    bank: &[BankLabel],
    r: &mut Report,
) -> Vec<Misconception> {
    let mut out = Vec::new();
    for m in &s.misconception {
        let m = m.get_ref();
        let k = key(m.label.get_ref());
        if kind != DrillKind::Recall && !bank.iter().any(|b| b.key == k) {
            r.at(
                &m.label,
                format!(
                    "misconception label {:?} is not in the label bank",
                    m.label.get_ref()
                ),
            );
        }
        if m.feedback.get_ref().trim().is_empty() {
            r.at(&m.feedback, "misconception feedback is empty");
        }
        if m.slot.get_ref().as_slice().is_empty() {
            r.at(&m.slot, "misconception names no slot");
        }
        for target in m.slot.get_ref().as_slice() {
            let Some(i) = slots.iter().position(|sl| &sl.target == target) else {
                r.at(
                    &m.slot,
                    format!("misconception names `{target}`, which is not a slot of this drill"),
                );
                continue;
            };
            if slots[i].accepted.contains(&k) {
                r.at(
                    &m.label,
                    format!(
                        "misconception label {:?} is the right answer for `{target}`",
                        m.label.get_ref()
                    ),
                );
            }
            out.push(Misconception {
                slot: i,
                key: k.clone(),
                feedback: m.feedback.get_ref().trim().to_string(),
            });
        }
    }
    out
}
