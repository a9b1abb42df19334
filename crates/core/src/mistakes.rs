//! "The mistakes you repeat": the history read in one pass (drill attempts and question reviews
//! still in force), tallied by the study crate, and every id turned into what the learner reads:
//! drill titles, slot names, key point texts, and the questions that explain a drill's diagram.
use crate::api::QuestionLink;
use crate::Archdrill;
use archdrill_diagram::{drill_view, normalize_answer, DrillKind, GradeResult, SlotStatus};
use archdrill_domain::{AppError, Question, Topic};
use archdrill_study::{
    Answer, AttemptOutcome, MistakeLimits, MistakeTally, Mistakes, PointsReview, QuestionOutcome,
    RuleOutcome, SlotOutcome,
};
use serde::Serialize;
use specta::Type;
use std::collections::HashMap;

/// How many explaining questions a drill links to.
const QUESTIONS_PER_DRILL: usize = 3;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MistakesView {
    /// Wrong labels put in a drill's slot, the most repeated first.
    pub slots: Vec<SlotMistakeView>,
    /// Labels given where another belonged, across drills.
    pub confused: Vec<ConfusedPairView>,
    /// Design rules broken.
    pub rules: Vec<RuleMissView>,
    /// Failure-drill questions answered wrong.
    pub failure_answers: Vec<FailureMissView>,
    /// Key points most often left out in reviews, by topic.
    pub key_points: Vec<TopicPointsView>,
    /// Drill attempts and rubric reviews read (undone ones are not).
    pub attempts: u32,
    pub reviews: u32,
}

/// The drill a mistake was made in, for its link.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DrillRef {
    pub id: String,
    pub title: String,
    pub kind: DrillKind,
    pub diagram_id: String,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SlotMistakeView {
    pub drill: DrillRef,
    pub slot: String,
    /// The slot as the drill names it ("Private subnet (AZ a)", "Blank 3 in Public subnet").
    pub slot_name: String,
    /// The wrong label (failure drills: "stops serving").
    pub given: String,
    pub count: u32,
    /// Made at least twice.
    pub repeated: bool,
    /// Unix ms.
    pub last_seen: f64,
    /// The slot's right answers.
    pub expected: Vec<String>,
    /// The names of the slots where the label does belong (empty: in none).
    pub belongs_in: Vec<String>,
    pub reason: Option<String>,
    /// Questions whose answer the drill's diagram illustrates.
    pub questions: Vec<QuestionLink>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConfusedPairView {
    pub given: String,
    pub expected: String,
    pub count: u32,
    pub last_seen: f64,
    pub drills: Vec<DrillRef>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RuleMissView {
    pub drill: DrillRef,
    /// 1-based, in the drill's order.
    pub rule: u32,
    /// `required` or `advice`.
    pub level: String,
    pub message: String,
    pub count: u32,
    pub last_seen: f64,
    pub questions: Vec<QuestionLink>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FailureMissView {
    pub drill: DrillRef,
    pub prompt: String,
    /// The last wrong answer.
    pub given: Vec<String>,
    pub expected: Vec<String>,
    pub feedback: Option<String>,
    pub explanation: Option<String>,
    pub count: u32,
    pub last_seen: f64,
    pub questions: Vec<QuestionLink>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TopicPointsView {
    pub topic: Topic,
    /// Misses over all the topic's points.
    pub missed: u32,
    pub points: Vec<MissedPointView>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MissedPointView {
    pub question: QuestionLink,
    /// 0-based index in the question's rubric.
    pub point: u32,
    pub text: String,
    pub missed: u32,
    pub reviewed: u32,
    pub last_missed: f64,
}

/// The learner-facing names of one drill's slots (or a failure drill's components), by slot id.
type SlotNames = HashMap<String, String>;

impl Archdrill {
    /// The mistakes the learner repeats, from every attempt and review not undone.
    pub fn mistakes(&self) -> Result<MistakesView, AppError> {
        let mut tally = MistakeTally::new();
        let mut names: HashMap<String, SlotNames> = HashMap::new();
        {
            let store = self.store();
            store.scan_attempt_results(|drill, at, json| {
                // An attempt of a drill since removed, or graded in a shape this version cannot
                // read, says nothing about the drills there are now: it is left out.
                let Ok(result) = serde_json::from_str::<GradeResult>(json) else {
                    return;
                };
                if let Some(outcome) = self.outcome(drill, at, &result, &mut names) {
                    tally.add_attempt(&outcome);
                }
            })?;
            store.scan_question_points(|row| {
                if let Some(review) = self.points_review(row) {
                    tally.add_review(&review);
                }
            })?;
        }
        Ok(self.view(tally.finish(MistakeLimits::default()), &names))
    }

    /// One attempt for the tally, with slot ids checked against the drill as it is now.
    fn outcome(
        &self,
        drill_id: &str,
        at: i64,
        result: &GradeResult,
        names: &mut HashMap<String, SlotNames>,
    ) -> Option<AttemptOutcome> {
        let drill = self.library.drill(drill_id)?;
        let slot_names = names
            .entry(drill_id.to_string())
            .or_insert_with(|| self.slot_names(drill_id));
        let answer = |t: &String| Answer {
            text: t.clone(),
            key: normalize_answer(t),
        };
        Some(AttemptOutcome {
            drill_id: drill_id.to_string(),
            at,
            pairs: matches!(drill.kind, DrillKind::Label | DrillKind::Recall),
            slots: result
                .slots
                .iter()
                .filter(|s| slot_names.contains_key(&s.slot))
                .map(|s| SlotOutcome {
                    slot: s.slot.clone(),
                    wrong: s.status == SlotStatus::Wrong,
                    given: s.given.iter().map(answer).collect(),
                    expected: s.expected.iter().map(answer).collect(),
                    reason: s.reason.clone(),
                })
                .collect(),
            rules: result
                .rules
                .iter()
                .map(|r| RuleOutcome {
                    rule: r.rule,
                    passed: r.passed,
                    level: r.level.clone(),
                    message: r.message.clone(),
                })
                .collect(),
            questions: result
                .questions
                .iter()
                .map(|q| QuestionOutcome {
                    question: q.question.clone(),
                    right: q.score >= 1.0,
                    prompt: q.prompt.clone(),
                    given: q.given.clone(),
                    expected: q.expected.clone(),
                    feedback: q.feedback.clone(),
                    explanation: q.explanation.clone(),
                })
                .collect(),
        })
    }

    /// Slot drills name their slots themselves; a failure drill's components are named in its view
    /// (built once per drill per call: it draws the drill, so it is not done for the other kinds).
    fn slot_names(&self, drill_id: &str) -> SlotNames {
        let Some(drill) = self.library.drill(drill_id) else {
            return SlotNames::new();
        };
        if drill.kind == DrillKind::Failure {
            return drill_view(&self.library, drill_id)
                .ok()
                .and_then(|v| v.failure)
                .map(|f| {
                    f.components
                        .into_iter()
                        .map(|c| (c.id, c.aria_label))
                        .collect()
                })
                .unwrap_or_default();
        }
        drill
            .slots
            .iter()
            .map(|s| (s.id.clone(), slot_name(&s.aria_label)))
            .collect()
    }

    /// One review for the tally; a question no longer in the bank is left out, and a rubric that
    /// has shrunk since counts only the points it still has.
    fn points_review(&self, row: archdrill_store::PointsRow<'_>) -> Option<PointsReview> {
        let q = self.bank.get(row.card_id.strip_prefix("q:")?)?;
        let ticked: Vec<u32> = serde_json::from_str(row.points).ok()?;
        let now = u32::try_from(q.key_points.len()).unwrap_or(u32::MAX);
        Some(PointsReview {
            question_id: q.id.clone(),
            topic: q.topic,
            at: row.reviewed_at,
            ticked,
            total: row.points_total.min(now),
        })
    }

    fn view(&self, m: Mistakes, names: &HashMap<String, SlotNames>) -> MistakesView {
        let explained = self.questions_by_diagram();
        let drill = |id: &str| self.drill_ref(id);
        let questions = |id: &str, words: &[&str]| {
            let on_diagram = self
                .library
                .drill(id)
                .and_then(|d| explained.get(d.diagram.as_str()));
            on_diagram.map_or_else(Vec::new, |qs| explaining(qs, words))
        };
        let name = |drill: &str, slot: &str| {
            names
                .get(drill)
                .and_then(|n| n.get(slot))
                .cloned()
                .unwrap_or_else(|| slot.to_string())
        };
        MistakesView {
            slots: m
                .slots
                .iter()
                .map(|s| SlotMistakeView {
                    drill: drill(&s.drill_id),
                    slot: s.slot.clone(),
                    slot_name: name(&s.drill_id, &s.slot),
                    given: s.given.clone(),
                    count: s.count,
                    repeated: s.repeated(),
                    last_seen: s.last_seen as f64,
                    expected: s.expected.clone(),
                    belongs_in: s.belongs_in.iter().map(|b| name(&s.drill_id, b)).collect(),
                    reason: s.reason.clone(),
                    questions: questions(&s.drill_id, &[&s.given, s.expected.join(" ").as_str()]),
                })
                .collect(),
            confused: m
                .pairs
                .into_iter()
                .map(|p| ConfusedPairView {
                    drills: p.drills.iter().map(|d| drill(d)).collect(),
                    given: p.given,
                    expected: p.expected,
                    count: p.count,
                    last_seen: p.last_seen as f64,
                })
                .collect(),
            rules: m
                .rules
                .into_iter()
                .map(|r| RuleMissView {
                    drill: drill(&r.drill_id),
                    questions: questions(&r.drill_id, &[]),
                    rule: r.rule,
                    level: r.level,
                    message: r.message,
                    count: r.count,
                    last_seen: r.last_seen as f64,
                })
                .collect(),
            failure_answers: m
                .questions
                .into_iter()
                .map(|q| FailureMissView {
                    drill: drill(&q.drill_id),
                    questions: questions(&q.drill_id, &[]),
                    prompt: q.prompt,
                    given: q.given,
                    expected: q.expected,
                    feedback: q.feedback,
                    explanation: q.explanation,
                    count: q.count,
                    last_seen: q.last_seen as f64,
                })
                .collect(),
            key_points: self.key_points(m.points),
            attempts: m.attempts,
            reviews: m.reviews,
        }
    }

    fn key_points(&self, topics: Vec<archdrill_study::TopicPoints>) -> Vec<TopicPointsView> {
        topics
            .into_iter()
            .map(|t| TopicPointsView {
                topic: t.topic,
                missed: t.missed,
                points: t
                    .points
                    .into_iter()
                    .filter_map(|p| {
                        let q = self.bank.get(&p.question_id)?;
                        Some(MissedPointView {
                            text: q.key_points.get(p.point as usize)?.clone(),
                            question: QuestionLink {
                                id: q.id.clone(),
                                prompt: q.prompt.clone(),
                            },
                            point: p.point,
                            missed: p.missed,
                            reviewed: p.reviewed,
                            last_missed: p.last_missed as f64,
                        })
                    })
                    .collect(),
            })
            .collect()
    }

    /// The tally only holds drills the library has (see `outcome`).
    fn drill_ref(&self, id: &str) -> DrillRef {
        let d = self.library.drill(id);
        DrillRef {
            id: id.to_string(),
            title: d.map_or_else(|| id.to_string(), |d| d.title.clone()),
            kind: d.map_or(DrillKind::Label, |d| d.kind),
            diagram_id: d.map(|d| d.diagram.clone()).unwrap_or_default(),
        }
    }

    /// The questions each diagram illustrates, in bank order: one pass over the bank.
    fn questions_by_diagram(&self) -> HashMap<&str, Vec<&Question>> {
        let mut out: HashMap<&str, Vec<&Question>> = HashMap::new();
        for q in self.bank.questions() {
            for d in &q.diagrams {
                out.entry(d.as_str()).or_default().push(q);
            }
        }
        out
    }
}

/// The few questions on a drill's diagram that best explain a mistake: those whose prompt names one
/// of `words` (the labels involved) first, then those whose key points do, then bank order.
fn explaining(questions: &[&Question], words: &[&str]) -> Vec<QuestionLink> {
    let words: Vec<String> = words
        .iter()
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let names = |text: &str| {
        let text = text.to_lowercase();
        words.iter().any(|w| text.contains(w.as_str()))
    };
    let mut ranked: Vec<(u8, &Question)> = questions
        .iter()
        .map(|q| {
            let rank = if names(&q.prompt) {
                0
            } else if q.key_points.iter().any(|p| names(p)) {
                1
            } else {
                2
            };
            (rank, *q)
        })
        .collect();
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked
        .into_iter()
        .take(QUESTIONS_PER_DRILL)
        .map(|(_, q)| QuestionLink {
            id: q.id.clone(),
            prompt: q.prompt.clone(),
        })
        .collect()
}

/// A slot's name as a learner reads it in a sentence: the control's name without the words that
/// only make sense on the control ("Drop zone: Private subnet" is the zone "Private subnet";
/// "Blank 2 in Web tier: type its name" is "Blank 2 in Web tier").
fn slot_name(aria: &str) -> String {
    let name = aria.strip_prefix("Drop zone: ").unwrap_or(aria);
    let name = if name.len() == aria.len() {
        name.split_once(": ").map_or(name, |(head, _)| head)
    } else {
        name
    };
    name.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::slot_name;

    #[test]
    fn slot_names_drop_what_only_the_control_needs() {
        assert_eq!(
            slot_name("Drop zone: Private subnet (AZ a)"),
            "Private subnet (AZ a)"
        );
        assert_eq!(
            slot_name("Drop zone: the box with ALB: x"),
            "the box with ALB: x"
        );
        assert_eq!(
            slot_name("Blank 3 in Web tier: type its name"),
            "Blank 3 in Web tier"
        );
        assert_eq!(slot_name("Step 2"), "Step 2");
    }
}
