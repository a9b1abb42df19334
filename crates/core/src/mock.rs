//! Mock interviews behind the app handle: start one from the bank, answer (typed or not), move on,
//! grade and finish it, all stamped by the backend clock; list and reopen past mocks, and export one
//! as Markdown.
use crate::answers::{check_length, AnswerCoverage};
use crate::Archdrill;
use archdrill_content::markdown_to_html;
use archdrill_domain::{AppError, Level, Topic};
use archdrill_study::{
    expected_answer_seconds, weakest_points, weakest_topics, MockCandidate, Now,
};
use serde::Serialize;
use specta::Type;
use std::path::Path;

pub use archdrill_study::{
    Mock, MockAnswer, MockLevel, MockSettings, MockStage, MockSummary, MockTopic, WeakPoint,
};

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
    /// How long an interviewer expects an answer at this question's level to take.
    pub expected_seconds: u32,
}

/// A mock with its questions (`null` for one no longer in the bank), where it stands, the key
/// points each typed answer covers, and its weakest topics and key points.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MockView {
    pub mock: Mock,
    pub stage: MockStage,
    /// The question being asked (or just answered), while the mock runs.
    pub current: Option<u32>,
    /// One per answer, in the same order.
    pub questions: Vec<Option<MockQuestion>>,
    /// One per answer: which key points its typed answer makes (to pre-tick the rubric and highlight
    /// the words); `null` when nothing was typed or the question left the bank.
    pub coverage: Vec<Option<AnswerCoverage>>,
    /// Topics with a graded rubric, lowest coverage first.
    pub weakest_topics: Vec<MockTopic>,
    /// Key points missed in the weakest graded answers.
    pub weakest_points: Vec<WeakPoint>,
    /// Rubric points ticked and rubric points over the questions asked, and the time they took.
    pub ticked: u32,
    pub total: u32,
    pub seconds_used: u32,
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
        let now = self.now_ms();
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

    /// Stores the answer to the question being asked (`answer` is what was typed, if anything) and
    /// stamps when it was answered; the time used is measured here.
    pub fn answer_mock(&self, mock_id: &str, answer: Option<&str>) -> Result<MockView, AppError> {
        if let Some(a) = answer {
            check_length(a)?;
        }
        let mock = archdrill_study::answer_mock(
            &mut self.store(),
            mock_id,
            answer,
            Now::utc(self.now_ms()),
        )?;
        Ok(self.mock_view(mock))
    }

    /// Shows the next question (after the current one is answered).
    pub fn next_mock_question(&self, mock_id: &str) -> Result<MockView, AppError> {
        let mock = archdrill_study::next_mock_question(
            &mut self.store(),
            mock_id,
            Now::utc(self.now_ms()),
        )?;
        Ok(self.mock_view(mock))
    }

    /// Records the learner's confirmed ticks for one answer; the rubric size is the bank's.
    pub fn grade_mock_answer(
        &self,
        mock_id: &str,
        position: u32,
        points: &[u32],
    ) -> Result<MockView, AppError> {
        let mut store = self.store();
        let asked = archdrill_study::get_mock(&store, mock_id)?
            .answers
            .get(position as usize)
            .map(|a| a.question_id.clone());
        let total = asked
            .and_then(|id| self.bank.get(&id))
            .map(|q| u32::try_from(q.key_points.len()).unwrap_or(u32::MAX));
        let mock =
            archdrill_study::grade_mock_answer(&mut store, mock_id, position, points, total)?;
        drop(store);
        Ok(self.mock_view(mock))
    }

    /// Stamps the end of the mock; refused when it is already finished.
    pub fn finish_mock(&self, mock_id: &str) -> Result<MockView, AppError> {
        let mock =
            archdrill_study::finish_mock(&mut self.store(), mock_id, Now::utc(self.now_ms()))?;
        Ok(self.mock_view(mock))
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
                    expected_seconds: expected_answer_seconds(q.level),
                })
            })
            .collect();
        // A stored answer passed the length check when it was given, so covering it cannot fail
        // on length; a question gone from the bank has no cues and gets no coverage.
        let coverage = mock
            .answers
            .iter()
            .map(|a| {
                let text = a.answer.as_deref()?;
                self.cover_answer(&a.question_id, text).ok()
            })
            .collect();
        let (ticked, total) = mock.points();
        MockView {
            ticked,
            total,
            seconds_used: mock
                .answers
                .iter()
                .fold(0u32, |s, a| s.saturating_add(a.seconds_used)),
            stage: mock.stage(),
            current: mock.current().map(|i| i as u32),
            weakest_topics: weakest_topics(&mock, |id| self.bank.get(id).map(|q| q.topic)),
            weakest_points: weakest_points(&mock, |id| self.bank.get(id)),
            coverage,
            questions,
            mock,
        }
    }
}
