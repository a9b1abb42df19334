//! The whole bank's package, opened by Anki itself: the PyPI `anki` package (the library the
//! desktop app runs) imports it into a new collection, and we check what Anki then holds, then
//! import a later export over it, which must update the same notes rather than add copies.
//!
//! `cargo xtask test` installs `anki` into the validators' venv (`.tools/venv`) and sets
//! ARCHDRILL_VALIDATORS to it, which makes this test required. Without the variable it looks in
//! `.tools/venv` and, when Anki's library is not there, says it is skipped.
use archdrill_anki::{
    diagram_guid, media_name, question_guid, Package, DIAGRAM_DECK, PARENT_DECK, QUESTION_DECK,
};
use archdrill_content::{markdown_to_html, Bank};
use archdrill_diagram::{Diagram, Library};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const ENV: &str = "ARCHDRILL_VALIDATORS";

/// The venv's Python, and whether the test must run.
fn python() -> (PathBuf, bool) {
    let (venv, required) = match std::env::var_os(ENV) {
        Some(v) => (PathBuf::from(v), true),
        None => (
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .nth(2)
                .expect("the crate sits two levels below the workspace root")
                .join(".tools/venv"),
            false,
        ),
    };
    let bin = venv.join(if cfg!(windows) { "Scripts" } else { "bin" });
    (
        bin.join(format!("python{}", std::env::consts::EXE_SUFFIX)),
        required,
    )
}

fn imports_anki(python: &Path) -> bool {
    Command::new(python)
        .args(["-c", "import anki.collection"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs anki_import.py on `packages` and returns its JSON report.
fn anki_reads(python: &Path, folder: &Path, guid: &str, packages: &[&Path]) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/anki_import.py");
    let out = Command::new(python)
        .arg(script)
        .arg(folder)
        .arg(guid)
        .args(packages)
        .output()
        .expect("the venv's python runs");
    assert!(
        out.status.success(),
        "anki_import.py failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("anki_import.py prints JSON")
}

#[test]
fn anki_imports_every_question_and_diagram_and_updates_them_on_reimport() {
    let (python, required) = python();
    if !imports_anki(&python) {
        assert!(
            !required,
            "{ENV} is set, but {} cannot import Anki's library (`cargo xtask examples` installs it)",
            python.display()
        );
        // Straight to stderr, past the test harness's capture, so a plain `cargo test` shows it.
        let _ = writeln!(
            std::io::stderr(),
            "*** SKIPPED the Anki import test: Anki's Python library is not in {} (set {ENV}, as \
             `cargo xtask test` does, to make this test required)",
            python.display()
        );
        return;
    }
    let library = Library::load_embedded();
    let bank = Bank::load(None, &library.diagram_ids());
    let diagrams: Vec<&Diagram> = library.diagrams().collect();
    let questions = bank.questions();
    assert!(!questions.is_empty() && !diagrams.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let (first, later) = (dir.path().join("first.apkg"), dir.path().join("later.apkg"));
    let now = 1_750_000_000;
    let package = Package::build(questions, &diagrams, &mut |_| {}).unwrap();
    let summary = package.write(&first, now).unwrap();
    package.write(&later, now + 3600).unwrap();
    let total = questions.len() + diagrams.len();

    // The question with an example, so that every field of the note type is checked.
    let q = questions.iter().find(|q| q.example.is_some()).unwrap();
    let collection = dir.path().join("anki");
    std::fs::create_dir(&collection).unwrap();
    let report = anki_reads(
        &python,
        &collection,
        &question_guid(&q.id),
        &[&first, &later],
    );
    let _ = writeln!(
        std::io::stderr(),
        "Anki read {} notes, {} cards and {} media files; imports: {}",
        report["notes"],
        report["cards"],
        summary.media,
        report["imports"]
    );

    assert_eq!(report["notes"], total);
    assert_eq!(report["cards"], total);
    let imports = report["imports"].as_array().unwrap();
    assert_eq!(imports[0]["new"], total, "first import: {}", imports[0]);
    // The later export carries the same guids: Anki updates every note, adds none.
    assert_eq!(imports[1]["new"], 0, "second import: {}", imports[1]);
    assert_eq!(
        imports[1]["updated"], total,
        "second import: {}",
        imports[1]
    );
    for problem in [
        "conflicting",
        "missing_notetype",
        "missing_deck",
        "empty_first_field",
    ] {
        assert_eq!(imports[0][problem], 0, "{problem}: {}", imports[0]);
    }

    let mut media: Vec<String> = diagrams.iter().map(|d| media_name(&d.id)).collect();
    media.sort();
    assert_eq!(report["media_files"], serde_json::json!(media));
    assert_eq!(report["media_missing"], serde_json::json!([]));
    assert_eq!(report["media_unused"], serde_json::json!([]));
    for deck in [PARENT_DECK, QUESTION_DECK, DIAGRAM_DECK] {
        let decks = report["decks"].as_array().unwrap();
        assert!(decks.iter().any(|d| d == deck), "{decks:?}");
    }

    let note = &report["note"];
    assert_eq!(note["notetype"], "Archdrill question");
    assert_eq!(note["deck"], QUESTION_DECK);
    assert_eq!(note["cards"], 1);
    let fields = &note["fields"];
    assert_eq!(fields["Prompt"], escape(&q.prompt));
    assert_eq!(fields["Answer"], markdown_to_html(&q.answer));
    assert_eq!(
        fields["Example"],
        markdown_to_html(q.example.as_deref().unwrap())
    );
    let points = fields["Key points"].as_str().unwrap();
    assert!(points.starts_with("<ul><li>"), "{points}");
    assert_eq!(points.matches("<li>").count(), q.key_points.len());
    let tags: Vec<&str> = note["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    for tag in [
        format!("topic::{}", q.topic.slug()),
        format!("level::{}", q.level.slug()),
        format!("guide::{}", q.guides()[0]),
    ] {
        assert!(
            tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)),
            "{tag} in {tags:?}"
        );
    }
    // Anki renders the card from our templates: the prompt in front, the rubric on the back.
    assert!(note["question"]
        .as_str()
        .unwrap()
        .contains(fields["Prompt"].as_str().unwrap()));
    let answer = note["answer"].as_str().unwrap();
    assert!(
        answer.contains("Key points") && answer.contains(points),
        "{answer}"
    );

    let d = diagrams[0];
    let fresh = dir.path().join("diagram");
    std::fs::create_dir(&fresh).unwrap();
    let picture = anki_reads(&python, &fresh, &diagram_guid(&d.id), &[&first]);
    let note = &picture["note"];
    assert_eq!(note["notetype"], "Archdrill diagram");
    assert_eq!(note["deck"], DIAGRAM_DECK);
    assert_eq!(
        note["fields"]["Prompt"],
        escape(&format!("Draw/explain: {}", d.title))
    );
    assert!(note["answer"]
        .as_str()
        .unwrap()
        .contains(&format!(r#"<img src="{}">"#, media_name(&d.id))));
}

/// The escaping the package promises for plain-text fields, written out independently.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
