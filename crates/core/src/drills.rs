//! Diagrams and drills: what the drill screens show, and checking an attempt, which grades it, keeps
//! the attempt, and schedules the drill as an FSRS card (`d:<drill id>`) from its score.
use crate::api::QuestionLink;
use crate::Archdrill;
use archdrill_diagram::{
    drill_view, grade, render_attempt, render_model, render_png, render_svg, DrillKind, DrillView,
    GradeResult, RenderOptions, Submission, Theme as DiagramTheme,
};
use archdrill_domain::AppError;
use archdrill_store::DrillAttempt;
use archdrill_study::{drill_card, record_review, Now, Rating, ReviewInput};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DiagramSummary {
    pub id: String,
    pub title: String,
    pub description: String,
    pub drills: Vec<DrillSummary>,
    /// Questions whose answer this diagram illustrates.
    pub questions: Vec<QuestionLink>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DrillSummary {
    pub id: String,
    pub title: String,
    pub kind: DrillKind,
    /// The newest attempt's score in [0, 1], if any.
    pub last_score: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    Svg,
    Png,
}

/// The grade, plus when the drill comes back.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DrillCheck {
    pub result: GradeResult,
    pub attempt_id: String,
    pub next_due: f64,
    pub interval_days: f64,
    /// Design and failure drills: the attempt marked as graded, beside a model answer.
    pub figures: Option<CheckedFigures>,
}

/// Drawn after Check, light and dark: the learner's attempt with the failing parts marked, and the
/// model answer (a valid design; the failure with every failing component marked).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckedFigures {
    pub attempt: String,
    pub attempt_dark: String,
    pub model: String,
    pub model_dark: String,
}

impl Archdrill {
    pub fn diagrams(&self) -> Result<Vec<DiagramSummary>, AppError> {
        let scores = self.store().latest_scores()?;
        Ok(self
            .library
            .diagrams()
            .map(|d| DiagramSummary {
                id: d.id.clone(),
                title: d.title.clone(),
                description: d.description.clone(),
                drills: self
                    .library
                    .drills()
                    .filter(|x| x.diagram == d.id)
                    .map(|x| DrillSummary {
                        id: x.id.clone(),
                        title: x.title.clone(),
                        kind: x.kind,
                        last_score: scores.get(&x.id).copied(),
                    })
                    .collect(),
                questions: self
                    .bank
                    .questions()
                    .iter()
                    .filter(|q| q.diagrams.contains(&d.id))
                    .map(|q| QuestionLink {
                        id: q.id.clone(),
                        prompt: q.prompt.clone(),
                    })
                    .collect(),
            })
            .collect())
    }

    pub fn diagram_svg(&self, id: &str, dark: bool) -> Result<String, AppError> {
        let d = self
            .library
            .diagram(id)
            .ok_or_else(|| AppError::not_found("diagram", id))?;
        Ok(render_svg(d, &options(dark)))
    }

    /// The drill as the learner sees it: no answers in it.
    pub fn drill(&self, id: &str) -> Result<DrillView, AppError> {
        Ok(drill_view(&self.library, id)?)
    }

    /// Grades an attempt, stores it, and schedules the drill from the score.
    pub fn check_drill(
        &self,
        id: &str,
        submission: &Submission,
        duration_ms: f64,
        utc_offset_min: i32,
    ) -> Result<DrillCheck, AppError> {
        let result = grade(&self.library, id, submission)?;
        let rating = Rating::from_number(result.rating as u8).unwrap_or(Rating::Again);
        let now = Now::new(self.now_ms(), utc_offset_min);
        let submission_json = to_json(submission)?;
        let result_json = to_json(&result)?;
        // The review and the attempt that explains it are one unit of work.
        let outcome = self.store().transact(|store| {
            let outcome = record_review(
                store,
                &ReviewInput {
                    card_id: drill_card(id),
                    rating,
                    duration_ms: duration_ms.max(0.0),
                    points: Vec::new(),
                    points_total: 0,
                    answer: None,
                },
                now,
            )?;
            store.record_attempt(&DrillAttempt {
                id: outcome.review_id.clone(),
                drill_id: id.to_string(),
                attempted_at: now.unix_ms,
                score: result.score,
                rating: rating.number(),
                duration_ms: duration_ms.max(0.0) as i64,
                submission_json,
                result_json,
            })?;
            Ok::<_, AppError>(outcome)
        })?;
        let figures = match self.library.drill(id).map(|d| d.kind) {
            Some(DrillKind::Design | DrillKind::Failure) => Some(self.figures(id, submission)?),
            _ => None,
        };
        Ok(DrillCheck {
            result,
            attempt_id: outcome.review_id,
            next_due: outcome.card.due,
            interval_days: outcome.interval_days,
            figures,
        })
    }

    fn figures(&self, id: &str, sub: &Submission) -> Result<CheckedFigures, AppError> {
        let lib = &self.library;
        Ok(CheckedFigures {
            attempt: render_attempt(lib, id, sub, true, DiagramTheme::Light)?,
            attempt_dark: render_attempt(lib, id, sub, true, DiagramTheme::Dark)?,
            model: render_model(lib, id, DiagramTheme::Light)?,
            model_dark: render_model(lib, id, DiagramTheme::Dark)?,
        })
    }

    /// A design or failure drill as built so far (the canvas redrawn after each change). Nothing is
    /// graded or stored; the submission is checked as for grading, so errors name the field.
    pub fn drill_canvas(&self, id: &str, sub: &Submission, dark: bool) -> Result<String, AppError> {
        let theme = if dark {
            DiagramTheme::Dark
        } else {
            DiagramTheme::Light
        };
        Ok(render_attempt(&self.library, id, sub, false, theme)?)
    }

    /// Writes the diagram as SVG, or as PNG at 2× (for slides and notes).
    pub fn export_diagram(
        &self,
        id: &str,
        format: ExportFormat,
        dark: bool,
        path: &Path,
    ) -> Result<(), AppError> {
        let svg = self.diagram_svg(id, dark)?;
        let bytes = match format {
            ExportFormat::Svg => svg.into_bytes(),
            ExportFormat::Png => render_png(&svg, 2.0).map_err(|e| AppError::Io {
                path: path.display().to_string(),
                message: e.to_string(),
            })?,
        };
        std::fs::write(path, bytes).map_err(|e| AppError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })
    }
}

fn options(dark: bool) -> RenderOptions<'static> {
    RenderOptions {
        theme: if dark {
            DiagramTheme::Dark
        } else {
            DiagramTheme::Light
        },
        drill: None,
    }
}

fn to_json<T: Serialize>(v: &T) -> Result<String, AppError> {
    serde_json::to_string(v).map_err(|e| AppError::Storage {
        message: format!("cannot encode the attempt: {e}"),
    })
}
