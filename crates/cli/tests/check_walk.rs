//! `archdrill check DIR` on the real binary walks the folder safely: a symlink loop is one problem,
//! the walk ends, the rest of the pack is checked, and the exit code says something is wrong.
use std::path::Path;
use std::process::Command;

fn archdrill(args: &[&str], data_dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_archdrill"))
        .args(args)
        .env("ARCHDRILL_DATA_DIR", data_dir)
        .output()
        .expect("the CLI runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

const QUESTION: &str =
    "+++\nid = \"mine-q\"\nprompt = \"Q?\"\ntopic = \"storage\"\nlevel = \"mid\"\n\
     key_points = [\"a\", \"b\", \"c\"]\n+++\n\n\
     ## Answer\nA.\n\n## What interviewers look for\nB.\n\n## Common mistakes\nC.\n";

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_pack_is_reported_once_and_fails() {
    let data = tempfile::tempdir().unwrap();
    let pack = data.path().join("packs/mine");
    std::fs::create_dir_all(pack.join("sub")).unwrap();
    std::fs::write(pack.join("mine-q.md"), QUESTION).unwrap();
    std::os::unix::fs::symlink("..", pack.join("sub/loop")).unwrap();
    let (code, out) = archdrill(&["check", pack.to_str().unwrap()], data.path());
    assert_eq!(code, 1, "{out}");
    let loop_line = format!(
        "{}:1: symlink loop to {}, not followed",
        pack.join("sub/loop").display(),
        pack.display()
    );
    assert_eq!(out.matches("symlink loop").count(), 1, "{out}");
    assert!(out.contains(&loop_line), "{out}");
    assert!(out.contains("checked 1 question(s)"), "{out}");
    assert!(out.ends_with(": 1 problem(s)\n"), "{out}");

    // `archdrill check` with no folder reads the same pack from the data folder, the same way.
    let (code, out) = archdrill(&["check"], data.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&loop_line), "{out}");
}

#[test]
fn an_oversized_file_fails_the_check_with_its_size() {
    let data = tempfile::tempdir().unwrap();
    let pack = data.path().join("mine");
    std::fs::create_dir_all(&pack).unwrap();
    std::fs::write(pack.join("mine-q.md"), QUESTION).unwrap();
    std::fs::write(pack.join("dump.md"), "x".repeat(3 * 1024 * 1024)).unwrap();
    let (code, out) = archdrill(&["check", pack.to_str().unwrap()], data.path());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("dump.md:1: 3 MiB is larger than the 1 MiB limit for a question file"),
        "{out}"
    );
    assert!(out.contains("checked 1 question(s)"), "{out}");
}

#[test]
fn a_missing_folder_is_a_problem() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("nope");
    let (code, out) = archdrill(&["check", missing.to_str().unwrap()], data.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("nope:1: cannot read folder: "), "{out}");
}
