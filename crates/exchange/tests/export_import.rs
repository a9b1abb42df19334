//! Export → import through real zip files and real SQLite databases in temp folders.
mod common;

use archdrill_exchange::{export_file, import_file, ExchangeError};
use archdrill_store::Store;
use common::*;
use std::path::{Path, PathBuf};

fn export(s: &Store, dir: &Path) -> PathBuf {
    let path = dir.join("progress.archdrill.zip");
    let mut seen = Vec::new();
    export_file(s, &path, "0.1.0", T0, |f| seen.push(f)).unwrap();
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "progress rises: {seen:?}"
    );
    assert_eq!(seen.last(), Some(&1.0));
    path
}

#[test]
fn an_import_into_an_empty_folder_reproduces_every_record_and_importing_twice_changes_nothing() {
    let (a_dir, b_dir, files) = (tmp(), tmp(), tmp());
    let mut a = Store::open_in(a_dir.path()).unwrap();
    populate(&mut a);
    let file = export(&a, files.path());

    let mut b = Store::open_in(b_dir.path()).unwrap();
    let mut seen = Vec::new();
    let added = import_file(&mut b, &file, |f| seen.push(f)).unwrap();
    assert!(seen.windows(2).all(|w| w[0] <= w[1]) && seen.last() == Some(&1.0));
    assert_eq!(
        (added.reviews, added.undos, added.mocks, added.attempts),
        (15, 1, 1, 1)
    );

    let want = dump(&a, KEYS);
    let got = dump(&b, KEYS);
    assert_eq!(got.reviews, want.reviews);
    assert_eq!(got.undos, want.undos);
    assert_eq!(got.changes, want.changes);
    assert_eq!(got.notes, want.notes);
    assert_eq!(got.bookmarks, want.bookmarks);
    assert_eq!(got.mocks, want.mocks);
    assert_eq!(got.attempts, want.attempts);
    assert_eq!(got.states, want.states);
    assert_eq!(b.setting("theme").unwrap().as_deref(), Some("dark"));
    assert_eq!(b.setting("local.sync_folder").unwrap(), None, "device-only");

    let again = import_file(&mut b, &file, |_| {}).unwrap();
    assert_eq!(again, archdrill_exchange::MergeCounts::default());
    assert_eq!(dump(&b, KEYS), got);
    assert_eq!(b.history_counts().unwrap(), a.history_counts().unwrap());
}

#[test]
fn importing_into_a_folder_with_its_own_history_keeps_both() {
    let (a_dir, b_dir, files) = (tmp(), tmp(), tmp());
    let mut a = Store::open_in(a_dir.path()).unwrap();
    populate(&mut a);
    let file = export(&a, files.path());
    let mut b = Store::open_in(b_dir.path()).unwrap();
    review(
        &mut b,
        "q:elsewhere",
        archdrill_study::Rating::Good,
        T0 + 99,
    );
    b.save_note("vpc-tiers", "an older note", T0).unwrap();
    import_file(&mut b, &file, |_| {}).unwrap();
    assert_eq!(b.review_log_len().unwrap(), 16);
    assert!(b.card_state("q:elsewhere").unwrap().is_some());
    // The newest change wins, whichever database it was made in.
    assert_eq!(
        b.note("vpc-tiers").unwrap().unwrap().body,
        "three tiers, three AZs"
    );
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn refused(b: &mut Store, file: &Path) -> String {
    let before = dump(b, KEYS);
    let err = import_file(b, file, |_| {}).unwrap_err();
    assert_eq!(dump(b, KEYS), before, "a refused file changes nothing");
    match err {
        ExchangeError::BadFile { path, message } => {
            assert_eq!(path, file);
            let shown = ExchangeError::BadFile {
                path: path.clone(),
                message: message.clone(),
            }
            .to_string();
            assert!(shown.contains(&file.display().to_string()), "{shown}");
            message
        }
        other => panic!("expected BadFile, got {other:?}"),
    }
}

/// Rewrites an export's archive: `edit` changes entries (name → bytes) before they are zipped again.
fn rezip(src: &Path, dst: &Path, edit: impl FnOnce(&mut Vec<(String, Vec<u8>)>)) {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut entries = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        entries.push((f.name().unwrap().to_string(), bytes));
    }
    edit(&mut entries);
    let mut out = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    for (name, bytes) in entries {
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
}

fn entry<'a>(entries: &'a mut [(String, Vec<u8>)], name: &str) -> &'a mut Vec<u8> {
    &mut entries.iter_mut().find(|(n, _)| n == name).unwrap().1
}

fn replace(bytes: &mut Vec<u8>, from: &str, to: &str) {
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains(from), "{from} in {text}");
    *bytes = text.replacen(from, to, 1).into_bytes();
}

/// Makes the manifest agree with an edited reviews.jsonl again, so only the line check can refuse it.
fn fix_manifest(entries: &mut [(String, Vec<u8>)]) {
    use sha2::Digest;
    let reviews = entry(entries, "reviews.jsonl").clone();
    let sum: String = sha2::Sha256::digest(&reviews)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let manifest = entry(entries, "manifest.json");
    let mut m: serde_json::Value = serde_json::from_slice(manifest).unwrap();
    let files = m["files"].as_array_mut().unwrap();
    let f = files
        .iter_mut()
        .find(|f| f["name"] == "reviews.jsonl")
        .unwrap();
    f["sha256"] = sum.into();
    f["bytes"] = reviews.len().into();
    *manifest = serde_json::to_vec(&m).unwrap();
}

/// A good export, and a database with a review of its own to import into.
struct Setup {
    _dirs: [tempfile::TempDir; 2],
    files: tempfile::TempDir,
    good: PathBuf,
    b: Store,
}

fn setup() -> Setup {
    let (a_dir, b_dir, files) = (tmp(), tmp(), tmp());
    let mut a = Store::open_in(a_dir.path()).unwrap();
    populate(&mut a);
    let good = export(&a, files.path());
    let mut b = Store::open_in(b_dir.path()).unwrap();
    review(&mut b, "q:mine", archdrill_study::Rating::Good, T0);
    Setup {
        _dirs: [a_dir, b_dir],
        files,
        good,
        b,
    }
}

#[test]
fn damaged_foreign_and_newer_archives_are_each_refused_with_their_own_message() {
    let Setup {
        files, good, mut b, ..
    } = setup();
    let at = |name: &str| files.path().join(name);

    std::fs::write(at("noise.zip"), b"this is not a zip at all").unwrap();
    assert!(refused(&mut b, &at("noise.zip")).contains("not a readable zip archive"));

    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(at("cut.zip"), &bytes[..bytes.len() / 2]).unwrap();
    assert!(refused(&mut b, &at("cut.zip")).contains("not a readable zip archive"));

    rezip(&good, &at("nomanifest.zip"), |e| {
        e.retain(|(n, _)| n != "manifest.json")
    });
    assert!(refused(&mut b, &at("nomanifest.zip"))
        .contains("not an Archdrill export: it has no manifest.json"));

    rezip(&good, &at("foreign.zip"), |e| {
        replace(
            entry(e, "manifest.json"),
            "archdrill-export",
            "someone-else",
        )
    });
    let m = refused(&mut b, &at("foreign.zip"));
    assert!(
        m.contains("not an Archdrill export") && m.contains("someone-else"),
        "{m}"
    );

    rezip(&good, &at("newer.zip"), |e| {
        replace(
            entry(e, "manifest.json"),
            "\"format_version\": 1",
            "\"format_version\": 2",
        )
    });
    let m = refused(&mut b, &at("newer.zip"));
    assert!(
        m.contains("newer Archdrill") && m.contains("version 2"),
        "{m}"
    );

    assert_eq!(b.review_log_len().unwrap(), 1);
}

#[test]
fn altered_cut_and_malformed_files_inside_an_archive_are_refused_naming_file_and_line() {
    let Setup {
        files, good, mut b, ..
    } = setup();
    let at = |name: &str| files.path().join(name);
    rezip(&good, &at("altered.zip"), |e| {
        replace(
            entry(e, "reviews.jsonl"),
            "\"duration_ms\":12000",
            "\"duration_ms\":12001",
        )
    });
    assert!(refused(&mut b, &at("altered.zip")).contains("reviews.jsonl: checksum mismatch"));

    rezip(&good, &at("shorter.zip"), |e| {
        let r = entry(e, "reviews.jsonl");
        r.truncate(r.len() - 1);
    });
    assert!(refused(&mut b, &at("shorter.zip")).contains("reviews.jsonl: cut short"));

    rezip(&good, &at("badline.zip"), |e| {
        replace(
            entry(e, "reviews.jsonl"),
            "\"rating\":",
            "\"rating\":7,\"x\":",
        );
        fix_manifest(e);
    });
    let m = refused(&mut b, &at("badline.zip"));
    assert!(m.contains("reviews.jsonl line 1:"), "{m}");

    rezip(&good, &at("badvalue.zip"), |e| {
        let r = entry(e, "reviews.jsonl");
        let text = String::from_utf8(r.clone()).unwrap();
        let rating = text.find("\"rating\":").unwrap() + 9;
        r[rating] = b'7';
        fix_manifest(e);
    });
    let m = refused(&mut b, &at("badvalue.zip"));
    assert!(
        m.contains("reviews.jsonl line 1: rating: 7 is not 1–4"),
        "{m}"
    );

    // The good file still imports after all that.
    import_file(&mut b, &good, |_| {}).unwrap();
    assert_eq!(b.review_log_len().unwrap(), 16);
}

#[test]
fn a_malformed_row_in_the_database_stops_the_export_and_leaves_no_file() {
    let (dir, files) = (tmp(), tmp());
    let mut s = Store::open_in(dir.path()).unwrap();
    populate(&mut s);
    let mut bad = s.all_attempts().unwrap()[0].clone();
    bad.id = archdrill_domain::new_ulid(T0 + 50);
    bad.submission_json = "{not json".into();
    s.record_attempt(&bad).unwrap();
    let path = files.path().join("out.zip");
    let err = export_file(&s, &path, "0.1.0", T0, |_| {}).unwrap_err();
    assert!(
        matches!(&err, ExchangeError::Corrupt { message } if message.contains("attempts.jsonl line 2: submission")),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(files.path()).unwrap().count(),
        0,
        "no file, not even a partial one"
    );
}
