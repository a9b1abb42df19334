//! The readers on arbitrary and mutated input: they never panic, and every refusal names the file
//! (and, for a bad line, the JSONL file and line).
mod common;

use archdrill_exchange::{decode, export_file, read_export, read_peer, Decoded, ExchangeError};
use archdrill_store::Store;
use common::*;
use proptest::prelude::*;
use std::io::{Read, Write};
use std::sync::OnceLock;

/// A valid export of the common history, and the same history as one change file.
struct Valid {
    export: Vec<u8>,
    changes: Vec<u8>,
}

fn valid() -> &'static Valid {
    static VALID: OnceLock<Valid> = OnceLock::new();
    VALID.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open_in(dir.path()).unwrap();
        populate(&mut s);
        let file = dir.path().join("valid.zip");
        export_file(&s, &file, "0.1.0", T0, |_| {}).unwrap();
        let changes = s
            .own_records_after(0, 1000)
            .unwrap()
            .iter()
            .flat_map(|(_, r)| archdrill_exchange::encode(r).unwrap())
            .collect();
        Valid {
            export: std::fs::read(file).unwrap(),
            changes,
        }
    })
}

/// Reads `bytes` as an export; a refusal must be a BadFile naming the file.
fn import_bytes(bytes: &[u8]) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("input.zip");
    std::fs::write(&path, bytes).unwrap();
    match read_export(&path, &mut |_| {}) {
        Ok(_) => Ok(()),
        Err(ExchangeError::BadFile { path: p, message }) => {
            assert_eq!(p, path);
            Err(message)
        }
        Err(other) => panic!("not a BadFile: {other:?}"),
    }
}

/// Zips `entries` again after replacing reviews.jsonl with `reviews`, with a manifest that agrees
/// with it (size, lines, checksum), so only the line checks can refuse it.
fn with_reviews(reviews: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&valid().export)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut manifest: serde_json::Value = {
        let mut m = String::new();
        zip.by_name("manifest.json")
            .unwrap()
            .read_to_string(&mut m)
            .unwrap();
        serde_json::from_str(&m).unwrap()
    };
    for f in manifest["files"].as_array_mut().unwrap() {
        if f["name"] == "reviews.jsonl" {
            let sum: String = sha2::Sha256::digest(reviews)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            f["sha256"] = sum.into();
            f["bytes"] = reviews.len().into();
            f["lines"] = reviews.iter().filter(|&&b| b == b'\n').count().into();
        }
    }
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        let bytes = match name.as_str() {
            "reviews.jsonl" => reviews.to_vec(),
            "manifest.json" => serde_json::to_vec(&manifest).unwrap(),
            _ => bytes,
        };
        out.start_file(name, opts).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn original_reviews() -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&valid().export)).unwrap();
    let mut bytes = Vec::new();
    zip.by_name("reviews.jsonl")
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    bytes
}

/// Reads `bytes` as a peer's change file: problems name the file and a line that exists.
fn read_change_file(bytes: &[u8]) -> archdrill_exchange::PeerRead {
    let dir = tempfile::tempdir().unwrap();
    let device = archdrill_domain::new_ulid(T0);
    let path = dir.path().join(format!("{device}.jsonl"));
    std::fs::write(&path, bytes).unwrap();
    let read = read_peer(&path, &device, None).unwrap();
    let complete = bytes.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(
        read.lines, complete,
        "every complete line is read, a torn one is not"
    );
    let end = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    assert_eq!(
        read.cursor.offset as usize, end,
        "the next read starts after the last newline"
    );
    for p in &read.problems {
        let rest = p.strip_prefix(&format!("{}:", path.display())).expect(p);
        let line: usize = rest.split(':').next().unwrap().parse().expect(p);
        assert!((1..=complete).contains(&line), "{p}");
    }
    // Reading again from the cursor finds nothing new.
    let again = read_peer(&path, &device, Some(&read.cursor)).unwrap();
    assert_eq!((again.lines, again.records.len()), (0, 0));
    read
}

fn mutate(mut bytes: Vec<u8>, edits: &[(usize, u8)], cut: Option<usize>) -> Vec<u8> {
    for &(at, b) in edits {
        if !bytes.is_empty() {
            let i = at % bytes.len();
            bytes[i] = b;
        }
    }
    if let Some(c) = cut {
        bytes.truncate(c % (bytes.len() + 1));
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_are_refused_as_a_bad_file(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        prop_assert!(import_bytes(&bytes).is_err());
    }

    #[test]
    fn a_mutated_export_is_read_or_refused_naming_the_file(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..8),
        cut in proptest::option::of(any::<usize>()),
    ) {
        let _ = import_bytes(&mutate(valid().export.clone(), &edits, cut));
    }

    #[test]
    fn a_mutated_review_line_is_read_or_refused_naming_its_file_and_line(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6),
    ) {
        let reviews = mutate(original_reviews(), &edits, None);
        if let Err(m) = import_bytes(&with_reviews(&reviews)) {
            prop_assert!(m.contains("reviews.jsonl"), "{}", m);
            if !m.contains("cut short") {
                prop_assert!(m.contains("reviews.jsonl line "), "{}", m);
            }
        }
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn an_arbitrary_change_file_is_read_line_by_line(
        lines in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..80), 0..20),
        newline_at_end in any::<bool>(),
    ) {
        let mut bytes = lines.join(&b'\n');
        if newline_at_end {
            bytes.push(b'\n');
        }
        read_change_file(&bytes);
    }

    #[test]
    fn a_mutated_change_file_keeps_every_line_it_can_use(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..6),
        cut in proptest::option::of(any::<usize>()),
    ) {
        let bytes = mutate(valid().changes.clone(), &edits, cut);
        let read = read_change_file(&bytes);
        let good = bytes
            .split(|&b| b == b'\n')
            .take(read.lines)
            .filter(|l| matches!(decode(l), Decoded::Record(_)))
            .count();
        prop_assert_eq!(read.records.len(), good);
        prop_assert!(read.records.len() + read.problems.len() <= read.lines);
    }
}

#[test]
fn the_valid_inputs_are_valid() {
    assert!(import_bytes(&valid().export).is_ok());
    assert!(import_bytes(&with_reviews(&original_reviews())).is_ok());
    let read = read_change_file(&valid().changes);
    assert!(read.problems.is_empty() && read.records.len() == read.lines && read.lines > 20);
}

/// The two-pass decoder that the one-pass `decode` replaced: the envelope with `type` and `data`
/// kept raw, then `data` parsed into its line type. Both must read every line the same way.
fn decode_in_two_passes(bytes: &[u8]) -> Decoded {
    use archdrill_exchange::{AttemptLine, ChangeLine, ReviewLine, UndoLine, LINE_VERSION};
    use archdrill_store::OwnRecord;
    use serde_json::value::RawValue;
    #[derive(serde::Deserialize)]
    struct In<'a> {
        v: u64,
        #[serde(rename = "type", borrow)]
        kind: Option<&'a RawValue>,
        #[serde(borrow)]
        data: Option<&'a RawValue>,
    }
    fn parse<'a, L: serde::Deserialize<'a>, T>(
        data: &'a str,
        check: fn(L) -> Result<T, String>,
    ) -> Result<T, String> {
        check(serde_json::from_str(data).map_err(|e| e.to_string())?)
    }
    let Ok(line) = serde_json::from_slice::<In>(bytes) else {
        return Decoded::Bad(String::new());
    };
    if line.v > u64::from(LINE_VERSION) {
        return Decoded::Newer(line.v);
    }
    let (true, Some(kind), Some(data)) = (line.v == 1, line.kind, line.data) else {
        return Decoded::Bad(String::new());
    };
    let data = data.get();
    let rec = match serde_json::from_str::<&str>(kind.get()) {
        Ok("review") => parse(data, ReviewLine::check).map(OwnRecord::Review),
        Ok("undo") => parse(data, UndoLine::check).map(OwnRecord::Undo),
        Ok("change") => parse(data, ChangeLine::check).map(OwnRecord::Change),
        Ok("attempt") => parse(data, AttemptLine::check).map(OwnRecord::Attempt),
        _ => Err(String::new()),
    };
    rec.map_or_else(Decoded::Bad, Decoded::Record)
}

/// Each valid change line also in other shapes a file may hold: its keys in another order (data
/// before the version or the type), as an array, with an unknown key, a version or data of null.
fn reshaped_lines() -> Vec<Vec<u8>> {
    let mut out = vec![];
    for line in valid()
        .changes
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
    {
        let value: serde_json::Value = serde_json::from_slice(line).unwrap();
        let (v, t, d) = (&value["v"], &value["type"], &value["data"]);
        for shape in [
            format!(r#"{{"data":{d},"type":{t},"v":{v}}}"#),
            format!(r#"{{"type":{t},"data":{d},"v":{v}}}"#),
            format!(r#"{{"v":{v},"data":{d},"type":{t}}}"#),
            format!(r#"[{v},{t},{d}]"#),
            format!(r#"{{"v":{v},"x":[1,{{}}],"type":{t},"data":{d}}}"#),
            format!(r#"{{"v":2,"type":{t},"data":{d}}}"#),
            format!(r#"{{"v":{v},"type":{t},"data":null}}"#),
            format!(r#"{{"v":{v},"type":{t},"data":{d},"v":{v}}}"#),
            format!(r#"{{"v":{v},"type":{t},"data":{d}}} x"#),
        ] {
            out.push(shape.into_bytes());
        }
        out.push(line.to_vec());
    }
    out
}

fn same_reading(a: &Decoded, b: &Decoded) -> bool {
    match (a, b) {
        (Decoded::Bad(_), Decoded::Bad(_)) => true,
        _ => a == b,
    }
}

#[test]
fn one_pass_decoding_reads_every_shape_of_line_as_two_passes_did() {
    let lines = reshaped_lines();
    let mut records = 0;
    for line in &lines {
        let (one, two) = (decode(line), decode_in_two_passes(line));
        assert!(
            same_reading(&one, &two),
            "{}: {one:?} vs {two:?}",
            String::from_utf8_lossy(line)
        );
        records += usize::from(matches!(one, Decoded::Record(_)));
    }
    // Six of the ten shapes of each line are records: as written, in three other orders, as an
    // array, and with an unknown key.
    assert!(
        records * 10 == lines.len() * 6,
        "{records} of {}",
        lines.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn a_mutated_line_is_decoded_as_two_passes_did(
        pick in any::<usize>(),
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..4),
    ) {
        let lines = reshaped_lines();
        let line = mutate(lines[pick % lines.len()].clone(), &edits, None);
        let (one, two) = (decode(&line), decode_in_two_passes(&line));
        prop_assert!(same_reading(&one, &two), "{}: {:?} vs {:?}", String::from_utf8_lossy(&line), one, two);
    }
}
