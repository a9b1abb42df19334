use archdrill_content::{read_md_files, Bank, BankSource};
use archdrill_diagram::Library;
use archdrill_domain::{Origin, Problem};
use archdrill_store::default_data_dir;
use std::path::Path;
use std::process::ExitCode;

/// `archdrill check`: the compiled-in bank and diagrams plus the learner's packs;
/// `archdrill check DIR`: one pack folder (its diagram links checked against the shipped diagrams).
pub fn run(args: &[String]) -> ExitCode {
    let library = Library::load_embedded();
    let (questions, mut problems) = match args {
        [] => {
            let bank = Bank::load(
                Some(&default_data_dir().join("packs")),
                &library.diagram_ids(),
            );
            (bank.len(), bank.problems().to_vec())
        }
        [dir] => check_pack(Path::new(dir), &library),
        _ => {
            eprintln!("usage: archdrill check [PACK_DIR]");
            return ExitCode::from(2);
        }
    };
    if args.is_empty() {
        problems.extend(library.problems().iter().cloned());
    }
    for p in &problems {
        println!("{p}");
    }
    println!(
        "checked {questions} question(s), {} diagram(s) and {} drill(s): {} problem(s)",
        library.diagrams().count(),
        library.drills().count(),
        problems.len()
    );
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn check_pack(dir: &Path, library: &Library) -> (usize, Vec<Problem>) {
    let walk = read_md_files(dir);
    let mut problems = walk.problems;
    if walk.files.is_empty() && problems.is_empty() {
        problems.push(Problem::new(
            dir.display().to_string(),
            0,
            "no question files (*.md) here",
        ));
    }
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sources = walk
        .files
        .into_iter()
        .map(|file| BankSource {
            file: file.path.display().to_string(),
            text: file.text,
            origin: Origin::Pack(name.clone()),
        })
        .collect();
    let bank = Bank::from_sources(sources, &library.diagram_ids());
    problems.extend(bank.problems().iter().cloned());
    (bank.len(), problems)
}
