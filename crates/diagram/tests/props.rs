//! Properties that must hold for any input: swapping answers inside an interchangeable set never
//! changes the score; scores stay in [0, 1] and ratings in 1–4; the grader and the spec loader never
//! panic, whatever they are fed; anything that loads also lays out and renders.
mod common;
use archdrill_diagram::{
    answer_key, drill_view, grade, render_svg, Library, Placement, RenderOptions, Submission,
    TypedAnswer,
};
use common::{lib, SPEC};
use proptest::prelude::*;
use std::sync::OnceLock;

fn shared() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(lib)
}

fn shipped() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(Library::load_embedded)
}

/// A valid placement submission for `drill`: each bank card at most once, each one-answer slot at
/// most once, chosen by the `picks` (card index, slot index) pairs.
fn placements(lib: &Library, drill: &str, picks: &[(usize, usize)]) -> Submission {
    let d = lib.drill(drill).unwrap();
    let mut used_cards = Vec::new();
    let mut used_slots = Vec::new();
    let mut out = Vec::new();
    for &(c, s) in picks {
        let (card, slot) = (&d.bank[c % d.bank.len()], &d.slots[s % d.slots.len()]);
        if used_cards.contains(&card.id) || (!slot.accepts_many && used_slots.contains(&slot.id)) {
            continue;
        }
        used_cards.push(card.id.clone());
        used_slots.push(slot.id.clone());
        out.push(Placement {
            slot: slot.id.clone(),
            label: card.id.clone(),
        });
    }
    Submission {
        placements: out,
        ..Submission::default()
    }
}

/// The same submission with the answers of slots `a` and `b` exchanged.
fn swap(sub: &Submission, a: &str, b: &str) -> Submission {
    let mut s = sub.clone();
    for p in &mut s.placements {
        if p.slot == a {
            p.slot = b.to_string();
        } else if p.slot == b {
            p.slot = a.to_string();
        }
    }
    s
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=<n> runs more.
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)))]

    #[test]
    fn swapping_inside_an_interchangeable_set_keeps_the_score(picks in prop::collection::vec((0usize..16, 0usize..16), 0..12)) {
        let lib = shared();
        for (drill, pair) in [("t-label", ("db-1", "db-2")), ("t-place", ("data-a", "data-b"))] {
            let key = answer_key(lib, drill).unwrap();
            let id = |t: &str| key.slots.iter().find(|s| s.target == t).unwrap().slot.clone();
            let sub = placements(lib, drill, &picks);
            let before = grade(lib, drill, &sub).unwrap();
            let after = grade(lib, drill, &swap(&sub, &id(pair.0), &id(pair.1))).unwrap();
            prop_assert_eq!(before.score, after.score, "{}", drill);
            prop_assert_eq!(before.points, after.points);
        }
    }

    #[test]
    fn scores_stay_in_range_for_every_shipped_drill(picks in prop::collection::vec((0usize..32, 0usize..32), 0..16), typed in prop::collection::vec(".{0,30}", 0..8)) {
        let lib = shipped();
        for d in lib.drills() {
            let sub = match d.kind {
                archdrill_diagram::DrillKind::Recall => Submission {
                    answers: d.slots.iter().zip(&typed).map(|(s, t)| TypedAnswer { slot: s.id.clone(), text: t.clone() }).collect(),
                    ..Submission::default()
                },
                // Design and failure drills: part of the right answer (their own property tests
                // in design.rs cover arbitrary designs).
                archdrill_diagram::DrillKind::Design | archdrill_diagram::DrillKind::Failure => {
                    let mut s = archdrill_diagram::solution(lib, &d.id).unwrap();
                    s.components.truncate(picks.len());
                    let kept: Vec<String> = s.components.iter().map(|c| c.id.clone()).collect();
                    let fixed = archdrill_diagram::drill_view(lib, &d.id).unwrap().design.map(|v| v.fixed.into_iter().map(|f| f.id).collect::<Vec<_>>()).unwrap_or_default();
                    s.connections.retain(|c| [&c.from, &c.to].iter().all(|e| kept.contains(e) || fixed.contains(e)));
                    s.down.truncate(picks.len());
                    s.choices.truncate(typed.len());
                    s
                }
                _ => placements(lib, &d.id, &picks),
            };
            let r = grade(lib, &d.id, &sub).unwrap();
            prop_assert!((0.0..=1.0).contains(&r.score), "{} scored {}", d.id, r.score);
            prop_assert!((1..=4).contains(&r.rating));
            if d.kind != archdrill_diagram::DrillKind::Failure && d.kind != archdrill_diagram::DrillKind::Design { prop_assert_eq!(r.slots.len(), d.slots.len()); }
        }
    }

    #[test]
    fn the_grader_never_panics(
        drill in prop::sample::select(vec!["t-label", "t-place", "t-order", "t-recall", "missing", ""]),
        slots in prop::collection::vec("s[0-9]{1,2}|.{0,8}", 0..20),
        labels in prop::collection::vec("b[0-9]{1,2}|.{0,8}", 0..20),
        texts in prop::collection::vec(".{0,250}", 0..5),
        huge in any::<bool>(),
    ) {
        let lib = shared();
        let n = if huge { 300 } else { 1 };
        let sub = Submission {
            placements: (0..n).flat_map(|_| slots.iter().zip(labels.iter().cycle()).map(|(s, l)| Placement { slot: s.clone(), label: l.clone() })).collect(),
            answers: slots.iter().zip(texts.iter().cycle()).map(|(s, t)| TypedAnswer { slot: s.clone(), text: t.clone() }).collect(),
            order: labels.clone(),
            ..Submission::default()
        };
        let _ = grade(lib, drill, &sub);
        let _ = grade(lib, drill, &Submission { order: labels, ..Submission::default() });
    }

    #[test]
    fn the_loader_never_panics_on_arbitrary_text(text in ".{0,400}") {
        let lib = Library::from_sources(vec![("diagrams/x.toml".into(), text)]);
        render_all(&lib);
    }

    #[test]
    fn the_loader_never_panics_on_mutated_specs(base in 0usize..64, edits in prop::collection::vec((0usize..4, 0usize..5000, 0usize..5000, ".{0,12}"), 1..6)) {
        let sources = bases();
        let mut lines: Vec<String> = sources[base % sources.len()].lines().map(str::to_string).collect();
        for (op, a, b, s) in edits {
            let (i, j) = (a % lines.len().max(1), b % lines.len().max(1));
            match op {
                0 if !lines.is_empty() => { lines.remove(i); }
                1 if !lines.is_empty() => { let l = lines[i].clone(); lines.insert(j, l); }
                2 if !lines.is_empty() => lines.swap(i, j),
                _ if !lines.is_empty() => {
                    let l = &mut lines[i];
                    let cut = l.char_indices().map(|(k, _)| k).nth(b % (l.chars().count() + 1)).unwrap_or(l.len());
                    l.replace_range(cut..cut, &s);
                }
                _ => {}
            }
        }
        let lib = Library::from_sources(vec![("diagrams/t.toml".into(), lines.join("\n"))]);
        for p in lib.problems() {
            prop_assert!(!p.message.is_empty());
        }
        render_all(&lib);
    }
}

/// The shared spec and every shipped spec, as starting points for mutation.
fn bases() -> &'static [String] {
    static BASES: OnceLock<Vec<String>> = OnceLock::new();
    BASES.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../diagrams");
        let mut out = vec![SPEC.to_string()];
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        out.extend(files.iter().map(|p| std::fs::read_to_string(p).unwrap()));
        out
    })
}

/// Whatever loads must lay out, render and produce drill views without panicking.
fn render_all(lib: &Library) {
    for d in lib.diagrams() {
        let svg = render_svg(d, &RenderOptions::default());
        assert!(svg.starts_with("<svg"));
    }
    for d in lib.drills() {
        drill_view(lib, &d.id).expect("a loaded drill has a view");
    }
}
