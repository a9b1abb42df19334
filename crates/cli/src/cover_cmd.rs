//! `archdrill cover QUESTION --answer FILE|-`: which key points a typed answer makes, by the
//! rubric's cues (crates/answer), as JSON. ARCHDRILL_DATA_DIR picks the data folder, whose packs/
//! are read too, so a learner's own questions can be checked the same way.
use archdrill_answer::Rubric;
use archdrill_content::Bank;
use archdrill_domain::AppError;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::io::Read;
use std::process::ExitCode;

/// An answer is a few hundred words; anything far larger is a wrong file, not an answer.
const MAX_ANSWER: u64 = 1024 * 1024;

/// Runs the cover command, or `None` when `cmd` is not it.
pub fn run(cmd: &str, rest: &[String]) -> Option<ExitCode> {
    if cmd != "cover" {
        return None;
    }
    let [id, flag, source] = rest else {
        eprintln!("usage: archdrill cover QUESTION --answer FILE|-");
        return Some(ExitCode::from(2));
    };
    if flag != "--answer" {
        eprintln!("usage: archdrill cover QUESTION --answer FILE|-");
        return Some(ExitCode::from(2));
    }
    Some(match cover(id, source) {
        Ok(report) => {
            println!("{report:#}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("archdrill cover: {e}");
            if matches!(e, AppError::NotFound { .. }) {
                eprintln!("(ids are the file names in content/<topic>/ and in your packs)");
            }
            ExitCode::FAILURE
        }
    })
}

fn cover(id: &str, source: &str) -> Result<Value, AppError> {
    // Diagram links play no part in coverage, so none are checked here.
    let packs = archdrill_store::default_data_dir().join("packs");
    let bank = Bank::load(Some(&packs), &HashSet::new());
    let question = bank
        .get(id)
        .ok_or_else(|| AppError::not_found("question", id))?;
    let answer = read_answer(source)?;
    if question.cues.is_empty() {
        eprintln!(
            "archdrill cover: {id:?} gives no cues, so a key point counts only where the answer states it as written"
        );
    }
    let coverage = Rubric::for_points(&question.key_points, &question.cues).cover(&answer);
    let (mut covered, mut missed) = (Vec::new(), Vec::new());
    for (index, text) in question.key_points.iter().enumerate() {
        match coverage.points.get(index).filter(|p| p.covered) {
            Some(point) => {
                covered.push(json!({ "index": index, "text": text, "matches": point.matches }))
            }
            None => missed.push(json!({ "index": index, "text": text })),
        }
    }
    Ok(json!({
        "question": id,
        "key_points": question.key_points.len(),
        "covered": covered,
        "missed": missed,
    }))
}

/// The answer text from a file or, for `-`, standard input. Match ranges are byte offsets into it.
fn read_answer(source: &str) -> Result<String, AppError> {
    let mut buf = Vec::new();
    let read = if source == "-" {
        std::io::stdin().take(MAX_ANSWER + 1).read_to_end(&mut buf)
    } else {
        std::fs::File::open(source).and_then(|f| f.take(MAX_ANSWER + 1).read_to_end(&mut buf))
    };
    let name = if source == "-" {
        "standard input"
    } else {
        source
    };
    let bad = |message: String| AppError::Io {
        path: name.to_string(),
        message,
    };
    read.map_err(|e| bad(format!("cannot read it: {e}")))?;
    if buf.len() as u64 > MAX_ANSWER {
        return Err(bad(format!(
            "larger than {} KiB; an answer is plain text of a few hundred words",
            MAX_ANSWER / 1024
        )));
    }
    String::from_utf8(buf).map_err(|_| bad("it is not UTF-8 text".into()))
}
