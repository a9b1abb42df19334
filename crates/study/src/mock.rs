//! Mock interviews: choosing the questions, starting a mock, and listing and reading mocks. The
//! session itself (answer, next, grade, finish) is in `mock_session.rs`.
use crate::time::ms_to_ui;
use crate::{Now, StudyError, DAY_MS};
use archdrill_domain::{Level, SplitMix64, Topic};
use archdrill_store::{MockAnswerRecord, MockRecord, Store};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::{HashMap, HashSet};

pub const MAX_MOCK_QUESTIONS: u32 = 50;
pub const MAX_MINUTES_PER_ANSWER: u32 = 60;
/// A question asked in a mock within this window counts as recently mocked.
pub const RECENT_MOCK_MS: i64 = 30 * DAY_MS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum MockLevel {
    Mid,
    Senior,
    Mixed,
}

impl MockLevel {
    pub fn slug(self) -> &'static str {
        match self {
            MockLevel::Mid => "mid",
            MockLevel::Senior => "senior",
            MockLevel::Mixed => "mixed",
        }
    }

    pub fn from_slug(s: &str) -> Option<MockLevel> {
        [MockLevel::Mid, MockLevel::Senior, MockLevel::Mixed]
            .into_iter()
            .find(|l| l.slug() == s)
    }

    fn admits(self, level: Level) -> bool {
        match self {
            MockLevel::Mid => level == Level::Mid,
            MockLevel::Senior => level == Level::Senior,
            MockLevel::Mixed => true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MockSettings {
    pub level: MockLevel,
    /// Empty means every topic.
    pub topics: Vec<Topic>,
    pub question_count: u32,
    pub minutes_per_answer: u32,
}

impl MockSettings {
    pub fn validate(&self) -> Result<(), StudyError> {
        if !(1..=MAX_MOCK_QUESTIONS).contains(&self.question_count) {
            return Err(StudyError::invalid(
                "questionCount",
                format!("must be between 1 and {MAX_MOCK_QUESTIONS}"),
            ));
        }
        if !(1..=MAX_MINUTES_PER_ANSWER).contains(&self.minutes_per_answer) {
            return Err(StudyError::invalid(
                "minutesPerAnswer",
                format!("must be between 1 and {MAX_MINUTES_PER_ANSWER}"),
            ));
        }
        Ok(())
    }
}

/// A question that may be asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MockCandidate {
    pub question_id: String,
    pub topic: Topic,
    pub level: Level,
    /// Its rubric size.
    pub points_total: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MockAnswer {
    pub question_id: String,
    /// Measured by the backend from `shown_at` to `answered_at`, capped at the mock's time box.
    pub seconds_used: u32,
    /// Indexes of the rubric points ticked.
    pub points: Vec<u32>,
    pub points_total: u32,
    /// What the learner typed; `None` when they answered aloud only.
    pub answer: Option<String>,
    /// Unix ms; `None` until shown (and for mocks from before the backend ran sessions).
    pub shown_at: Option<f64>,
    pub answered_at: Option<f64>,
    /// Whether `points` are the learner's confirmed ticks.
    pub graded: bool,
}

impl MockAnswer {
    /// Asked and answered (or graded under the old flow, which kept no timestamps).
    pub fn asked(&self) -> bool {
        self.answered_at.is_some() || self.graded
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Mock {
    /// ULID.
    pub id: String,
    /// Unix ms.
    pub started_at: f64,
    pub finished_at: Option<f64>,
    pub settings: MockSettings,
    /// One per question, in the order asked.
    pub answers: Vec<MockAnswer>,
}

/// Where a mock stands, so a reopened mock resumes where it was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum MockStage {
    /// The question at `MockView::current` is shown and waits for its answer.
    Asking,
    /// The question at `current` is answered and another follows: move on with next_mock_question.
    Answered,
    /// Every question asked (or the mock predates sessions): the learner grades, then finishes.
    Grading,
    Finished,
}

impl Mock {
    /// (points ticked, rubric points) over the questions asked.
    pub fn points(&self) -> (u32, u32) {
        self.answers
            .iter()
            .filter(|a| a.asked())
            .fold((0u32, 0u32), |(t, n), a| {
                (
                    t.saturating_add(ticked(a)),
                    n.saturating_add(a.points_total),
                )
            })
    }

    /// The question last shown, while the mock is not finished.
    pub fn current(&self) -> Option<usize> {
        if self.finished_at.is_some() {
            return None;
        }
        self.answers.iter().rposition(|a| a.shown_at.is_some())
    }

    pub fn stage(&self) -> MockStage {
        if self.finished_at.is_some() {
            return MockStage::Finished;
        }
        match self.current() {
            Some(i) if self.answers[i].answered_at.is_none() => MockStage::Asking,
            Some(i) if i + 1 < self.answers.len() => MockStage::Answered,
            _ => MockStage::Grading,
        }
    }
}

pub(crate) fn ticked(a: &MockAnswer) -> u32 {
    u32::try_from(a.points.len())
        .unwrap_or(u32::MAX)
        .min(a.points_total)
}

/// A row of the mock history.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MockSummary {
    pub id: String,
    pub started_at: f64,
    pub finished_at: Option<f64>,
    pub level: MockLevel,
    pub topics: Vec<Topic>,
    pub questions: u32,
    pub seconds_used: u32,
    /// Rubric points ticked over all points; `None` when no question had a rubric.
    pub coverage: Option<f64>,
}

/// Chooses up to `settings.question_count` questions matching the level and topics. Questions never
/// mocked come first, then those last mocked over 30 days ago, then the rest (least recently mocked
/// first); within each group the order is shuffled by `seed` and spread round-robin over topics.
/// `last_mocked` maps question ids to when they were last asked (unix ms).
pub(crate) fn pick(
    candidates: &[MockCandidate],
    settings: &MockSettings,
    last_mocked: &HashMap<String, i64>,
    seed: u64,
    now: Now,
) -> Vec<usize> {
    // The shared seeded generator: the same seed picks the same mock.
    let mut rng = SplitMix64::new(seed);
    let mut seen = HashSet::new();
    // (tier, last mocked or 0, shuffle key, index)
    let mut pool: Vec<(u8, i64, u64, usize)> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| settings.level.admits(c.level))
        .filter(|(_, c)| settings.topics.is_empty() || settings.topics.contains(&c.topic))
        .filter(|(_, c)| seen.insert(c.question_id.as_str()))
        .map(|(i, c)| {
            let key = rng.next_u64();
            match last_mocked.get(&c.question_id) {
                None => (0, 0, key, i),
                Some(&t) if t < now.unix_ms.saturating_sub(RECENT_MOCK_MS) => (1, 0, key, i),
                Some(&t) => (2, t, key, i),
            }
        })
        .collect();
    pool.sort_unstable();
    // Round-robin over topics within each tier: the k-th question of a topic follows every topic's
    // (k-1)-th. The sort is stable, so the shuffle decides the order within a round.
    let mut rank: HashMap<(u8, Topic), usize> = HashMap::new();
    let mut ranked: Vec<(u8, usize, usize)> = pool
        .iter()
        .enumerate()
        .map(|(pos, &(tier, _, _, i))| {
            let r = rank.entry((tier, candidates[i].topic)).or_default();
            *r += 1;
            (tier, *r, pos)
        })
        .collect();
    ranked.sort_by_key(|&(tier, r, pos)| (tier, r, pos));
    ranked
        .into_iter()
        .take(settings.question_count as usize)
        .map(|(_, _, pos)| pool[pos].3)
        .collect()
}

/// The question ids a new mock would ask, deterministic for a given seed and history.
pub fn pick_mock_questions(
    store: &Store,
    candidates: &[MockCandidate],
    settings: &MockSettings,
    seed: u64,
    now: Now,
) -> Result<Vec<String>, StudyError> {
    settings.validate()?;
    let picked = pick(candidates, settings, &store.last_mocked()?, seed, now);
    Ok(picked
        .into_iter()
        .map(|i| candidates[i].question_id.clone())
        .collect())
}

/// Picks the questions, creates the mock (started `now`, the first question shown `now`, nothing
/// answered) and saves it, so an interrupted mock survives a restart.
pub fn start_mock(
    store: &mut Store,
    candidates: &[MockCandidate],
    settings: &MockSettings,
    seed: u64,
    now: Now,
) -> Result<Mock, StudyError> {
    settings.validate()?;
    let picked = pick(candidates, settings, &store.last_mocked()?, seed, now);
    if picked.is_empty() {
        return Err(StudyError::invalid(
            "topics",
            "no question matches this level and these topics",
        ));
    }
    let mut topics = settings.topics.clone();
    topics.sort_unstable();
    topics.dedup();
    let record = MockRecord {
        id: crate::review::new_ulid(now.unix_ms),
        started_at: now.unix_ms,
        finished_at: None,
        level: settings.level.slug().to_string(),
        topics: serde_json::to_string(&topics)
            .map_err(|e| StudyError::invalid("topics", e.to_string()))?,
        question_count: settings.question_count,
        minutes_per_answer: settings.minutes_per_answer,
        answers: picked
            .into_iter()
            .enumerate()
            .map(|(k, i)| MockAnswerRecord {
                question_id: candidates[i].question_id.clone(),
                seconds_used: 0,
                points: "[]".into(),
                points_total: candidates[i].points_total,
                answer: None,
                shown_at: (k == 0).then_some(now.unix_ms),
                answered_at: None,
                graded: false,
            })
            .collect(),
    };
    store.save_mock(&record)?;
    from_record(record)
}

pub(crate) fn from_record(r: MockRecord) -> Result<Mock, StudyError> {
    let bad = |what: &str, e: &dyn std::fmt::Display| {
        StudyError::corrupt(what, format!("mock {}: {e}", r.id))
    };
    let level = MockLevel::from_slug(&r.level).ok_or_else(|| bad("mock level", &r.level))?;
    let topics: Vec<Topic> = serde_json::from_str(&r.topics).map_err(|e| bad("mock topics", &e))?;
    let answers = r
        .answers
        .iter()
        .map(|a| {
            Ok(MockAnswer {
                question_id: a.question_id.clone(),
                seconds_used: a.seconds_used,
                points: serde_json::from_str(&a.points).map_err(|e| bad("mock points", &e))?,
                points_total: a.points_total,
                answer: a.answer.clone(),
                shown_at: a.shown_at.map(ms_to_ui),
                answered_at: a.answered_at.map(ms_to_ui),
                graded: a.graded,
            })
        })
        .collect::<Result<_, StudyError>>()?;
    Ok(Mock {
        id: r.id.clone(),
        started_at: ms_to_ui(r.started_at),
        finished_at: r.finished_at.map(ms_to_ui),
        settings: MockSettings {
            level,
            topics,
            question_count: r.question_count,
            minutes_per_answer: r.minutes_per_answer,
        },
        answers,
    })
}

pub fn get_mock(store: &Store, id: &str) -> Result<Mock, StudyError> {
    from_record(mock_record(store, id)?)
}

/// The stored mock, or NotFound naming it.
pub(crate) fn mock_record(store: &Store, id: &str) -> Result<MockRecord, StudyError> {
    store.mock(id)?.ok_or_else(|| StudyError::NotFound {
        what: "mock".into(),
        id: id.into(),
    })
}

/// Every mock, newest first. A damaged row is skipped rather than hiding the whole history.
pub fn list_mocks(store: &Store) -> Result<Vec<MockSummary>, StudyError> {
    Ok(store
        .mocks()?
        .into_iter()
        .filter_map(|r| from_record(r).ok())
        .map(|m| {
            let (ticked, total) = m.points();
            MockSummary {
                questions: u32::try_from(m.answers.len()).unwrap_or(u32::MAX),
                seconds_used: m
                    .answers
                    .iter()
                    .fold(0u32, |s, a| s.saturating_add(a.seconds_used)),
                coverage: (total > 0).then(|| f64::from(ticked) / f64::from(total)),
                id: m.id,
                started_at: m.started_at,
                finished_at: m.finished_at,
                level: m.settings.level,
                topics: m.settings.topics,
            }
        })
        .collect())
}

/// Deletes a mock; false when there was none.
pub fn delete_mock(store: &mut Store, id: &str) -> Result<bool, StudyError> {
    Ok(store.delete_mock(id)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(id: &str, topic: Topic, level: Level) -> MockCandidate {
        MockCandidate {
            question_id: id.into(),
            topic,
            level,
            points_total: 4,
        }
    }

    fn settings(level: MockLevel, topics: Vec<Topic>, n: u32) -> MockSettings {
        MockSettings {
            level,
            topics,
            question_count: n,
            minutes_per_answer: 5,
        }
    }

    fn bank() -> Vec<MockCandidate> {
        let mut v = Vec::new();
        for (k, t) in [Topic::Networking, Topic::Security, Topic::Database]
            .into_iter()
            .enumerate()
        {
            for i in 0..6 {
                let level = if i % 2 == 0 {
                    Level::Mid
                } else {
                    Level::Senior
                };
                v.push(cand(&format!("{k}-{i}"), t, level));
            }
        }
        v
    }

    #[test]
    fn picks_are_deterministic_filtered_and_spread_over_topics() {
        let b = bank();
        let s = settings(MockLevel::Senior, vec![], 6);
        let now = Now::utc(100 * DAY_MS);
        let a = pick(&b, &s, &HashMap::new(), 7, now);
        assert_eq!(a, pick(&b, &s, &HashMap::new(), 7, now));
        assert_ne!(a, pick(&b, &s, &HashMap::new(), 8, now), "the seed matters");
        assert_eq!(a.len(), 6);
        assert!(a.iter().all(|&i| b[i].level == Level::Senior));
        // Round-robin: each run of three covers all three topics.
        for chunk in a.chunks(3) {
            let topics: HashSet<Topic> = chunk.iter().map(|&i| b[i].topic).collect();
            assert_eq!(topics.len(), 3);
        }
        let only = pick(
            &b,
            &settings(MockLevel::Mixed, vec![Topic::Security], 50),
            &HashMap::new(),
            1,
            now,
        );
        assert_eq!(only.len(), 6);
        assert!(only.iter().all(|&i| b[i].topic == Topic::Security));
    }

    #[test]
    fn prefers_questions_not_recently_mocked() {
        let b = bank();
        let now = Now::utc(100 * DAY_MS);
        let mut last = HashMap::new();
        // Everything but two questions was mocked yesterday; those two long ago or never.
        for c in &b {
            last.insert(c.question_id.clone(), now.unix_ms - DAY_MS);
        }
        last.insert("1-2".to_string(), now.unix_ms - 90 * DAY_MS);
        last.remove("2-4");
        last.insert("0-0".to_string(), now.unix_ms - 3 * DAY_MS);
        let got: Vec<&str> = pick(&b, &settings(MockLevel::Mixed, vec![], 3), &last, 3, now)
            .into_iter()
            .map(|i| b[i].question_id.as_str())
            .collect();
        assert_eq!(&got[..2], &["2-4", "1-2"]);
        assert_eq!(got[2], "0-0", "then the least recently mocked");
    }

    #[test]
    fn settings_are_bounded() {
        assert!(settings(MockLevel::Mid, vec![], 0).validate().is_err());
        assert!(settings(MockLevel::Mid, vec![], 51).validate().is_err());
        let mut s = settings(MockLevel::Mid, vec![], 5);
        s.minutes_per_answer = 0;
        assert!(s.validate().is_err());
        assert_eq!(MockLevel::from_slug("mixed"), Some(MockLevel::Mixed));
        assert_eq!(MockLevel::from_slug("junior"), None);
    }
}
