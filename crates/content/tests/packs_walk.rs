//! The folder walk on real temporary folders: links followed, loops and dangling links reported,
//! oversized files skipped, a stable order, and the learner's packs loading through it.
use archdrill_content::{read_md_files, Bank, Walk, Walker, MAX_QUESTION_FILE_BYTES};
use archdrill_domain::Origin;
use std::collections::HashSet;
use std::fs;
use std::path::Path;

/// A valid question file (the shape crates/content/tests/bank_problems.rs uses).
fn question(id: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\nprompt = \"Q {id}?\"\ntopic = \"storage\"\nlevel = \"mid\"\n\
         key_points = [\"a\", \"b\", \"c\"]\n+++\n\n\
         ## Answer\nA.\n\n## What interviewers look for\nB.\n\n## Common mistakes\nC.\n"
    )
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// The files' paths relative to the root, as `/`-joined strings.
fn relatives(walk: &Walk) -> Vec<String> {
    walk.files
        .iter()
        .map(|f| {
            let parts: Vec<_> = f.relative.iter().map(|c| c.to_string_lossy()).collect();
            parts.join("/")
        })
        .collect()
}

fn messages(walk: &Walk) -> Vec<String> {
    walk.problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn md_files_are_found_in_a_stable_order_without_readmes() {
    let dir = tempfile::tempdir().unwrap();
    // Created out of order, so the order below comes from the walk's sort, not from creation.
    for name in [
        "b.md",
        "a/z.md",
        "a.md",
        "a/b/c.md",
        "README.md",
        "a/README.md",
        "notes.txt",
    ] {
        write(&dir.path().join(name), "x");
    }
    let walk = read_md_files(dir.path());
    assert!(walk.problems.is_empty(), "{:?}", messages(&walk));
    assert_eq!(relatives(&walk), ["a/b/c.md", "a/z.md", "a.md", "b.md"]);
    assert_eq!(walk.files[0].path, dir.path().join("a/b/c.md"));
    assert_eq!(walk.files[0].text, "x");
    let again = read_md_files(dir.path());
    assert_eq!(again.files, walk.files, "the same tree walks the same way");
}

#[test]
fn an_oversized_file_is_reported_with_its_size_and_the_rest_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("ok.md"), "small");
    let big = dir.path().join("dump.md");
    write(&big, &"x".repeat(3_355_443));
    let walk = read_md_files(dir.path());
    assert_eq!(relatives(&walk), ["ok.md"]);
    assert_eq!(
        messages(&walk),
        [format!(
            "{}:1: 3.2 MiB is larger than the 1 MiB limit for a question file",
            big.display()
        )]
    );
    assert_eq!(
        walk.problems[0].line, 0,
        "the problem concerns the whole file"
    );
}

#[test]
fn the_cap_is_adjustable_and_inclusive() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("at.md"), &"x".repeat(100));
    write(&dir.path().join("over.md"), &"x".repeat(101));
    let walk = Walker::new().max_file_bytes(100).walk(dir.path());
    assert_eq!(relatives(&walk), ["at.md"]);
    let msgs = messages(&walk);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].ends_with(
            "over.md:1: 101 bytes is larger than the 100 bytes limit for a question file"
        ),
        "{msgs:?}"
    );
    assert_eq!(MAX_QUESTION_FILE_BYTES, 1024 * 1024);
}

#[test]
fn a_missing_folder_and_a_file_root_are_problems_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let missing = read_md_files(&dir.path().join("nope"));
    assert!(missing.files.is_empty());
    assert!(
        messages(&missing)[0].contains("nope:1: cannot read folder: "),
        "{:?}",
        messages(&missing)
    );
    let file = dir.path().join("q.md");
    write(&file, "x");
    assert_eq!(
        messages(&read_md_files(&file)),
        [format!("{}:1: is not a folder", file.display())]
    );
}

#[test]
fn files_that_are_not_utf8_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("latin1.md"), b"caf\xe9").unwrap();
    let walk = read_md_files(dir.path());
    assert!(walk.files.is_empty());
    assert!(messages(&walk)[0].ends_with("latin1.md:1: cannot read: not UTF-8 text (byte 3)"));
}

#[cfg(unix)]
mod links {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_link_to_the_parent_is_one_loop_problem_and_the_walk_ends() {
        let dir = tempfile::tempdir().unwrap();
        let pack = dir.path().join("mine");
        write(&pack.join("q.md"), "x");
        symlink("..", pack.join("loop")).unwrap();
        let walk = read_md_files(&pack);
        assert_eq!(relatives(&walk), ["q.md"]);
        let real_parent = dir.path().canonicalize().unwrap();
        assert_eq!(
            messages(&walk),
            [format!(
                "{}:1: symlink loop to {}, not followed",
                pack.join("loop").display(),
                real_parent.display()
            )]
        );
    }

    #[test]
    fn a_link_to_an_ancestor_inside_the_root_names_it_as_walked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(&root.join("a/b/q.md"), "x");
        symlink("../..", root.join("a/b/up")).unwrap();
        symlink(".", root.join("a/self")).unwrap();
        let walk = read_md_files(root);
        assert_eq!(relatives(&walk), ["a/b/q.md"]);
        assert_eq!(
            messages(&walk),
            [
                format!(
                    "{}:1: symlink loop to {}, not followed",
                    root.join("a/b/up").display(),
                    root.display()
                ),
                format!(
                    "{}:1: symlink loop to {}, not followed",
                    root.join("a/self").display(),
                    root.join("a").display()
                ),
            ]
        );
    }

    #[test]
    fn links_to_files_and_folders_elsewhere_are_read() {
        let elsewhere = tempfile::tempdir().unwrap();
        write(&elsewhere.path().join("shared.md"), "shared");
        write(&elsewhere.path().join("lib/deep.md"), "deep");
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("own.md"), "own");
        symlink(
            elsewhere.path().join("shared.md"),
            dir.path().join("linked.md"),
        )
        .unwrap();
        symlink(elsewhere.path().join("lib"), dir.path().join("lib")).unwrap();
        let walk = read_md_files(dir.path());
        assert!(walk.problems.is_empty(), "{:?}", messages(&walk));
        assert_eq!(relatives(&walk), ["lib/deep.md", "linked.md", "own.md"]);
        assert_eq!(walk.files[1].text, "shared");
        assert_eq!(
            walk.files[1].path,
            dir.path().join("linked.md"),
            "named by the link, as walked"
        );
    }

    #[test]
    fn dangling_and_cyclic_links_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("ok.md"), "x");
        symlink("gone.md", dir.path().join("broken.md")).unwrap();
        symlink("ping", dir.path().join("pong")).unwrap();
        symlink("pong", dir.path().join("ping")).unwrap();
        let walk = read_md_files(dir.path());
        assert_eq!(relatives(&walk), ["ok.md"]);
        let msgs = messages(&walk);
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert_eq!(
            msgs[0],
            format!(
                "{}:1: dangling symlink to gone.md, not followed",
                dir.path().join("broken.md").display()
            )
        );
        assert!(
            msgs[1].contains("ping:1: symlink to pong cannot be followed: "),
            "{msgs:?}"
        );
        assert!(
            msgs[2].contains("pong:1: symlink to ping cannot be followed: "),
            "{msgs:?}"
        );
    }

    #[test]
    fn unreadable_folders_and_files_are_problems_naming_the_os_error() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked");
        write(&locked.join("q.md"), "x");
        let secret = dir.path().join("secret.md");
        write(&secret, "x");
        write(&dir.path().join("ok.md"), "x");
        let mode = |p: &Path, m| fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
        mode(&locked, 0o000);
        mode(&secret, 0o000);
        // Root reads through permissions, so there is nothing to see there.
        let enforced = fs::read_dir(&locked).is_err();
        let walk = read_md_files(dir.path());
        mode(&locked, 0o755);
        mode(&secret, 0o644);
        if !enforced {
            eprintln!("skipped: permissions are not enforced for this user");
            return;
        }
        assert_eq!(relatives(&walk), ["ok.md"]);
        assert_eq!(
            messages(&walk),
            [
                format!(
                    "{}:1: cannot read folder: Permission denied (os error 13)",
                    locked.display()
                ),
                format!(
                    "{}:1: cannot read: Permission denied (os error 13)",
                    secret.display()
                ),
            ]
        );
    }

    #[test]
    fn a_fifo_named_like_a_question_is_reported_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: no mkfifo here");
            return;
        }
        // Opening a FIFO for reading blocks until a writer comes; the walk must not hang on it.
        let walk = read_md_files(dir.path());
        assert_eq!(
            messages(&walk),
            [format!(
                "{}:1: is not a regular file, not read",
                fifo.display()
            )]
        );
    }

    #[test]
    fn packs_load_through_the_walk_and_a_loop_in_one_stops_nothing() {
        let data = tempfile::tempdir().unwrap();
        let packs = data.path().join("packs");
        write(&packs.join("mine/mine-a.md"), &question("mine-a"));
        write(&packs.join("mine/sub/mine-b.md"), &question("mine-b"));
        write(&packs.join("other/other-c.md"), &question("other-c"));
        write(&packs.join("loose.md"), &question("loose"));
        write(&packs.join("mine/huge.md"), &"x".repeat(2 * 1024 * 1024));
        let elsewhere = tempfile::tempdir().unwrap();
        write(&elsewhere.path().join("kept.md"), &question("linked-d"));
        symlink(
            elsewhere.path().join("kept.md"),
            packs.join("other/linked-d.md"),
        )
        .unwrap();
        symlink("..", packs.join("mine/loop")).unwrap();
        symlink("nowhere", packs.join("mine/dangling.md")).unwrap();

        let bank = Bank::load(Some(&packs), &HashSet::new());
        for (id, pack) in [
            ("mine-a", "mine"),
            ("mine-b", "mine"),
            ("other-c", "other"),
            ("linked-d", "other"),
        ] {
            let q = bank
                .get(id)
                .unwrap_or_else(|| panic!("{id} loads: {:?}", bank.problems()));
            assert_eq!(q.origin, Origin::Pack(pack.into()), "{id}");
        }
        assert!(
            bank.get("loose").is_none(),
            "a file outside any pack is not a question"
        );
        let msgs: Vec<String> = bank.problems().iter().map(|p| p.to_string()).collect();
        let pack_msgs: Vec<&String> = msgs.iter().filter(|m| m.contains("packs")).collect();
        assert_eq!(pack_msgs.len(), 3, "{pack_msgs:?}");
        assert!(
            pack_msgs[0].ends_with("mine/dangling.md:1: dangling symlink to nowhere, not followed")
        );
        assert!(pack_msgs[1]
            .ends_with("mine/huge.md:1: 2 MiB is larger than the 1 MiB limit for a question file"));
        assert_eq!(
            *pack_msgs[2],
            format!(
                "{}:1: symlink loop to {}, not followed",
                packs.join("mine/loop").display(),
                packs.canonicalize().unwrap().display()
            )
        );
    }
}

#[test]
fn no_packs_folder_is_not_a_problem() {
    let data = tempfile::tempdir().unwrap();
    let bank = Bank::load(Some(&data.path().join("packs")), &HashSet::new());
    assert!(
        bank.problems().iter().all(|p| !p.file.contains("packs")),
        "{:?}",
        bank.problems()
    );
}
