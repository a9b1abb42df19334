//! The `cues` field: for each key point, the words and phrases that show a typed answer makes it.
//! It is a parallel array (one list per key point, same order) so `key_points` stays a plain list of
//! strings for every reader of the format, and a file without cues still loads.
use crate::front_matter::{FrontMatter, Header};

/// Checks the cues against the rubric and returns them (empty when the file gives none).
pub(crate) fn check_cues(
    fm: &FrontMatter,
    header: &Header<'_>,
    report: &mut impl FnMut(u32, String),
) -> Vec<Vec<String>> {
    let Some(cues) = &fm.cues else {
        return Vec::new();
    };
    let lists = cues.get_ref();
    if lists.len() != fm.key_points.len() {
        report(
            header.line_at(cues.span().start),
            format!(
                "cues has {} list(s) but key_points has {}; give one list of cues per key point, in the same order",
                lists.len(),
                fm.key_points.len()
            ),
        );
    }
    for (i, list) in lists.iter().enumerate() {
        if list.get_ref().is_empty() {
            report(
                header.line_at(list.span().start),
                format!(
                    "cues[{i}] is empty: key point {} needs at least one cue",
                    i + 1
                ),
            );
        }
        for cue in list.get_ref() {
            let line = header.line_at(cue.span().start);
            let text = cue.get_ref();
            if text.trim().is_empty() {
                report(line, format!("cues[{i}] has an empty cue"));
            } else if !text.chars().any(char::is_alphanumeric) {
                // Matching compares words, so a cue of punctuation alone could never match.
                report(
                    line,
                    format!("cues[{i}]: cue {text:?} has no letter or digit to match"),
                );
            }
        }
    }
    lists
        .iter()
        .map(|l| l.get_ref().iter().map(|c| c.get_ref().clone()).collect())
        .collect()
}
