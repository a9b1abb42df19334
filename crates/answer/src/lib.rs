//! Checks a typed answer against a question's rubric. Each key point carries cues: words and phrases
//! that show an answer makes the point. A key point is covered when **any one** of its cues occurs
//! in the answer; the cues are written specific enough that one is evidence.
//!
//! Matching, on both the answer and the cues:
//! - case, accents and Unicode compatibility forms are folded (`ＥＣ２` is `ec2`, `café` is `cafe`);
//! - punctuation and hyphens separate words (`Multi-AZ` is `multi az`); a thousands comma does not
//!   (`1,769` is `1769`), a decimal point stays (`99.99`), letters and digits part (`1769MB` is
//!   `1769 MB`), and zero to ten spelled out are digits (`two AZs` is `2 AZs`);
//! - words are compared by their English Snowball stem (`scaling` = `scales`), and a cue of several
//!   words matches only as a phrase: those stems, in order, with nothing between;
//! - a compound also matches written as one word or split (`auto scaling`, `auto-scaling` and
//!   `autoscaling` match each other; `DynamoDB` matches `Dynamo DB`).
//!
//! The function is pure: the same text and cues always give the same result.
mod cue;
mod words;

use cue::Cue;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;
use words::{Index, Word};

/// Whether each key point is covered, in rubric order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub points: Vec<PointCoverage>,
}

impl Coverage {
    /// How many key points the answer covers.
    pub fn covered(&self) -> usize {
        self.points.iter().filter(|p| p.covered).count()
    }

    /// The covered share of the rubric, 0.0 to 1.0 (0.0 for an empty rubric).
    pub fn fraction(&self) -> f64 {
        if self.points.is_empty() {
            return 0.0;
        }
        self.covered() as f64 / self.points.len() as f64
    }
}

/// One key point: covered when at least one cue matched; every match, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointCoverage {
    pub covered: bool,
    /// By position in the answer; a match inside another one of the same point is left out.
    pub matches: Vec<Match>,
}

/// Where a cue occurs in the answer: `answer[start..end]` (byte offsets) is `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Match {
    /// The cue as written in the rubric.
    pub cue: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A typed answer split into words once, to check against several rubrics.
pub struct Answer<'a> {
    text: &'a str,
    words: Vec<Word>,
    index: Index,
}

impl<'a> Answer<'a> {
    pub fn new(text: &'a str) -> Answer<'a> {
        let words = words::words(text, &stemmer());
        Answer {
            text,
            index: Index::new(&words),
            words,
        }
    }
}

/// A question's cues, prepared once: one list per key point, in rubric order.
pub struct Rubric {
    points: Vec<Vec<Cue>>,
}

impl Rubric {
    /// `cues[i]` are the cues of key point `i`. A cue with no letter or digit is ignored, and a key
    /// point with no usable cue can never be covered.
    pub fn new<P, C, S>(cues: P) -> Rubric
    where
        P: IntoIterator<Item = C>,
        C: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let stemmer = stemmer();
        let points = cues
            .into_iter()
            .map(|list| {
                list.into_iter()
                    .filter_map(|c| Cue::new(c.as_ref(), &stemmer))
                    .collect()
            })
            .collect();
        Rubric { points }
    }

    /// The rubric the app checks answers against: each key point's cues, plus the point's own
    /// wording and each of its `;`-separated clauses of four words or more. A learner who writes a
    /// key point as the rubric states it has made it, even where no cue names that wording; a phrase
    /// that long, in order, is too specific to turn up in an answer to another question.
    pub fn for_points<K, C, S>(key_points: &[K], cues: &[C]) -> Rubric
    where
        K: AsRef<str>,
        C: AsRef<[S]>,
        S: AsRef<str>,
    {
        let lists = key_points.iter().enumerate().map(|(i, point)| {
            let own = cues.get(i).map(|c| c.as_ref()).unwrap_or(&[]);
            let mut list: Vec<&str> = own.iter().map(AsRef::as_ref).collect();
            list.push(point.as_ref().trim());
            let clauses = point.as_ref().split(';').map(str::trim);
            list.extend(clauses.filter(|c| c.split_whitespace().count() >= 4));
            list
        });
        Rubric::new(lists.collect::<Vec<_>>())
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    pub fn cover(&self, answer: &str) -> Coverage {
        self.cover_answer(&Answer::new(answer))
    }

    pub fn cover_answer(&self, answer: &Answer<'_>) -> Coverage {
        let stemmer = stemmer();
        let points = self
            .points
            .iter()
            .map(|cues| {
                let mut matches: Vec<Match> = cues
                    .iter()
                    .flat_map(|cue| {
                        cue.find_all(&answer.words, &answer.index, &stemmer)
                            .into_iter()
                            .map(|(p, q)| to_match(answer, cue, p, q))
                    })
                    .collect();
                drop_nested(&mut matches);
                PointCoverage {
                    covered: !matches.is_empty(),
                    matches,
                }
            })
            .collect();
        Coverage { points }
    }
}

/// Checks `answer` against `cues` (one list per key point, in rubric order).
pub fn cover<C: AsRef<[S]>, S: AsRef<str>>(answer: &str, cues: &[C]) -> Coverage {
    Rubric::new(cues.iter().map(|c| c.as_ref().iter())).cover(answer)
}

fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

fn to_match(answer: &Answer<'_>, cue: &Cue, p: usize, q: usize) -> Match {
    let (start, end) = (answer.words[p].start, answer.words[q].end);
    Match {
        cue: cue.text.clone(),
        text: answer.text[start..end].to_string(),
        start,
        end,
    }
}

/// Sorts by position and drops a match that lies inside an earlier kept one, so one stretch of the
/// answer is highlighted once per point.
fn drop_nested(matches: &mut Vec<Match>) {
    matches.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Match> = Vec::with_capacity(matches.len());
    for m in matches.drain(..) {
        if !kept.iter().any(|k| k.start <= m.start && m.end <= k.end) {
            kept.push(m);
        }
    }
    *matches = kept;
}

#[cfg(test)]
mod tests;
