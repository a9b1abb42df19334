use crate::{Level, Topic};
use serde::Serialize;
use specta::Type;

/// Where a question came from: the bank compiled into the app, or a learner's pack folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", content = "name", rename_all = "camelCase")]
pub enum Origin {
    Bank,
    Pack(String),
}

/// A passage of a source guide that the question draws on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// The guide's short name: the seed file name up to its first `_` (e.g. `002`).
    pub guide: String,
    pub file: String,
    pub first_line: u32,
    pub last_line: u32,
}

/// One interview question with its model answer and rubric.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    pub id: String,
    pub prompt: String,
    pub topic: Topic,
    pub level: Level,
    pub tags: Vec<String>,
    pub sources: Vec<Source>,
    /// The rubric: the points an interviewer listens for.
    pub key_points: Vec<String>,
    /// What shows a typed answer makes each key point: one list of words and phrases per key point,
    /// in the same order. Empty when the file gives none (a learner's pack may leave them out).
    pub cues: Vec<Vec<String>>,
    pub follow_ups: Vec<String>,
    pub diagrams: Vec<String>,
    /// Markdown of each body section.
    pub answer: String,
    pub look_for: String,
    pub example: Option<String>,
    pub mistakes: String,
    pub origin: Origin,
    /// The file it was read from, relative to its root.
    pub file: String,
}

impl Question {
    pub fn summary(&self) -> QuestionSummary {
        QuestionSummary {
            id: self.id.clone(),
            prompt: self.prompt.clone(),
            topic: self.topic,
            level: self.level,
            guides: self.guides(),
        }
    }

    /// The distinct guides cited, in order.
    pub fn guides(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in &self.sources {
            if !out.contains(&s.guide) {
                out.push(s.guide.clone());
            }
        }
        out
    }
}

/// What a list row needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuestionSummary {
    pub id: String,
    pub prompt: String,
    pub topic: Topic,
    pub level: Level,
    pub guides: Vec<String>,
}
