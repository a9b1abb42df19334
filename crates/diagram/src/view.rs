//! What the UI gets before grading (`DrillView`: the picture, the slots, the shuffled bank; no
//! answers) and what authors get on request (`AnswerKey`). Kept apart so that the view's type cannot
//! grow an answer field by accident: a test serialises every drill's view and looks for answers.
use crate::draw::{render_svg, RenderOptions};
use crate::drill::Play;
use crate::drill_kind::DrillKind;
use crate::error::DrillError;
use crate::play_view::{design_view, failure_view, render_attempt, DesignView, FailureView};
use crate::submission::Submission;
use crate::theme::Theme;
use crate::Library;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DrillView {
    pub id: String,
    pub diagram_id: String,
    pub kind: DrillKind,
    pub title: String,
    pub instructions: String,
    /// The diagram with its blanks or drop zones, light theme.
    pub svg: String,
    pub svg_dark: String,
    /// In reading order; each matches a `data-slot` in the SVG.
    pub slots: Vec<SlotView>,
    /// Label and place drills: the cards to drag, distractors mixed in, shuffled.
    pub bank: Vec<LabelView>,
    /// Order drills: the steps to put in order, shuffled.
    pub items: Vec<LabelView>,
    pub scoring: ScoringView,
    /// Design drills: the palette, places, fixed nodes and requirements; `svg` is the empty canvas.
    pub design: Option<DesignView>,
    /// Failure drills: the event, the components to toggle and the questions.
    pub failure: Option<FailureView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SlotView {
    pub id: String,
    pub aria_label: String,
    /// Drop zones of place drills take several cards; every other slot takes one.
    pub accepts_many: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LabelView {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ScoringView {
    pub penalty: f64,
    pub all_or_nothing: bool,
}

pub fn drill_view(lib: &Library, drill_id: &str) -> Result<DrillView, DrillError> {
    let drill = lib
        .drill(drill_id)
        .ok_or_else(|| DrillError::UnknownDrill {
            id: drill_id.to_string(),
        })?;
    let diagram = lib
        .diagram(&drill.diagram)
        .ok_or_else(|| DrillError::UnknownDrill {
            id: drill_id.to_string(),
        })?;
    let empty = Submission::default();
    let svg = |theme| match drill.play {
        Play::Slots => Ok(render_svg(
            diagram,
            &RenderOptions {
                theme,
                drill: Some(drill),
            },
        )),
        _ => render_attempt(lib, drill_id, &empty, false, theme),
    };
    let cards: Vec<LabelView> = drill
        .bank
        .iter()
        .map(|b| LabelView {
            id: b.id.clone(),
            text: b.text.clone(),
        })
        .collect();
    let (bank, items) = if drill.kind == DrillKind::Order {
        (Vec::new(), cards)
    } else {
        (cards, Vec::new())
    };
    Ok(DrillView {
        id: drill.id.clone(),
        diagram_id: drill.diagram.clone(),
        kind: drill.kind,
        title: drill.title.clone(),
        instructions: drill.instructions.clone(),
        svg: svg(Theme::Light)?,
        svg_dark: svg(Theme::Dark)?,
        slots: drill
            .slots
            .iter()
            .map(|s| SlotView {
                id: s.id.clone(),
                aria_label: s.aria_label.clone(),
                accepts_many: s.accepts_many,
            })
            .collect(),
        bank,
        items,
        scoring: ScoringView {
            penalty: drill.penalty,
            all_or_nothing: drill.all_or_nothing,
        },
        design: match &drill.play {
            Play::Design(d) => Some(design_view(d, diagram)),
            _ => None,
        },
        failure: match &drill.play {
            Play::Failure(f) => Some(failure_view(f)),
            _ => None,
        },
    })
}

/// Everything needed to check a drill by hand. For authors (`archdrill drill <id> --key`), never for
/// the learner before submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AnswerKey {
    pub drill_id: String,
    pub kind: DrillKind,
    pub slots: Vec<KeySlot>,
    /// Slot ids that may swap answers.
    pub interchangeable: Vec<Vec<String>>,
    pub distractors: Vec<String>,
    pub misconceptions: Vec<KeyMisconception>,
    pub penalty: f64,
    pub all_or_nothing: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct KeySlot {
    pub slot: String,
    /// The node or zone id in the spec file.
    pub target: String,
    pub answers: Vec<String>,
    /// Bank ids that are right here (label, place and order drills).
    pub labels: Vec<String>,
    /// Normalised forms a typed answer is compared with (recall drills).
    pub accepted: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct KeyMisconception {
    pub slot: String,
    pub label: String,
    pub feedback: String,
}

pub fn answer_key(lib: &Library, drill_id: &str) -> Result<AnswerKey, DrillError> {
    let drill = lib
        .drill(drill_id)
        .ok_or_else(|| DrillError::UnknownDrill {
            id: drill_id.to_string(),
        })?;
    let slots = drill
        .slots
        .iter()
        .map(|s| KeySlot {
            slot: s.id.clone(),
            target: s.target.clone(),
            answers: s.expected.clone(),
            labels: drill
                .bank
                .iter()
                .filter(|b| s.accepted.contains(&b.key))
                .map(|b| b.id.clone())
                .collect(),
            accepted: if drill.kind == DrillKind::Recall {
                s.accepted.clone()
            } else {
                Vec::new()
            },
        })
        .collect();
    Ok(AnswerKey {
        drill_id: drill.id.clone(),
        kind: drill.kind,
        slots,
        interchangeable: drill
            .interchangeable
            .iter()
            .map(|set| set.iter().map(|&i| drill.slots[i].id.clone()).collect())
            .collect(),
        distractors: drill
            .bank
            .iter()
            .filter(|b| b.distractor)
            .map(|b| b.text.clone())
            .collect(),
        misconceptions: drill
            .misconceptions
            .iter()
            .map(|m| KeyMisconception {
                slot: drill.slots[m.slot].id.clone(),
                label: m.key.clone(),
                feedback: m.feedback.clone(),
            })
            .collect(),
        penalty: drill.penalty,
        all_or_nothing: drill.all_or_nothing,
    })
}

impl AnswerKey {
    /// Label drills only: one fully right set of placements, each bank label used once (mirrored
    /// slots list the same labels). For authors checking a drill end to end, and for tests.
    pub fn right_placements(&self) -> Vec<crate::Placement> {
        let mut used: Vec<&str> = Vec::new();
        self.slots
            .iter()
            .filter_map(|s| {
                let label = s.labels.iter().find(|l| !used.contains(&l.as_str()))?;
                used.push(label);
                Some(crate::Placement {
                    slot: s.slot.clone(),
                    label: label.clone(),
                })
            })
            .collect()
    }
}
