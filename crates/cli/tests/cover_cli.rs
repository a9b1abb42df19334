//! `archdrill cover` on the real binary: JSON out for a typed answer, exit 1 with a message for an
//! unknown question or an unreadable file.
use std::io::Write;
use std::process::{Command, Stdio};

fn cover(args: &[&str], stdin: &str) -> (i32, String, String) {
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_archdrill"))
        .arg("cover")
        .args(args)
        .env("ARCHDRILL_DATA_DIR", data.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_typed_answer_gets_covered_and_missed_points_with_ranges() {
    let answer =
        "I'd set a TARGET-TRACKING policy on average CPU, and add scheduled scaling for the \
                  Monday peak. New instances get a warm-up period before they count.";
    let (code, out, err) = cover(&["ec2-auto-scaling", "--answer", "-"], answer);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["question"], "ec2-auto-scaling");
    assert_eq!(report["key_points"], 7);
    let covered = report["covered"].as_array().unwrap();
    let missed = report["missed"].as_array().unwrap();
    assert_eq!(covered.len() + missed.len(), 7);
    let indexes: Vec<u64> = covered
        .iter()
        .map(|p| p["index"].as_u64().unwrap())
        .collect();
    assert_eq!(indexes, [1, 2, 3], "{out}");
    assert!(covered[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("Target tracking"));
    for m in covered
        .iter()
        .flat_map(|p| p["matches"].as_array().unwrap())
    {
        let (start, end) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&answer[start..end], m["text"].as_str().unwrap(), "{m}");
    }
    assert_eq!(covered[0]["matches"][0]["text"], "TARGET-TRACKING");
    assert!(missed
        .iter()
        .all(|p| p["text"].is_string() && p.get("matches").is_none()));
}

#[test]
fn an_answer_file_is_read_too() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answer.txt");
    std::fs::write(
        &file,
        "Warm pools keep instances Stopped; only their EBS volumes cost money.",
    )
    .unwrap();
    let (code, out, err) = cover(&["asg-warm-pools", "--answer", file.to_str().unwrap()], "");
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(!report["covered"].as_array().unwrap().is_empty(), "{out}");
}

#[test]
fn an_unknown_question_or_unreadable_file_exits_1_with_a_message() {
    let (code, out, err) = cover(&["no-such-question", "--answer", "-"], "text");
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.contains("no question with id \"no-such-question\""),
        "{err}"
    );
    let missing = std::env::temp_dir().join("archdrill-no-such-answer.txt");
    let (code, _, err) = cover(
        &["ec2-auto-scaling", "--answer", missing.to_str().unwrap()],
        "",
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("cannot read") && err.contains("archdrill-no-such-answer.txt"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("answer.bin");
    std::fs::write(&binary, [0xff, 0xfe, 0x00]).unwrap();
    let (code, _, err) = cover(
        &["ec2-auto-scaling", "--answer", binary.to_str().unwrap()],
        "",
    );
    assert_eq!(code, 1);
    assert!(err.contains("is not UTF-8 text"), "{err}");
}

#[test]
fn wrong_arguments_print_the_usage() {
    let (code, _, err) = cover(&["ec2-auto-scaling"], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("usage: archdrill cover QUESTION --answer FILE|-"),
        "{err}"
    );
}
