//! The package read back: the zip's entries, then the collection with rusqlite, column by column.
use super::*;
use archdrill_diagram::Library;
use archdrill_domain::{Level, Origin, Source, Topic};
use rusqlite::Connection;
use std::io::Read;
use std::path::PathBuf;

/// A question of the real bank, rewritten: built from a loaded one rather than field by field, so
/// that a field added to `Question` elsewhere needs no change here.
fn question(id: &str, example: Option<&str>) -> Question {
    let bank = archdrill_content::Bank::load(None, &Default::default());
    let mut q = bank.questions()[0].clone();
    q.id = id.into();
    q.prompt = format!("When is <{id}> the right choice & why?");
    q.topic = Topic::Database;
    q.level = Level::Senior;
    q.sources = vec![Source {
        guide: "004".into(),
        file: "004_x.txt".into(),
        first_line: 3,
        last_line: 9,
    }];
    q.key_points = vec!["First point".into(), "Second <point>".into()];
    q.diagrams = vec![];
    q.answer = "The **model** answer.".into();
    q.example = example.map(str::to_string);
    q.origin = Origin::Bank;
    q
}

struct Written {
    _dir: tempfile::TempDir,
    apkg: PathBuf,
    db: PathBuf,
    diagram: String,
}

/// Two questions and one real diagram, exported at `now`, with the collection unpacked.
fn written(now: i64) -> Written {
    let lib = Library::load_embedded();
    let d = lib.diagrams().next().expect("the library has diagrams");
    let questions = [
        question(
            "aurora-vs-rds",
            Some("```bash\naws rds describe-db-clusters\n```"),
        ),
        question("dynamodb-keys", None),
    ];
    let dir = tempfile::tempdir().unwrap();
    let apkg = dir.path().join("bank.apkg");
    let mut seen = Vec::new();
    let summary = export(&apkg, &questions, &[d], now, &mut |f| seen.push(f)).unwrap();
    assert_eq!(
        (summary.questions, summary.diagrams, summary.media),
        (2, 1, 1)
    );
    assert_eq!(summary.bytes, std::fs::metadata(&apkg).unwrap().len());
    assert_eq!(seen.last(), Some(&1.0));
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&apkg).unwrap()).unwrap();
    let mut names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["0", "collection.anki2", "media"]);
    let mut map = String::new();
    zip.by_name("media")
        .unwrap()
        .read_to_string(&mut map)
        .unwrap();
    let expected = serde_json::json!({"0": media_name(&d.id)});
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&map).unwrap(),
        expected
    );
    let mut png = Vec::new();
    zip.by_name("0").unwrap().read_to_end(&mut png).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let db = dir.path().join("collection.anki2");
    let mut bytes = Vec::new();
    zip.by_name("collection.anki2")
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    std::fs::write(&db, bytes).unwrap();
    Written {
        _dir: dir,
        apkg,
        db,
        diagram: d.id.clone(),
    }
}

fn col_json(db: &Connection, column: &str) -> serde_json::Value {
    let text: String = db
        .query_row(&format!("SELECT {column} FROM col"), [], |r| r.get(0))
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_collection_reads_back_as_anki_schema_11() {
    let w = written(1_700_000_000);
    let db = Connection::open(&w.db).unwrap();
    let (ver, modified): (i64, i64) = db
        .query_row("SELECT ver, mod FROM col", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((ver, modified), (11, 1_700_000_000_000));

    let models = col_json(&db, "models");
    let names: Vec<&str> = models
        .as_object()
        .unwrap()
        .values()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"Archdrill question") && names.contains(&"Archdrill diagram"));
    let decks = col_json(&db, "decks");
    let deck_names: Vec<&str> = decks
        .as_object()
        .unwrap()
        .values()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    for name in ["Default", PARENT_DECK, QUESTION_DECK, DIAGRAM_DECK] {
        assert!(deck_names.contains(&name), "{deck_names:?}");
    }

    let count = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM notes"), 3);
    assert_eq!(count("SELECT count(*) FROM cards"), 3);
    assert_eq!(
        count("SELECT count(*) FROM cards WHERE nid NOT IN (SELECT id FROM notes)"),
        0
    );
    assert_eq!(
        count("SELECT count(*) FROM cards WHERE type = 0 AND queue = 0"),
        3
    );
    // Every note's type is one of the two in `models`, and its card sits in a listed deck.
    assert_eq!(count("SELECT count(DISTINCT mid) FROM notes"), 2);
    let deck_ids: Vec<i64> = decks
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.parse().unwrap())
        .collect();
    let mut dids = db.prepare("SELECT did FROM cards").unwrap();
    let dids: Vec<i64> = dids
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(dids.iter().all(|d| deck_ids.contains(d)), "{dids:?}");
    let check: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn a_question_note_has_its_fields_tags_and_checksum() {
    let w = written(1_700_000_000);
    let db = Connection::open(&w.db).unwrap();
    let (flds, sfld, csum, tags, modified): (String, String, i64, String, i64) = db
        .query_row(
            "SELECT flds, sfld, csum, tags, mod FROM notes WHERE guid = ?1",
            [question_guid("aurora-vs-rds")],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    let fields: Vec<&str> = flds.split('\x1f').collect();
    assert_eq!(fields.len(), QUESTION_FIELDS.len());
    assert_eq!(
        fields[0],
        "When is &lt;aurora-vs-rds&gt; the right choice &amp; why?"
    );
    assert_eq!(fields[1], "<p>The <strong>model</strong> answer.</p>\n");
    assert_eq!(
        fields[2],
        "<ul><li>First point</li><li>Second &lt;point&gt;</li></ul>"
    );
    assert!(
        fields[3].contains("aws rds describe-db-clusters"),
        "{}",
        fields[3]
    );
    assert_eq!(sfld, "When is <aurora-vs-rds> the right choice & why?");
    assert_eq!(csum, ids::checksum(&sfld));
    assert_eq!(tags, " archdrill topic::database level::senior guide::004 ");
    assert_eq!(modified, 1_700_000_000);

    let no_example: String = db
        .query_row(
            "SELECT flds FROM notes WHERE guid = ?1",
            [question_guid("dynamodb-keys")],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        no_example.ends_with('\x1f'),
        "an empty Example field: {no_example:?}"
    );
}

#[test]
fn a_diagram_note_shows_its_png() {
    let w = written(1_700_000_000);
    let db = Connection::open(&w.db).unwrap();
    let flds: String = db
        .query_row(
            "SELECT flds FROM notes WHERE guid = ?1",
            [diagram_guid(&w.diagram)],
            |r| r.get(0),
        )
        .unwrap();
    let fields: Vec<&str> = flds.split('\x1f').collect();
    assert_eq!(fields.len(), DIAGRAM_FIELDS.len());
    assert!(fields[0].starts_with("Draw/explain: "), "{}", fields[0]);
    assert_eq!(
        fields[1],
        format!(r#"<img src="{}">"#, media_name(&w.diagram))
    );
    assert!(!fields[2].is_empty());
}

/// Ids come from our ids, not from the clock: a later export has the same notes and cards, only
/// newer, which is what makes Anki update them.
#[test]
fn a_later_export_keeps_every_id() {
    let rows = |w: &Written| -> Vec<(i64, String, i64, i64, i64)> {
        let db = Connection::open(&w.db).unwrap();
        let mut q = db
            .prepare(
                "SELECT n.id, n.guid, n.mod, c.id, c.did FROM notes n JOIN cards c ON c.nid = n.id
                 ORDER BY n.id",
            )
            .unwrap();
        let rows = q
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap();
        rows.map(Result::unwrap).collect()
    };
    let (first, later) = (rows(&written(1_700_000_000)), rows(&written(1_700_086_400)));
    assert_eq!(first.len(), 3);
    for (a, b) in first.iter().zip(&later) {
        assert_eq!((a.0, &a.1, a.3, a.4), (b.0, &b.1, b.3, b.4));
        assert_eq!((a.2, b.2), (1_700_000_000, 1_700_086_400));
    }
}

#[test]
fn an_unwritable_path_is_an_io_error_naming_it() {
    let w = written(1_700_000_000);
    let target = w.apkg.with_file_name("missing-folder").join("bank.apkg");
    let err = export(&target, &[question("x", None)], &[], 1, &mut |_| {}).unwrap_err();
    match &err {
        AnkiError::Io { path, .. } => assert!(path.starts_with(target.parent().unwrap())),
        other => panic!("expected an io error, got {other:?}"),
    }
    assert!(err.to_string().contains("missing-folder"), "{err}");
    let app: archdrill_domain::AppError = err.into();
    assert!(matches!(app, archdrill_domain::AppError::Io { .. }));
}

#[test]
fn two_notes_with_one_guid_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twice.apkg");
    let twice = [question("same", None), question("same", None)];
    let err = export(&path, &twice, &[], 1, &mut |_| {}).unwrap_err();
    assert!(
        matches!(err, AnkiError::Duplicate { what: "guid", .. }),
        "{err:?}"
    );
    assert!(!path.exists());
}
