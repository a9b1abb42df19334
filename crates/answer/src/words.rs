//! Splitting an answer (or a cue) into normalised words that remember where they sit in the text.
use rust_stemmers::Stemmer;
use std::collections::HashMap;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// One word: its normalised form, its stem, and its byte range in the original text.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub norm: String,
    pub stem: String,
    pub start: usize,
    pub end: usize,
}

/// Where each stem and each normalised word occurs, so a cue looks only at the places it could
/// start instead of at every word (checking one answer against the whole bank stays fast).
#[derive(Debug, Default)]
pub(crate) struct Index {
    by_stem: HashMap<String, Vec<usize>>,
    by_norm: HashMap<String, Vec<usize>>,
}

impl Index {
    pub fn new(words: &[Word]) -> Index {
        let mut index = Index::default();
        for (i, w) in words.iter().enumerate() {
            index.by_stem.entry(w.stem.clone()).or_default().push(i);
            index.by_norm.entry(w.norm.clone()).or_default().push(i);
        }
        index
    }

    pub fn with_stem(&self, stem: &str) -> &[usize] {
        self.by_stem.get(stem).map_or(&[], Vec::as_slice)
    }

    pub fn with_norm(&self, norm: &str) -> &[usize] {
        self.by_norm.get(norm).map_or(&[], Vec::as_slice)
    }
}

/// A normalised character and the byte range of the original character it came from.
struct Unit {
    c: char,
    start: usize,
    end: usize,
}

/// The words of `text`, in order. Letters and digits make words; everything else separates them,
/// except a thousands comma (`1,769` is `1769`), a decimal point (`1.5`) and an apostrophe inside a
/// word. A run of letters and a run of digits are separate words, so `1769MB` reads as `1769 MB`.
pub(crate) fn words(text: &str, stemmer: &Stemmer) -> Vec<Word> {
    let units = units(text);
    let mut out = Vec::new();
    // Stemming is the costly step and answers repeat their words, so each form is stemmed once.
    let mut stems: HashMap<String, String> = HashMap::new();
    let mut i = 0;
    while i < units.len() {
        let c = units[i].c;
        let end = if c.is_alphabetic() {
            letters_end(&units, i)
        } else if c.is_numeric() {
            number_end(&units, i)
        } else {
            i += 1;
            continue;
        };
        let mut norm: String = units[i..end]
            .iter()
            .map(|u| u.c)
            .filter(|&c| c != ',')
            .collect();
        if let Some(digit) = number_word(&norm) {
            norm = digit.to_string();
        }
        let stem = if !c.is_alphabetic() {
            norm.clone()
        } else if let Some(stem) = stems.get(&norm) {
            stem.clone()
        } else {
            let stem = stemmer.stem(&norm).into_owned();
            stems.insert(norm.clone(), stem.clone());
            stem
        };
        out.push(Word {
            norm,
            stem,
            start: units[i].start,
            end: units[end - 1].end,
        });
        i = end;
    }
    out
}

/// Lower-case, compatibility-decomposed characters without their accents, each keeping the original
/// character's byte range so a match can be highlighted in what the learner typed.
fn units(text: &str) -> Vec<Unit> {
    let mut out = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        if c.is_ascii() {
            out.push(Unit {
                c: c.to_ascii_lowercase(),
                start,
                end,
            });
            continue;
        }
        // Typographic apostrophes count as the plain one, so "Lambda’s" stems like "Lambda's".
        if matches!(c, '\u{2018}' | '\u{2019}' | '\u{02bc}') {
            out.push(Unit {
                c: '\'',
                start,
                end,
            });
            continue;
        }
        decompose_compatible(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase().map(|c| Unit { c, start, end }));
            }
        });
    }
    out
}

/// End of the run of letters starting at `i`; an apostrophe between two letters stays inside.
fn letters_end(units: &[Unit], mut i: usize) -> usize {
    while i < units.len() {
        let c = units[i].c;
        let inner_apostrophe = c == '\'' && units.get(i + 1).is_some_and(|n| n.c.is_alphabetic());
        if !(c.is_alphabetic() || inner_apostrophe) {
            break;
        }
        i += 1;
    }
    i
}

/// End of the number starting at `i`: digits, thousands commas before exactly three digits, and a
/// decimal point before a digit.
fn number_end(units: &[Unit], mut i: usize) -> usize {
    let digit = |k: usize| units.get(k).is_some_and(|u| u.c.is_numeric());
    while i < units.len() {
        let c = units[i].c;
        let thousands = c == ',' && (1..=3).all(|k| digit(i + k)) && !digit(i + 4);
        let decimal = c == '.' && digit(i + 1);
        if !(c.is_numeric() || thousands || decimal) {
            break;
        }
        i += 1;
    }
    i
}

/// Small numbers spelled out read as digits, so "two AZs" matches a cue "2 AZs".
fn number_word(word: &str) -> Option<&'static str> {
    const WORDS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    const DIGITS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
    WORDS.iter().position(|w| *w == word).map(|i| DIGITS[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_stemmers::Algorithm;

    fn norms(text: &str) -> Vec<String> {
        words(text, &Stemmer::create(Algorithm::English))
            .into_iter()
            .map(|w| w.norm)
            .collect()
    }

    #[test]
    fn numbers_lose_thousands_commas_and_keep_decimals() {
        assert_eq!(norms("1,769 MB"), ["1769", "mb"]);
        assert_eq!(
            norms("1769MB, 1,000,000 and 99.99%."),
            ["1769", "mb", "1000000", "and", "99.99"]
        );
        assert_eq!(norms("1,2,3"), ["1", "2", "3"]);
        assert_eq!(norms("version 2."), ["version", "2"]);
    }

    #[test]
    fn case_accents_width_and_apostrophes_are_normalised() {
        assert_eq!(
            norms("Café ＥＣ２ Lambda’s"),
            ["cafe", "ec", "2", "lambda's"]
        );
        assert_eq!(norms("Multi-AZ"), ["multi", "az"]);
        assert_eq!(norms("two AZs"), ["2", "azs"]);
    }

    #[test]
    fn ranges_point_into_the_original_text() {
        let text = "Ａ ✓ café—1,769";
        let ws = words(text, &Stemmer::create(Algorithm::English));
        let got: Vec<&str> = ws.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(got, ["Ａ", "café", "1,769"]);
    }
}
