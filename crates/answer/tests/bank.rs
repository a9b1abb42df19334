//! The shipped bank's cues against its own model answers: each question's answer covers at least
//! 80% of its key points, and no answer from another topic covers more than 20% of them. A failure
//! here is fixed in the question's cues, not by moving the thresholds.
use archdrill_answer::{Answer, Coverage, Rubric};
use archdrill_content::Bank;
use archdrill_domain::Question;
use std::collections::HashSet;

const OWN_MIN: f64 = 0.8;
const CROSS_MAX: f64 = 0.2;

fn bank() -> Bank {
    // Diagram links do not matter here; the content crate's own tests check them.
    let bank = Bank::load(None, &HashSet::new());
    // A file that fails to parse would silently drop out of every check below.
    assert_eq!(
        bank.len(),
        archdrill_content::embedded_files().len(),
        "every question loads"
    );
    bank
}

/// Each covered point with the cues that matched: "2 (\"warm pool\")".
fn hits(q: &Question, c: &Coverage) -> String {
    c.points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.covered)
        .map(|(i, p)| {
            let cues: Vec<&str> = p.matches.iter().map(|m| m.cue.as_str()).collect();
            format!("{i} {:?} ({})", cues, q.key_points[i])
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn every_key_point_has_cues() {
    let bank = bank();
    let mut bad = Vec::new();
    for q in bank.questions() {
        if q.cues.len() != q.key_points.len() {
            bad.push(format!(
                "{}: {} cue lists for {} key points",
                q.file,
                q.cues.len(),
                q.key_points.len()
            ));
        }
        for (i, list) in q.cues.iter().enumerate() {
            if list.iter().all(|c| c.trim().is_empty()) {
                bad.push(format!("{}: key point {i} has no cue", q.file));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn each_model_answer_covers_its_own_rubric() {
    let bank = bank();
    let mut bad = Vec::new();
    let mut shares = Vec::new();
    for q in bank.questions() {
        let c = Rubric::for_points(&q.key_points, &q.cues).cover(&q.answer);
        shares.push(c.fraction());
        if c.fraction() < OWN_MIN {
            let missed: Vec<String> = c
                .points
                .iter()
                .enumerate()
                .filter(|(_, p)| !p.covered)
                .map(|(i, _)| format!("  missed {i}: {} {:?}", q.key_points[i], q.cues.get(i)))
                .collect();
            bad.push(format!(
                "{}: {}/{}\n{}",
                q.file,
                c.covered(),
                c.points.len(),
                missed.join("\n")
            ));
        }
    }
    let min = shares.iter().copied().fold(1.0, f64::min);
    let mean = shares.iter().sum::<f64>() / shares.len() as f64;
    eprintln!(
        "own answers: {} questions, min {min:.3}, mean {mean:.3}",
        shares.len()
    );
    assert!(
        bad.is_empty(),
        "{} question(s) below {OWN_MIN}:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn answers_of_other_topics_cover_little() {
    let bank = bank();
    let answers: Vec<(&Question, Answer<'_>)> = bank
        .questions()
        .iter()
        .map(|q| (q, Answer::new(&q.answer)))
        .collect();
    let mut bad = Vec::new();
    let mut max: f64 = 0.0;
    for q in bank.questions() {
        let rubric = Rubric::for_points(&q.key_points, &q.cues);
        for (other, answer) in answers.iter().filter(|(o, _)| o.topic != q.topic) {
            let c = rubric.cover_answer(answer);
            max = max.max(c.fraction());
            if c.fraction() > CROSS_MAX {
                bad.push(format!("{} by {}: {}", q.file, other.id, hits(q, &c)));
            }
        }
    }
    eprintln!("answers of other topics: max {max:.3}");
    assert!(
        bad.is_empty(),
        "{} pair(s) above {CROSS_MAX}:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn a_key_point_written_as_the_rubric_states_it_is_covered() {
    let bank = bank();
    let mut missed = Vec::new();
    for q in bank.questions() {
        let rubric = Rubric::for_points(&q.key_points, &q.cues);
        for (i, point) in q.key_points.iter().enumerate() {
            if !rubric.cover(point).points[i].covered {
                missed.push(format!("{} {i}: {point}", q.id));
            }
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}
