//! `archdrill export`, `import` and `sync` through the real binary, on data folders in temp dirs.
use archdrill_store::{ReviewRecord, Store};
use std::path::Path;
mod common;
use common::{archdrill, text};

const T0: i64 = 1_796_115_600_000;

/// A data folder with three reviews, a note and a bookmark.
fn populated(dir: &Path) {
    let mut s = Store::open_in(dir).unwrap();
    let reviews = (0..3).map(|i| ReviewRecord {
        id: archdrill_domain::new_ulid(T0 + i),
        card_id: format!("q:question-{i}"),
        reviewed_at: T0 + i,
        day: T0 / 86_400_000,
        rating: 3,
        duration_ms: 5_000,
        points: "[]".into(),
        points_total: 0,
        elapsed_days: None,
        answer: None,
    });
    s.import_reviews(reviews).unwrap();
    s.save_note("question-1", "remember the quorum", T0)
        .unwrap();
    s.set_bookmark("question-2", true, T0).unwrap();
}

#[test]
fn export_then_import_round_trips_and_a_second_import_adds_nothing() {
    let (a, b, files) = (tempdir(), tempdir(), tempdir());
    populated(a.path());
    let file = files.path().join("progress.zip");
    let f = file.to_str().unwrap();
    let out = archdrill(a.path(), &["export", f]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("exported 3 reviews"),
        "{}",
        text(&out.stdout)
    );

    let out = archdrill(b.path(), &["import", f]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("added 3 reviews"),
        "{}",
        text(&out.stdout)
    );
    let out = archdrill(b.path(), &["import", f]);
    assert!(
        text(&out.stdout).contains("added 0 reviews, 0 undo marks, 0 note"),
        "{}",
        text(&out.stdout)
    );

    let s = Store::open_in(b.path()).unwrap();
    assert_eq!(s.review_log_len().unwrap(), 3);
    assert_eq!(
        s.all_card_states().unwrap().len(),
        3,
        "states rebuilt by replay"
    );
    assert_eq!(
        s.note("question-1").unwrap().unwrap().body,
        "remember the quorum"
    );
    assert!(s.is_bookmarked("question-2").unwrap());
}

#[test]
fn a_bad_file_exits_1_with_a_message_naming_it_and_changes_nothing() {
    let (b, files) = (tempdir(), tempdir());
    populated(b.path());
    let file = files.path().join("holiday-photo.zip");
    std::fs::write(&file, b"\x89PNG not an export").unwrap();
    let out = archdrill(b.path(), &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&file.display().to_string()) && err.contains("not a readable zip archive"),
        "{err}"
    );
    assert_eq!(
        Store::open_in(b.path()).unwrap().review_log_len().unwrap(),
        3
    );

    let out = archdrill(b.path(), &["import"]);
    assert_eq!(out.status.code(), Some(2));
}

fn sync(data: &Path, folder: &Path) -> serde_json::Value {
    let out = archdrill(data, &["sync", "--folder", folder.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn sync_moves_reviews_and_notes_between_two_data_folders() {
    let (a, b, shared) = (tempdir(), tempdir(), tempdir());
    populated(a.path());
    let first = sync(a.path(), shared.path());
    assert_eq!(first["linesWritten"], 5, "{first}"); // 3 reviews, a note, a bookmark
    assert_eq!(first["problems"], serde_json::json!([]));

    let second = sync(b.path(), shared.path());
    assert_eq!(
        (
            second["linesRead"].as_u64(),
            second["reviewsAdded"].as_u64()
        ),
        (Some(5), Some(3)),
        "{second}"
    );
    assert_ne!(first["deviceId"], second["deviceId"]);

    Store::open_in(b.path())
        .unwrap()
        .save_note("question-1", "quorum: majority", T0 + 1)
        .unwrap();
    let third = sync(b.path(), shared.path());
    assert_eq!(
        third["linesWritten"], 1,
        "merged records are not written back: {third}"
    );
    let fourth = archdrill(a.path(), &["sync"]);
    assert!(fourth.status.success(), "{}", text(&fourth.stderr));
    let s = Store::open_in(a.path()).unwrap();
    assert_eq!(
        s.note("question-1").unwrap().unwrap().body,
        "quorum: majority"
    );

    let none = tempdir();
    let out = archdrill(none.path(), &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no sync folder is set"),
        "{}",
        text(&out.stderr)
    );
    let missing = none.path().join("not-there");
    let out = archdrill(
        none.path(),
        &["sync", "--folder", missing.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("does not exist or is not a folder"), "{err}");
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}
