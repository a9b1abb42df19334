//! `archdrill anki FILE` through the real binary: the package holds the bank, the learner's packs
//! and every diagram (Anki's own reading of it is tested in crates/anki/tests/anki_client.rs).
use archdrill_content::{embedded_files, Bank};
use archdrill_diagram::Library;
use rusqlite::Connection;
use std::path::Path;
mod common;
use common::{archdrill, text};

/// A pack holding one question: a bank file under a new id (and the file name that goes with it).
fn write_pack(data: &Path) {
    let (_, source) = embedded_files()[0];
    let id_line = source
        .lines()
        .find(|l| l.starts_with("id = "))
        .expect("a question file has an id line");
    let own = source.replacen(id_line, "id = \"my-own-question\"", 1);
    let pack = data.join("packs/mine");
    std::fs::create_dir_all(&pack).unwrap();
    std::fs::write(pack.join("my-own-question.md"), own).unwrap();
}

/// The collection inside the package, unpacked beside it.
fn collection(apkg: &Path) -> Connection {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(apkg).unwrap()).unwrap();
    let mut entry = zip.by_name("collection.anki2").unwrap();
    let db = apkg.with_extension("anki2");
    std::io::copy(&mut entry, &mut std::fs::File::create(&db).unwrap()).unwrap();
    Connection::open(db).unwrap()
}

#[test]
fn anki_writes_the_bank_the_packs_and_the_diagrams() {
    let (data, out) = (tempdir(), tempdir());
    write_pack(data.path());
    // No extension given: Anki opens only .apkg files, so it is added.
    let target = out.path().join("archdrill");
    let run = archdrill(data.path(), &["anki", target.to_str().unwrap()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let library = Library::load_embedded();
    let questions = Bank::load(None, &library.diagram_ids()).len() + 1;
    let diagrams = library.diagrams().count();
    let said = text(&run.stdout);
    assert!(
        said.contains(&format!(
            "wrote {questions} questions and {diagrams} diagrams"
        )),
        "{said}"
    );
    let apkg = out.path().join("archdrill.apkg");
    assert!(said.contains(apkg.to_str().unwrap()), "{said}");

    let db = collection(&apkg);
    let count =
        |sql: &str| -> usize { db.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as usize };
    assert_eq!(count("SELECT count(*) FROM notes"), questions + diagrams);
    assert_eq!(count("SELECT count(*) FROM cards"), questions + diagrams);
    let tags: String = db
        .query_row(
            "SELECT tags FROM notes WHERE guid = 'archdrill:q:my-own-question'",
            [],
            |r| r.get(0),
        )
        .expect("the pack's question is in the package");
    assert!(tags.contains(" pack::mine "), "{tags}");
}

#[test]
fn anki_without_one_file_is_a_usage_error() {
    let data = tempdir();
    let run = archdrill(data.path(), &["anki"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("archdrill anki FILE.apkg"));
}

#[test]
fn a_folder_that_does_not_exist_is_named_in_the_error() {
    let (data, out) = (tempdir(), tempdir());
    let target = out.path().join("no-such-folder/bank.apkg");
    let run = archdrill(data.path(), &["anki", target.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let said = text(&run.stderr);
    assert!(said.contains("no-such-folder"), "{said}");
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}
