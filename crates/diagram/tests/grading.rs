//! Grading semantics on the shared test spec: each drill kind, interchangeable slots, penalties,
//! misconceptions, all-or-nothing, and every error a submission can earn.
mod common;
use archdrill_diagram::{
    answer_key, grade, DrillError, Library, Placement, SlotStatus, Submission, TypedAnswer,
};
use common::{lib, load, SPEC};

/// The opaque slot id standing for `target` in `drill`.
fn slot(lib: &Library, drill: &str, target: &str) -> String {
    let key = answer_key(lib, drill).unwrap();
    key.slots
        .iter()
        .find(|s| s.target == target)
        .unwrap_or_else(|| panic!("no slot for {target}"))
        .slot
        .clone()
}

/// Bank ids of cards with this text, in bank order.
fn cards(lib: &Library, drill: &str, text: &str) -> Vec<String> {
    lib.drill(drill)
        .unwrap()
        .bank
        .iter()
        .filter(|b| b.text == text)
        .map(|b| b.id.clone())
        .collect()
}

fn place(lib: &Library, drill: &str, pairs: &[(&str, &str, usize)]) -> Submission {
    Submission {
        placements: pairs
            .iter()
            .map(|(target, text, nth)| Placement {
                slot: slot(lib, drill, target),
                label: cards(lib, drill, text)[*nth].clone(),
            })
            .collect(),
        ..Submission::default()
    }
}

fn status(r: &archdrill_diagram::GradeResult, slot_id: &str) -> (SlotStatus, Option<String>) {
    let s = r.slots.iter().find(|s| s.slot == slot_id).unwrap();
    (s.status, s.reason.clone())
}

#[test]
fn label_all_right_and_mirrored() {
    let lib = lib();
    let right = [
        ("nat-a", "NAT gateway", 0),
        ("nat-b", "NAT gateway", 1),
        ("db-1", "DB primary", 0),
        ("db-2", "DB standby", 0),
    ];
    let r = grade(&lib, "t-label", &place(&lib, "t-label", &right)).unwrap();
    assert_eq!((r.score, r.rating, r.correct, r.max_points), (1.0, 4, 4, 4));
    // The two AZs mirror each other: primary and standby may swap.
    let swapped = [
        ("nat-a", "NAT gateway", 1),
        ("nat-b", "NAT gateway", 0),
        ("db-1", "DB standby", 0),
        ("db-2", "DB primary", 0),
    ];
    let r = grade(&lib, "t-label", &place(&lib, "t-label", &swapped)).unwrap();
    assert_eq!(r.score, 1.0);
    let db1 = r
        .slots
        .iter()
        .find(|s| s.slot == slot(&lib, "t-label", "db-1"))
        .unwrap();
    assert_eq!(
        db1.expected,
        vec!["DB standby"],
        "the expected answer follows the swap"
    );
}

#[test]
fn label_misconception_penalty_and_rating() {
    let lib = lib();
    let sub = place(
        &lib,
        "t-label",
        &[
            ("nat-a", "NAT gateway", 0),
            ("db-1", "NAT gateway", 1),
            ("db-2", "DB standby", 0),
        ],
    );
    let r = grade(&lib, "t-label", &sub).unwrap();
    // 2 right, 1 wrong at 0.5 penalty, 1 empty: (2 - 0.5) / 4.
    assert_eq!(r.points, 1.5);
    assert_eq!((r.score, r.rating), (0.375, 1));
    assert_eq!((r.correct, r.wrong, r.empty), (2, 1, 1));
    let (st, reason) = status(&r, &slot(&lib, "t-label", "db-1"));
    assert_eq!(st, SlotStatus::Wrong);
    assert_eq!(
        reason.as_deref(),
        Some("A NAT in a data subnet has no way out.")
    );
    let (st, reason) = status(&r, &slot(&lib, "t-label", "nat-b"));
    assert_eq!(
        (st, reason.as_deref()),
        (SlotStatus::Empty, Some("Nothing was placed here."))
    );
}

#[test]
fn distractors_cost_points_and_scores_floor_at_zero() {
    let lib = lib();
    let sub = place(
        &lib,
        "t-label",
        &[
            ("nat-a", "Bastion host", 0),
            ("db-1", "NAT gateway", 0),
            ("db-2", "NAT gateway", 1),
        ],
    );
    let r = grade(&lib, "t-label", &sub).unwrap();
    assert_eq!(r.points, -1.5);
    assert_eq!((r.score, r.rating), (0.0, 1));
    let (_, reason) = status(&r, &slot(&lib, "t-label", "nat-a"));
    assert_eq!(
        reason.as_deref(),
        Some("Bastion host is not part of this design.")
    );
}

#[test]
fn place_zones_take_several_cards() {
    let lib = lib();
    let right = [
        ("pub-a", "NAT gateway", 0),
        ("pub-b", "NAT gateway", 1),
        ("data-a", "DB standby", 0),
        ("data-b", "DB primary", 0),
    ];
    let r = grade(&lib, "t-place", &place(&lib, "t-place", &right)).unwrap();
    assert_eq!(
        (r.score, r.max_points),
        (1.0, 4),
        "databases may sit in either mirrored data subnet"
    );

    // Both NATs in one AZ: the single-NAT design is not the HA answer.
    let lopsided = [
        ("pub-a", "NAT gateway", 0),
        ("pub-a", "NAT gateway", 1),
        ("data-a", "DB primary", 0),
        ("data-b", "DB standby", 0),
        ("data-b", "CDN", 0),
    ];
    let r = grade(&lib, "t-place", &place(&lib, "t-place", &lopsided)).unwrap();
    assert_eq!(r.points, 3.0 - 0.5 - 0.5);
    let pub_a = r
        .slots
        .iter()
        .find(|s| s.slot == slot(&lib, "t-place", "pub-a"))
        .unwrap();
    assert_eq!(pub_a.status, SlotStatus::Wrong);
    assert_eq!(
        pub_a.reason.as_deref(),
        Some("There is one NAT gateway too many here.")
    );
    let pub_b = r
        .slots
        .iter()
        .find(|s| s.slot == slot(&lib, "t-place", "pub-b"))
        .unwrap();
    assert_eq!(pub_b.status, SlotStatus::Empty);
    let data_b = r
        .slots
        .iter()
        .find(|s| s.slot == slot(&lib, "t-place", "data-b"))
        .unwrap();
    assert_eq!(
        data_b.reason.as_deref(),
        Some("CDN belongs in none of these zones.")
    );

    let misplaced = [("data-a", "NAT gateway", 0)];
    let r = grade(&lib, "t-place", &place(&lib, "t-place", &misplaced)).unwrap();
    let data_a = r
        .slots
        .iter()
        .find(|s| s.slot == slot(&lib, "t-place", "data-a"))
        .unwrap();
    assert_eq!(
        data_a.reason.as_deref(),
        Some("Data subnets have no internet route. Missing here: DB primary.")
    );
}

fn order_of(lib: &Library, texts: &[&str]) -> Submission {
    Submission {
        order: texts
            .iter()
            .map(|t| cards(lib, "t-order", t)[0].clone())
            .collect(),
        ..Submission::default()
    }
}

#[test]
fn order_scores_the_longest_run_in_order() {
    let lib = lib();
    let r = grade(
        &lib,
        "t-order",
        &order_of(
            &lib,
            &["Load balancer", "NAT gateway", "DB primary", "DB standby"],
        ),
    )
    .unwrap();
    assert_eq!((r.score, r.rating), (1.0, 4));
    // One step moved to the front: the other three are still in order.
    let r = grade(
        &lib,
        "t-order",
        &order_of(
            &lib,
            &["DB standby", "Load balancer", "NAT gateway", "DB primary"],
        ),
    )
    .unwrap();
    assert_eq!((r.score, r.rating, r.correct), (0.75, 2, 3));
    assert_eq!(
        r.slots[0].reason.as_deref(),
        Some("DB standby is out of order: it is step 4.")
    );
    let r = grade(
        &lib,
        "t-order",
        &order_of(
            &lib,
            &["DB primary", "Load balancer", "NAT gateway", "DB standby"],
        ),
    )
    .unwrap();
    assert_eq!(
        r.slots[0].reason.as_deref(),
        Some("Requests reach the load balancer first.")
    );
    // Only part of the order given: the rest is empty.
    let r = grade(
        &lib,
        "t-order",
        &order_of(&lib, &["Load balancer", "NAT gateway"]),
    )
    .unwrap();
    assert_eq!((r.score, r.empty), (0.5, 2));
    // The same answer given as placements on the numbered blanks.
    let sub = Submission {
        placements: ["lb", "nat-a", "db-1", "db-2"]
            .iter()
            .zip(["Load balancer", "NAT gateway", "DB primary", "DB standby"])
            .map(|(t, text)| Placement {
                slot: slot(&lib, "t-order", t),
                label: cards(&lib, "t-order", text)[0].clone(),
            })
            .collect(),
        ..Submission::default()
    };
    assert_eq!(grade(&lib, "t-order", &sub).unwrap().score, 1.0);
}

#[test]
fn recall_accepts_aliases_and_spellings() {
    let lib = lib();
    let typed = |lb: &str, db: &str| Submission {
        answers: vec![
            TypedAnswer {
                slot: slot(&lib, "t-recall", "lb"),
                text: lb.into(),
            },
            TypedAnswer {
                slot: slot(&lib, "t-recall", "db-1"),
                text: db.into(),
            },
        ],
        ..Submission::default()
    };
    for (lb, db) in [
        ("Load Balancer", "DB primary"),
        ("ALB", "writer"),
        ("load-balancers", "Primary Database"),
        ("  the ALB ", "DB  Primary"),
    ] {
        assert_eq!(
            grade(&lib, "t-recall", &typed(lb, db)).unwrap().score,
            1.0,
            "{lb:?} / {db:?}"
        );
    }
    let r = grade(&lib, "t-recall", &typed("NAT", "")).unwrap();
    assert_eq!((r.correct, r.wrong, r.empty, r.score), (0, 1, 1, 0.0));
    assert_eq!(
        r.slots
            .iter()
            .find(|s| s.status == SlotStatus::Wrong)
            .unwrap()
            .expected,
        vec!["Load balancer"]
    );
}

#[test]
fn all_or_nothing() {
    let spec = SPEC.replace(
        "distractors = [\"CDN\"]",
        "distractors = [\"CDN\"]\nall_or_nothing = true",
    );
    let lib = load(&[("diagrams/t.toml", &spec)]);
    let almost = [
        ("pub-a", "NAT gateway", 0),
        ("pub-b", "NAT gateway", 1),
        ("data-a", "DB primary", 0),
    ];
    let r = grade(&lib, "t-place", &place(&lib, "t-place", &almost)).unwrap();
    assert_eq!((r.score, r.rating), (0.0, 1));
    let all = [
        ("pub-a", "NAT gateway", 0),
        ("pub-b", "NAT gateway", 1),
        ("data-a", "DB primary", 0),
        ("data-b", "DB standby", 0),
    ];
    assert_eq!(
        grade(&lib, "t-place", &place(&lib, "t-place", &all))
            .unwrap()
            .score,
        1.0
    );
}

#[test]
fn bad_submissions_are_typed_errors_naming_the_field() {
    let lib = lib();
    let s1 = slot(&lib, "t-label", "nat-a");
    let nat = cards(&lib, "t-label", "NAT gateway");
    let p = |slot: &str, label: &str| Placement {
        slot: slot.into(),
        label: label.into(),
    };
    let sub = |placements: Vec<Placement>| Submission {
        placements,
        ..Submission::default()
    };

    assert_eq!(
        grade(&lib, "nope", &Submission::default()),
        Err(DrillError::UnknownDrill { id: "nope".into() })
    );
    let e = grade(&lib, "t-label", &sub(vec![p("s99", &nat[0])])).unwrap_err();
    assert_eq!(
        e,
        DrillError::UnknownSlot {
            field: "placements[0].slot".into(),
            slot: "s99".into()
        }
    );
    let e = grade(&lib, "t-label", &sub(vec![p(&s1, "b99")])).unwrap_err();
    assert_eq!(e.field(), "placements[0].label");
    let other = slot(&lib, "t-label", "nat-b");
    let e = grade(
        &lib,
        "t-label",
        &sub(vec![p(&s1, &nat[0]), p(&other, &nat[0])]),
    )
    .unwrap_err();
    assert_eq!(
        e,
        DrillError::DuplicatePlacement {
            field: "placements[1].label".into(),
            label: nat[0].clone()
        }
    );
    let e = grade(
        &lib,
        "t-label",
        &sub(vec![p(&s1, &nat[0]), p(&s1, &nat[1])]),
    )
    .unwrap_err();
    assert_eq!(
        e,
        DrillError::SlotTakesOne {
            field: "placements[1].slot".into(),
            slot: s1.clone()
        }
    );
    let e = grade(&lib, "t-label", &sub(vec![p(&s1, &nat[0]); 257])).unwrap_err();
    assert_eq!(
        e,
        DrillError::TooLarge {
            field: "placements".into(),
            max: 256
        }
    );
    let e = grade(
        &lib,
        "t-label",
        &Submission {
            order: vec![nat[0].clone()],
            ..Submission::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), "order");
    let long = TypedAnswer {
        slot: slot(&lib, "t-recall", "lb"),
        text: "x".repeat(201),
    };
    let e = grade(
        &lib,
        "t-recall",
        &Submission {
            answers: vec![long],
            ..Submission::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), "answers[0].text");
    let e = grade(
        &lib,
        "t-order",
        &Submission {
            order: vec!["b1".into(), "b1".into()],
            ..Submission::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        e,
        DrillError::DuplicatePlacement {
            field: "order[1]".into(),
            label: "b1".into()
        }
    );
    // Errors convert to the app's error type with the field named.
    let app: archdrill_domain::AppError = e.into();
    assert!(
        matches!(app, archdrill_domain::AppError::InvalidInput { ref field, .. } if field == "order[1]")
    );
}

#[test]
fn results_and_submissions_cross_as_camel_case_json() {
    let lib = lib();
    let json = r#"{"placements":[{"slot":"s1","label":"b1"}]}"#;
    let sub: Submission = serde_json::from_str(json).unwrap();
    assert_eq!(sub.placements.len(), 1);
    assert!(serde_json::from_str::<Submission>(r#"{"placements":[],"extra":1}"#).is_err());
    let r = grade(&lib, "t-label", &sub).unwrap();
    let v = serde_json::to_value(&r).unwrap();
    for k in [
        "drillId",
        "score",
        "rating",
        "points",
        "maxPoints",
        "correct",
        "wrong",
        "empty",
        "slots",
    ] {
        assert!(v.get(k).is_some(), "missing {k}");
    }
    assert!(v["slots"][0].get("expected").is_some() && v["slots"][0].get("status").is_some());
}
