use super::*;

fn covered(answer: &str, cues: &[&str]) -> bool {
    cover(answer, &[cues]).points[0].covered
}

fn matched(answer: &str, cues: &[&str]) -> Vec<String> {
    cover(answer, &[cues]).points[0]
        .matches
        .iter()
        .map(|m| m.text.clone())
        .collect()
}

#[test]
fn any_one_cue_covers_its_point() {
    let cues: &[&[&str]] = &[&["target tracking", "step scaling"], &["warm pool"]];
    let c = cover("I would use a target tracking policy on CPU.", cues);
    assert!(c.points[0].covered);
    assert!(!c.points[1].covered);
    assert_eq!(c.covered(), 1);
    assert_eq!(c.fraction(), 0.5);
}

#[test]
fn words_are_compared_by_stem() {
    assert!(covered(
        "The cluster scales to zero at night",
        &["scale to zero"]
    ));
    assert!(covered(
        "Replicas replicate asynchronously",
        &["asynchronous replication", "replicate asynchronously"]
    ));
    assert!(covered("two read replicas", &["read replica"]));
}

#[test]
fn a_phrase_needs_its_words_together_and_in_order() {
    assert!(!covered("a target for tracking", &["target tracking"]));
    assert!(!covered("tracking target", &["target tracking"]));
}

#[test]
fn a_cue_never_matches_part_of_a_word() {
    assert!(!covered("a lazy answer in few words", &["AZ", "RDS"]));
    assert!(!covered("thread replica", &["read replica"]));
}

#[test]
fn case_punctuation_hyphens_and_unicode_are_folded() {
    assert!(covered("Use MULTI-AZ.", &["Multi AZ"]));
    assert!(covered("run it on ＥＣ２", &["EC2"]));
    assert!(covered("a café", &["cafe"]));
    assert!(covered("Lambda’s concurrency", &["Lambda's concurrency"]));
}

#[test]
fn number_forms_match() {
    for text in ["1,769 MB", "1769 MB", "1769MB", "at 1769-MB"] {
        assert!(covered(text, &["1,769 MB"]), "{text}");
        assert!(covered(text, &["1769 MB"]), "{text}");
    }
    assert!(covered("spread over three AZs", &["3 AZs"]));
    assert!(covered("99.99% availability", &["99.99%"]));
    assert!(!covered("99.9% availability", &["99.99%"]));
    assert!(!covered("1,76 MB", &["176 MB"]));
}

#[test]
fn compounds_match_joined_hyphenated_or_split() {
    for text in ["autoscaling", "auto-scaling", "Auto Scaling", "auto scaled"] {
        assert!(covered(text, &["auto scaling"]), "{text}");
        assert!(covered(text, &["autoscaling"]), "{text}");
    }
    assert!(covered("a Dynamo DB table", &["DynamoDB"]));
    assert!(covered("MultiAZ", &["Multi-AZ"]));
}

#[test]
fn matches_carry_their_byte_ranges_in_the_answer() {
    let answer = "Ｗe said: Target-Tracking, then target tracking again.";
    let c = cover(answer, &[["target tracking"]]);
    let ms = &c.points[0].matches;
    assert_eq!(ms.len(), 2);
    for m in ms {
        assert_eq!(&answer[m.start..m.end], m.text);
        assert_eq!(m.cue, "target tracking");
    }
    assert_eq!(ms[0].text, "Target-Tracking");
    assert!(ms[0].start < ms[1].start);
}

#[test]
fn a_match_inside_another_of_the_same_point_is_dropped() {
    assert_eq!(
        matched(
            "a Multi-AZ standby takes over",
            &["Multi-AZ", "Multi-AZ standby", "standby"]
        ),
        ["Multi-AZ standby"]
    );
}

#[test]
fn odd_input_never_panics_and_covers_nothing() {
    let cues: &[&[&str]] = &[&["--", ""], &[], &["real cue"]];
    for answer in [
        "",
        "   ",
        "!!!",
        "🙂 é ́",
        "a,",
        "1,",
        "1.",
        "'s",
        "\u{0301}x",
    ] {
        let c = cover(answer, cues);
        assert_eq!(c.points.len(), 3);
        assert_eq!(c.covered(), 0, "{answer:?}");
    }
    assert_eq!(cover::<[&str; 0], &str>("x", &[]).fraction(), 0.0);
}

#[test]
fn a_prepared_answer_gives_the_same_result_as_text() {
    let rubric = Rubric::new([vec!["read replica"], vec!["Multi-AZ"]]);
    let text = "Add a read replica and Multi-AZ.";
    assert_eq!(rubric.cover(text), rubric.cover_answer(&Answer::new(text)));
    assert_eq!(rubric.len(), 2);
}
