//! A validated drill: the diagram it sits on, its slots (with the right answers, which never leave the
//! backend before grading), its label bank and its grading rules. Slot and label ids are opaque
//! (`s1`, `b3`) so the ids themselves give nothing away.
use crate::design::Design;
use crate::diagram::{Diagram, Place};
use crate::failure::Failure;
use crate::geometry::Mode;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum DrillKind {
    /// Drag labels from a bank (with distractors) onto blank components.
    Label,
    /// Drag components into the group or subnet they belong in.
    Place,
    /// Put the steps of a flow in order.
    Order,
    /// Type the name of each blank component.
    Recall,
    /// Build an architecture from requirements; graded by rules.
    Design,
    /// Mark what stops serving when something fails, and say what happens next.
    Failure,
}

impl DrillKind {
    pub fn parse(s: &str) -> Option<DrillKind> {
        match s {
            "label" => Some(DrillKind::Label),
            "place" => Some(DrillKind::Place),
            "order" => Some(DrillKind::Order),
            "recall" => Some(DrillKind::Recall),
            "design" => Some(DrillKind::Design),
            "failure" => Some(DrillKind::Failure),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DrillKind::Label => "label",
            DrillKind::Place => "place",
            DrillKind::Order => "order",
            DrillKind::Recall => "recall",
            DrillKind::Design => "design",
            DrillKind::Failure => "failure",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Drill {
    pub id: String,
    pub diagram: String,
    pub kind: DrillKind,
    pub title: String,
    pub instructions: String,
    pub file: String,
    pub line: u32,
    /// Points taken off per wrong placement or placed distractor (0 = penalties off).
    pub penalty: f64,
    /// Full marks only when every slot is right; otherwise zero.
    pub all_or_nothing: bool,
    /// In reading order (order drills: in the right order of the steps).
    pub slots: Vec<Slot>,
    /// Shuffled. Label and place drills: the cards to drag; order drills: the steps to order.
    pub bank: Vec<BankLabel>,
    /// Place drills: the nodes taken off the diagram.
    pub items: Vec<String>,
    /// Sets of slot indices whose answers may be swapped among themselves (mirror-image AZs).
    pub interchangeable: Vec<Vec<usize>>,
    pub misconceptions: Vec<Misconception>,
    /// What design and failure drills hold beyond the common fields.
    pub(crate) play: Play,
}

/// The kind-specific body of a drill. Label, place, order and recall drills are slots and a bank.
#[derive(Debug, Clone)]
pub(crate) enum Play {
    Slots,
    Design(Box<Design>),
    Failure(Box<Failure>),
}

#[derive(Debug, Clone)]
pub struct Slot {
    /// Opaque id shown to the UI (`s1`…).
    pub id: String,
    /// The node (label, recall, order) or zone (place) it stands for, as named in the spec.
    pub target: String,
    pub aria_label: String,
    pub accepts_many: bool,
    /// The right answers as shown to the learner after grading (place: one per item).
    pub expected: Vec<String>,
    /// Normalised answers accepted for this slot (recall: label, aliases and extras).
    pub accepted: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct BankLabel {
    pub id: String,
    pub text: String,
    /// Normalised text: two cards with the same key are the same answer.
    pub key: String,
    pub distractor: bool,
}

/// Feedback for one specific wrong answer in one specific slot.
#[derive(Debug, Clone)]
pub struct Misconception {
    pub slot: usize,
    pub key: String,
    pub feedback: String,
}

impl Drill {
    pub fn slot(&self, id: &str) -> Option<(usize, &Slot)> {
        self.slots.iter().enumerate().find(|(_, s)| s.id == id)
    }

    pub fn label(&self, id: &str) -> Option<&BankLabel> {
        self.bank.iter().find(|b| b.id == id)
    }

    /// How the diagram is drawn for this drill: which nodes are blank or gone, which boxes are zones.
    pub(crate) fn mode(&self) -> Mode {
        let mut mode = Mode {
            answers: self
                .slots
                .iter()
                .flat_map(|s| &s.expected)
                .map(|t| crate::normalize::key(t))
                .collect(),
            title: Some(self.title.clone()),
            ..Mode::default()
        };
        match self.kind {
            DrillKind::Place => {
                mode.removed = self.items.iter().cloned().collect();
                mode.zones = self.slots.iter().map(|s| s.target.clone()).collect();
            }
            // Drawn through their own overlay (design/build.rs, failure/view.rs), never with a mode.
            DrillKind::Design | DrillKind::Failure => {}
            DrillKind::Label | DrillKind::Recall | DrillKind::Order => {
                mode.blanks = self
                    .slots
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.target.clone(), i + 1))
                    .collect();
            }
        }
        mode
    }
}

/// Where a node sits, in words, for slot labels read by screen readers ("in Public subnet, AZ a").
pub(crate) fn location(d: &Diagram, node: &str) -> String {
    let Some(n) = d.node(node) else {
        return String::new();
    };
    match &n.place {
        Place::Subnet(s) | Place::Group(s) => d
            .zone_label(s)
            .filter(|l| !l.is_empty())
            .map(|l| format!(" in {l}"))
            .unwrap_or_default(),
        Place::Tier(t) => d
            .grid
            .as_ref()
            .and_then(|g| g.tiers.iter().find(|x| &x.id == t))
            .map(|x| format!(" spanning the {} row", x.label))
            .unwrap_or_default(),
        Place::Root => String::new(),
    }
}

/// A small deterministic generator (xorshift), seeded from the drill id, so the bank is shuffled the
/// same way on every machine and every run (golden files and tests depend on it).
pub(crate) struct Shuffle(u64);

impl Shuffle {
    pub fn new(seed: &str) -> Shuffle {
        // FNV-1a of the seed; never zero, which xorshift cannot leave.
        let h = seed.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        Shuffle(h | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Fisher–Yates. If the result equals the input order (likely for short lists), rotate by one so a
    /// bank never lists the answers in slot order.
    pub fn shuffle<T: Clone + PartialEq>(&mut self, items: &mut [T]) {
        let original = items.to_vec();
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
        if items.len() > 1 && items == original.as_slice() {
            items.rotate_left(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_deterministic_and_never_the_identity() {
        let mut a: Vec<u32> = (0..8).collect();
        let mut b = a.clone();
        Shuffle::new("x").shuffle(&mut a);
        Shuffle::new("x").shuffle(&mut b);
        assert_eq!(a, b);
        for seed in ["a", "b", "c", "d", "e", "f"] {
            let mut two = vec![1, 2];
            Shuffle::new(seed).shuffle(&mut two);
            assert_eq!(two, vec![2, 1]);
        }
    }
}
