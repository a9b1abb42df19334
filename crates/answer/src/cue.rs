//! One cue, prepared once, and where it occurs among an answer's words.
use crate::words::{words, Word};
use rust_stemmers::Stemmer;

/// How many answer words a compound may be split into beyond the cue's own word count
/// ("DynamoDB" written "Dynamo DB" takes one more).
const EXTRA_SPLIT_WORDS: usize = 2;

#[derive(Debug, Clone)]
pub(crate) struct Cue {
    /// The cue as the author wrote it.
    pub text: String,
    stems: Vec<String>,
    /// The normalised words run together, and its stem: the cue written as one compound word.
    squashed: String,
    squashed_stem: String,
    /// False when two numbers sit side by side: "1 76" run together is another number, not a compound.
    compound: bool,
}

impl Cue {
    /// `None` for a cue with no word in it, which could never match.
    pub fn new(text: &str, stemmer: &Stemmer) -> Option<Cue> {
        let ws = words(text, stemmer);
        if ws.is_empty() {
            return None;
        }
        let squashed: String = ws.iter().map(|w| w.norm.as_str()).collect();
        let compound = !ws.windows(2).any(|p| is_number(&p[0]) && is_number(&p[1]));
        Some(Cue {
            compound,
            text: text.to_string(),
            stems: ws.into_iter().map(|w| w.stem).collect(),
            squashed_stem: stemmer.stem(&squashed).into_owned(),
            squashed,
        })
    }

    /// Every place the cue occurs, as inclusive word index ranges, left to right, not overlapping.
    pub fn find_all(&self, answer: &[Word], stemmer: &Stemmer) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut p = 0;
        while p < answer.len() {
            match self.match_at(answer, p, stemmer) {
                Some(q) => {
                    out.push((p, q));
                    p = q + 1;
                }
                None => p += 1,
            }
        }
        out
    }

    /// The last word of a match starting at word `p`, if there is one.
    fn match_at(&self, answer: &[Word], p: usize, stemmer: &Stemmer) -> Option<usize> {
        // A phrase of stems: "scales to zero" matches the cue "scale to zero".
        let k = self.stems.len();
        if answer.len() - p >= k
            && answer[p..p + k]
                .iter()
                .zip(&self.stems)
                .all(|(w, s)| w.stem == *s)
        {
            return Some(p + k - 1);
        }
        // A compound written as one word, or split: "autoscaling" and "auto scaling" for either
        // cue. Only the last word is stemmed, as the run-together word.
        if !self.compound {
            return None;
        }
        if answer[p].stem == self.squashed_stem {
            return Some(p);
        }
        let mut joined = answer[p].norm.clone();
        if !self.squashed.starts_with(&joined) {
            return None;
        }
        let end = (p + k + EXTRA_SPLIT_WORDS).min(answer.len());
        for q in p + 1..end {
            if is_number(&answer[q - 1]) && is_number(&answer[q]) {
                return None;
            }
            joined.push_str(&answer[q].norm);
            if stemmer.stem(&joined) == self.squashed_stem {
                return Some(q);
            }
            if !self.squashed.starts_with(&joined) {
                return None;
            }
        }
        None
    }
}

fn is_number(w: &Word) -> bool {
    w.norm.starts_with(|c: char| c.is_numeric())
}
