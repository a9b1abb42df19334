//! All diagrams and drills, validated together (a drill may sit in another file than its diagram).
//! One bad file or table never stops the rest from loading; each problem is kept as `file:line: message`.
use crate::diagram::Diagram;
use crate::drill::Drill;
use crate::geometry::{Layout, Mode};
use crate::layout::layout;
use crate::report::Report;
use crate::spec::{self, FileSpec, Lines};
use crate::validate;
use crate::validate_drill;
use archdrill_domain::Problem;
use std::collections::{HashMap, HashSet};

/// A parsed file: its name, its line index and its tables.
type Parsed<'f> = (&'f str, Lines, FileSpec);

/// Larger spec files are refused unread: no diagram needs more, and it bounds parsing time.
const MAX_FILE: usize = 512 * 1024;

#[derive(Debug, Default)]
pub struct Library {
    diagrams: Vec<Diagram>,
    drills: Vec<Drill>,
    problems: Vec<Problem>,
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

impl Library {
    /// The specs under diagrams/, compiled into the binary.
    pub fn load_embedded() -> Library {
        Library::from_sources(
            embedded::FILES
                .iter()
                .map(|(f, t)| (f.to_string(), t.to_string()))
                .collect(),
        )
    }

    /// Loads (file name, text) pairs, in order; file names appear in problems as given.
    pub fn from_sources(files: Vec<(String, String)>) -> Library {
        let mut lib = Library::default();
        let (parsed, broken) = lib.load_diagrams(&files);
        lib.load_drills(&parsed, &broken);
        lib
    }

    /// Parses every file and keeps its valid diagram. Returns the parsed files, for their drills,
    /// and the ids of diagrams that exist but failed validation, whose drills are skipped without
    /// more noise.
    fn load_diagrams<'f>(
        &mut self,
        files: &'f [(String, String)],
    ) -> (Vec<Parsed<'f>>, HashSet<String>) {
        let mut parsed = Vec::new();
        let mut broken: HashSet<String> = HashSet::new();
        for (file, text) in files {
            if text.len() > MAX_FILE {
                self.problems.push(Problem::new(
                    file.as_str(),
                    0,
                    format!("file is larger than {} KiB", MAX_FILE / 1024),
                ));
                continue;
            }
            let lines = Lines::new(text);
            let spec = match spec::parse(file, text, &lines) {
                Ok(s) => s,
                Err(p) => {
                    self.problems.push(p);
                    continue;
                }
            };
            let mut r = Report {
                file,
                lines: &lines,
                problems: Vec::new(),
            };
            match (validate::diagram(&spec, &mut r), &spec.diagram) {
                (Some(d), Some(head)) => match self.diagrams.iter().find(|o| o.id == d.id) {
                    Some(other) => r.at(
                        &head.get_ref().id,
                        format!("diagram id `{}` is also used in {}", d.id, other.file),
                    ),
                    None => self.diagrams.push(d),
                },
                (None, Some(head)) => {
                    broken.insert(head.get_ref().id.get_ref().clone());
                }
                _ => {}
            }
            self.problems.append(&mut r.problems);
            parsed.push((file.as_str(), lines, spec));
        }
        (parsed, broken)
    }

    /// Validates every drill against its diagram, which may sit in another file.
    fn load_drills(&mut self, parsed: &[Parsed<'_>], broken: &HashSet<String>) {
        // Each diagram's own layout, which drills number their slots by (reading order): laid out
        // the first time one of its drills needs it, and dropped once loading is done.
        let mut plain: HashMap<String, Layout> = HashMap::new();
        for (file, lines, spec) in parsed {
            let own = spec
                .diagram
                .as_ref()
                .map(|h| h.get_ref().id.get_ref().clone());
            for dr in &spec.drill {
                let mut r = Report {
                    file,
                    lines,
                    problems: Vec::new(),
                };
                let named = dr.get_ref().diagram.as_ref();
                match named.map(|n| n.get_ref().clone()).or(own.clone()) {
                    None => r.at(
                        &dr.get_ref().id,
                        "a drill outside a diagram's file needs `diagram = \"<id>\"`",
                    ),
                    Some(id) if broken.contains(&id) => {}
                    Some(id) => match self.diagrams.iter().find(|d| d.id == id) {
                        None => r.at(
                            named.unwrap_or(&dr.get_ref().id),
                            format!("drill names unknown diagram `{id}`"),
                        ),
                        Some(d) => {
                            let lay = plain
                                .entry(id)
                                .or_insert_with(|| layout(d, &Mode::default()));
                            if let Some(drill) = validate_drill::drill(dr, d, lay, &mut r) {
                                match self.drills.iter().find(|o| o.id == drill.id) {
                                    Some(o) => r.at(
                                        &dr.get_ref().id,
                                        format!(
                                            "drill id `{}` is also used in {}:{}",
                                            drill.id, o.file, o.line
                                        ),
                                    ),
                                    None => self.drills.push(drill),
                                }
                            }
                        }
                    },
                }
                self.problems.append(&mut r.problems);
            }
        }
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn diagram_ids(&self) -> HashSet<String> {
        self.diagrams.iter().map(|d| d.id.clone()).collect()
    }

    pub fn diagrams(&self) -> impl Iterator<Item = &Diagram> {
        self.diagrams.iter()
    }

    pub fn drills(&self) -> impl Iterator<Item = &Drill> {
        self.drills.iter()
    }

    pub fn diagram(&self, id: &str) -> Option<&Diagram> {
        self.diagrams.iter().find(|d| d.id == id)
    }

    pub fn drill(&self, id: &str) -> Option<&Drill> {
        self.drills.iter().find(|d| d.id == id)
    }
}
