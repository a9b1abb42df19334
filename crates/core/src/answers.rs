//! Typed answers checked against a question's rubric: which key points the answer makes, and where,
//! so Review and mock interviews can pre-tick the rubric and highlight the words that made each point.
use crate::Archdrill;
use archdrill_answer::Rubric;
use archdrill_domain::AppError;
use serde::Serialize;
use specta::Type;

/// A typed answer is a few hundred words; far more is a paste gone wrong, refused with a clear message.
pub const MAX_ANSWER_CHARS: usize = 20_000;

/// Which key points a typed answer covers, in rubric order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AnswerCoverage {
    pub points: Vec<PointCover>,
    pub covered: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PointCover {
    pub index: u32,
    pub covered: bool,
    pub matches: Vec<CueMatch>,
}

/// Where a cue occurs: `start..end` count UTF-16 code units, as JavaScript strings index them, so the
/// UI can highlight without converting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CueMatch {
    pub cue: String,
    pub text: String,
    pub start: u32,
    pub end: u32,
}

impl Archdrill {
    /// Checks `answer` against the rubric of question `question_id`: each key point's cues and its
    /// own wording (`Rubric::for_points`). A question without cues (an older learner pack) covers a
    /// point only where the answer states it as written; the rest is left for the learner to tick.
    pub fn cover_answer(
        &self,
        question_id: &str,
        answer: &str,
    ) -> Result<AnswerCoverage, AppError> {
        let question = self
            .bank
            .get(question_id)
            .ok_or_else(|| AppError::not_found("question", question_id))?;
        check_length(answer)?;
        let coverage = Rubric::for_points(&question.key_points, &question.cues).cover(answer);
        let points: Vec<PointCover> = (0..question.key_points.len())
            .map(|index| {
                let point = coverage.points.get(index);
                PointCover {
                    index: index as u32,
                    covered: point.is_some_and(|p| p.covered),
                    matches: point
                        .map(|p| p.matches.iter().map(|m| utf16_match(answer, m)).collect())
                        .unwrap_or_default(),
                }
            })
            .collect();
        Ok(AnswerCoverage {
            covered: points.iter().filter(|p| p.covered).count() as u32,
            total: points.len() as u32,
            points,
        })
    }
}

/// Refuses an answer longer than `MAX_ANSWER_CHARS`, naming the field.
pub(crate) fn check_length(answer: &str) -> Result<(), AppError> {
    let chars = answer.chars().count();
    if chars > MAX_ANSWER_CHARS {
        return Err(AppError::invalid(
            "answer",
            format!("is {chars} characters; an answer may hold at most {MAX_ANSWER_CHARS}"),
        ));
    }
    Ok(())
}

fn utf16_match(answer: &str, m: &archdrill_answer::Match) -> CueMatch {
    let units = |byte: usize| answer[..byte].encode_utf16().count() as u32;
    CueMatch {
        cue: m.cue.clone(),
        text: m.text.clone(),
        start: units(m.start),
        end: units(m.end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_utf16_units_not_bytes() {
        let answer = "café — Auto Scaling";
        let m = archdrill_answer::Match {
            cue: "auto scaling".into(),
            text: "Auto Scaling".into(),
            start: answer.find("Auto").unwrap(),
            end: answer.len(),
        };
        let got = utf16_match(answer, &m);
        // "café — " is 7 UTF-16 units but 10 bytes.
        assert_eq!((got.start, got.end), (7, 19));
    }
}
