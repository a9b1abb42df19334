//! A mock interview as a Markdown report the learner can keep or share.
use crate::mock::{ticked, Mock};
use crate::time::{datetime_string, ms_from_ui};
use crate::Now;
use archdrill_domain::{Question, Topic};
use std::collections::BTreeMap;
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

/// The report: settings, overall coverage and time, per-question coverage and time, weakest topics,
/// and the rubric points missed. `lookup` finds a question by id (questions no longer in the bank are
/// shown by id). Times are shown in the learner's zone, `utc_offset_min` from UTC.
pub fn export_markdown<'a>(
    mock: &Mock,
    lookup: impl Fn(&str) -> Option<&'a Question>,
    utc_offset_min: i32,
) -> String {
    let mut out = String::new();
    let s = &mock.settings;
    let (ticked_all, total_all) = mock.points();
    let used: u32 = mock
        .answers
        .iter()
        .fold(0u32, |t, a| t.saturating_add(a.seconds_used));
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
    // Writing to a String cannot fail.
    let _ = writeln!(
        out,
        "# Mock interview, {}\n",
        when(mock.started_at, utc_offset_min)
    );
    let _ = writeln!(out, "- Level: {}", s.level.slug());
    let _ = writeln!(out, "- Topics: {topics}");
    let _ = writeln!(
        out,
        "- Questions: {}, {} min per answer",
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
        duration(allowed.saturating_mul(u32::try_from(mock.answers.len()).unwrap_or(u32::MAX)))
    );
    let status = match mock.finished_at {
        Some(f) => format!("finished {}", when(f, utc_offset_min)),
        None => "not finished".into(),
    };
    let _ = writeln!(out, "- Status: {status}\n");

    let _ = writeln!(out, "## Questions\n");
    let _ = writeln!(out, "| # | Question | Topic | Coverage | Time |");
    let _ = writeln!(out, "|---|----------|-------|----------|------|");
    let mut by_topic: BTreeMap<Topic, (u32, u32, u32)> = BTreeMap::new();
    for (i, a) in mock.answers.iter().enumerate() {
        let q = lookup(&a.question_id);
        let prompt = q.map_or(a.question_id.as_str(), |q| q.prompt.as_str());
        let topic = q.map_or("?", |q| q.topic.slug());
        let t = ticked(a);
        let over = if a.seconds_used > allowed {
            " (over)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {}/{} ({}) | {}{} |",
            i + 1,
            inline(prompt),
            topic,
            t,
            a.points_total,
            pct(t, a.points_total),
            duration(a.seconds_used),
            over
        );
        if let Some(q) = q {
            let e = by_topic.entry(q.topic).or_default();
            *e = (
                e.0.saturating_add(t),
                e.1.saturating_add(a.points_total),
                e.2 + 1,
            );
        }
    }

    let mut weakest: Vec<(Topic, (u32, u32, u32))> = by_topic
        .into_iter()
        .filter(|(_, (_, n, _))| *n > 0)
        .collect();
    weakest.sort_by(|(ta, (a, n, _)), (tb, (b, m, _))| {
        let (x, y) = (f64::from(*a) / f64::from(*n), f64::from(*b) / f64::from(*m));
        x.total_cmp(&y).then(ta.cmp(tb))
    });
    if !weakest.is_empty() {
        let _ = writeln!(out, "\n## Weakest topics\n");
        for (k, (topic, (t, n, qs))) in weakest.iter().enumerate() {
            let plural = if *qs == 1 { "" } else { "s" };
            let _ = writeln!(
                out,
                "{}. {}: {} ({qs} question{plural})",
                k + 1,
                topic.slug(),
                pct(*t, *n)
            );
        }
    }

    let mut missed = String::new();
    for (i, a) in mock.answers.iter().enumerate() {
        let Some(q) = lookup(&a.question_id) else {
            continue;
        };
        let gaps: Vec<&String> = q
            .key_points
            .iter()
            .enumerate()
            .filter(|(k, _)| !a.points.iter().any(|&p| p as usize == *k))
            .map(|(_, p)| p)
            .collect();
        if gaps.is_empty() {
            continue;
        }
        let _ = writeln!(missed, "\n### {}. {}\n", i + 1, inline(&q.prompt));
        for g in gaps {
            let _ = writeln!(missed, "- {}", inline(g));
        }
    }
    if !missed.is_empty() {
        let _ = write!(out, "\n## Rubric points missed\n{missed}");
    }
    out
}
