use super::*;

fn good() -> String {
    r#"+++
id = "sample"
prompt = "What is a sample?"
topic = "networking"
level = "mid"
tags = ["x"]
sources = ["002_d39e1020702904a6.txt:336-394"]
key_points = ["one", "two", "three"]
follow_ups = []
diagrams = []
+++

## Answer
An answer.

## What interviewers look for
Depth.

## Example
```bash
aws ec2 describe-vpcs
```

## Common mistakes
- Guessing.
"#
    .to_string()
}

fn problems(text: &str) -> Vec<String> {
    parse_question("content/networking/sample.md", text, Origin::Bank)
        .err()
        .unwrap_or_default()
        .iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn a_good_file_parses() {
    let q = parse_question("content/networking/sample.md", &good(), Origin::Bank).unwrap();
    assert_eq!(q.id, "sample");
    assert_eq!(q.topic, Topic::Networking);
    assert_eq!(q.sources[0].guide, "002");
    assert_eq!(
        (q.sources[0].first_line, q.sources[0].last_line),
        (336, 394)
    );
    assert!(q.example.as_deref().unwrap().contains("describe-vpcs"));
    assert_eq!(q.mistakes, "- Guessing.");
}

#[test]
fn missing_front_matter_is_line_1() {
    assert_eq!(
        problems("## Answer\nx\n"),
        ["content/networking/sample.md:1: missing front matter: the file must start with a `+++` line, then TOML, then `+++`"]
    );
}

#[test]
fn bad_toml_names_its_line() {
    let text = good().replace("level = \"mid\"", "level = mid");
    let p = problems(&text);
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("content/networking/sample.md:5: front matter:"),
        "{p:?}"
    );
}

#[test]
fn unknown_field_is_reported() {
    let text = good().replace("tags = [\"x\"]", "tagz = [\"x\"]");
    let p = problems(&text);
    assert!(
        p[0].contains(":6: front matter: unknown field `tagz`"),
        "{p:?}"
    );
}

#[test]
fn unknown_topic_and_level_name_their_lines() {
    let text = good()
        .replace("\"networking\"", "\"dns\"")
        .replace("\"mid\"", "\"junior\"");
    let p = problems(&text);
    assert!(
        p.iter().any(|m| m.contains(":4: unknown topic \"dns\"")),
        "{p:?}"
    );
    assert!(
        p.iter().any(|m| m.contains(":5: unknown level \"junior\"")),
        "{p:?}"
    );
}

#[test]
fn empty_rubric_is_reported() {
    let text = good().replace("[\"one\", \"two\", \"three\"]", "[]");
    let p = problems(&text);
    assert!(
        p.iter()
            .any(|m| m.contains(":8: the rubric (key_points) has 0 item(s)")),
        "{p:?}"
    );
}

#[test]
fn missing_and_unknown_sections_are_reported() {
    let text = good()
        .replace("## Common mistakes\n- Guessing.\n", "")
        .replace("## Example", "## Examples");
    let p = problems(&text);
    assert!(
        p.iter()
            .any(|m| m.contains("missing section `## Common mistakes`")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m.contains(":19: unknown section `## Examples`")),
        "{p:?}"
    );
}

#[test]
fn headings_inside_code_fences_are_not_sections() {
    let text = good().replace("aws ec2 describe-vpcs", "## not a heading");
    assert!(problems(&text).is_empty());
}

#[test]
fn id_must_match_file_name_and_be_a_slug() {
    let text = good().replace("id = \"sample\"", "id = \"Sample One\"");
    let p = problems(&text);
    assert!(
        p.iter()
            .any(|m| m.contains(":2: id \"Sample One\" must be a slug")),
        "{p:?}"
    );
    assert!(
        p.iter().any(|m| m.contains("must match the file name")),
        "{p:?}"
    );
}

#[test]
fn bad_source_points_at_its_line() {
    let text = good().replace(
        "\"002_d39e1020702904a6.txt:336-394\"",
        "\"002_d39e1020702904a6.txt\"",
    );
    let p = problems(&text);
    assert!(p.iter().any(|m| m.contains(":7: source")), "{p:?}");
}

#[test]
fn bank_questions_need_sources_but_packs_do_not() {
    let text = good().replace(
        "sources = [\"002_d39e1020702904a6.txt:336-394\"]",
        "sources = []",
    );
    assert!(problems(&text)
        .iter()
        .any(|m| m.contains("at least one source")));
    let pack = parse_question("p/sample.md", &text, Origin::Pack("mine".into()));
    assert!(pack.is_ok());
}

#[test]
fn reviewed_entries_need_a_date_a_change_and_a_page() {
    let ok = good().replacen(
        "diagrams = []\n",
        "diagrams = []\n\n[[reviewed]]\ndate = \"2026-12-02\"\nchange = \"Limit raised to 10\"\nchecked = \"https://docs.aws.amazon.com/x\"\n",
        1,
    );
    assert!(problems(&ok).is_empty(), "{:?}", problems(&ok));
    let bad = good().replacen(
        "diagrams = []\n",
        "diagrams = []\n\n[[reviewed]]\ndate = \"2026-13-02\"\nchange = \" \"\nchecked = \"docs\"\n",
        1,
    );
    let p = problems(&bad);
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(
        p[0].contains(":13:") && p[0].contains("YYYY-MM-DD"),
        "{p:?}"
    );
}

#[test]
fn cues_are_optional_and_parallel_to_key_points() {
    let q = parse_question("content/networking/sample.md", &good(), Origin::Bank).unwrap();
    assert!(q.cues.is_empty());
    let text = good().replace(
        "key_points = [\"one\", \"two\", \"three\"]\n",
        "key_points = [\"one\", \"two\", \"three\"]\ncues = [\n  [\"first\", \"1st\"],\n  [\"second\"],\n  [\"third one\"],\n]\n",
    );
    let q = parse_question("content/networking/sample.md", &text, Origin::Bank).unwrap();
    assert_eq!(
        q.cues,
        [vec!["first", "1st"], vec!["second"], vec!["third one"]]
    );
}

#[test]
fn bad_cues_name_the_field_and_their_line() {
    let with = |cues: &str| {
        problems(&good().replace(
            "key_points = [\"one\", \"two\", \"three\"]\n",
            &format!("key_points = [\"one\", \"two\", \"three\"]\ncues = [\n{cues}]\n"),
        ))
    };
    assert_eq!(
        with("  [\"a\"],\n  [\"b\"],\n"),
        ["content/networking/sample.md:9: cues has 2 list(s) but key_points has 3; give one list of cues per key point, in the same order"]
    );
    assert_eq!(
        with("  [\"a\"],\n  [],\n  [\"c\"],\n"),
        ["content/networking/sample.md:11: cues[1] is empty: key point 2 needs at least one cue"]
    );
    assert_eq!(
        with("  [\"a\"],\n  [\"b\", \" \"],\n  [\"--\"],\n"),
        [
            "content/networking/sample.md:11: cues[1] has an empty cue",
            "content/networking/sample.md:12: cues[2]: cue \"--\" has no letter or digit to match",
        ]
    );
}

#[test]
fn cues_of_the_wrong_type_are_a_front_matter_problem() {
    let text = good().replace(
        "key_points = [\"one\", \"two\", \"three\"]\n",
        "key_points = [\"one\", \"two\", \"three\"]\ncues = [\"a\", \"b\", \"c\"]\n",
    );
    let p = problems(&text);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("content/networking/sample.md:9: front matter:"),
        "{p:?}"
    );
}
