//! A 400-word typed answer against one question's rubric, as the answer box would check it: the
//! cues prepared and the answer split on every call. Target: 1 ms or less.
use archdrill_answer::{cover, Rubric};
use archdrill_content::Bank;
use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::HashSet;
use std::hint::black_box;

const WORDS: usize = 400;

/// The question's own model answer, topped up to 400 words with other questions' answers so the
/// text is real prose with near misses in it.
fn fixture() -> (String, Vec<Vec<String>>) {
    let bank = Bank::load(None, &HashSet::new());
    let q = bank
        .get("athena-vs-redshift-vs-emr")
        .expect("the bench question is in the bank");
    let mut words: Vec<&str> = q.answer.split_whitespace().collect();
    for other in bank.questions() {
        words.extend(other.answer.split_whitespace());
        if words.len() >= WORDS {
            break;
        }
    }
    words.truncate(WORDS);
    (words.join(" "), q.cues.clone())
}

fn bench(c: &mut Criterion) {
    let (answer, cues) = fixture();
    assert!(!cues.is_empty(), "the bench question has cues");
    c.bench_function("cover 400 words", |b| {
        b.iter(|| cover(black_box(&answer), black_box(&cues)))
    });
    let rubric = Rubric::new(&cues);
    c.bench_function("cover 400 words, rubric prepared", |b| {
        b.iter(|| rubric.cover(black_box(&answer)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
