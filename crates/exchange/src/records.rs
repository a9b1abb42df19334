//! The JSON shape of each personal record, shared by the export file and the sync folder's change
//! files, and the checks every record from a file passes before it reaches the database. Each check
//! fails with "field: what is wrong", which the reader prefixes with the file and line.
use archdrill_domain::is_ulid;
use archdrill_store::{
    ChangeKind, ChangeRecord, DrillAttempt, MockAnswerRecord, MockRecord, ReviewRecord, UndoMark,
    LOCAL_PREFIX,
};
use serde::{Deserialize, Serialize};

/// Timestamps outside years 1970..2999 come from a broken clock or a hostile file.
pub const MAX_MS: i64 = 32_503_680_000_000;
/// A note body or a setting value (the app caps notes at 64 KiB).
pub const MAX_TEXT_BYTES: usize = 64 * 1024;
/// A drill attempt's submission or result JSON.
pub const MAX_JSON_BYTES: usize = 256 * 1024;
/// Question ids, drill ids, setting keys.
const MAX_KEY_BYTES: usize = 200;
/// The largest rubric (as `archdrill_study::MAX_POINTS`).
const MAX_POINTS: u32 = archdrill_study::MAX_POINTS;
/// A review's duration is capped at a day when recorded.
const MAX_DURATION_MS: i64 = archdrill_study::DAY_MS;
/// A review's typed answer, in characters (as `archdrill_core::MAX_ANSWER_CHARS`, which this crate
/// sits below).
const MAX_ANSWER_CHARS: usize = 20_000;
/// Days since 1970 for any time up to `MAX_MS`, with room for a time zone.
const MAX_DAY: i64 = MAX_MS / archdrill_study::DAY_MS + 1;

type Check<T> = Result<T, String>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewLine {
    pub id: String,
    pub card_id: String,
    pub reviewed_at: i64,
    pub day: i64,
    pub rating: u8,
    pub duration_ms: i64,
    pub points: Vec<u32>,
    pub points_total: u32,
    pub elapsed_days: Option<i64>,
    /// The typed answer, left out when none was typed: files from before typed answers read the
    /// same, and a review without one is written exactly as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UndoLine {
    pub review_id: String,
    pub undone_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeLine {
    pub id: String,
    pub at: i64,
    pub kind: String,
    pub key: String,
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttemptLine {
    pub id: String,
    pub drill_id: String,
    pub attempted_at: i64,
    pub score: f64,
    pub rating: u8,
    pub duration_ms: i64,
    /// JSON text, exactly as stored.
    pub submission: String,
    pub result: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MockLine {
    pub id: String,
    pub started_at: i64,
    pub finished_at: Option<i64>,
    pub level: String,
    pub topics: Vec<String>,
    pub question_count: u32,
    pub minutes_per_answer: u32,
    pub answers: Vec<MockAnswerLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MockAnswerLine {
    pub question_id: String,
    pub seconds_used: u32,
    pub points: Vec<u32>,
    pub points_total: u32,
    /// The typed answer and the session's timestamps (migration 0009). Absent in files written before
    /// them, and left out when empty, so a mock without them is written exactly as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_at: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_at: Option<i64>,
    /// Older files hold only graded answers (the old flow saved ticks directly).
    #[serde(default = "graded_default", skip_serializing_if = "is_graded")]
    pub graded: bool,
}

fn graded_default() -> bool {
    true
}

fn is_graded(g: &bool) -> bool {
    *g
}

/// A mock answer's text and timestamps, as a session stores them: text as a review's typed answer
/// (not blank, at most `MAX_ANSWER_CHARS`), each time in range, answered no earlier than shown.
fn mock_answer_session(a: &MockAnswerLine) -> Check<()> {
    if let Some(text) = &a.answer {
        answer(text).map_err(|e| format!("answers.{e}"))?;
    }
    if let Some(t) = a.shown_at {
        time("answers.shown_at", t)?;
    }
    if let Some(t) = a.answered_at {
        time("answers.answered_at", t)?;
        if a.shown_at.is_some_and(|s| s > t) {
            return Err("answers.answered_at: before the question was shown".into());
        }
    }
    Ok(())
}

fn time(field: &str, ms: i64) -> Check<()> {
    if (0..=MAX_MS).contains(&ms) {
        Ok(())
    } else {
        Err(format!("{field}: {ms} is not a time between 1970 and 2999"))
    }
}

fn ulid(field: &str, id: &str) -> Check<()> {
    if is_ulid(id) {
        Ok(())
    } else {
        Err(format!("{field}: {id:?} is not a ULID"))
    }
}

/// A change id: a ULID, or the 25-character id migration 0005 gave the changes it made from the
/// notes, bookmarks and settings that existed before it ('0' and 24 lowercase hex digits).
fn change_id(id: &str) -> Check<()> {
    let legacy = id.len() == 25
        && id.starts_with('0')
        && id[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if legacy || is_ulid(id) {
        Ok(())
    } else {
        Err(format!("id: {id:?} is not a ULID"))
    }
}

fn key(field: &str, s: &str) -> Check<()> {
    if s.is_empty() || s.len() > MAX_KEY_BYTES || s.chars().any(char::is_control) {
        Err(format!(
            "{field}: must be 1–{MAX_KEY_BYTES} bytes of printable text"
        ))
    } else {
        Ok(())
    }
}

fn rating(r: u8) -> Check<()> {
    if (1..=4).contains(&r) {
        Ok(())
    } else {
        Err(format!("rating: {r} is not 1–4"))
    }
}

fn duration(ms: i64) -> Check<()> {
    if (0..=MAX_DURATION_MS).contains(&ms) {
        Ok(())
    } else {
        Err(format!("duration_ms: {ms} is not 0 ms to a day"))
    }
}

/// Rubric ticks as stored: each below `total`, sorted, no repeats (what recording a review writes).
fn points(field: &str, points: &[u32], total: u32) -> Check<String> {
    if total > MAX_POINTS {
        return Err(format!("{field}_total: {total} is over {MAX_POINTS}"));
    }
    if let Some(p) = points.iter().find(|&&p| p >= total) {
        return Err(format!("{field}: point {p} is outside a rubric of {total}"));
    }
    if points.windows(2).any(|w| w[0] >= w[1]) {
        return Err(format!("{field}: not sorted without repeats"));
    }
    serde_json::to_string(points).map_err(|e| format!("{field}: {e}"))
}

/// A typed answer as recording one stores it: not blank, at most `MAX_ANSWER_CHARS`.
fn answer(a: &str) -> Check<()> {
    let chars = a.chars().count();
    if chars > MAX_ANSWER_CHARS {
        Err(format!(
            "answer: {chars} characters; a typed answer holds at most {MAX_ANSWER_CHARS}"
        ))
    } else if a.trim().is_empty() {
        Err("answer: blank; leave the field out when no answer was typed".into())
    } else {
        Ok(())
    }
}

fn parse_points(field: &str, json: &str) -> Check<Vec<u32>> {
    serde_json::from_str(json).map_err(|e| format!("{field}: stored {json:?} is not a list: {e}"))
}

impl ReviewLine {
    pub fn of(r: &ReviewRecord) -> Check<ReviewLine> {
        Ok(ReviewLine {
            id: r.id.clone(),
            card_id: r.card_id.clone(),
            reviewed_at: r.reviewed_at,
            day: r.day,
            rating: r.rating,
            duration_ms: r.duration_ms,
            points: parse_points("points", &r.points)?,
            points_total: r.points_total,
            elapsed_days: r.elapsed_days,
            answer: r.answer.clone(),
        })
    }

    pub fn check(self) -> Check<ReviewRecord> {
        ulid("id", &self.id)?;
        archdrill_study::validate_card_id(&self.card_id).map_err(|e| format!("card_id: {e}"))?;
        time("reviewed_at", self.reviewed_at)?;
        if !(0..=MAX_DAY).contains(&self.day) {
            return Err(format!(
                "day: {} is not a day between 1970 and 2999",
                self.day
            ));
        }
        rating(self.rating)?;
        duration(self.duration_ms)?;
        let points = points("points", &self.points, self.points_total)?;
        if self
            .elapsed_days
            .is_some_and(|d| !(0..=MAX_DAY).contains(&d))
        {
            return Err("elapsed_days: must be 0 or more days".into());
        }
        if let Some(a) = &self.answer {
            answer(a)?;
        }
        Ok(ReviewRecord {
            id: self.id,
            card_id: self.card_id,
            reviewed_at: self.reviewed_at,
            day: self.day,
            rating: self.rating,
            duration_ms: self.duration_ms,
            points,
            points_total: self.points_total,
            elapsed_days: self.elapsed_days,
            answer: self.answer,
        })
    }
}

impl UndoLine {
    pub fn of(u: &UndoMark) -> UndoLine {
        UndoLine {
            review_id: u.review_id.clone(),
            undone_at: u.undone_at,
        }
    }

    pub fn check(self) -> Check<UndoMark> {
        ulid("review_id", &self.review_id)?;
        time("undone_at", self.undone_at)?;
        Ok(UndoMark {
            review_id: self.review_id,
            undone_at: self.undone_at,
        })
    }
}

impl ChangeLine {
    pub fn of(c: &ChangeRecord) -> ChangeLine {
        ChangeLine {
            id: c.id.clone(),
            at: c.at,
            kind: c.kind.as_str().to_string(),
            key: c.key.clone(),
            value: c.value.clone(),
        }
    }

    pub fn check(self) -> Check<ChangeRecord> {
        change_id(&self.id)?;
        time("at", self.at)?;
        let kind = ChangeKind::parse(&self.kind)
            .ok_or_else(|| format!("kind: {:?} is not note, bookmark or setting", self.kind))?;
        key("key", &self.key)?;
        if kind == ChangeKind::Setting && self.key.starts_with(LOCAL_PREFIX) {
            return Err(format!(
                "key: {:?} is a device-only setting, never shared",
                self.key
            ));
        }
        match (&self.value, kind) {
            (Some(v), _) if v.len() > MAX_TEXT_BYTES => {
                return Err(format!("value: over {} KiB", MAX_TEXT_BYTES / 1024))
            }
            (Some(v), ChangeKind::Bookmark) if v != "1" => {
                return Err("value: a bookmark's value is \"1\" or null".into())
            }
            _ => {}
        }
        Ok(ChangeRecord {
            id: self.id,
            at: self.at,
            kind,
            key: self.key,
            value: self.value,
        })
    }
}

fn json_text(field: &str, s: &str) -> Check<()> {
    if s.len() > MAX_JSON_BYTES {
        return Err(format!("{field}: over {} KiB", MAX_JSON_BYTES / 1024));
    }
    serde_json::from_str::<serde::de::IgnoredAny>(s)
        .map(|_| ())
        .map_err(|e| format!("{field}: not JSON: {e}"))
}

impl AttemptLine {
    pub fn of(a: &DrillAttempt) -> AttemptLine {
        AttemptLine {
            id: a.id.clone(),
            drill_id: a.drill_id.clone(),
            attempted_at: a.attempted_at,
            score: a.score,
            rating: a.rating,
            duration_ms: a.duration_ms,
            submission: a.submission_json.clone(),
            result: a.result_json.clone(),
        }
    }

    pub fn check(self) -> Check<DrillAttempt> {
        ulid("id", &self.id)?;
        key("drill_id", &self.drill_id)?;
        time("attempted_at", self.attempted_at)?;
        if !(0.0..=1.0).contains(&self.score) {
            return Err(format!("score: {} is not 0–1", self.score));
        }
        rating(self.rating)?;
        if self.duration_ms < 0 {
            return Err(format!("duration_ms: {} is below 0", self.duration_ms));
        }
        json_text("submission", &self.submission)?;
        json_text("result", &self.result)?;
        Ok(DrillAttempt {
            id: self.id,
            drill_id: self.drill_id,
            attempted_at: self.attempted_at,
            score: self.score,
            rating: self.rating,
            duration_ms: self.duration_ms,
            submission_json: self.submission,
            result_json: self.result,
        })
    }
}

impl MockLine {
    pub fn of(m: &MockRecord) -> Check<MockLine> {
        let answers = m
            .answers
            .iter()
            .map(|a| {
                Ok(MockAnswerLine {
                    question_id: a.question_id.clone(),
                    seconds_used: a.seconds_used,
                    points: parse_points("answers.points", &a.points)?,
                    points_total: a.points_total,
                    answer: a.answer.clone(),
                    shown_at: a.shown_at,
                    answered_at: a.answered_at,
                    graded: a.graded,
                })
            })
            .collect::<Check<_>>()?;
        Ok(MockLine {
            id: m.id.clone(),
            started_at: m.started_at,
            finished_at: m.finished_at,
            level: m.level.clone(),
            topics: serde_json::from_str(&m.topics)
                .map_err(|e| format!("topics: stored {:?} is not a list: {e}", m.topics))?,
            question_count: m.question_count,
            minutes_per_answer: m.minutes_per_answer,
            answers,
        })
    }

    pub fn check(self) -> Check<MockRecord> {
        // Mock ids are ULIDs when the app makes them; it stores any 1–64 printable characters.
        if self.id.is_empty() || self.id.len() > 64 || self.id.chars().any(char::is_control) {
            return Err("id: must be 1–64 printable characters".into());
        }
        time("started_at", self.started_at)?;
        if let Some(f) = self.finished_at {
            time("finished_at", f)?;
        }
        if !["mid", "senior", "mixed"].contains(&self.level.as_str()) {
            return Err(format!(
                "level: {:?} is not mid, senior or mixed",
                self.level
            ));
        }
        let max_q = archdrill_study::MAX_MOCK_QUESTIONS;
        if self.question_count > max_q || self.answers.len() > max_q as usize {
            return Err(format!("question_count: at most {max_q} questions"));
        }
        if self.minutes_per_answer > archdrill_study::MAX_MINUTES_PER_ANSWER {
            return Err("minutes_per_answer: too many minutes".into());
        }
        if self.topics.len() > 64 {
            return Err("topics: too many".into());
        }
        for t in &self.topics {
            key("topics", t)?;
        }
        let answers = self
            .answers
            .into_iter()
            .map(|a| {
                key("answers.question_id", &a.question_id)?;
                mock_answer_session(&a)?;
                Ok(MockAnswerRecord {
                    points: points("answers.points", &a.points, a.points_total)?,
                    question_id: a.question_id,
                    seconds_used: a.seconds_used,
                    points_total: a.points_total,
                    answer: a.answer,
                    shown_at: a.shown_at,
                    answered_at: a.answered_at,
                    graded: a.graded,
                })
            })
            .collect::<Check<_>>()?;
        Ok(MockRecord {
            id: self.id,
            started_at: self.started_at,
            finished_at: self.finished_at,
            level: self.level,
            topics: serde_json::to_string(&self.topics).map_err(|e| format!("topics: {e}"))?,
            question_count: self.question_count,
            minutes_per_answer: self.minutes_per_answer,
            answers,
        })
    }
}
