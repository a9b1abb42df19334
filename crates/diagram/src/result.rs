//! What grading returns, for every kind of drill: a score in [0, 1], the FSRS rating it earns, and
//! the detail to explain it: slots (label, place, order, recall; the components of a failure
//! drill), rules (design drills) and questions (failure drills).
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum SlotStatus {
    Correct,
    Wrong,
    Empty,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SlotResult {
    pub slot: String,
    pub status: SlotStatus,
    /// What the learner put there (label texts, or the typed text).
    pub given: Vec<String>,
    /// The right answer(s), revealed now that the drill is submitted.
    pub expected: Vec<String>,
    /// Why it is wrong: the misconception's explanation when one matches, else a plain statement.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GradeResult {
    pub drill_id: String,
    /// In [0, 1].
    pub score: f64,
    /// For the FSRS schedule: 1 Again (score < 0.5), 2 Hard (< 0.8), 3 Good (< 1), 4 Easy (1).
    pub rating: u32,
    /// Right answers minus penalties, before flooring.
    pub points: f64,
    pub max_points: u32,
    pub correct: u32,
    pub wrong: u32,
    pub empty: u32,
    pub slots: Vec<SlotResult>,
    /// Design drills: every rule, passed or failed, with its message.
    pub rules: Vec<RuleResult>,
    /// Failure drills: every question.
    pub questions: Vec<QuestionResult>,
}

/// The FSRS rating a score earns (documented in diagrams/README.md).
pub fn rating(score: f64) -> u32 {
    match score {
        s if s >= 1.0 => 4,
        s if s >= 0.8 => 3,
        s if s >= 0.5 => 2,
        _ => 1,
    }
}

/// One design rule after grading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RuleResult {
    /// 1-based, in the drill's order.
    pub rule: u32,
    /// `required` or `advice`.
    pub level: String,
    pub passed: bool,
    /// The rule's pass or fail message: the principle behind it.
    pub message: String,
    pub weight: f64,
    pub penalty: f64,
    /// What to point at on the learner's drawing: component ids and place ids.
    pub marks: Vec<String>,
}

/// One "what happens next" question of a failure drill after grading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuestionResult {
    pub question: String,
    pub prompt: String,
    /// In [0, 1]: a choice is right or wrong; an order question scores its longest right run.
    pub score: f64,
    /// Option texts chosen, in the order given.
    pub given: Vec<String>,
    /// The right option, or the steps in their right order.
    pub expected: Vec<String>,
    /// For a wrong choice: why that option is wrong (its misconception), when the author wrote one.
    pub feedback: Option<String>,
    /// The question's explanation, shown right or wrong.
    pub explanation: Option<String>,
}
