//! The shapes the UI receives and sends. Every type here is exported to TypeScript through specta.
use archdrill_domain::{Level, Problem, QuestionSummary, Source, Topic};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HomeSummary {
    pub question_count: u32,
    pub diagram_count: u32,
    pub drill_count: u32,
    pub due_today: u32,
    /// Problems found in content/, diagrams/ or the learner's packs; the rest still loaded.
    pub problems: Vec<Problem>,
    pub data_dir: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum StudiedFilter {
    Any,
    Studied,
    NotStudied,
}

/// Browse filters; `None` means no filter on that field.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuestionFilter {
    pub topic: Option<Topic>,
    pub level: Option<Level>,
    /// A guide short name such as "002".
    pub guide: Option<String>,
    pub studied: StudiedFilter,
    pub bookmarked_only: bool,
}

impl Default for QuestionFilter {
    fn default() -> Self {
        QuestionFilter {
            topic: None,
            level: None,
            guide: None,
            studied: StudiedFilter::Any,
            bookmarked_only: false,
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuestionRow {
    #[serde(flatten)]
    pub summary: QuestionSummary,
    pub studied: bool,
    pub bookmarked: bool,
    pub has_note: bool,
}

/// A run of text; `hit` marks a search match to highlight.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TextSpan {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchResult {
    pub row: QuestionRow,
    pub prompt: Vec<TextSpan>,
    pub snippet: Vec<TextSpan>,
}

/// A link to another question, with its prompt so the UI can show it.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuestionLink {
    pub id: String,
    pub prompt: String,
}

/// Everything the question screen shows. Markdown arrives rendered and sanitised.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuestionView {
    pub id: String,
    pub prompt: String,
    pub topic: Topic,
    pub level: Level,
    pub tags: Vec<String>,
    pub sources: Vec<Source>,
    pub key_points: Vec<String>,
    pub follow_ups: Vec<QuestionLink>,
    pub diagrams: Vec<String>,
    pub answer_html: String,
    pub look_for_html: String,
    pub example_html: Option<String>,
    pub mistakes_html: String,
    pub note: String,
    pub bookmarked: bool,
    pub pack: Option<String>,
}
