//! Mock interviews behind the app handle: start one from the bank, save answers as they come, list
//! and reopen past mocks, and export one as Markdown.
use crate::clock::now_ms;
use crate::Archdrill;
use archdrill_content::markdown_to_html;
use archdrill_domain::{AppError, Level, Topic};
use archdrill_study::{MockCandidate, Now};
use serde::Serialize;
use specta::Type;
use std::collections::BTreeMap;
use std::path::Path;

pub use archdrill_study::{Mock, MockAnswer, MockLevel, MockSettings, MockSummary};

/// What the mock screens show for one question: the prompt while asking, and the rubric and model
/// answer for self-grading afterwards.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MockQuestion {
    pub id: String,
    pub prompt: String,
    pub topic: Topic,
    pub level: Level,
    pub key_points: Vec<String>,
    pub answer_html: String,
}

/// A topic's rubric coverage within one mock.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MockTopic {
    pub topic: Topic,
    pub ticked: u32,
    pub total: u32,
    pub questions: u32,
}

/// A mock with its questions (`null` for one no longer in the bank) and its weakest topics.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MockView {
    pub mock: Mock,
    /// One per answer, in the same order.
    pub questions: Vec<Option<MockQuestion>>,
    /// Topics with a rubric, lowest coverage first.
    pub weakest_topics: Vec<MockTopic>,
}

impl Archdrill {
    /// Picks the questions (never-mocked first, topics spread) and saves the new mock at once, so
    /// an interrupted mock survives a restart.
    pub fn start_mock(&self, settings: &MockSettings) -> Result<MockView, AppError> {
        let candidates: Vec<MockCandidate> = self
            .bank
            .questions()
            .iter()
            .map(|q| MockCandidate {
                question_id: q.id.clone(),
                topic: q.topic,
                level: q.level,
                points_total: u32::try_from(q.key_points.len()).unwrap_or(u32::MAX),
            })
            .collect();
        let now = now_ms();
        // A fresh choice each time: the clock is seed enough for picking interview questions.
        let seed = now as u64;
        let mock = archdrill_study::start_mock(
            &mut self.store(),
            &candidates,
            settings,
            seed,
            Now::utc(now),
        )?;
        Ok(self.mock_view(mock))
    }

    /// Saves a mock's answers (after each question, and when it is finished).
    pub fn save_mock(&self, mock: &Mock) -> Result<MockView, AppError> {
        archdrill_study::save_mock(&mut self.store(), mock)?;
        Ok(self.mock_view(mock.clone()))
    }

    /// The mock history, newest first.
    pub fn mocks(&self) -> Result<Vec<MockSummary>, AppError> {
        Ok(archdrill_study::list_mocks(&self.store())?)
    }

    pub fn mock(&self, id: &str) -> Result<MockView, AppError> {
        let mock = archdrill_study::get_mock(&self.store(), id)?;
        Ok(self.mock_view(mock))
    }

    pub fn delete_mock(&self, id: &str) -> Result<bool, AppError> {
        Ok(archdrill_study::delete_mock(&mut self.store(), id)?)
    }

    /// The mock as a Markdown report, times in the learner's zone.
    pub fn mock_markdown(&self, id: &str, utc_offset_min: i32) -> Result<String, AppError> {
        let mock = archdrill_study::get_mock(&self.store(), id)?;
        Ok(archdrill_study::export_markdown(
            &mock,
            |q| self.bank.get(q),
            utc_offset_min,
        ))
    }

    /// Writes the Markdown report to `path` (chosen by the learner in a save dialog).
    pub fn export_mock(&self, id: &str, path: &Path, utc_offset_min: i32) -> Result<(), AppError> {
        let text = self.mock_markdown(id, utc_offset_min)?;
        std::fs::write(path, text).map_err(|e| AppError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })
    }

    fn mock_view(&self, mock: Mock) -> MockView {
        let questions: Vec<Option<MockQuestion>> = mock
            .answers
            .iter()
            .map(|a| {
                self.bank.get(&a.question_id).map(|q| MockQuestion {
                    id: q.id.clone(),
                    prompt: q.prompt.clone(),
                    topic: q.topic,
                    level: q.level,
                    key_points: q.key_points.clone(),
                    answer_html: markdown_to_html(&q.answer),
                })
            })
            .collect();
        let weakest_topics = weakest_topics(&mock, &questions);
        MockView {
            mock,
            questions,
            weakest_topics,
        }
    }
}

/// Per-topic coverage over the questions that have a rubric, weakest first (ties in topic order).
fn weakest_topics(mock: &Mock, questions: &[Option<MockQuestion>]) -> Vec<MockTopic> {
    let mut by_topic: BTreeMap<Topic, MockTopic> = BTreeMap::new();
    for (a, q) in mock.answers.iter().zip(questions) {
        let Some(q) = q else { continue };
        if a.points_total == 0 {
            continue;
        }
        let ticked = u32::try_from(a.points.len())
            .unwrap_or(u32::MAX)
            .min(a.points_total);
        let t = by_topic.entry(q.topic).or_insert(MockTopic {
            topic: q.topic,
            ticked: 0,
            total: 0,
            questions: 0,
        });
        t.ticked = t.ticked.saturating_add(ticked);
        t.total = t.total.saturating_add(a.points_total);
        t.questions += 1;
    }
    let mut out: Vec<MockTopic> = by_topic.into_values().collect();
    let share = |t: &MockTopic| f64::from(t.ticked) / f64::from(t.total);
    out.sort_by(|a, b| share(a).total_cmp(&share(b)).then(a.topic.cmp(&b.topic)));
    out
}
