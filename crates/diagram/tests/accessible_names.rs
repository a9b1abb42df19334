//! Label in name (WCAG 2.5.3, axe's `label-content-name-mismatch`): on every control a drill
//! screen draws, the text a sighted learner sees is part of the name assistive technology reads,
//! so a speech-input user can say what they see. Compared as axe 4.14 does: all text on screen
//! (aria-hidden does not hide it from the eye), parentheticals dropped, words of letters and
//! digits, the shown words a contiguous run of the name's words.
use archdrill_diagram::{drill_view, render_attempt, solution, DrillKind, Library, Theme};

/// The words axe compares: lower case, text in parentheses dropped, anything but letters and
/// digits a separator.
fn words(s: &str) -> Vec<String> {
    let mut text = s.to_lowercase();
    while let (Some(open), Some(close)) = (text.find('('), text.find(')')) {
        if close < open {
            break;
        }
        text.replace_range(open..=close, " ");
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn seen_text(node: roxmltree::Node) -> String {
    if node.is_text() {
        return node.text().unwrap_or_default().to_string();
    }
    node.children().map(seen_text).collect::<Vec<_>>().join(" ")
}

fn mismatches(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("the renderer writes well-formed SVG");
    let mut out = Vec::new();
    for control in doc
        .descendants()
        .filter(|n| n.attribute("role") == Some("button"))
    {
        let name = words(control.attribute("aria-label").unwrap_or_default());
        let seen = words(&seen_text(control));
        let contained = seen.is_empty() || name.windows(seen.len()).any(|w| w == seen.as_slice());
        if !contained {
            out.push(format!("name {name:?} lacks the shown {seen:?}"));
        }
    }
    out
}

#[test]
fn every_control_on_a_drill_screen_carries_its_visible_text_in_its_name() {
    let lib = Library::load_embedded();
    let mut found = Vec::new();
    for drill in lib.drills() {
        let view = drill_view(&lib, &drill.id).unwrap();
        for (theme, svg) in [("light", &view.svg), ("dark", &view.svg_dark)] {
            found.extend(
                mismatches(svg)
                    .into_iter()
                    .map(|m| format!("{} ({theme}): {m}", drill.id)),
            );
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn design_and_failure_canvases_keep_their_names_as_the_learner_works_and_after_check() {
    let lib = Library::load_embedded();
    let mut found = Vec::new();
    for drill in lib.drills() {
        if !matches!(drill.kind, DrillKind::Design | DrillKind::Failure) {
            continue;
        }
        let sub = solution(&lib, &drill.id).unwrap();
        for checked in [false, true] {
            let svg = render_attempt(&lib, &drill.id, &sub, checked, Theme::Light).unwrap();
            found.extend(
                mismatches(&svg)
                    .into_iter()
                    .map(|m| format!("{} (checked: {checked}): {m}", drill.id)),
            );
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_itself_catches_a_hint_left_in_the_name() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg"><g role="button" aria-label="Drop zone: Data"><text>drop here</text></g></svg>"#;
    assert_eq!(mismatches(svg).len(), 1);
    let named = svg.replace("Drop zone: Data", "Drop zone: Data, drop here");
    assert!(mismatches(&named).is_empty());
    let out_of_order = svg.replace("Drop zone: Data", "here drop");
    assert_eq!(mismatches(&out_of_order).len(), 1);
}
