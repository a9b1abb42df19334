//! The bank in Anki: every question (the compiled-in bank and the learner's packs, as loaded at
//! start-up) and every diagram, written as an Anki package for the CLI and Settings.
use crate::Archdrill;
use archdrill_diagram::Diagram;
use archdrill_domain::AppError;
use serde::Serialize;
use specta::Type;
use std::path::{Path, PathBuf};

/// What an Anki export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AnkiReport {
    pub path: String,
    /// Question notes.
    pub questions: u32,
    /// Diagram notes, each with its picture.
    pub diagrams: u32,
    pub bytes: f64,
}

impl Archdrill {
    /// Writes the package to `path`, with `.apkg` added when the name lacks it (Anki opens only
    /// that). `progress` gets a rising fraction in 0..=1 (drawing the diagrams is most of it).
    pub fn export_anki(
        &self,
        path: &Path,
        mut progress: impl FnMut(f64),
    ) -> Result<AnkiReport, AppError> {
        let path = &apkg_path(path);
        let diagrams: Vec<&Diagram> = self.library.diagrams().collect();
        let now_secs = self.now_ms() / 1000;
        let summary = archdrill_anki::export(
            path,
            self.bank.questions(),
            &diagrams,
            now_secs,
            &mut progress,
        )?;
        Ok(AnkiReport {
            path: path.display().to_string(),
            questions: summary.questions as u32,
            diagrams: summary.diagrams as u32,
            bytes: summary.bytes as f64,
        })
    }
}

fn apkg_path(path: &Path) -> PathBuf {
    let is_apkg = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("apkg"));
    if is_apkg {
        return path.to_path_buf();
    }
    let mut name = path.as_os_str().to_os_string();
    name.push(".apkg");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::apkg_path;
    use std::path::Path;

    #[test]
    fn the_package_name_ends_in_apkg() {
        assert_eq!(
            apkg_path(Path::new("/x/bank.apkg")),
            Path::new("/x/bank.apkg")
        );
        assert_eq!(
            apkg_path(Path::new("/x/bank.APKG")),
            Path::new("/x/bank.APKG")
        );
        assert_eq!(apkg_path(Path::new("/x/bank")), Path::new("/x/bank.apkg"));
        assert_eq!(
            apkg_path(Path::new("/x/bank.zip")),
            Path::new("/x/bank.zip.apkg")
        );
    }
}
