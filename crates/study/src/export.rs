//! A mock interview as a Markdown report the learner can keep or share.
use crate::mock::{ticked, Mock, MockAnswer};
use crate::mock_report::{expected_answer_seconds, weakest_points};
use crate::time::{datetime_string, ms_from_ui};
use crate::Now;
use archdrill_domain::Question;
use std::fmt::Write;

fn pct(ticked: u32, total: u32) -> String {
    if total == 0 {
        "n/a".into()
    } else {
        format!("{:.0}%", 100.0 * f64::from(ticked) / f64::from(total))
    }
}

fn duration(secs: u32) -> String {
    format!("{}m {:02}s", secs / 60, secs % 60)
}

/// Text for one table cell or list line: no line breaks, no column separators.
fn inline(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn when(ms: f64, utc_offset_min: i32) -> String {
    match ms_from_ui("time", ms) {
        Ok(t) => datetime_string(Now::new(t, utc_offset_min)),
        Err(_) => "unknown time".into(),
    }
}

/// The report: settings, overall coverage and time, per-question coverage and time against the
/// level's expected time, weakest topics, each answer (typed text quoted, points missed) and the
/// weakest key points. `lookup` finds a question by id (questions no longer in the bank are shown by
/// id). Times are shown in the learner's zone, `utc_offset_min` from UTC.
pub fn export_markdown<'a>(
    mock: &Mock,
    lookup: impl Fn(&str) -> Option<&'a Question> + Copy,
    utc_offset_min: i32,
) -> String {
    let mut out = String::new();
    header(&mut out, mock, utc_offset_min);
    questions_table(&mut out, mock, lookup);
    weakest_topics_section(&mut out, mock, lookup);
    answers(&mut out, mock, lookup);
    weak_points(&mut out, mock, lookup);
    out
}

// Writing to a String cannot fail, so the results of `writeln!` below are ignored.

fn header(out: &mut String, mock: &Mock, utc_offset_min: i32) {
    let s = &mock.settings;
    let (ticked_all, total_all) = mock.points();
    let used: u32 = mock
        .answers
        .iter()
        .fold(0u32, |t, a| t.saturating_add(a.seconds_used));
    let asked = mock.answers.iter().filter(|a| a.asked()).count();
    let allowed = s.minutes_per_answer.saturating_mul(60);
    let topics = if s.topics.is_empty() {
        "all".to_string()
    } else {
        s.topics
            .iter()
            .map(|t| t.slug())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(
        out,
        "# Mock interview, {}\n",
        when(mock.started_at, utc_offset_min)
    );
    let _ = writeln!(out, "- Level: {}", s.level.slug());
    let _ = writeln!(out, "- Topics: {topics}");
    let _ = writeln!(
        out,
        "- Questions: {} ({asked} answered), {} min per answer",
        mock.answers.len(),
        s.minutes_per_answer
    );
    let _ = writeln!(
        out,
        "- Overall coverage: {} ({ticked_all} of {total_all} rubric points)",
        pct(ticked_all, total_all)
    );
    let _ = writeln!(
        out,
        "- Time used: {} of {}",
        duration(used),
        duration(allowed.saturating_mul(u32::try_from(asked).unwrap_or(u32::MAX)))
    );
    let status = match mock.finished_at {
        Some(f) => format!("finished {}", when(f, utc_offset_min)),
        None => "not finished".into(),
    };
    let _ = writeln!(out, "- Status: {status}\n");
}

/// "x/y (z%)" for a graded answer, what else it is otherwise.
fn coverage_cell(a: &MockAnswer) -> String {
    if !a.asked() {
        "not asked".into()
    } else if !a.graded {
        "not graded".into()
    } else {
        let t = ticked(a);
        format!("{t}/{} ({})", a.points_total, pct(t, a.points_total))
    }
}

/// "used of expected", marked when over the level's expected time.
fn time_cell(a: &MockAnswer, q: Option<&Question>) -> String {
    let used = duration(a.seconds_used);
    match q.map(|q| expected_answer_seconds(q.level)) {
        Some(e) if a.seconds_used > e => format!("{used} of {} (over)", duration(e)),
        Some(e) => format!("{used} of {}", duration(e)),
        None => used,
    }
}

fn questions_table<'a>(
    out: &mut String,
    mock: &Mock,
    lookup: impl Fn(&str) -> Option<&'a Question>,
) {
    let _ = writeln!(out, "## Questions\n");
    let _ = writeln!(out, "| # | Question | Topic | Coverage | Time (expected) |");
    let _ = writeln!(out, "|---|----------|-------|----------|-----------------|");
    for (i, a) in mock.answers.iter().enumerate() {
        let q = lookup(&a.question_id);
        let prompt = q.map_or(a.question_id.as_str(), |q| q.prompt.as_str());
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            i + 1,
            inline(prompt),
            q.map_or("?", |q| q.topic.slug()),
            coverage_cell(a),
            time_cell(a, q),
        );
    }
}

fn weakest_topics_section<'a>(
    out: &mut String,
    mock: &Mock,
    lookup: impl Fn(&str) -> Option<&'a Question>,
) {
    let weakest = crate::weakest::weakest_topics(mock, |id| lookup(id).map(|q| q.topic));
    if weakest.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Weakest topics\n");
    for (k, t) in weakest.iter().enumerate() {
        let qs = t.questions;
        let plural = if qs == 1 { "" } else { "s" };
        let _ = writeln!(
            out,
            "{}. {}: {} ({qs} question{plural})",
            k + 1,
            t.topic.slug(),
            pct(t.ticked, t.total)
        );
    }
}

/// Each asked question: its time, the typed answer as a blockquote, and the rubric points missed.
fn answers<'a>(out: &mut String, mock: &Mock, lookup: impl Fn(&str) -> Option<&'a Question>) {
    let _ = writeln!(out, "\n## Answers");
    for (i, a) in mock.answers.iter().enumerate().filter(|(_, a)| a.asked()) {
        let q = lookup(&a.question_id);
        let prompt = q.map_or(a.question_id.as_str(), |q| q.prompt.as_str());
        let _ = writeln!(out, "\n### {}. {}\n", i + 1, inline(prompt));
        let _ = writeln!(
            out,
            "Time: {}. Coverage: {}.\n",
            time_cell(a, q),
            coverage_cell(a)
        );
        match &a.answer {
            Some(text) => {
                for line in text.lines() {
                    let _ = writeln!(out, "> {}", line.trim_end());
                }
            }
            None => {
                let _ = writeln!(out, "_No typed answer._");
            }
        }
        let Some(q) = q.filter(|_| a.graded) else {
            continue;
        };
        let gaps: Vec<&String> = q
            .key_points
            .iter()
            .enumerate()
            .filter(|(k, _)| !a.points.iter().any(|&p| p as usize == *k))
            .map(|(_, p)| p)
            .collect();
        if !gaps.is_empty() {
            let _ = writeln!(out, "\nMissed:\n");
            for g in gaps {
                let _ = writeln!(out, "- {}", inline(g));
            }
        }
    }
}

fn weak_points<'a>(out: &mut String, mock: &Mock, lookup: impl Fn(&str) -> Option<&'a Question>) {
    let weak = weakest_points(mock, lookup);
    if weak.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Weakest key points\n");
    for (k, w) in weak.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {} (question {}: {})",
            k + 1,
            inline(&w.text),
            w.position + 1,
            inline(&w.prompt)
        );
    }
}
