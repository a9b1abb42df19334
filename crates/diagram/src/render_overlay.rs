//! The interactive parts of a drawing (see overlay.rs): boxes as drop zones, nodes as buttons, and
//! the marks drawn after Check (a thick outline in the mark's colour and a word under the part, so
//! the mark never rests on colour alone).
use crate::layout::{BoxLayout, Layout, NodeLayout, Rect, NOTE_SIZE};
use crate::overlay::Mark;
use crate::render::{n, rect, text, Painter};
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
        }
        zone_attrs(g, &b.id, aria)
    }

    pub(crate) fn pick_node(&self, nl: &NodeLayout, mut g: Group) -> Group {
        let Some(o) = self.overlay else { return g };
        if let Some(mark) = o.marks.get(&nl.id) {
            g = g.add(self.outline(nl.rect, *mark, 3.0)).add(
                text(
                    nl.rect.cx(),
                    nl.rect.bottom() + 14.0,
                    mark.word(),
                    NOTE_SIZE,
                    true,
                    self.color(*mark),
                )
                .set("text-anchor", "middle"),
            );
        }
        let Some(pick) = o.picks.get(&nl.id) else {
            return g;
        };
        if pick.pressed == Some(true) {
            // A pressed toggle is crossed out: "stops serving".
            let r = nl.rect;
            g = g.add(
                svg::node::element::Path::new()
                    .set(
                        "d",
                        format!(
                            "M{} {} L{} {} M{} {} L{} {}",
                            n(r.x + 6.0),
                            n(r.y + 6.0),
                            n(r.right() - 6.0),
                            n(r.bottom() - 6.0),
                            n(r.right() - 6.0),
                            n(r.y + 6.0),
                            n(r.x + 6.0),
                            n(r.bottom() - 6.0)
                        ),
                    )
                    .set("stroke", self.p.wrong)
                    .set("stroke-width", "2.5")
                    .set("opacity", "0.8"),
            );
        }
        let mut wrapper = Group::new()
            .set("data-node", pick.data.as_str())
            .set("tabindex", "0")
            .set("role", "button")
            .set("aria-label", pick.aria.as_str());
        if let Some(p) = pick.pressed {
            wrapper = wrapper.set("aria-pressed", if p { "true" } else { "false" });
        }
        wrapper.add(g)
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
