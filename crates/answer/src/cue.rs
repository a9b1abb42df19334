//! One cue, prepared once, and where it occurs among an answer's words.
use crate::words::{words, Index, Word};
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
    pub fn find_all(
        &self,
        answer: &[Word],
        index: &Index,
        stemmer: &Stemmer,
    ) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut next = 0;
        for p in self.candidates(index) {
            if p < next {
                continue;
            }
            if let Some(q) = self.match_at(answer, p, stemmer) {
                out.push((p, q));
                next = q + 1;
            }
        }
        out
    }

    /// The words a match could start at: its first stem, the compound's stem, or a word that is the
    /// start of the compound. `match_at` is false everywhere else.
    fn candidates(&self, index: &Index) -> Vec<usize> {
        let mut starts = index.with_stem(&self.stems[0]).to_vec();
        if self.compound {
            starts.extend_from_slice(index.with_stem(&self.squashed_stem));
            for (i, _) in self.squashed.char_indices().skip(1) {
                starts.extend_from_slice(index.with_norm(&self.squashed[..i]));
            }
        }
        starts.sort_unstable();
        starts.dedup();
        starts
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
        if !self.squashed.starts_with(&answer[p].norm) {
            return None;
        }
        let mut joined = answer[p].norm.clone();
        let end = (p + k + EXTRA_SPLIT_WORDS).min(answer.len());
        for q in p + 1..end {
            if is_number(&answer[q - 1]) && is_number(&answer[q]) {
                return None;
            }
            joined.push_str(&answer[q].norm);
            // A stem keeps the word's start and changes at most its last letters, so only a
            // run-together word that nearly starts with the cue's stem is worth stemming.
            if could_stem_to(&joined, &self.squashed_stem)
                && stemmer.stem(&joined) == self.squashed_stem
            {
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

/// False when `word` cannot have `stem` as its Snowball stem: they must share all but the stem's
/// last two characters (Snowball rewrites endings such as "y" to "i", never the start of a word).
fn could_stem_to(word: &str, stem: &str) -> bool {
    let shared = word
        .chars()
        .zip(stem.chars())
        .take_while(|(a, b)| a == b)
        .count();
    shared + 2 >= stem.chars().count()
}
