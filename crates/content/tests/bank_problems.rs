//! Each kind of problem in a set of files is reported with file and line, and never stops the rest.
use archdrill_content::{Bank, BankSource};
use archdrill_domain::Origin;
use std::collections::HashSet;

fn file(id: &str, follow_ups: &str, diagrams: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\nprompt = \"Q {id}?\"\ntopic = \"storage\"\nlevel = \"mid\"\n\
         key_points = [\"a\", \"b\", \"c\"]\nfollow_ups = [{follow_ups}]\ndiagrams = [{diagrams}]\n+++\n\n\
         ## Answer\nA.\n\n## What interviewers look for\nB.\n\n## Common mistakes\nC.\n"
    )
}

fn src(name: &str, text: String) -> BankSource {
    BankSource {
        file: format!("pack/{name}"),
        text,
        origin: Origin::Pack("p".into()),
    }
}

#[test]
fn duplicates_and_broken_links_are_reported_and_the_rest_loads() {
    let diagrams: HashSet<String> = ["vpc".to_string()].into();
    let bank = Bank::from_sources(
        vec![
            src("a.md", file("a", "\"b\", \"ghost\"", "\"vpc\", \"nope\"")),
            src("b.md", file("b", "", "")),
            src("sub/a.md", file("a", "", "")),
            src("bad.md", "not a question".into()),
        ],
        &diagrams,
    );
    let msgs: Vec<String> = bank.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(bank.len(), 2, "{msgs:?}");
    assert!(
        msgs.iter()
            .any(|m| m.starts_with("pack/sub/a.md:2: duplicate id \"a\"")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.starts_with("pack/a.md:7: follow_ups: no question with id \"ghost\"")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m
                .starts_with("pack/a.md:8: diagrams: no diagram in diagrams/ with id \"nope\"")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.starts_with("pack/bad.md:1: missing front matter")),
        "{msgs:?}"
    );
    let a = bank.get("a").unwrap();
    assert_eq!(a.follow_ups, ["b"], "good links stay, broken ones go");
    assert_eq!(a.diagrams, ["vpc"]);
}

#[test]
fn packs_load_from_a_folder_beside_the_bank() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("mine/deep");
    std::fs::create_dir_all(&pack).unwrap();
    std::fs::write(pack.join("my-q.md"), file("my-q", "", "")).unwrap();
    std::fs::write(pack.join("README.md"), "not a question").unwrap();
    let bank = Bank::load(Some(dir.path()), &HashSet::new());
    let q = bank.get("my-q").expect("pack question loads");
    assert_eq!(q.origin, Origin::Pack("mine".into()));
    assert!(bank.len() > 100, "the compiled-in bank loads too");
}
