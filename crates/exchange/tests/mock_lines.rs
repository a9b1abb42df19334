//! A mock's line in an export: typed answers and session timestamps travel with it, and a line
//! written before they existed still reads (as a graded mock without them).
use archdrill_exchange::{MockAnswerLine, MockLine};

const OLD_LINE: &str = r#"{"id":"01HS0000000000000000000000","started_at":1710147600000,"finished_at":null,"level":"mid","topics":[],"question_count":1,"minutes_per_answer":3,"answers":[{"question_id":"vpc-tiers","seconds_used":90,"points":[0],"points_total":3}]}"#;

#[test]
fn a_line_from_before_sessions_reads_as_graded_and_writes_back_the_same() {
    let line: MockLine = serde_json::from_str(OLD_LINE).unwrap();
    let record = line.clone().check().unwrap();
    let a = &record.answers[0];
    assert!(a.graded);
    assert_eq!(
        (a.answer.as_deref(), a.shown_at, a.answered_at),
        (None, None, None)
    );
    let back = MockLine::of(&record).unwrap();
    assert_eq!(back, line);
    assert_eq!(
        serde_json::to_string(&back).unwrap(),
        OLD_LINE,
        "the old shape, unchanged"
    );
}

fn session_line(answer: Option<&str>, shown: i64, answered: i64) -> MockLine {
    let mut line: MockLine = serde_json::from_str(OLD_LINE).unwrap();
    line.answers[0] = MockAnswerLine {
        answer: answer.map(str::to_string),
        shown_at: Some(shown),
        answered_at: Some(answered),
        graded: false,
        ..line.answers[0].clone()
    };
    line
}

#[test]
fn a_typed_answer_and_its_times_round_trip_and_are_checked() {
    let t = 1_710_147_600_000;
    let line = session_line(Some("NAT gateways\nin each AZ"), t, t + 90_000);
    let json = serde_json::to_string(&line).unwrap();
    assert!(
        json.contains(r#""answer":"NAT gateways\nin each AZ""#),
        "{json}"
    );
    assert!(json.contains(r#""graded":false"#));
    let read: MockLine = serde_json::from_str(&json).unwrap();
    let record = read.check().unwrap();
    assert_eq!(
        record.answers[0].answer.as_deref(),
        Some("NAT gateways\nin each AZ")
    );
    assert_eq!(record.answers[0].answered_at, Some(t + 90_000));
    assert!(!record.answers[0].graded);
    assert_eq!(MockLine::of(&record).unwrap(), line);

    let err = session_line(None, t, t - 1).check().unwrap_err();
    assert!(err.starts_with("answers.answered_at:"), "{err}");
    let err = session_line(None, -5, t).check().unwrap_err();
    assert!(err.starts_with("answers.shown_at:"), "{err}");
    let huge = "é".repeat(20_001);
    let err = session_line(Some(&huge), t, t).check().unwrap_err();
    assert!(err.starts_with("answers.answer:"), "{err}");
    let err = session_line(Some("  "), t, t).check().unwrap_err();
    assert!(err.starts_with("answers.answer: blank"), "{err}");
}
