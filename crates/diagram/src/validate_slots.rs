//! The slots of a label, recall, place or order drill from its `[[drill]]` table: which nodes are
//! blank, which zones take items, which steps are ordered, each with its right and accepted
//! answers. Split from validate_drill.rs, which numbers them in reading order and builds the rest.
use crate::diagram::{Diagram, Place};
use crate::drill::Slot;
use crate::drill_kind::DrillKind;
use crate::normalize::key;
use crate::report::Report;
use crate::spec::{DrillSpec, S};

fn node_ids<'a>(
    list: &'a [S<String>],
    what: &str,
    d: &Diagram,
    r: &mut Report,
    line: u32,
) -> Vec<&'a S<String>> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for n in list {
        if d.node(n.get_ref()).is_none() {
            r.at(
                n,
                format!("{what} `{}` is no node of diagram `{}`", n.get_ref(), d.id),
            );
        } else if seen.contains(n.get_ref()) {
            r.at(n, format!("{what} `{}` is listed twice", n.get_ref()));
        } else {
            seen.push(n.get_ref().clone());
            out.push(n);
        }
    }
    if list.is_empty() {
        r.line(line, format!("the drill lists no {what}s"));
    }
    out
}

fn slot(
    target: &str,
    aria: String,
    many: bool,
    expected: Vec<String>,
    accepted: Vec<String>,
) -> Slot {
    Slot {
        id: String::new(),
        target: target.to_string(),
        aria_label: aria,
        accepts_many: many,
        expected,
        accepted,
    }
}

pub(crate) fn blank_slots(
    s: &DrillSpec,
    kind: DrillKind,
    d: &Diagram,
    r: &mut Report,
    line: u32,
) -> Vec<Slot> {
    let mut out = Vec::new();
    for b in node_ids(&s.blanks, "blank", d, r, line) {
        let n = d.node(b.get_ref()).expect("checked by node_ids");
        if key(&n.label).is_empty() {
            r.at(
                b,
                format!(
                    "blank `{}` has no answer: its label {:?} is only punctuation",
                    n.id, n.label
                ),
            );
        }
        let mut accepted = vec![key(&n.label)];
        let where_ = d.location(&n.id);
        let aria = match kind {
            DrillKind::Recall => {
                accepted.extend(n.aliases.iter().map(|a| key(a)));
                format!("Blank {{n}}{where_}: type its name")
            }
            _ => format!("Blank {{n}}{where_}"),
        };
        out.push(slot(&n.id, aria, false, vec![n.label.clone()], accepted));
    }
    for a in &s.accept {
        let a = a.get_ref();
        match out.iter_mut().find(|sl| &sl.target == a.slot.get_ref()) {
            Some(sl) => sl.accepted.extend(
                a.answers
                    .iter()
                    .map(|x| key(x.get_ref()))
                    .filter(|k| !k.is_empty()),
            ),
            None => r.at(
                &a.slot,
                format!(
                    "accept names `{}`, which is not a blank of this drill",
                    a.slot.get_ref()
                ),
            ),
        }
    }
    out
}

pub(crate) fn zone_slots(s: &DrillSpec, d: &Diagram, r: &mut Report, line: u32) -> Vec<Slot> {
    let items = node_ids(&s.items, "item", d, r, line);
    let mut zones: Vec<Slot> = Vec::new();
    for z in &s.zones {
        let Some(mut label) = d.zone_label(z.get_ref()) else {
            r.at(
                z,
                format!(
                    "zone `{}` is no group or subnet of diagram `{}`",
                    z.get_ref(),
                    d.id
                ),
            );
            continue;
        };
        if label.is_empty() {
            // An untitled box is named by what stays visible in it.
            let inside = d.nodes.iter().find(|n| {
                d.home_of(&n.id) == Some(z.get_ref().as_str())
                    && !s.items.iter().any(|i| i.get_ref() == &n.id)
            });
            label = inside.map_or_else(
                || format!("box `{}`", z.get_ref()),
                |n| format!("the box with {}", n.label),
            );
        }
        if zones.iter().any(|x| &x.target == z.get_ref()) {
            r.at(z, format!("zone `{}` is listed twice", z.get_ref()));
            continue;
        }
        zones.push(slot(
            z.get_ref(),
            format!("Drop zone: {label}"),
            true,
            Vec::new(),
            Vec::new(),
        ));
    }
    if s.zones.is_empty() {
        r.line(line, "the drill lists no zones");
    }
    for i in items {
        let n = d.node(i.get_ref()).expect("checked by node_ids");
        let home = match &n.place {
            Place::Group(g) | Place::Subnet(g) => g,
            _ => {
                r.at(
                    i,
                    format!(
                        "item `{}` sits in no group or subnet, so no zone could be right for it",
                        n.id
                    ),
                );
                continue;
            }
        };
        match zones.iter_mut().find(|z| &z.target == home) {
            Some(z) => {
                z.expected.push(n.label.clone());
                z.accepted.push(key(&n.label));
            }
            None => r.at(i, format!("item `{}` belongs in `{home}`, which is not a zone of this drill: it would have no right answer", n.id)),
        }
    }
    zones
}

pub(crate) fn step_slots(s: &DrillSpec, d: &Diagram, r: &mut Report, line: u32) -> Vec<Slot> {
    let steps = node_ids(&s.steps, "step", d, r, line);
    if !s.steps.is_empty() && s.steps.len() < 3 {
        r.at(&s.steps[0], "an order drill needs at least three steps");
    }
    let mut out: Vec<Slot> = Vec::new();
    for st in steps {
        let n = d.node(st.get_ref()).expect("checked by node_ids");
        if let Some(twin) = out.iter().find(|o| o.accepted[0] == key(&n.label)) {
            r.at(st, format!("steps `{}` and `{}` have the same label, so their order could not be told apart", twin.target, n.id));
        }
        out.push(slot(
            &n.id,
            "Step {n}".into(),
            false,
            vec![n.label.clone()],
            vec![key(&n.label)],
        ));
    }
    out
}
