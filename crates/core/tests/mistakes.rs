//! "The mistakes you repeat" over a real data folder: real drills checked with wrong answers, real
//! questions reviewed with points left unticked, undo taking an attempt or a review out again, and
//! every id turned into the text the learner reads.
use archdrill_core::{Archdrill, MistakesView, Rating, ReviewInput};
use archdrill_diagram::{answer_key, solution, DrillKind, Library, Placement, Submission};
use archdrill_domain::Topic;

const PLACE: &str = "vpc-three-tier-place";
const LABEL: &str = "vpc-three-tier-label";

fn app() -> (tempfile::TempDir, Archdrill) {
    let dir = tempfile::tempdir().unwrap();
    let app = Archdrill::open(dir.path()).unwrap();
    (dir, app)
}

fn place(slot: &str, label: &str) -> Placement {
    Placement {
        slot: slot.into(),
        label: label.into(),
    }
}

/// The place drill with a NAT gateway dropped in the app subnet of zone A instead of the public one.
/// Its key: s1/s2 public subnets (NAT gateway b2, b4), s3/s4 app subnets (App server b1, b5),
/// s5/s6 data subnets (b3, b6).
fn nat_in_app_subnet() -> Submission {
    let key = answer_key(&Library::load_embedded(), PLACE).unwrap();
    let right = key.right_placements();
    let nat = right.iter().find(|p| p.slot == "s1").unwrap().label.clone();
    let mut placements: Vec<Placement> = right.into_iter().filter(|p| p.slot != "s1").collect();
    placements.push(place("s3", &nat));
    Submission {
        placements,
        ..Submission::default()
    }
}

/// The label drill with the internet gateway and zone A's NAT gateway swapped.
fn gateways_swapped() -> Submission {
    let key = answer_key(&Library::load_embedded(), LABEL).unwrap();
    let mut placements = key.right_placements();
    let igw = placements.iter().position(|p| p.slot == "s1").unwrap();
    let nat = placements.iter().position(|p| p.slot == "s2").unwrap();
    let (a, b) = (placements[igw].label.clone(), placements[nat].label.clone());
    placements[igw].label = b;
    placements[nat].label = a;
    Submission {
        placements,
        ..Submission::default()
    }
}

fn check(app: &Archdrill, drill: &str, sub: &Submission) {
    let c = app.check_drill(drill, sub, 30_000.0, 0).unwrap();
    assert!(c.result.score < 1.0, "{drill}: meant to be wrong");
}

fn review(app: &Archdrill, question: &str, ticked: Vec<u32>) {
    let input = ReviewInput {
        card_id: format!("q:{question}"),
        rating: Rating::Hard,
        duration_ms: 20_000.0,
        points: ticked,
        // The service takes the rubric size from the bank.
        points_total: 0,
        answer: None,
    };
    app.record_review(&input, 0).unwrap();
}

#[test]
fn a_fresh_folder_has_no_mistakes() {
    let (_dir, app) = app();
    let m = app.mistakes().unwrap();
    assert!(m.slots.is_empty() && m.confused.is_empty() && m.rules.is_empty());
    assert!(m.failure_answers.is_empty() && m.key_points.is_empty());
    assert_eq!((m.attempts, m.reviews), (0, 0));
}

#[test]
fn a_wrong_label_in_a_zone_counts_per_attempt_and_an_undone_attempt_does_not() {
    let (_dir, app) = app();
    let sub = nat_in_app_subnet();
    for _ in 0..3 {
        check(&app, PLACE, &sub);
    }
    assert_eq!(app.mistakes().unwrap().slots[0].count, 3);
    app.undo_review(0)
        .unwrap()
        .expect("the last check is undone");

    let m = app.mistakes().unwrap();
    assert_eq!(m.attempts, 2);
    assert_eq!(m.slots.len(), 1, "{:#?}", m.slots);
    let s = &m.slots[0];
    assert_eq!(s.drill.id, PLACE);
    assert_eq!(s.drill.title, "Put each component in the right subnet");
    assert_eq!(s.drill.kind, DrillKind::Place);
    assert_eq!(s.drill.diagram_id, "vpc-three-tier");
    assert_eq!(s.slot, "s3");
    assert_eq!(s.slot_name, "App subnet, Availability Zone A");
    assert_eq!(s.given, "NAT gateway");
    assert_eq!((s.count, s.repeated), (2, true));
    assert_eq!(s.expected, vec!["App server"]);
    assert_eq!(
        s.belongs_in,
        vec![
            "Public subnet, Availability Zone A",
            "Public subnet, Availability Zone B"
        ]
    );
    let reason = s.reason.as_deref().unwrap();
    assert!(
        reason.starts_with("A NAT gateway in a private subnet cannot reach the internet gateway"),
        "the drill's misconception: {reason}"
    );
    assert!(s.last_seen > 1.7e12, "unix ms: {}", s.last_seen);
    assert_eq!(
        s.questions.first().map(|q| q.id.as_str()),
        Some("nat-gateway-purpose"),
        "the question on the diagram that names the NAT gateway first: {:?}",
        s.questions
    );
    assert!(s.questions.len() <= 3);
    assert!(m.confused.is_empty(), "a zone is no label to confuse with");
}

#[test]
fn swapped_labels_are_two_mistakes_and_two_confused_pairs() {
    let (_dir, app) = app();
    check(&app, LABEL, &gateways_swapped());
    let m = app.mistakes().unwrap();
    let mut got: Vec<(&str, &str, u32, bool)> = m
        .slots
        .iter()
        .map(|s| (s.slot_name.as_str(), s.given.as_str(), s.count, s.repeated))
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            ("Blank 1 in VPC", "NAT gateway", 1, false),
            (
                "Blank 2 in Public subnet, Availability Zone A",
                "Internet gateway",
                1,
                false
            ),
        ]
    );
    let igw = m.slots.iter().find(|s| s.slot == "s1").unwrap();
    assert!(igw
        .reason
        .as_deref()
        .unwrap()
        .starts_with("The VPC's door to the internet"));
    let mut pairs: Vec<(&str, &str, u32)> = m
        .confused
        .iter()
        .map(|p| (p.given.as_str(), p.expected.as_str(), p.count))
        .collect();
    pairs.sort();
    assert_eq!(
        pairs,
        vec![
            ("Internet gateway", "NAT gateway", 1),
            ("NAT gateway", "Internet gateway", 1)
        ]
    );
    assert_eq!(
        m.confused[0].drills[0].title,
        "Name the parts of a three-tier VPC"
    );
}

#[test]
fn broken_design_rules_and_wrong_failure_answers_are_counted() {
    let (_dir, app) = app();
    let design = "vpc-three-tier-design";
    check(&app, design, &Submission::default());
    check(&app, design, &Submission::default());
    let failure = "vpc-three-tier-az-loss";
    let mut sub = solution(&Library::load_embedded(), failure).unwrap();
    let q1 = sub.choices.iter_mut().find(|c| c.question == "q1").unwrap();
    q1.option = "o2".into(); // "Hours: the database is down until zone A comes back."
    check(&app, failure, &sub);

    let m = app.mistakes().unwrap();
    assert!(!m.rules.is_empty());
    assert!(m.rules.iter().all(|r| r.drill.id == design && r.count == 2));
    assert!(m.rules.iter().all(|r| !r.message.is_empty()));
    assert!(
        m.rules.iter().any(|r| r.level == "required"),
        "{:#?}",
        m.rules
    );
    assert!(
        !m.rules[0].questions.is_empty(),
        "linked to the diagram's questions"
    );

    assert_eq!(m.failure_answers.len(), 1, "{:#?}", m.failure_answers);
    let f = &m.failure_answers[0];
    assert_eq!(f.drill.id, failure);
    assert_eq!(f.drill.kind, DrillKind::Failure);
    assert_eq!(
        f.prompt,
        "What happens to the RDS Multi-AZ database, and how long are writes unavailable?"
    );
    assert_eq!(
        f.given,
        vec!["Hours: the database is down until zone A comes back."]
    );
    assert!(f.expected[0].starts_with("RDS promotes the standby in zone B"));
    assert_eq!(f.count, 1);
    assert!(m.slots.is_empty(), "the components were all marked right");
}

#[test]
fn key_points_left_unticked_count_per_topic_and_an_undone_review_does_not() {
    let (_dir, app) = app();
    let q = "nat-gateway-purpose";
    review(&app, q, vec![0, 1, 2, 3, 4]); // point 5 (cost) missed
    review(&app, q, vec![0, 2, 3, 4]); // points 1 and 5 missed
    review(&app, q, vec![]); // everything missed: undone below
    app.undo_review(0).unwrap().expect("undone");

    let m = app.mistakes().unwrap();
    assert_eq!(m.reviews, 2);
    assert_eq!(m.key_points.len(), 1, "{:#?}", m.key_points);
    let net = &m.key_points[0];
    assert_eq!(net.topic, Topic::Networking);
    assert_eq!(net.missed, 3);
    let got: Vec<(u32, u32, u32)> = net
        .points
        .iter()
        .map(|p| (p.point, p.missed, p.reviewed))
        .collect();
    assert_eq!(got, vec![(5, 2, 2), (1, 1, 2)]);
    let cost = &net.points[0];
    assert!(
        cost.text.starts_with("Cost is $0.045/hour"),
        "{}",
        cost.text
    );
    assert_eq!(cost.question.id, q);
    assert!(cost
        .question
        .prompt
        .starts_with("What is a NAT gateway for?"));
    assert!(m.slots.is_empty());
}

#[test]
fn drills_and_reviews_together_and_the_view_is_camel_case_json() {
    let (_dir, app) = app();
    check(&app, PLACE, &nat_in_app_subnet());
    review(&app, "nat-gateway-purpose", vec![0]);
    let m: MistakesView = app.mistakes().unwrap();
    assert_eq!((m.attempts, m.reviews), (1, 1));
    let json = serde_json::to_string(&m).unwrap();
    for field in [
        "\"slotName\"",
        "\"belongsIn\"",
        "\"keyPoints\"",
        "\"failureAnswers\"",
        "\"lastSeen\"",
    ] {
        assert!(json.contains(field), "{field} in {json}");
    }
}
