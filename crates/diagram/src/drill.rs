//! A validated drill: the diagram it sits on, its slots (with the right answers, which never leave the
//! backend before grading), its label bank and its grading rules. Slot and label ids are opaque
//! (`s1`, `b3`) so the ids themselves give nothing away.
use crate::design::Design;
use crate::drill_kind::DrillKind;
use crate::failure::Failure;
use crate::geometry::Mode;

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
            // Drawn through their own overlay (design/build.rs, play_view.rs), never with a mode.
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
