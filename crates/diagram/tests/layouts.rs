//! The whole-diagram layouts (tree, …): their spec mistakes are reported as `file:line: message`, and
//! odd but valid content (empty boxes, a lone node, deep nesting) draws without a panic.
mod common;
use archdrill_diagram::{render_svg, Library, RenderOptions};
use common::{line_after, load};

fn problems(text: &str) -> Vec<(u32, String)> {
    load(&[("diagrams/t.toml", text)])
        .problems()
        .iter()
        .map(|p| (p.line, p.message.clone()))
        .collect()
}

/// `fragment` reported at the first line holding `needle` after the `[diagram]` table.
fn expect(text: &str, needle: &str, fragment: &str) {
    let line = line_after(text, needle, 4);
    let p = problems(text);
    assert!(
        p.iter().any(|(l, m)| *l == line && m.contains(fragment)),
        "expected line {line} to report {fragment:?}; got {p:#?}"
    );
}

/// Every diagram in `text` draws in both themes.
fn draws(text: &str) -> Library {
    let lib = load(&[("diagrams/t.toml", text)]);
    assert!(lib.problems().is_empty(), "{:?}", lib.problems());
    for d in lib.diagrams() {
        for theme in [
            archdrill_diagram::Theme::Light,
            archdrill_diagram::Theme::Dark,
        ] {
            let svg = render_svg(d, &RenderOptions { theme, drill: None });
            assert!(svg.starts_with("<svg"), "{svg}");
        }
    }
    lib
}

const TREE: &str = r#"[diagram]
id = "t"
title = "Tree"
arrange = "tree"

[[group]]
id = "root"
kind = "cloud"
label = "Root"

[[group]]
id = "a"
kind = "zone"
label = "A"
in = "root"

[[group]]
id = "b"
kind = "zone"
label = "B"
in = "root"

[[node]]
id = "n1"
kind = "generic"
label = "One"
in = "a"
"#;

#[test]
fn tree_problems_point_at_their_line() {
    let on_group = TREE.replace("label = \"A\"\n", "label = \"A\"\narrange = \"tree\"\n");
    expect(
        &on_group,
        "arrange = \"tree\"",
        "lays out a whole diagram: set it in [diagram], not on group `a`",
    );
    let with_grid = format!("{TREE}\n[grid]\nin = \"a\"\n\n[[az]]\nid = \"z\"\nlabel = \"Z\"\n\n[[tier]]\nid = \"p\"\nlabel = \"P\"\nkind = \"public\"\n");
    expect(&with_grid, "[grid]", "a tree diagram has no AZ × tier grid");
    let unknown = TREE.replace("label = \"B\"", "label = \"B\"\narrange = \"forest\"");
    expect(&unknown, "\"forest\"", "unknown arrange \"forest\"");
}

#[test]
fn odd_trees_draw() {
    draws(TREE);
    // Only nodes: a forest of lone cards.
    draws("[diagram]\nid = \"t\"\ntitle = \"T\"\narrange = \"tree\"\n\n[[node]]\nid = \"x\"\nkind = \"user\"\nlabel = \"X\"\n\n[[node]]\nid = \"y\"\nkind = \"user\"\nlabel = \"Y\"\n\n[[edge]]\nfrom = \"x\"\nto = \"y\"\n");
    // Nothing at all but a title.
    draws("[diagram]\nid = \"t\"\ntitle = \"T\"\narrange = \"tree\"\n");
    // A deep chain of empty boxes with an unlabelled one.
    let mut deep = String::from("[diagram]\nid = \"t\"\ntitle = \"T\"\narrange = \"tree\"\n");
    for i in 0..12 {
        let parent = if i == 0 {
            String::new()
        } else {
            format!("in = \"g{}\"\n", i - 1)
        };
        deep.push_str(&format!(
            "\n[[group]]\nid = \"g{i}\"\nkind = \"zone\"\n{parent}"
        ));
    }
    draws(&deep);
}

const LADDER: &str = r#"[diagram]
id = "t"
title = "Ladder"
arrange = "ladder"

[[node]]
id = "hot"
kind = "bucket"
label = "Hot"

[[node]]
id = "t1"
kind = "timer"
label = "After 30 days"

[[node]]
id = "cold"
kind = "bucket"
label = "Cold"

[[group]]
id = "side"
kind = "zone"
label = "Side"

[[node]]
id = "extra"
kind = "timer"
label = "Abort after 7 days"
in = "side"
"#;

#[test]
fn ladder_problems_point_at_their_line() {
    let trailing =
        format!("{LADDER}\n[[node]]\nid = \"t2\"\nkind = \"timer\"\nlabel = \"Later\"\n");
    expect(
        &trailing,
        "id = \"t2\"",
        "threshold `t2` (a timer node) must come between two rungs",
    );
    let doubled = LADDER.replace(
        "[[node]]\nid = \"cold\"",
        "[[node]]\nid = \"t0\"\nkind = \"timer\"\nlabel = \"Again\"\n\n[[node]]\nid = \"cold\"",
    );
    expect(
        &doubled,
        "id = \"t1\"",
        "threshold `t1` (a timer node) must come between",
    );
    let one = "[diagram]\nid = \"t\"\ntitle = \"T\"\narrange = \"ladder\"\n\n[[node]]\nid = \"a\"\nkind = \"bucket\"\nlabel = \"A\"\n";
    let p = problems(one);
    assert!(
        p.iter()
            .any(|(l, m)| *l == 1 && m.contains("a ladder needs two or more rungs")),
        "{p:?}"
    );
    let nested = format!("{LADDER}\n[[group]]\nid = \"inner\"\nkind = \"zone\"\nin = \"side\"\n");
    expect(
        &nested,
        "id = \"inner\"",
        "a ladder's side boxes hold nodes only",
    );
}

#[test]
fn odd_ladders_draw() {
    draws(LADDER);
    // Rungs only, no thresholds.
    let plain = LADDER.replace(
        "kind = \"timer\"\nlabel = \"After 30 days\"",
        "kind = \"bucket\"\nlabel = \"Warm\"",
    );
    draws(&plain);
}

const SEQUENCE: &str = r#"[diagram]
id = "t"
title = "Sequence"
arrange = "sequence"

[[node]]
id = "a"
kind = "client"
label = "A"

[[node]]
id = "b"
kind = "queue"
label = "B"

[[message]]
id = "m1"
from = "a"
to = "b"
label = "Hello"

[[message]]
id = "m2"
from = "b"
to = "a"
label = "Hi back"
style = "dashed"
"#;

#[test]
fn sequence_problems_point_at_their_line() {
    let nowhere = SEQUENCE.replace("to = \"b\"", "to = \"c\"");
    expect(
        &nowhere,
        "to = \"c\"",
        "message `m1` names `c`, which is not a participant",
    );
    let itself = SEQUENCE.replace("to = \"b\"", "to = \"a\"");
    expect(
        &itself,
        "to = \"a\"",
        "message `m1` goes from `a` to itself",
    );
    let wavy = SEQUENCE.replace("style = \"dashed\"", "style = \"wavy\"");
    expect(&wavy, "wavy", "unknown message style \"wavy\"");
    let edge = format!("{SEQUENCE}\n[[edge]]\nfrom = \"a\"\nto = \"b\"\n");
    expect(&edge, "[[edge]]", "draws its arrows from [[message]]s");
    let group = format!("{SEQUENCE}\n[[group]]\nid = \"g\"\nkind = \"zone\"\n");
    expect(&group, "id = \"g\"", "a sequence diagram has no groups");
    let side = SEQUENCE.replace("label = \"B\"", "label = \"B\"\nside = \"end\"");
    expect(&side, "side = \"end\"", "participant `b` takes no side");
    let twice = SEQUENCE.replace("id = \"m2\"", "id = \"m1\" # again");
    expect(&twice, "# again", "duplicate id `m1`");
    let stray = SEQUENCE.replace("arrange = \"sequence\"", "arrange = \"row\"");
    expect(
        &stray,
        "[[message]]",
        "[[message]] tables belong to a sequence diagram",
    );
    let alone = "[diagram]\nid = \"t\"\ntitle = \"T\"\narrange = \"sequence\"\n";
    let p = problems(alone);
    for want in ["two or more participants", "at least one [[message]]"] {
        assert!(
            p.iter().any(|(l, m)| *l == 1 && m.contains(want)),
            "{want}: {p:?}"
        );
    }
}

#[test]
fn sequences_draw() {
    let lib = draws(SEQUENCE);
    let d = lib.diagram("t").expect("loaded");
    // A message is a node: drills can blank it.
    assert_eq!(d.node("m2").map(|n| n.label.as_str()), Some("Hi back"));
}

const FLOWCHART: &str = r#"[diagram]
id = "t"
title = "Flowchart"
arrange = "flowchart"

[[node]]
id = "start"
kind = "alarm"
label = "Start"

[[node]]
id = "ask"
kind = "choice"
label = "Ready?"

[[node]]
id = "go"
kind = "step"
label = "Go"

[[node]]
id = "wait"
kind = "timer"
label = "Wait"

[[edge]]
from = "start"
to = "ask"

[[edge]]
from = "ask"
to = "go"
label = "Yes"

[[edge]]
from = "ask"
to = "wait"
label = "No"

[[edge]]
from = "wait"
to = "ask"
"#;

#[test]
fn flowchart_problems_point_at_their_line() {
    let bare = FLOWCHART.replace("label = \"Yes\"\n", "");
    expect(
        &bare,
        "to = \"go\"",
        "branch from decision `ask` to `go` needs a label",
    );
    let same = FLOWCHART.replace("label = \"No\"", "label = \"yes\"");
    expect(&same, "label = \"yes\"", "two branches labelled \"yes\"");
    let one = FLOWCHART.replace(
        "from = \"ask\"\nto = \"wait\"",
        "from = \"go\"\nto = \"wait\"",
    );
    expect(
        &one,
        "id = \"ask\"",
        "decision `ask` needs two or more branches",
    );
    let forked = format!("{FLOWCHART}\n[[edge]]\nfrom = \"start\" # fork\nto = \"go\"\n");
    expect(&forked, "# fork", "only a decision branches: `start`");
    let group = format!("{FLOWCHART}\n[[group]]\nid = \"g\"\nkind = \"zone\"\n");
    expect(&group, "id = \"g\"", "a flowchart has no groups");
    let grid = format!("{FLOWCHART}\n[grid]\nin = \"g\"\n");
    expect(&grid, "[grid]", "a flowchart diagram has no AZ × tier grid");
    let alone = "[diagram]\nid = \"t\"\ntitle = \"T\"\narrange = \"flowchart\"\n\n[[node]]\nid = \"a\"\nkind = \"step\"\nlabel = \"A\"\n";
    let p = problems(alone);
    assert!(
        p.iter()
            .any(|(l, m)| *l == 1 && m.contains("two or more nodes")),
        "{p:?}"
    );
    let no_edges = format!("{alone}\n[[node]]\nid = \"b\"\nkind = \"step\"\nlabel = \"B\"\n");
    let p = problems(&no_edges);
    assert!(
        p.iter()
            .any(|(l, m)| *l == 1 && m.contains("needs [[edge]]s")),
        "{p:?}"
    );
}

#[test]
fn odd_flowcharts_draw() {
    draws(FLOWCHART);
    // Loops only, a step nothing leads to, a skip past a node of its own column.
    let odd = format!(
        "{FLOWCHART}\n[[node]]\nid = \"lone\"\nkind = \"step\"\nlabel = \"Lone\"\n\n[[edge]]\nfrom = \"go\"\nto = \"start\"\n"
    );
    draws(&odd);
    let skip = FLOWCHART.replace(
        "[[edge]]\nfrom = \"wait\"\nto = \"ask\"\n",
        "[[node]]\nid = \"end\"\nkind = \"success\"\nlabel = \"End\"\n\n[[edge]]\nfrom = \"go\"\nto = \"end\"\n\n[[edge]]\nfrom = \"wait\"\nto = \"end\"\n",
    );
    draws(&skip);
}
