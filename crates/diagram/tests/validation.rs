//! Every kind of authoring mistake is reported as `file:line: message`, at the line of the offending
//! key or item, and never stops the rest of the library from loading.
mod common;
use common::{lib, line_after, line_of, load, SPEC};

/// Applies `edit` to the shared spec and returns (the new text, its problems as `line: message`).
fn check(edit: impl Fn(&str) -> String) -> (String, Vec<(u32, String)>) {
    let text = edit(SPEC);
    assert_ne!(text, SPEC, "the edit changed nothing");
    let lib = load(&[("diagrams/t.toml", &text)]);
    let problems = lib
        .problems()
        .iter()
        .map(|p| (p.line, p.message.clone()))
        .collect();
    (text, problems)
}

fn expect(problems: &[(u32, String)], line: u32, fragment: &str) {
    assert!(
        problems
            .iter()
            .any(|(l, m)| *l == line && m.contains(fragment)),
        "expected line {line} to report {fragment:?}; got {problems:#?}"
    );
}

#[test]
fn the_shared_spec_is_clean() {
    let lib = lib();
    assert_eq!(lib.drills().count(), 4);
}

#[test]
fn duplicate_ids() {
    let (t, p) = check(|s| s.replacen("id = \"nat-b\"", "id = \"nat-a\"", 1));
    let first = line_of(&t, "id = \"nat-a\"");
    let second = line_after(&t, "id = \"nat-a\"", first);
    expect(
        &p,
        second,
        &format!("duplicate id `nat-a` (first used on line {first})"),
    );
}

#[test]
fn unknown_group_tier_and_az() {
    let (t, p) = check(|s| s.replace("az = \"b\"\ntier = \"data\"", "az = \"c\"\ntier = \"data\""));
    expect(
        &p,
        line_of(&t, "az = \"c\""),
        "subnet `data-b` names unknown AZ `c`",
    );
    let (t, p) = check(|s| s.replace("az = \"b\"\ntier = \"data\"", "az = \"b\"\ntier = \"app\""));
    expect(&p, line_of(&t, "tier = \"app\""), "unknown tier `app`");
    let (t, p) = check(|s| s.replace("in = \"pub-b\"", "in = \"pub-z\""));
    expect(
        &p,
        line_of(&t, "pub-z"),
        "unknown group, subnet or tier `pub-z`",
    );
    let (t, p) = check(|s| s.replace("in = \"pub-b\"", "in = \"b\""));
    expect(
        &p,
        line_of(&t, "in = \"b\""),
        "is in AZ `b`: put it in one of that AZ's subnets",
    );
    let (t, p) = check(|s| s.replace("[grid]\nin = \"vpc\"", "[grid]\nin = \"region\""));
    expect(
        &p,
        line_of(&t, "in = \"region\""),
        "the grid is in `region`, which is not a group",
    );
    let (t, p) = check(|s| s.replace("label = \"VPC\"\n", "label = \"VPC\"\nin = \"cloud\"\n"));
    expect(
        &p,
        line_of(&t, "in = \"cloud\""),
        "group `vpc` is in unknown group `cloud`",
    );
}

#[test]
fn unknown_kinds() {
    let (t, p) = check(|s| s.replace("kind = \"nat-gateway\"", "kind = \"nat-box\""));
    expect(
        &p,
        line_of(&t, "nat-box"),
        "unknown component kind \"nat-box\"",
    );
    let (t, p) = check(|s| s.replace("kind = \"vpc\"", "kind = \"network\""));
    expect(
        &p,
        line_of(&t, "\"network\""),
        "unknown group kind \"network\"",
    );
    let (t, p) = check(|s| s.replace("kind = \"public\"", "kind = \"dmz\""));
    expect(&p, line_of(&t, "\"dmz\""), "unknown tier kind \"dmz\"");
    let (t, p) = check(|s| s.replace("kind = \"order\"", "kind = \"sort\""));
    expect(&p, line_of(&t, "\"sort\""), "unknown drill kind \"sort\"");
}

#[test]
fn node_in_two_places() {
    let (t, p) = check(|s| s.replace("in = \"pub-a\"", "in = [\"pub-a\", \"pub-b\"]"));
    expect(
        &p,
        line_of(&t, "in = [\"pub-a\", \"pub-b\"]"),
        "node `nat-a` is in two places (pub-a, pub-b)",
    );
}

#[test]
fn edge_to_nowhere_and_bad_edges() {
    let (t, p) = check(|s| s.replace("to = \"db-1\"", "to = \"db-9\""));
    expect(
        &p,
        line_of(&t, "db-9"),
        "edge goes nowhere: no node, group or subnet has id `db-9`",
    );
    let (t, p) = check(|s| s.replace("to = \"db-1\"", "to = \"lb\""));
    expect(&p, line_of(&t, "to = \"lb\""), "edge from `lb` to itself");
    let (t, p) = check(|s| s.replace("label = \"5432\"", "label = \"5432\"\nstyle = \"wavy\""));
    expect(&p, line_of(&t, "wavy"), "unknown edge style");
}

#[test]
fn grid_shape_problems() {
    let (t, p) = check(|s| s.replace("id = \"pub-b\"\naz = \"b\"", "id = \"pub-b\"\naz = \"a\""));
    expect(
        &p,
        line_of(&t, "id = \"pub-b\""),
        "subnet `pub-b` is in the same AZ and tier as `pub-a`",
    );
    let one_az = |s: &str| {
        s.replace("[[az]]\nid = \"b\"\nlabel = \"AZ b\"\n", "")
            .replace("az = \"b\"", "az = \"a\"")
    };
    let (t, p) = check(one_az);
    expect(
        &p,
        line_of(&t, "in = \"pub\""),
        "spans tier `pub`, but the grid has fewer than two AZs",
    );
}

#[test]
fn a_group_inside_itself() {
    let (t, p) = check(|s| s.replace("label = \"VPC\"\n", "label = \"VPC\"\nin = \"vpc\"\n"));
    expect(
        &p,
        line_of(&t, "id = \"vpc\""),
        "group `vpc` is inside itself",
    );
}

#[test]
fn unreadable_toml_and_unknown_keys() {
    let (t, p) = check(|s| {
        s.replace(
            "label = \"NAT gateway\"\nin = \"pub-b\"",
            "label = \"NAT gateway\"\ncolour = \"red\"\nin = \"pub-b\"",
        )
    });
    expect(&p, line_of(&t, "colour"), "unknown field `colour`");
    let (t, p) = check(|s| s.replace("title = \"Label it\"", "title = \"Label it"));
    expect(
        &p,
        line_of(&t, "title = \"Label it"),
        "cannot read this TOML",
    );
}

#[test]
fn slot_without_an_answer() {
    let (t, p) = check(|s| s.replace("label = \"DB standby\"", "label = \"??\""));
    expect(
        &p,
        line_after(&t, "\"db-2\"", line_of(&t, "id = \"t-label\"")),
        "has no answer",
    );
}

#[test]
fn interchangeable_sets_must_mirror() {
    let (t, p) = check(|s| {
        s.replace(
            "interchangeable = [[\"db-1\", \"db-2\"]]",
            "interchangeable = [[\"db-1\", \"nat-a\"]]",
        )
    });
    expect(
        &p,
        line_of(&t, "[[\"db-1\", \"nat-a\"]]"),
        "interchangeable set whose members have different answer sets",
    );
    let (t, p) = check(|s| {
        s.replace(
            "interchangeable = [[\"db-1\", \"db-2\"]]",
            "interchangeable = [[\"db-1\", \"lb\"]]",
        )
    });
    expect(
        &p,
        line_of(&t, "[[\"db-1\", \"lb\"]]"),
        "interchangeable member `lb` is not a slot of this drill",
    );
    let (t, p) = check(|s| {
        s.replace(
            "interchangeable = [[\"data-a\", \"data-b\"]]",
            "interchangeable = [[\"data-a\", \"pub-a\"]]",
        )
    });
    expect(
        &p,
        line_of(&t, "[[\"data-a\", \"pub-a\"]]"),
        "different answer sets",
    );
}

#[test]
fn misconceptions_must_name_a_slot_and_a_bank_label() {
    let (t, p) = check(|s| {
        s.replace(
            "label = \"NAT gateway\"\nfeedback = \"A NAT",
            "label = \"Router\"\nfeedback = \"A NAT",
        )
    });
    expect(
        &p,
        line_of(&t, "label = \"Router\""),
        "misconception label \"Router\" is not in the label bank",
    );
    let (t, p) = check(|s| {
        s.replace(
            "slot = \"db-1\"\nlabel = \"NAT gateway\"",
            "slot = \"db-1\"\nlabel = \"DB primary\"",
        )
    });
    expect(
        &p,
        line_after(
            &t,
            "label = \"DB primary\"",
            line_of(&t, "[[drill.misconception]]"),
        ),
        "is the right answer for `db-1`",
    );
    let (t, p) = check(|s| {
        s.replace(
            "slot = \"db-1\"\nlabel = \"NAT gateway\"",
            "slot = \"lb\"\nlabel = \"NAT gateway\"",
        )
    });
    expect(
        &p,
        line_of(&t, "slot = \"lb\""),
        "misconception names `lb`, which is not a slot of this drill",
    );
    let list = |s: &str| {
        s.replace(
            "slot = \"db-1\"\nlabel = \"NAT gateway\"",
            "slot = [\"db-2\", \"zz\"]\nlabel = \"NAT gateway\"",
        )
    };
    let (t, p) = check(list);
    expect(
        &p,
        line_of(&t, "[\"db-2\", \"zz\"]"),
        "misconception names `zz`, which is not a slot",
    );
}

#[test]
fn label_bank_problems() {
    let (t, p) = check(|s| {
        s.replace(
            "distractors = [\"Bastion host\"]",
            "distractors = [\"NAT Gateway\"]",
        )
    });
    expect(
        &p,
        line_of(&t, "[\"NAT Gateway\"]"),
        "distractor \"NAT Gateway\" is also a right answer",
    );
    let explicit = |s: &str| {
        s.replace("distractors = [\"Bastion host\"]\ninterchangeable = [[\"db-1\", \"db-2\"]]", "bank = [\"NAT gateway\", \"DB primary\", \"DB standby\", \"Bastion host\"]\ninterchangeable = [[\"db-1\", \"db-2\"]]")
    };
    let (t, p) = check(explicit);
    expect(
        &p,
        line_of(&t, "id = \"t-label\""),
        "label bank missing a right answer: \"NAT gateway\"",
    );
}

#[test]
fn place_items_need_a_zone() {
    let (t, p) = check(|s| {
        s.replace(
            "zones = [\"pub-a\", \"pub-b\", \"data-a\", \"data-b\"]",
            "zones = [\"pub-a\", \"data-a\", \"data-b\"]",
        )
    });
    let drill = line_of(&t, "id = \"t-place\"");
    expect(
        &p,
        line_after(&t, "items = ", drill),
        "item `nat-b` belongs in `pub-b`, which is not a zone of this drill",
    );
    let (t, p) = check(|s| s.replace("zones = [\"pub-a\",", "zones = [\"pub-q\", \"pub-a\","));
    expect(
        &p,
        line_of(&t, "pub-q"),
        "zone `pub-q` is no group or subnet",
    );
    let (t, p) = check(|s| s.replace("items = [\"nat-a\",", "items = [\"lb\", \"nat-a\","));
    expect(
        &p,
        line_of(&t, "items = [\"lb\""),
        "item `lb` sits in no group or subnet",
    );
}

#[test]
fn order_drill_problems() {
    let (t, p) = check(|s| {
        s.replace(
            "steps = [\"lb\", \"nat-a\", \"db-1\", \"db-2\"]",
            "steps = [\"lb\", \"nat-a\"]",
        )
    });
    expect(
        &p,
        line_of(&t, "steps = [\"lb\", \"nat-a\"]"),
        "at least three steps",
    );
    let (t, p) = check(|s| {
        s.replace(
            "steps = [\"lb\", \"nat-a\", \"db-1\", \"db-2\"]",
            "steps = [\"lb\", \"nat-a\", \"nat-b\"]",
        )
    });
    expect(&p, line_of(&t, "steps = [\"lb\""), "have the same label");
    let (t, p) = check(|s| {
        s.replace(
            "steps = [\"lb\", \"nat-a\", \"db-1\", \"db-2\"]",
            "steps = [\"lb\", \"nat-a\", \"db-1\", \"db-2\"]\npenalty = 0.5",
        )
    });
    expect(
        &p,
        line_of(&t, "penalty = 0.5"),
        "order drills have no penalty",
    );
}

#[test]
fn fields_belong_to_their_kind() {
    let (t, p) = check(|s| {
        s.replace(
            "blanks = [\"lb\", \"db-1\"]",
            "blanks = [\"lb\", \"db-1\"]\nsteps = [\"lb\"]",
        )
    });
    expect(
        &p,
        line_of(&t, "steps = [\"lb\"]"),
        "recall drills take no `steps`",
    );
    let (t, p) = check(|s| {
        s.replace(
            "distractors = [\"CDN\"]",
            "distractors = [\"CDN\"]\npenalty = 2.0",
        )
    });
    expect(
        &p,
        line_of(&t, "penalty = 2.0"),
        "penalty 2 must be between 0 and 1",
    );
    let (t, p) = check(|s| {
        s.replace(
            "blanks = [\"nat-a\", \"nat-b\"",
            "blanks = [\"nat-x\", \"nat-b\"",
        )
    });
    expect(
        &p,
        line_of(&t, "nat-x"),
        "blank `nat-x` is no node of diagram `t`",
    );
}

#[test]
fn cross_file_problems_and_isolation() {
    let drill_file = "[[drill]]\nid = \"extra\"\nkind = \"recall\"\ndiagram = \"nope\"\ntitle = \"x\"\ninstructions = \"y\"\nblanks = [\"lb\"]\n";
    let lib = load(&[
        ("diagrams/t.toml", SPEC),
        ("diagrams/extra.toml", drill_file),
    ]);
    let p: Vec<String> = lib.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        p,
        vec!["diagrams/extra.toml:4: drill names unknown diagram `nope`"]
    );
    assert_eq!(lib.drills().count(), 4, "the good file still loads");

    let ok = drill_file.replace("nope", "t");
    let lib = load(&[("diagrams/t.toml", SPEC), ("diagrams/extra.toml", &ok)]);
    assert!(lib.problems().is_empty(), "{:?}", lib.problems());
    assert!(
        lib.drill("extra").is_some(),
        "a drill may live in its own file"
    );

    let dup = ok.replace("\"extra\"", "\"t-label\"");
    let lib = load(&[("diagrams/t.toml", SPEC), ("diagrams/extra.toml", &dup)]);
    let header = line_of(SPEC, "id = \"t-label\"") - 1;
    assert_eq!(
        lib.problems()[0].to_string(),
        format!(
            "diagrams/extra.toml:2: drill id `t-label` is also used in diagrams/t.toml:{header}"
        )
    );

    let lib = load(&[("diagrams/t.toml", SPEC), ("diagrams/u.toml", SPEC)]);
    assert_eq!(
        lib.problems()[0].to_string(),
        "diagrams/u.toml:2: diagram id `t` is also used in diagrams/t.toml"
    );

    // A broken diagram drops itself and its drills, quietly for the drills, and nothing else.
    let broken = SPEC
        .replace("kind = \"vpc\"", "kind = \"network\"")
        .replace("id = \"t\"", "id = \"u\"")
        .replace("\"t-", "\"u-");
    let lib = load(&[("diagrams/t.toml", SPEC), ("diagrams/u.toml", &broken)]);
    assert_eq!(lib.problems().len(), 1, "{:?}", lib.problems());
    assert_eq!(lib.diagram_ids().len(), 1);
}
