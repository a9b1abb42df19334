//! Label in name (WCAG 2.5.3, axe's `label-content-name-mismatch`): on every control a drill
//! screen draws, the text a sighted learner sees is part of the name assistive technology reads,
//! so a speech-input user can say what they see. Text hidden with aria-hidden (hints, and notes
//! that are referenced by aria-describedby instead) does not count, as in axe.
use archdrill_diagram::{drill_view, Library};

/// Lower case, punctuation and runs of space folded to one space: axe compares names this way.
fn curate(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn seen_text(node: roxmltree::Node) -> String {
    if node.attribute("aria-hidden") == Some("true") {
        return String::new();
    }
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
        let name = curate(control.attribute("aria-label").unwrap_or_default());
        let seen = curate(&seen_text(control));
        let only_digits = seen.chars().all(|c| c.is_ascii_digit() || c == ' ');
        if !seen.is_empty() && !only_digits && !name.contains(&seen) {
            out.push(format!("name {name:?} lacks the visible {seen:?}"));
        }
        if let Some(id) = control.attribute("aria-describedby") {
            let target = doc.descendants().find(|n| n.attribute("id") == Some(id));
            if target.is_none() {
                out.push(format!("aria-describedby {id:?} names no element"));
            }
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
fn the_check_itself_catches_a_hint_left_in_the_name() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg"><g role="button" aria-label="Drop zone: Data"><text>drop here</text></g></svg>"#;
    assert_eq!(mismatches(svg).len(), 1);
    let hidden = svg.replace("<text>", r#"<text aria-hidden="true">"#);
    assert!(mismatches(&hidden).is_empty());
}
