//! `archdrill anki FILE.apkg`: every question of the bank (with the learner's packs) and every
//! diagram, as an Anki package. ARCHDRILL_DATA_DIR picks the data folder, whose packs/ are read.
use archdrill_core::Archdrill;
use std::path::Path;
use std::process::ExitCode;

/// Runs the anki command, or `None` when `cmd` is not it.
pub fn run(cmd: &str, rest: &[String]) -> Option<ExitCode> {
    if cmd != "anki" {
        return None;
    }
    let [file] = rest else {
        eprintln!("archdrill: anki takes one file: archdrill anki FILE.apkg");
        return Some(ExitCode::from(2));
    };
    let dir = archdrill_store::default_data_dir();
    let app = match Archdrill::open(&dir) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("archdrill: {e} (data folder {})", dir.display());
            return Some(ExitCode::from(1));
        }
    };
    // An error here names the file (or the diagram that could not be drawn).
    Some(match app.export_anki(Path::new(file), |_| {}) {
        Ok(r) => {
            println!(
                "wrote {} questions and {} diagrams (with their pictures) to {} ({} bytes); \
                 in Anki: File > Import",
                r.questions, r.diagrams, r.path, r.bytes
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("archdrill: {e}");
            ExitCode::from(1)
        }
    })
}
