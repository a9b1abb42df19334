//! Turning one question file into a `Question`, or into problems that say what to fix.
use crate::cues::check_cues;
use crate::front_matter::{FrontMatter, Header};
use crate::sections::{self, SECTIONS};
use archdrill_domain::{is_slug, Level, Origin, Problem, Question, Source, Topic};

const MIN_KEY_POINTS: usize = 3;
const MAX_KEY_POINTS: usize = 7;

/// Parses `text` read from `file`. A question comes back only when the file has no problem at all,
/// so a half-valid question never reaches a learner.
pub fn parse_question(file: &str, text: &str, origin: Origin) -> Result<Question, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut report = |line: u32, msg: String| problems.push(Problem::new(file, line, msg));

    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Without readable front matter nothing else can be checked: stop at the first problem.
    let Some((fm, header, body, body_line)) = read_front_matter(text, &mut report) else {
        return Err(problems);
    };
    check_identity(file, &fm, &header, &mut report);
    let topic = Topic::from_slug(&fm.topic);
    let level = Level::from_slug(&fm.level);
    check_taxonomy(&fm, &header, &mut report);
    check_key_points(&fm, &header, &mut report);
    let sources = read_sources(&fm, &header, &origin, &mut report);
    check_links(&fm, &header, &mut report);
    check_reviewed(&fm, &header, &mut report);
    let cues = check_cues(&fm, &header, &mut report);
    let [answer, look_for, example, mistakes] = read_sections(body, body_line, &mut report);

    let (Some(topic), Some(level), true) = (topic, level, problems.is_empty()) else {
        return Err(problems);
    };
    Ok(Question {
        id: fm.id,
        prompt: fm.prompt.trim().to_string(),
        topic,
        level,
        tags: fm.tags,
        sources,
        key_points: fm.key_points,
        cues,
        follow_ups: fm.follow_ups,
        diagrams: fm.diagrams,
        answer: answer.unwrap_or_default(),
        look_for: look_for.unwrap_or_default(),
        example,
        mistakes: mistakes.unwrap_or_default(),
        origin,
        file: file.to_string(),
    })
}

/// The `+++` header parsed as TOML, with the body after it and the body's first line number.
fn read_front_matter<'t>(
    text: &'t str,
    report: &mut impl FnMut(u32, String),
) -> Option<(FrontMatter, Header<'t>, &'t str, u32)> {
    let Some((header, body, body_line)) = split_header(text) else {
        report(
            1,
            "missing front matter: the file must start with a `+++` line, then TOML, then `+++`"
                .into(),
        );
        return None;
    };
    match toml::from_str(header.text) {
        Ok(fm) => Some((fm, header, body, body_line)),
        Err(e) => {
            let line = e
                .span()
                .map(|s| header.line_at(s.start))
                .unwrap_or(header.first_line);
            report(line, format!("front matter: {}", e.message().trim()));
            None
        }
    }
}

/// The id is a slug equal to the file name, and the prompt says something.
fn check_identity(
    file: &str,
    fm: &FrontMatter,
    header: &Header<'_>,
    report: &mut impl FnMut(u32, String),
) {
    if !is_slug(&fm.id) {
        report(
            header.line_of("id"),
            format!(
                "id {:?} must be a slug: at most 64 lower-case letters, digits and single dashes",
                fm.id
            ),
        );
    }
    let stem = file
        .rsplit('/')
        .next()
        .and_then(|n| n.strip_suffix(".md"))
        .unwrap_or("");
    if stem != fm.id {
        report(
            header.line_of("id"),
            format!(
                "id {:?} must match the file name (rename the file to {}.md)",
                fm.id, fm.id
            ),
        );
    }
    if fm.prompt.trim().is_empty() {
        report(header.line_of("prompt"), "prompt is empty".into());
    }
}

/// Topic and level name known values.
fn check_taxonomy(fm: &FrontMatter, header: &Header<'_>, report: &mut impl FnMut(u32, String)) {
    if Topic::from_slug(&fm.topic).is_none() {
        let all: Vec<_> = Topic::ALL.iter().map(|t| t.slug()).collect();
        report(
            header.line_of("topic"),
            format!(
                "unknown topic {:?}; use one of: {}",
                fm.topic,
                all.join(", ")
            ),
        );
    }
    if Level::from_slug(&fm.level).is_none() {
        report(
            header.line_of("level"),
            format!("unknown level {:?}; use \"mid\" or \"senior\"", fm.level),
        );
    }
}

/// The rubric has 3 to 7 non-empty points: few enough to tick in a review, enough to grade by.
fn check_key_points(fm: &FrontMatter, header: &Header<'_>, report: &mut impl FnMut(u32, String)) {
    if fm.key_points.iter().any(|k| k.trim().is_empty()) {
        report(
            header.line_of("key_points"),
            "key_points has an empty item".into(),
        );
    }
    if !(MIN_KEY_POINTS..=MAX_KEY_POINTS).contains(&fm.key_points.len()) {
        report(
            header.line_of("key_points"),
            format!(
                "the rubric (key_points) has {} item(s); give {MIN_KEY_POINTS} to {MAX_KEY_POINTS} short, checkable points",
                fm.key_points.len()
            ),
        );
    }
}

/// Each source names a guide passage; a bank question cites at least one (a learner's pack need not).
fn read_sources(
    fm: &FrontMatter,
    header: &Header<'_>,
    origin: &Origin,
    report: &mut impl FnMut(u32, String),
) -> Vec<Source> {
    let mut sources = Vec::new();
    for s in &fm.sources {
        match parse_source(s) {
            Some(src) => sources.push(src),
            None => report(
                header.line_of_item("sources", s),
                format!("source {s:?} must look like \"<seed file>:<first>-<last>\""),
            ),
        }
    }
    if matches!(origin, Origin::Bank) && sources.is_empty() {
        report(
            header.line_of("sources"),
            "a bank question must cite at least one source guide passage".into(),
        );
    }
    sources
}

/// Follow-ups and diagrams are ids (whether they exist is checked once the whole bank is loaded).
fn check_links(fm: &FrontMatter, header: &Header<'_>, report: &mut impl FnMut(u32, String)) {
    for (key, ids) in [("follow_ups", &fm.follow_ups), ("diagrams", &fm.diagrams)] {
        for id in ids.iter().filter(|id| !is_slug(id)) {
            report(
                header.line_of_item(key, id),
                format!("{key} entry {id:?} is not a valid id"),
            );
        }
    }
}

/// The body's `## ` sections in `SECTIONS` order: known, once each, non-empty, the required ones there.
fn read_sections(
    body: &str,
    body_line: u32,
    report: &mut impl FnMut(u32, String),
) -> [Option<String>; 4] {
    let (stray, found) = sections::split(body, body_line);
    if let Some(line) = stray {
        report(
            line,
            "text before the first `## ` section; move it under `## Answer`".into(),
        );
    }
    let mut texts: [Option<String>; 4] = Default::default();
    let mut last_index = None;
    for s in &found {
        let Some(idx) = SECTIONS.iter().position(|(h, _)| *h == s.heading) else {
            let names: Vec<_> = SECTIONS.iter().map(|(h, _)| format!("`## {h}`")).collect();
            report(
                s.line,
                format!(
                    "unknown section `## {}`; sections are {}",
                    s.heading,
                    names.join(", ")
                ),
            );
            continue;
        };
        if texts[idx].is_some() {
            report(s.line, format!("section `## {}` appears twice", s.heading));
            continue;
        }
        if last_index.is_some_and(|l| l > idx) {
            report(
                s.line,
                format!("section `## {}` is out of order", s.heading),
            );
        }
        last_index = Some(idx);
        if s.text.is_empty() {
            report(s.line, format!("section `## {}` is empty", s.heading));
        }
        texts[idx] = Some(s.text.clone());
    }
    for (idx, (heading, required)) in SECTIONS.iter().enumerate() {
        if *required && texts[idx].is_none() {
            report(
                body_line.saturating_sub(1).max(1),
                format!("missing section `## {heading}`"),
            );
        }
    }
    texts
}

/// Every `[[reviewed]]` entry has an ISO date, a change and the page it was checked against.
fn check_reviewed(fm: &FrontMatter, header: &Header<'_>, report: &mut impl FnMut(u32, String)) {
    for r in &fm.reviewed {
        let line = header.line_of_item("date", &r.date);
        if !is_iso_date(&r.date) {
            report(
                line,
                format!("reviewed date {:?} must be YYYY-MM-DD", r.date),
            );
        }
        if r.change.trim().is_empty() {
            report(line, "reviewed entry has an empty `change`".into());
        }
        if !r.checked.starts_with("https://") {
            report(
                line,
                format!(
                    "reviewed `checked` {:?} must be the https:// page checked",
                    r.checked
                ),
            );
        }
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
        && s[5..7].parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
        && s[8..10].parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// Splits `+++ header +++ body`, returning the header, the body and the body's first line number.
fn split_header(text: &str) -> Option<(Header<'_>, &str, u32)> {
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "+++" {
            let header = Header {
                text: &rest[..offset],
                first_line: 2,
            };
            return Some((header, &rest[offset + line.len()..], i as u32 + 3));
        }
        offset += line.len();
    }
    None
}

/// `002_d39e1020702904a6.txt:336-394` or `...txt:394`.
fn parse_source(s: &str) -> Option<Source> {
    let (file, lines) = s.rsplit_once(':')?;
    let (first, last) = match lines.split_once('-') {
        Some((a, b)) => (a.parse().ok()?, b.parse().ok()?),
        None => {
            let n = lines.parse().ok()?;
            (n, n)
        }
    };
    if file.is_empty() || first == 0 || last < first {
        return None;
    }
    let guide = file.split('_').next().unwrap_or(file).to_string();
    Some(Source {
        guide,
        file: file.to_string(),
        first_line: first,
        last_line: last,
    })
}

#[cfg(test)]
mod tests;
