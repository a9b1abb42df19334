//! The whole bank: every question from the compiled-in files and the learner's packs, cross-checked.
use crate::parse::parse_question;
use crate::walk::Walker;
use archdrill_domain::{Origin, Problem, Question};
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

/// One question file to load.
pub struct BankSource {
    pub file: String,
    pub text: String,
    pub origin: Origin,
}

#[derive(Debug, Default)]
pub struct Bank {
    questions: Vec<Question>,
    by_id: HashMap<String, usize>,
    problems: Vec<Problem>,
}

impl Bank {
    /// Loads the compiled-in bank plus every pack under `packs_dir` (`<pack>/**/*.md`), checking links
    /// against each other and against `diagram_ids`.
    pub fn load(packs_dir: Option<&Path>, diagram_ids: &HashSet<String>) -> Bank {
        let mut sources: Vec<BankSource> = crate::embedded_files()
            .iter()
            .map(|(file, text)| BankSource {
                file: file.to_string(),
                text: text.to_string(),
                origin: Origin::Bank,
            })
            .collect();
        let mut problems = Vec::new();
        if let Some(dir) = packs_dir {
            read_packs(dir, &mut sources, &mut problems);
        }
        let mut bank = Bank::from_sources(sources, diagram_ids);
        problems.append(&mut bank.problems);
        bank.problems = problems;
        bank
    }

    /// Parses and cross-checks the given files. Earlier files win an id clash.
    pub fn from_sources(sources: Vec<BankSource>, diagram_ids: &HashSet<String>) -> Bank {
        let parsed = parse_all(&sources);
        let mut bank = Bank::default();
        let mut first_file: HashMap<String, String> = HashMap::new();
        let mut texts: HashMap<String, String> = HashMap::new();
        for (src, result) in sources.into_iter().zip(parsed) {
            match result {
                Ok(q) => {
                    if let Some(prev) = first_file.get(&q.id) {
                        bank.problems.push(Problem::new(
                            &src.file,
                            2,
                            format!(
                                "duplicate id {:?}: {prev} already uses it; ids are never reused, pick a new one",
                                q.id
                            ),
                        ));
                        continue;
                    }
                    first_file.insert(q.id.clone(), src.file.clone());
                    texts.insert(src.file, src.text);
                    bank.by_id.insert(q.id.clone(), bank.questions.len());
                    bank.questions.push(q);
                }
                Err(mut ps) => bank.problems.append(&mut ps),
            }
        }
        bank.check_links(diagram_ids, &texts);
        bank.problems
            .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        bank
    }

    /// Drops links to questions or diagrams that do not exist, reporting each; the question itself stays.
    fn check_links(&mut self, diagram_ids: &HashSet<String>, texts: &HashMap<String, String>) {
        let ids: HashSet<String> = self.by_id.keys().cloned().collect();
        for q in &mut self.questions {
            let file = q.file.clone();
            let self_id = q.id.clone();
            let text = texts.get(&file).map(String::as_str).unwrap_or("");
            let problems = &mut self.problems;
            let mut drop_bad =
                |list: &mut Vec<String>, exists: &dyn Fn(&str) -> bool, what: &str| {
                    list.retain(|id| {
                        let ok = exists(id);
                        if !ok {
                            problems.push(Problem::new(
                                &file,
                                line_of_quoted(text, what, id),
                                format!(
                                "{what}: no {} with id {id:?} (check the spelling or remove it)",
                                if what == "diagrams" {
                                    "diagram in diagrams/"
                                } else {
                                    "question"
                                }
                            ),
                            ));
                        }
                        ok
                    });
                };
            drop_bad(
                &mut q.follow_ups,
                &|id| ids.contains(id) && id != self_id,
                "follow_ups",
            );
            drop_bad(&mut q.diagrams, &|id| diagram_ids.contains(id), "diagrams");
        }
    }

    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn get(&self, id: &str) -> Option<&Question> {
        self.by_id.get(id).map(|&i| &self.questions[i])
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }
}

type Parsed = Result<Question, Vec<Problem>>;

/// Parses every file, spread over the machine's cores (files are independent), keeping input order.
fn parse_all(sources: &[BankSource]) -> Vec<Parsed> {
    let parse = |s: &BankSource| parse_question(&s.file, &s.text, s.origin.clone());
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Threads cost more than they save on a small bank such as the shipped one.
    if threads < 2 || sources.len() < 256 {
        return sources.iter().map(parse).collect();
    }
    let chunk = sources.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(parse).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                // Parsing never panics on input; if a thread died anyway, re-raise it here.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// Reads `<dir>/<pack>/**/*.md`, each file's pack being the folder it sits in directly under `dir`.
/// A missing packs folder is normal; anything else the walk meets is a problem.
fn read_packs(dir: &Path, out: &mut Vec<BankSource>, problems: &mut Vec<Problem>) {
    // `symlink_metadata`, so a dangling packs link is reported by the walk rather than ignored.
    if fs::symlink_metadata(dir).is_err() {
        return;
    }
    // Depth 2: a loose file directly in the packs folder belongs to no pack and is left alone.
    let walk = Walker::new().min_depth(2).walk(dir);
    for file in walk.files {
        let pack = file
            .relative
            .components()
            .next()
            .map_or_else(String::new, |c| {
                c.as_os_str().to_string_lossy().into_owned()
            });
        out.push(BankSource {
            file: file.path.display().to_string(),
            text: file.text,
            origin: Origin::Pack(pack),
        });
    }
    problems.extend(walk.problems);
}

/// 1-based line holding `"id"` in the array `key` of a file's text (0 if absent).
fn line_of_quoted(text: &str, key: &str, id: &str) -> u32 {
    let quoted = format!("{id:?}");
    let start = text
        .lines()
        .position(|l| l.trim_start().starts_with(key))
        .unwrap_or(0);
    text.lines()
        .enumerate()
        .skip(start)
        .find(|(_, l)| l.contains(&quoted))
        .map_or(0, |(i, _)| i as u32 + 1)
}
