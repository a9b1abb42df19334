//! The shipped bank meets the product's bar: every guide question covered, answers of interview
//! length with something concrete in them, and every link resolving.
use archdrill_content::Bank;
use archdrill_domain::{Level, Origin};
use std::collections::HashSet;

fn bank() -> Bank {
    // Diagram links are checked by the core crate, which knows the diagram library; here every
    // linked diagram id is accepted so only question-level problems count.
    let all_diagrams: HashSet<String> = archdrill_content::embedded_files()
        .iter()
        .flat_map(|(_, text)| diagram_ids(text))
        .collect();
    Bank::load(None, &all_diagrams)
}

fn diagram_ids(text: &str) -> Vec<String> {
    text.lines()
        .find(|l| l.starts_with("diagrams"))
        .map(|l| {
            l.split('"')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_bank_loads_without_problems() {
    let bank = bank();
    let problems: Vec<String> = bank.problems().iter().map(|p| p.to_string()).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(
        bank.len(),
        111,
        "78 distinct main questions + 33 new follow-ups"
    );
}

#[test]
fn every_guide_question_is_covered_by_a_cited_source_range() {
    let bank = bank();
    let items = include_str!("guide_items.txt");
    let mut missing = Vec::new();
    for line in items
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (n, at) = line.split_once(' ').unwrap();
        let (guide, l) = at.split_once(':').unwrap();
        let l: u32 = l.parse().unwrap();
        let covered = bank.questions().iter().any(|q| {
            q.sources
                .iter()
                .any(|s| s.guide == guide && s.first_line <= l && l <= s.last_line)
        });
        if !covered {
            missing.push(format!("inventory #{n} at {guide}:{l}"));
        }
    }
    assert!(missing.is_empty(), "not covered:\n{}", missing.join("\n"));
}

#[test]
fn answers_have_interview_depth() {
    let bank = bank();
    let mut bad = Vec::new();
    for q in bank.questions() {
        assert_eq!(q.origin, Origin::Bank);
        let words = q.answer.split_whitespace().count();
        if !(120..=400).contains(&words) {
            bad.push(format!("{}: answer has {words} words (120-400)", q.file));
        }
        if !has_number(&q.answer) {
            bad.push(format!("{}: answer has no concrete number", q.file));
        }
        if q.level == Level::Senior && !shows_trade_off(&q.answer) {
            bad.push(format!("{}: senior answer shows no trade-off", q.file));
        }
        if !q
            .file
            .ends_with(&format!("/{}/{}.md", q.topic.slug(), q.id))
        {
            bad.push(format!(
                "{}: must live at content/{}/{}.md",
                q.file,
                q.topic.slug(),
                q.id
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn both_levels_and_every_topic_are_present() {
    let bank = bank();
    let topics: HashSet<_> = bank.questions().iter().map(|q| q.topic).collect();
    assert_eq!(topics.len(), archdrill_domain::Topic::ALL.len());
    assert!(bank.questions().iter().any(|q| q.level == Level::Senior));
    assert!(bank.questions().iter().any(|q| q.level == Level::Mid));
}

/// Words that show a senior answer weighing options. Matched as whole words, so "distributed" does
/// not count as "but" and "failover" does not count as "fail".
const TRADE_OFF_WORDS: [&str; 17] = [
    "trade-off",
    "trade-offs",
    "tradeoff",
    "tradeoffs",
    "cost",
    "costs",
    "costly",
    "fail",
    "fails",
    "failure",
    "failures",
    "risk",
    "risks",
    "but",
    "instead",
    "however",
    "downside",
];

fn shows_trade_off(text: &str) -> bool {
    words(text).any(|w| TRADE_OFF_WORDS.contains(&w.as_str()))
}

/// Lower-cased tokens split on every character that is not a letter, digit or '-', so
/// "trade-off" stays one word and punctuation never sticks to a word.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

#[test]
fn trade_off_words_are_whole_words() {
    assert!(!shows_trade_off("distributed failover"));
    assert!(!shows_trade_off("Butter, costume, riskless, instead-of"));
    assert!(shows_trade_off("Cost, but"));
    assert!(shows_trade_off("the trade-off."));
    assert!(shows_trade_off("(FAILURES)"));
    let got: Vec<String> = words("Cost, but trade-off/Multi-AZ").collect();
    assert_eq!(got, ["cost", "but", "trade-off", "multi-az"]);
}

/// A digit, or a number written as a word ("under one second", "ten Regions").
fn has_number(text: &str) -> bool {
    const WORDS: [&str; 14] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred",
        "thousand", "million", "twice",
    ];
    text.chars().any(|c| c.is_ascii_digit())
        || text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| WORDS.contains(&w.to_lowercase().as_str()))
}
