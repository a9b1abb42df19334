//! Compact node cards: a label (and notes) in a card with no glyph, for layouts whose nodes sit on
//! a line of their own (a sequence's messages). A blank is a dashed box with its number on the left.
//! Slots and overlays work as for every node card (render.rs `node_control`).
use crate::geometry::{NodeLayout, LINE, NOTE_SIZE};
use crate::render::{n, rect, Painter};
use svg::node::element::{Circle, Group, Text};

impl Painter<'_> {
    pub(crate) fn compact_node(&self, nl: &NodeLayout) -> Group {
        let r = nl.rect;
        let mut g = Group::new().set("text-anchor", "middle");
        let first = r.y + 10.0 + 11.0;
        match nl.blank {
            Some(number) => {
                let slot_box = self.slot_box(r);
                let (cx, cy) = (r.x + 18.0, r.cy());
                g = g
                    .add(slot_box)
                    .add(
                        Circle::new()
                            .set("cx", n(cx))
                            .set("cy", n(cy))
                            .set("r", "11")
                            .set("fill", self.p.slot_stroke),
                    )
                    .add(
                        at(cx, cy + 5.0, &number.to_string())
                            .set("font-weight", "bold")
                            .set("fill", self.p.background),
                    );
            }
            None => {
                g = g.add(rect(r, 6.0, self.p.card, self.p.card_stroke));
                for (i, line) in nl.lines.iter().enumerate() {
                    g = g.add(at(r.cx(), first + LINE * i as f32, line));
                }
            }
        }
        if !nl.notes.is_empty() {
            let mut notes = Group::new()
                .set("font-size", n(NOTE_SIZE))
                .set("fill", self.p.muted);
            for (i, note) in nl.notes.iter().enumerate() {
                let y = first + LINE * (nl.lines.len() + i) as f32;
                notes = notes.add(at(r.cx(), y, note));
            }
            g = g.add(notes);
        }
        self.node_control(nl, g)
    }
}

fn at(x: f32, y: f32, content: &str) -> Text {
    Text::new(content).set("x", n(x)).set("y", n(y))
}
