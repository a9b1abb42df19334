//! The lines of a drawing: edges with their arrowheads, edge labels on pills, and the footnotes box.
//! Part of the render layer (render.rs draws boxes and nodes and puts the document together).
use crate::diagram::Direction;
use crate::geometry::{Layout, Rect, LINE, NOTE_SIZE};
use crate::metrics::text_width;
use crate::render::{at, n, rect, Painter};
use svg::node::element::{Group, Path};

impl Painter<'_> {
    /// Every edge as one path, with arrowheads for its direction; stroke shared by the group.
    pub(crate) fn edges(&self, lay: &Layout) -> Group {
        let mut edges = Group::new()
            .set("fill", "none")
            .set("stroke", self.p.edge)
            .set("stroke-width", "1.6");
        let marker = format!("url(#{})", self.id("arrow"));
        for e in &lay.edges {
            let d = e
                .points
                .iter()
                .enumerate()
                .map(|(i, (x, y))| {
                    format!("{}{} {}", if i == 0 { "M" } else { " L" }, n(*x), n(*y))
                })
                .collect::<String>();
            let mut path = Path::new().set("d", d);
            if e.direction != Direction::None {
                path = path.set("marker-end", marker.as_str());
            }
            if e.direction == Direction::Both {
                path = path.set("marker-start", marker.as_str());
            }
            if e.dashed {
                path = path.set("stroke-dasharray", "6 4");
            }
            edges = edges.add(path);
        }
        edges
    }

    /// Edge labels on pills, so they read over the lines they name.
    pub(crate) fn edge_labels(&self, lay: &Layout) -> Group {
        let mut labels = Group::new()
            .set("font-size", n(NOTE_SIZE))
            .set("text-anchor", "middle");
        for (x, y, label) in lay.edges.iter().filter_map(|e| e.label.as_ref()) {
            let w = text_width(label, NOTE_SIZE, false) + 10.0;
            let pill = Rect {
                x: x - w / 2.0,
                y: y - 9.0,
                w,
                h: 18.0,
            };
            labels = labels
                .add(rect(pill, 4.0, self.p.pill, self.p.card_stroke))
                .add(at(*x, y + 4.0, label));
        }
        labels
    }

    pub(crate) fn footnotes(&self, lay: &Layout) -> Option<Group> {
        let (r, lines) = lay.footnotes.as_ref()?;
        let mut notes = Group::new().add(rect(*r, 6.0, self.p.footnote, self.p.card_stroke));
        for (i, l) in lines.iter().enumerate() {
            notes = notes.add(at(r.x + 14.0, r.y + 22.0 + LINE * i as f32, l));
        }
        Some(notes)
    }
}
