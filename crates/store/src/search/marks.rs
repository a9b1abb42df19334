//! Marking query words in text for display: the prompt whole, the body as a short snippet around the
//! first match. Plain string work in Rust; FTS5 only finds and ranks.
use super::Span;

/// Lower-case words of the query (the same split the FTS query uses).
pub(super) fn words(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .take(12)
        .map(str::to_lowercase)
        .collect()
}

/// Byte ranges of the words of `text`.
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// A word matches when it starts with a query word (so "queues" matches "queue", and the word being
/// typed matches as a prefix), or a query word starts with it ("replicas" matches "replica").
fn hit(word: &str, terms: &[String]) -> bool {
    let w = word.to_lowercase();
    terms
        .iter()
        .any(|t| w.starts_with(t.as_str()) || (w.len() >= 4 && t.starts_with(w.as_str())))
}

/// `text` with every matching word marked.
pub(super) fn mark(text: &str, terms: &[String]) -> Vec<Span> {
    spans_for(text, 0, text.len(), terms)
}

/// About `width` words of `body` around its first match, with `…` where it was cut.
pub(super) fn snippet(body: &str, terms: &[String], width: usize) -> Vec<Span> {
    let ranges = word_ranges(body);
    let first = ranges
        .iter()
        .position(|&(s, e)| hit(&body[s..e], terms))
        .unwrap_or(0);
    let from = first.saturating_sub(width / 3);
    let to = (from + width).min(ranges.len());
    if ranges.is_empty() {
        return Vec::new();
    }
    let (start, end) = (ranges[from].0, ranges[to - 1].1);
    let mut out = Vec::new();
    if from > 0 {
        out.push(plain("… "));
    }
    out.extend(spans_for(body, start, end, terms));
    if to < ranges.len() {
        push(&mut out, " …", false);
    }
    out
}

fn spans_for(text: &str, start: usize, end: usize, terms: &[String]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut cursor = start;
    for (s, e) in word_ranges(&text[start..end]) {
        let (s, e) = (s + start, e + start);
        if hit(&text[s..e], terms) {
            push(&mut out, &text[cursor..s], false);
            push(&mut out, &text[s..e], true);
            cursor = e;
        }
    }
    push(&mut out, &text[cursor..end], false);
    out
}

/// Appends text, merging with the previous span of the same kind and dropping Markdown markers.
fn push(out: &mut Vec<Span>, text: &str, hit: bool) {
    let text: String = text
        .chars()
        .filter(|c| !matches!(c, '*' | '`' | '#'))
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.hit == hit => last.text.push_str(&text),
        _ => out.push(Span { text, hit }),
    }
}

fn plain(text: &str) -> Span {
    Span {
        text: text.to_string(),
        hit: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| {
                if s.hit {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn prefixes_and_plurals_are_marked() {
        let terms = words("NAT gate");
        assert_eq!(
            shown(&mark("A NAT gateway, natively.", &terms)),
            "A [NAT] [gateway], [natively]."
        );
        assert_eq!(
            shown(&mark("Replicas lag", &words("replica"))),
            "[Replicas] lag"
        );
    }

    #[test]
    fn snippets_cut_around_the_first_match_and_drop_markdown() {
        let body = "one two three four five six seven eight **failover** nine ten eleven twelve";
        let s = shown(&snippet(body, &words("failover"), 6));
        assert_eq!(s, "… seven eight [failover] nine ten eleven …");
    }

    #[test]
    fn no_match_gives_the_opening_words() {
        assert_eq!(
            shown(&snippet("alpha beta gamma", &words("zzz"), 2)),
            "alpha beta …"
        );
        assert!(snippet("", &words("x"), 5).is_empty());
    }
}
