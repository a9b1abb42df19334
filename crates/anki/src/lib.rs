//! The question bank and the diagrams as an Anki package (`.apkg`), for studying in Anki:
//! one note per question (the prompt; then the model answer, the rubric's key points and the
//! example), and one per diagram (draw or explain it; then the picture and its description).
//!
//! Every id and guid is derived from our own ids, so importing a newer export into Anki updates
//! the notes the last one made, keeping their review history, instead of adding copies. No tauri:
//! the CLI (`archdrill anki FILE.apkg`) and the app's Settings both call this through the core.

mod collection;
mod error;
mod ids;
mod notes;
mod package;
mod render;
mod schema;

pub use error::AnkiError;
pub use notes::{diagram_guid, media_name, question_guid};
pub use schema::{
    notetype_name, DIAGRAM_DECK, DIAGRAM_FIELDS, PARENT_DECK, QUESTION_DECK, QUESTION_FIELDS,
};

use archdrill_diagram::Diagram;
use archdrill_domain::Question;
use notes::{diagram_note, question_note, Media, Note};
use std::path::Path;

/// What a package holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub questions: usize,
    pub diagrams: usize,
    pub media: usize,
    pub bytes: u64,
}

/// The notes and media of a package, ready to write (drawn once, writable many times).
#[derive(Debug, Clone)]
pub struct Package {
    notes: Vec<Note>,
    media: Vec<Media>,
    questions: usize,
}

impl Package {
    /// Every question as a note, and every diagram as a note with its PNG. `progress` gets the
    /// fraction of diagrams drawn, which is nearly all of the time.
    pub fn build(
        questions: &[Question],
        diagrams: &[&Diagram],
        progress: &mut dyn FnMut(f64),
    ) -> Result<Package, AnkiError> {
        let mut notes: Vec<Note> = questions.iter().map(question_note).collect();
        notes.extend(diagrams.iter().map(|d| diagram_note(d, questions)));
        let media = render::pngs(diagrams, progress)?
            .into_iter()
            .zip(diagrams)
            .map(|(bytes, d)| Media {
                name: media_name(&d.id),
                bytes,
            })
            .collect();
        Ok(Package {
            notes,
            media,
            questions: questions.len(),
        })
    }

    /// Writes the package to `path`; `now` (unix seconds) is every note's modification time.
    pub fn write(&self, path: &Path, now: i64) -> Result<Summary, AnkiError> {
        let bytes = package::write(path, &self.notes, &self.media, now)?;
        Ok(Summary {
            questions: self.questions,
            diagrams: self.notes.len() - self.questions,
            media: self.media.len(),
            bytes,
        })
    }
}

/// Builds and writes the package for `questions` and `diagrams` to `path` in one go; `progress`
/// gets a rising fraction in 0..=1.
pub fn export(
    path: &Path,
    questions: &[Question],
    diagrams: &[&Diagram],
    now: i64,
    progress: &mut dyn FnMut(f64),
) -> Result<Summary, AnkiError> {
    // Drawing is most of the time: a folder that is not there fails before it, not after.
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        if !folder.is_dir() {
            let missing = std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("there is no folder {}", folder.display()),
            );
            return Err(AnkiError::io(path, missing));
        }
    }
    let package = Package::build(questions, diagrams, &mut |f| progress(0.9 * f))?;
    let summary = package.write(path, now)?;
    progress(1.0);
    Ok(summary)
}

#[cfg(test)]
mod tests;
