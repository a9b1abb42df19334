//! `archdrill check` on the real binary: the shipped bank passes; a bad pack fails with file:line.
use std::process::Command;

fn archdrill(args: &[&str], data_dir: &std::path::Path) -> (i32, String) {
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

#[test]
fn the_shipped_bank_and_diagrams_pass() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = archdrill(&["check"], dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("checked 111 question(s), 43 diagram(s)"),
        "{out}"
    );
}

#[test]
fn a_corrupt_pack_file_is_reported_with_its_line_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("packs/mine");
    std::fs::create_dir_all(&pack).unwrap();
    std::fs::write(
        pack.join("bad.md"),
        "+++\nid = \"bad\"\nprompt = \"?\"\ntopic = \"dns\"\nlevel = \"mid\"\n+++\n",
    )
    .unwrap();
    let (code, out) = archdrill(&["check"], dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("bad.md:4: unknown topic \"dns\""), "{out}");
    let (code, out) = archdrill(&["check", pack.to_str().unwrap()], dir.path());
    assert_eq!(code, 1);
    assert!(out.contains("bad.md:4:"), "{out}");
}
