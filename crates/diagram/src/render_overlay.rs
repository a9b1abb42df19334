//! The interactive parts of a drawing (see overlay.rs): boxes as drop zones, nodes as buttons, and
//! the marks drawn after Check (a thick outline in the mark's colour and a word under the part, so
//! the mark never rests on colour alone).
use crate::control_name::with_shown;
use crate::geometry::{BoxLayout, Layout, NodeLayout, Rect, NOTE_SIZE};
use crate::overlay::{Mark, Pick};
use crate::render::{rect, text, Painter};
use svg::node::element::Group;

impl Painter<'_> {
    /// The page behind everything; a zone when components may go outside every box.
    pub(crate) fn background(&self, lay: &Layout) -> Group {
        let r = Rect {
            x: 0.0,
            y: 0.0,
            w: lay.width,
            h: lay.height,
        };
        let g = Group::new().add(rect(r, 0.0, self.p.background, "none"));
        match self.overlay.and_then(|o| o.zones.get("outside")) {
            Some(aria) => zone_attrs(g, "outside", aria),
            None => g,
        }
    }

    pub(crate) fn zone_box(&self, b: &BoxLayout, mut g: Group) -> Group {
        let Some(o) = self.overlay else { return g };
        if let Some(mark) = o.marks.get(&b.id) {
            g = g.add(self.outline(b.rect, *mark, 4.0));
        }
        let Some(aria) = o.zones.get(&b.id) else {
            return g;
        };
        if let Some(pad) = b.drop {
            let area = rect(pad, 6.0, self.p.slot, self.p.slot_stroke)
                .set("stroke-dasharray", "5 4")
                .set("stroke-width", "1.5");
            let hint = text(
                pad.cx(),
                pad.cy() + 4.0,
                "drop here",
                12.0,
                false,
                self.p.muted,
            );
            g = g.add(area).add(hint.set("text-anchor", "middle"));
            return zone_attrs(g, &b.id, &with_shown(aria, None, &["drop here"]));
        }
        zone_attrs(g, &b.id, aria)
    }

    pub(crate) fn pick_node(&self, nl: &NodeLayout, mut g: Group) -> Group {
        let Some(o) = self.overlay else { return g };
        let pick = o.picks.get(&nl.id);
        if pick.is_some_and(|p| p.pressed == Some(true)) {
            // A component marked as stopping: tinted, with a badge that says so (not colour alone).
            g = g
                .add(rect(nl.rect, 6.0, self.p.wrong, "none").set("opacity", "0.12"))
                .add(self.badge(
                    nl.rect.x + 4.0,
                    nl.rect.y - 9.0,
                    "stops",
                    self.p.wrong,
                    false,
                ));
        }
        if let Some(mark) = o.marks.get(&nl.id) {
            g = g.add(self.outline(nl.rect, *mark, 3.0)).add(self.badge(
                nl.rect.right() - 4.0,
                nl.rect.y - 9.0,
                mark.word(),
                self.color(*mark),
                true,
            ));
        }
        let Some(pick) = pick else {
            return g;
        };
        let mut wrapper = Group::new()
            .set("data-node", pick.data.as_str())
            .set("tabindex", "0")
            .set("role", "button")
            .set(
                "aria-label",
                pick_name(nl, pick, o.marks.get(&nl.id).copied()),
            );
        if let Some(p) = pick.pressed {
            wrapper = wrapper.set("aria-pressed", if p { "true" } else { "false" });
        }
        wrapper.add(g)
    }

    /// A small word in a pill on a node's top edge; `right_aligned` puts its right end at `x`.
    fn badge(&self, x: f32, y: f32, word: &str, color: &str, right_aligned: bool) -> Group {
        let w = crate::metrics::text_width(word, NOTE_SIZE, true) + 12.0;
        let x = if right_aligned { x - w } else { x };
        let pill = Rect { x, y, w, h: 18.0 };
        Group::new()
            .add(rect(pill, 9.0, self.p.background, color).set("stroke-width", "1.5"))
            .add(
                text(x + w / 2.0, y + 13.0, word, NOTE_SIZE, true, color)
                    .set("text-anchor", "middle"),
            )
    }

    fn color(&self, mark: Mark) -> &'static str {
        match mark {
            Mark::Wrong | Mark::Missed => self.p.wrong,
            Mark::Right => self.p.right,
        }
    }

    fn outline(&self, r: Rect, mark: Mark, gap: f32) -> svg::node::element::Rectangle {
        let around = Rect {
            x: r.x - gap,
            y: r.y - gap,
            w: r.w + 2.0 * gap,
            h: r.h + 2.0 * gap,
        };
        let o = rect(around, 8.0, "none", self.color(mark)).set("stroke-width", "3");
        if mark == Mark::Missed {
            o.set("stroke-dasharray", "7 4")
        } else {
            o
        }
    }
}

fn zone_attrs(g: Group, id: &str, aria: &str) -> Group {
    Group::new()
        .set("data-zone", id)
        .set("tabindex", "0")
        .set("role", "button")
        .set("aria-label", aria)
        .add(g)
}

/// A component's name with what it shows on screen, in the same order: its label, its notes, the
/// "stops" badge of a marked toggle, the word of a Check mark.
fn pick_name(nl: &NodeLayout, pick: &Pick, mark: Option<Mark>) -> String {
    let label = nl.lines.join(" ");
    let mut shown: Vec<&str> = nl.notes.iter().map(String::as_str).collect();
    if pick.pressed == Some(true) {
        shown.push("stops");
    }
    shown.extend(mark.map(Mark::word));
    with_shown(&pick.aria, Some(&label), &shown)
}
