//! The tally over hand-built attempts and reviews: what counts as a mistake, how they group, sort
//! and cut, and which text is kept.
use super::*;

fn ans(text: &str) -> Answer {
    Answer {
        text: text.to_string(),
        key: text
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn slot(id: &str, given: &[&str], expected: &[&str], reason: Option<&str>) -> SlotOutcome {
    let given: Vec<Answer> = given.iter().map(|g| ans(g)).collect();
    let expected: Vec<Answer> = expected.iter().map(|e| ans(e)).collect();
    let wrong = !given.is_empty()
        && (given
            .iter()
            .any(|g| !expected.iter().any(|e| e.key == g.key))
            || given.len() != expected.len());
    SlotOutcome {
        slot: id.to_string(),
        wrong,
        given,
        expected,
        reason: reason.map(str::to_string),
    }
}

fn attempt(drill: &str, at: i64, pairs: bool, slots: Vec<SlotOutcome>) -> AttemptOutcome {
    AttemptOutcome {
        drill_id: drill.to_string(),
        at,
        pairs,
        slots,
        ..AttemptOutcome::default()
    }
}

/// A place drill: zone s1 (private) takes App server, zone s2 (public) takes NAT gateway.
fn place(at: i64, private: &[&str], public: &[&str], why: Option<&str>) -> AttemptOutcome {
    attempt(
        "vpc-place",
        at,
        false,
        vec![
            slot("s1", private, &["App server"], why),
            slot("s2", public, &["NAT gateway"], None),
        ],
    )
}

fn tally(attempts: &[AttemptOutcome], reviews: &[PointsReview]) -> Mistakes {
    let mut t = MistakeTally::new();
    for a in attempts {
        t.add_attempt(a);
    }
    for r in reviews {
        t.add_review(r);
    }
    t.finish(MistakeLimits::default())
}

fn review(q: &str, topic: Topic, at: i64, ticked: &[u32], total: u32) -> PointsReview {
    PointsReview {
        question_id: q.to_string(),
        topic,
        at,
        ticked: ticked.to_vec(),
        total,
    }
}

#[test]
fn nothing_read_nothing_counted() {
    let m = tally(&[], &[]);
    assert_eq!(m, Mistakes::default());
}

#[test]
fn the_same_wrong_label_in_the_same_slot_counts_up_with_its_last_time() {
    let why = "A NAT gateway sits in a public subnet.";
    let m = tally(
        &[
            place(10, &["App server", "NAT gateway"], &[], Some(why)),
            place(30, &["NAT gateway", "App server"], &[], Some(why)),
            place(20, &["App server", "nat  Gateway"], &[], Some(why)),
        ],
        &[],
    );
    assert_eq!(m.attempts, 3);
    assert_eq!(m.slots.len(), 1, "{:#?}", m.slots);
    let s = &m.slots[0];
    assert_eq!((s.drill_id.as_str(), s.slot.as_str()), ("vpc-place", "s1"));
    assert_eq!(s.count, 3);
    assert!(s.repeated());
    assert_eq!(s.last_seen, 30);
    assert_eq!(s.given, "NAT gateway", "the text as last given");
    assert_eq!(s.expected, vec!["App server"]);
    assert_eq!(s.belongs_in, vec!["s2"], "where the label does go");
    assert_eq!(s.reason.as_deref(), Some(why));
}

#[test]
fn a_mistake_made_once_is_listed_but_not_repeated() {
    let m = tally(&[place(5, &["NAT gateway", "App server"], &[], None)], &[]);
    assert_eq!(m.slots.len(), 1);
    assert_eq!(m.slots[0].count, 1);
    assert!(!m.slots[0].repeated());
}

#[test]
fn right_and_empty_slots_and_the_right_labels_in_a_wrong_slot_are_no_mistakes() {
    let m = tally(
        &[
            place(1, &["App server"], &["NAT gateway"], None),
            place(2, &[], &[], None),
            // Wrong only for what is missing: App server is still right where it is.
            attempt(
                "two-apps",
                3,
                false,
                vec![slot("s1", &["App server"], &["App server", "Cache"], None)],
            ),
        ],
        &[],
    );
    assert_eq!(m.attempts, 3);
    assert!(m.slots.is_empty(), "{:#?}", m.slots);
    assert!(m.pairs.is_empty());
}

#[test]
fn a_distractor_belongs_nowhere_and_each_wrong_label_of_a_slot_counts_once() {
    let m = tally(
        &[place(
            1,
            &["App server", "NAT gateway", "Internet gateway"],
            &[],
            Some("two reasons"),
        )],
        &[],
    );
    assert_eq!(m.slots.len(), 2);
    let igw = m
        .slots
        .iter()
        .find(|s| s.given == "Internet gateway")
        .unwrap();
    assert!(igw.belongs_in.is_empty());
    assert_eq!(igw.count, 1);
}

#[test]
fn a_reason_about_the_label_alone_is_kept_over_a_newer_shared_one() {
    let alone = "A NAT gateway sits in a public subnet.";
    let shared = "A NAT gateway sits in a public subnet. An Internet gateway is not in a subnet.";
    let m = tally(
        &[
            place(1, &["NAT gateway"], &[], Some("older, alone")),
            place(2, &["NAT gateway"], &[], Some(alone)),
            place(3, &["NAT gateway", "Internet gateway"], &[], Some(shared)),
        ],
        &[],
    );
    let nat = m.slots.iter().find(|s| s.given == "NAT gateway").unwrap();
    assert_eq!(nat.count, 3);
    assert_eq!(nat.reason.as_deref(), Some(alone));
    let igw = m
        .slots
        .iter()
        .find(|s| s.given == "Internet gateway")
        .unwrap();
    assert_eq!(igw.reason.as_deref(), Some(shared), "the only one it has");
}

#[test]
fn mistakes_sort_by_count_then_most_recent() {
    let label = |at: i64, s1: &str, s2: &str| {
        attempt(
            "lbl",
            at,
            true,
            vec![
                slot("s1", &[s1], &["ALB"], None),
                slot("s2", &[s2], &["NLB"], None),
            ],
        )
    };
    let m = tally(
        &[
            label(1, "NLB", "ALB"),
            label(2, "NLB", "NLB"),
            label(3, "ALB", "Gateway LB"),
        ],
        &[],
    );
    let order: Vec<(&str, &str, u32)> = m
        .slots
        .iter()
        .map(|s| (s.slot.as_str(), s.given.as_str(), s.count))
        .collect();
    assert_eq!(
        order,
        vec![
            ("s1", "NLB", 2),
            ("s2", "Gateway LB", 1), // seen at 3
            ("s2", "ALB", 1),        // seen at 1
        ]
    );
}

#[test]
fn confused_pairs_join_drills_and_only_come_from_one_answer_label_slots() {
    let lbl = |drill: &str, at: i64| {
        attempt(
            drill,
            at,
            true,
            vec![slot("s1", &["NAT instance"], &["NAT gateway"], None)],
        )
    };
    let m = tally(
        &[
            lbl("a", 1),
            lbl("b", 2),
            lbl("a", 3),
            // A place drill's zone is no label: not a pair.
            place(4, &["NAT gateway"], &[], None),
            // Two right answers: no single label it was confused with.
            attempt(
                "c",
                5,
                true,
                vec![slot("s1", &["Lambda"], &["EC2", "ECS"], None)],
            ),
        ],
        &[],
    );
    assert_eq!(m.pairs.len(), 1, "{:#?}", m.pairs);
    let p = &m.pairs[0];
    assert_eq!(
        (p.given.as_str(), p.expected.as_str()),
        ("NAT instance", "NAT gateway")
    );
    assert_eq!(p.count, 3);
    assert_eq!(p.last_seen, 3);
    assert_eq!(p.drills, vec!["a", "b"]);
}

#[test]
fn pairs_count_each_direction_apart() {
    let m = tally(
        &[attempt(
            "lbl",
            1,
            true,
            vec![
                slot("s1", &["SQS"], &["SNS"], None),
                slot("s2", &["SNS"], &["SQS"], None),
            ],
        )],
        &[],
    );
    assert_eq!(m.pairs.len(), 2);
    assert!(m.pairs.iter().all(|p| p.count == 1));
}

fn rule(n: u32, passed: bool, msg: &str) -> RuleOutcome {
    RuleOutcome {
        rule: n,
        passed,
        level: "required".into(),
        message: msg.into(),
    }
}

#[test]
fn broken_design_rules_count_per_drill_and_rule() {
    let design = |drill: &str, at: i64, rules: Vec<RuleOutcome>| AttemptOutcome {
        drill_id: drill.into(),
        at,
        rules,
        ..AttemptOutcome::default()
    };
    let m = tally(
        &[
            design(
                "d1",
                1,
                vec![rule(1, false, "old text"), rule(2, true, "ok")],
            ),
            design(
                "d1",
                2,
                vec![rule(1, false, "Spread across two AZs"), rule(2, false, "x")],
            ),
            design("d2", 3, vec![rule(1, false, "other drill")]),
        ],
        &[],
    );
    let got: Vec<(&str, u32, u32)> = m
        .rules
        .iter()
        .map(|r| (r.drill_id.as_str(), r.rule, r.count))
        .collect();
    assert_eq!(got, vec![("d1", 1, 2), ("d2", 1, 1), ("d1", 2, 1)]);
    assert_eq!(
        m.rules[0].message, "Spread across two AZs",
        "the latest message"
    );
    assert_eq!(m.rules[0].last_seen, 2);
    assert!(m.slots.is_empty() && m.questions.is_empty());
}

#[test]
fn wrong_failure_answers_count_and_keep_the_last_wrong_answer() {
    let q = |right: bool, given: &str| QuestionOutcome {
        question: "q1".into(),
        right,
        prompt: "What happens to writes?".into(),
        given: vec![given.into()],
        expected: vec!["They fail over to the standby".into()],
        feedback: (!right).then(|| format!("not {given}")),
        explanation: Some("Multi-AZ promotes the standby.".into()),
    };
    let failure = |at: i64, q: QuestionOutcome| AttemptOutcome {
        drill_id: "az-loss".into(),
        at,
        questions: vec![q],
        ..AttemptOutcome::default()
    };
    let m = tally(
        &[
            failure(1, q(false, "They are lost")),
            failure(2, q(true, "They fail over to the standby")),
            failure(3, q(false, "They queue")),
        ],
        &[],
    );
    assert_eq!(m.questions.len(), 1);
    let miss = &m.questions[0];
    assert_eq!(miss.count, 2);
    assert_eq!(miss.last_seen, 3);
    assert_eq!(miss.given, vec!["They queue"]);
    assert_eq!(miss.feedback.as_deref(), Some("not They queue"));
    assert_eq!(miss.prompt, "What happens to writes?");
}

#[test]
fn a_failure_component_marked_wrongly_is_a_slot_mistake() {
    let a = attempt(
        "az-loss",
        7,
        false,
        vec![
            slot(
                "c1",
                &["stops serving"],
                &["keeps serving"],
                Some("The ALB spans AZs."),
            ),
            slot("c2", &[], &["stops serving"], Some("mark it too")),
        ],
    );
    let m = tally(&[a.clone(), AttemptOutcome { at: 8, ..a }], &[]);
    assert_eq!(
        m.slots.len(),
        1,
        "a component left unmarked is not a wrong label"
    );
    assert_eq!(m.slots[0].count, 2);
    assert_eq!(m.slots[0].given, "stops serving");
    assert!(m.pairs.is_empty(), "stops/keeps serving is no label pair");
}

#[test]
fn missed_points_count_over_the_reviews_that_had_them() {
    let m = tally(
        &[],
        &[
            review("vpc-nat", Topic::Networking, 1, &[0], 3),
            review("vpc-nat", Topic::Networking, 2, &[0, 2], 3),
            review("vpc-nat", Topic::Networking, 3, &[], 3),
            // The rubric grew to four points: point 3 was reviewed once.
            review("vpc-nat", Topic::Networking, 4, &[0, 1, 2], 4),
            // Always ticked: never listed.
            review("vpc-igw", Topic::Networking, 5, &[0], 1),
        ],
    );
    assert_eq!(m.reviews, 5);
    assert_eq!(m.points.len(), 1);
    let net = &m.points[0];
    assert_eq!(net.topic, Topic::Networking);
    let got: Vec<(u32, u32, u32, i64)> = net
        .points
        .iter()
        .map(|p| (p.point, p.missed, p.reviewed, p.last_missed))
        .collect();
    // Points 3 and 0 were missed once each; 3 in a larger share of its reviews.
    assert_eq!(
        got,
        vec![(1, 3, 4, 3), (2, 2, 4, 3), (3, 1, 1, 4), (0, 1, 4, 3)]
    );
    assert_eq!(net.missed, 7);
}

#[test]
fn equal_misses_rank_by_share_of_reviews_then_recency() {
    let m = tally(
        &[],
        &[
            review("a", Topic::Storage, 1, &[], 1),
            review("a", Topic::Storage, 2, &[0], 1),
            review("b", Topic::Storage, 3, &[], 1),
            review("c", Topic::Storage, 5, &[], 1),
        ],
    );
    let ids: Vec<&str> = m.points[0]
        .points
        .iter()
        .map(|p| p.question_id.as_str())
        .collect();
    // b and c: missed 1 of 1 (c more recently); a: 1 of 2.
    assert_eq!(ids, vec!["c", "b", "a"]);
}

#[test]
fn points_group_by_topic_most_missed_topic_first_and_cut_per_topic() {
    let mut reviews = Vec::new();
    for q in 0..8 {
        reviews.push(review(&format!("s{q}"), Topic::Security, q, &[], 1));
    }
    reviews.push(review("c0", Topic::Compute, 1, &[], 2));
    reviews.push(review("c0", Topic::Compute, 2, &[0], 2));
    let m = tally(&[], &reviews);
    let topics: Vec<(Topic, u32, usize)> = m
        .points
        .iter()
        .map(|t| (t.topic, t.missed, t.points.len()))
        .collect();
    assert_eq!(
        topics,
        vec![(Topic::Security, 8, 5), (Topic::Compute, 3, 2)],
        "eight security misses, cut to five points"
    );
    assert_eq!(m.points[1].points[0].point, 1, "missed twice of two");
}

#[test]
fn ticks_outside_the_rubric_and_reviews_without_one_count_for_nothing() {
    let m = tally(
        &[],
        &[
            review("q", Topic::Cost, 1, &[0, 7], 2),
            review("q", Topic::Cost, 2, &[], 0),
        ],
    );
    assert_eq!(m.reviews, 1);
    let got: Vec<(u32, u32, u32)> = m.points[0]
        .points
        .iter()
        .map(|p| (p.point, p.missed, p.reviewed))
        .collect();
    assert_eq!(got, vec![(1, 1, 1)]);
}

#[test]
fn lists_are_cut_to_their_limits() {
    let mut t = MistakeTally::new();
    for i in 0..10 {
        t.add_attempt(&attempt(
            "lbl",
            i,
            true,
            vec![slot("s1", &[&format!("wrong {i}")], &["right"], None)],
        ));
    }
    let m = t.finish(MistakeLimits {
        slots: 3,
        pairs: 2,
        checks: 1,
        points_per_topic: 1,
    });
    assert_eq!(m.slots.len(), 3);
    assert_eq!(m.pairs.len(), 2);
    assert_eq!(
        m.slots[0].given, "wrong 9",
        "the most recent of equal counts"
    );
    assert_eq!(m.attempts, 10);
}
