//! Draws a laid-out diagram as SVG with the `svg` crate (which escapes text and attribute values).
//! The render layer: it draws a `Layout` with the slots or overlay it is given and knows no drill
//! (draw.rs picks the layout and slots for a diagram or slot drill; play_view.rs the overlays).
//! Accessible by construction: `<title>`, `<desc>` and role="img" on the root; every drill slot is a
//! focusable `<g role="button">` with an aria-label and `data-slot`, around a visible empty box the UI
//! drops labels on. For drills, nothing that would give an answer away is drawn: blanks lose their
//! label and glyph, place items and their edges are left out, and `<desc>` is the drill's instructions.
use crate::control_name::{numbered_lead, with_shown};
use crate::diagram::Diagram;
use crate::geometry::{
    header_text, BoxLayout, Layout, Mode, NodeLayout, Rect, GLYPH, HEADER_SIZE, LABEL_SIZE, LINE,
    MARGIN, NOTE_SIZE, TITLE_SIZE,
};
use crate::glyph;
use crate::kinds::GroupKind;
use crate::layout::layout;
use crate::metrics::text_width;
use crate::overlay::Overlay;
use crate::theme::{box_style, category_color, palette, Palette, Theme};
use std::collections::HashMap;
use svg::node::element::{
    Circle, Definitions, Description, Group, Marker, Path, Rectangle, Style, Text, Title,
};
use svg::Document;

const FONT: &str = "DejaVu Sans, Verdana, Arial, sans-serif";

/// Numbers in attributes: one decimal is plenty at diagram scale and keeps the output short and stable.
pub(crate) fn n(v: f32) -> String {
    // Integer arithmetic: float formatting was a visible share of render time.
    let tenths = (f64::from(v) * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, frac) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

/// What the drawing needs of a drill slot: the id the UI gets back in `data-slot`, and its
/// accessible name. Plain data, so the renderer never depends on the drills above it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SlotTag<'a> {
    pub id: &'a str,
    pub aria_label: &'a str,
}

/// How a drawing is labelled: `key` makes its element ids unique on a page; `title` and `desc`
/// are what assistive technology reads.
pub(crate) struct Caption<'a> {
    pub key: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
}

pub(crate) struct Painter<'a> {
    pub p: &'static Palette,
    pub theme: Theme,
    pub prefix: String,
    /// Drill slots by the node or zone id they stand on; empty for a plain drawing.
    pub slots: HashMap<&'a str, SlotTag<'a>>,
    pub diagram: &'a Diagram,
    /// Zones, buttons and marks of an interactive drawing (design and failure drills).
    pub overlay: Option<&'a Overlay>,
}

/// Draws `d` laid out as `lay`, with `slots` as focusable drop targets (a slot drill) or none.
pub(crate) fn render_slots(
    d: &Diagram,
    lay: &Layout,
    slots: HashMap<&str, SlotTag<'_>>,
    theme: Theme,
    caption: &Caption,
) -> String {
    let painter = Painter {
        p: palette(theme),
        theme,
        prefix: format!("ad-{}-{}", caption.key, theme.name()),
        slots,
        diagram: d,
        overlay: None,
    };
    painter
        .document(lay, caption.title, caption.desc)
        .to_string()
}

/// Draws `d` laid out with `mode`, with the overlay's zones, buttons and marks.
pub(crate) fn render_overlay(
    d: &Diagram,
    mode: &Mode,
    overlay: &Overlay,
    theme: Theme,
    key: &str,
) -> String {
    let lay = layout(d, mode);
    let painter = Painter {
        p: palette(theme),
        theme,
        prefix: format!("ad-{key}-{}", theme.name()),
        slots: HashMap::new(),
        diagram: d,
        overlay: Some(overlay),
    };
    painter
        .document(&lay, &overlay.title, &overlay.desc)
        .to_string()
}

/// A text at (x, y). Size, colour and anchor come from the enclosing group where possible: the root
/// sets the label size and text colour, so most texts carry only their position (fewer attributes
/// made rendering markedly faster, and the SVG smaller).
pub(crate) fn at(x: f32, y: f32, content: &str) -> Text {
    Text::new(content).set("x", n(x)).set("y", n(y))
}

pub(crate) fn text(x: f32, y: f32, content: &str, size: f32, bold: bool, fill: &str) -> Text {
    let t = Text::new(content)
        .set("x", n(x))
        .set("y", n(y))
        .set("font-size", n(size))
        .set("fill", fill);
    if bold {
        t.set("font-weight", "bold")
    } else {
        t
    }
}

pub(crate) fn rect(r: Rect, rx: f32, fill: &str, stroke: &str) -> Rectangle {
    Rectangle::new()
        .set("x", n(r.x))
        .set("y", n(r.y))
        .set("width", n(r.w))
        .set("height", n(r.h))
        .set("rx", n(rx))
        .set("fill", fill)
        .set("stroke", stroke)
}

impl Painter<'_> {
    pub(crate) fn id(&self, what: &str) -> String {
        format!("{}-{what}", self.prefix)
    }

    /// The whole drawing, bottom to top: background and title, boxes, edges, box texts over the
    /// edges, nodes, edge labels, footnotes.
    fn document(&self, lay: &Layout, title: &str, desc: &str) -> Document {
        let mut doc = self
            .root(lay, title, desc)
            .add(self.background(lay))
            .add(text(
                MARGIN,
                MARGIN + TITLE_SIZE - 2.0,
                &lay.title,
                TITLE_SIZE,
                true,
                self.p.text,
            ));
        for b in &lay.boxes {
            doc = doc.add(self.group_box(b));
        }
        doc = doc.add(self.edges(lay));
        // Box titles and notes go over the edges, with a halo in the box colour, so a line crossing
        // them never makes them unreadable.
        for i in 0..lay.boxes.len() {
            doc = doc.add(self.box_text(&lay.boxes, i));
        }
        for node in &lay.nodes {
            doc = doc.add(self.node(node));
        }
        doc = doc.add(self.edge_labels(lay));
        if let Some(notes) = self.footnotes(lay) {
            doc = doc.add(notes);
        }
        doc
    }

    /// The `<svg>` element with its size, accessible name and description, the arrow marker and the
    /// focus styles.
    fn root(&self, lay: &Layout, title: &str, desc: &str) -> Document {
        let arrow = Marker::new()
            .set("id", self.id("arrow"))
            .set("viewBox", "0 0 10 10")
            .set("refX", "9")
            .set("refY", "5")
            .set("markerWidth", "7")
            .set("markerHeight", "7")
            .set("orient", "auto-start-reverse")
            .add(
                Path::new()
                    .set("d", "M0 0 L10 5 L0 10 Z")
                    .set("fill", self.p.edge),
            );
        let style = "[data-slot],[data-zone],[data-node]{cursor:pointer}[data-slot]:focus,[data-zone]:focus,[data-node]:focus{outline:none}[data-slot]:focus .slot-box{stroke-width:3}[data-zone]:focus>rect:first-child,[data-node]:focus>g>rect:first-child{stroke-width:3.5}";
        // Buttons inside an image are invisible to assistive technology (axe: nested-interactive),
        // so a drawing with slots, zones or toggles is a labelled group instead.
        let interactive = !self.slots.is_empty() || self.overlay.is_some();
        Document::new()
            .set("viewBox", format!("0 0 {} {}", n(lay.width), n(lay.height)))
            .set("width", n(lay.width))
            .set("height", n(lay.height))
            .set("role", if interactive { "group" } else { "img" })
            .set("aria-labelledby", self.id("title"))
            .set("aria-describedby", self.id("desc"))
            .set("font-family", FONT)
            .set("font-size", n(LABEL_SIZE))
            .set("fill", self.p.text)
            .add(Title::new(title).set("id", self.id("title")))
            .add(
                Description::new()
                    .set("id", self.id("desc"))
                    .add(svg::node::Text::new(desc)),
            )
            .add(Definitions::new().add(arrow))
            .add(Style::new(style))
    }

    fn group_box(&self, b: &BoxLayout) -> Group {
        let style = box_style(b.kind, self.theme);
        let mut frame = rect(b.rect, 8.0, style.fill, style.stroke).set(
            "stroke-width",
            if b.kind == GroupKind::Vpc { "2" } else { "1.5" },
        );
        if let Some(dash) = style.dash {
            frame = frame.set("stroke-dasharray", dash);
        }
        let mut g = Group::new().add(frame);
        if self.overlay.is_some() {
            return self.zone_box(b, g);
        }
        let Some(slot) = self.slots.get(b.id.as_str()) else {
            return g;
        };
        if let Some(pad) = b.drop {
            let area = self.slot_box(pad);
            let hint = text(
                pad.cx(),
                pad.cy() + 4.0,
                "drop here",
                NOTE_SIZE,
                false,
                self.p.muted,
            );
            g = g.add(area).add(hint.set("text-anchor", "middle"));
            let name = with_shown(slot.aria_label, None, &["drop here"]);
            return self.slot_group(slot).set("aria-label", name).add(g);
        }
        self.slot_group(slot).add(g)
    }

    /// The colour behind box `i`: its own fill, else that of the nearest box around it with one.
    fn backdrop(&self, boxes: &[BoxLayout], i: usize) -> &'static str {
        let inside = |o: &Rect, r: &Rect| {
            o.x <= r.x && o.y <= r.y && o.right() >= r.right() && o.bottom() >= r.bottom()
        };
        std::iter::once(&boxes[i])
            .chain(
                boxes[..i]
                    .iter()
                    .rev()
                    .filter(|o| inside(&o.rect, &boxes[i].rect)),
            )
            .map(|o| box_style(o.kind, self.theme).fill)
            .find(|f| *f != "none")
            .unwrap_or(self.p.background)
    }

    /// A box's title and notes, each on a small patch of the colour behind it so that an edge
    /// crossing them never makes them unreadable (cheaper to draw than a stroked halo).
    fn box_text(&self, boxes: &[BoxLayout], i: usize) -> Group {
        let b = &boxes[i];
        let style = box_style(b.kind, self.theme);
        let patch = |x: f32, baseline: f32, w: f32| {
            rect(
                Rect {
                    x: x - 3.0,
                    y: baseline - 13.0,
                    w: w + 6.0,
                    h: 17.0,
                },
                3.0,
                self.backdrop(boxes, i),
                "none",
            )
        };
        let mut g = Group::new()
            .set("fill", style.header)
            .set("font-weight", "bold");
        if !b.label.is_empty() || b.cidr.is_some() {
            let centred = matches!(b.kind, GroupKind::Stage | GroupKind::Option);
            let full = header_text(&b.label, b.cidr.as_deref());
            let width = text_width(&full, HEADER_SIZE, true);
            let x = if centred {
                b.rect.cx() - width / 2.0
            } else {
                b.rect.x + 12.0
            };
            let y = b.rect.y + 19.0;
            g = g.add(patch(x, y, width)).add(at(x, y, &b.label));
            if let Some(c) = &b.cidr {
                let dx = if b.label.is_empty() {
                    0.0
                } else {
                    text_width(&format!("{}  ", b.label), HEADER_SIZE, true)
                };
                let cidr = at(x + dx, y, c)
                    .set("font-weight", "normal")
                    .set("font-size", n(HEADER_SIZE - 1.0));
                g = g.add(cidr.set("fill", self.p.muted));
            }
        }
        let count = b.notes.len();
        if count > 0 {
            let mut notes = Group::new()
                .set("font-weight", "normal")
                .set("font-size", n(NOTE_SIZE))
                .set("fill", self.p.text);
            for (k, note) in b.notes.iter().enumerate() {
                let (x, y) = (
                    b.rect.x + 14.0,
                    b.rect.bottom() - 12.0 - LINE * (count - 1 - k) as f32,
                );
                notes = notes
                    .add(patch(x, y, text_width(note, NOTE_SIZE, false)))
                    .add(at(x, y, note));
            }
            g = g.add(notes);
        }
        g
    }

    /// The dashed box of an empty slot; the UI lays placed labels over `.slot-box`.
    pub(crate) fn slot_box(&self, r: Rect) -> svg::node::element::Rectangle {
        rect(r, 6.0, self.p.slot, self.p.slot_stroke)
            .set("class", "slot-box")
            .set("stroke-dasharray", "5 4")
            .set("stroke-width", "1.5")
    }

    pub(crate) fn slot_group(&self, slot: &SlotTag) -> Group {
        Group::new()
            .set("data-slot", slot.id)
            .set("tabindex", "0")
            .set("role", "button")
            .set("aria-label", slot.aria_label)
    }

    fn node(&self, nl: &NodeLayout) -> Group {
        if nl.compact {
            return self.compact_node(nl);
        }
        let r = nl.rect;
        let node = self.diagram.node(&nl.id).expect("laid-out nodes exist");
        let label_top = r.y + 10.0 + GLYPH + 8.0;
        let mut g = Group::new().set("text-anchor", "middle");
        match nl.blank {
            Some(number) => {
                let slot_box = self.slot_box(r);
                g = g
                    .add(slot_box)
                    .add(
                        Circle::new()
                            .set("cx", n(r.cx()))
                            .set("cy", n(r.y + 10.0 + GLYPH / 2.0))
                            .set("r", "12")
                            .set("fill", self.p.slot_stroke),
                    )
                    .add(
                        at(r.cx(), r.y + 10.0 + GLYPH / 2.0 + 5.0, &number.to_string())
                            .set("font-weight", "bold")
                            .set("fill", self.p.background),
                    );
            }
            None => {
                let color = category_color(node.kind.category, self.theme);
                g = g.add(rect(r, 6.0, self.p.card, self.p.card_stroke));
                let mut icon = Group::new()
                    .set(
                        "transform",
                        format!("translate({} {})", n(r.cx() - GLYPH / 2.0), n(r.y + 10.0)),
                    )
                    .set("fill", color);
                if let Some((stroke, fill)) = glyph::paths(node.kind.name) {
                    icon = icon.add(
                        Path::new()
                            .set("d", stroke)
                            .set("fill", "none")
                            .set("stroke", color)
                            .set("stroke-width", "2")
                            .set("stroke-linecap", "round")
                            .set("stroke-linejoin", "round"),
                    );
                    if !fill.is_empty() {
                        icon = icon.add(Path::new().set("d", fill));
                    }
                }
                g = g.add(icon);
                for (i, line) in nl.lines.iter().enumerate() {
                    g = g.add(at(r.cx(), label_top + 12.0 + LINE * i as f32, line));
                }
            }
        }
        if !nl.notes.is_empty() {
            let mut notes = Group::new()
                .set("font-size", n(NOTE_SIZE))
                .set("fill", self.p.muted);
            for (i, note) in nl.notes.iter().enumerate() {
                notes = notes.add(at(
                    r.cx(),
                    label_top + 12.0 + LINE * (nl.lines.len() + i) as f32,
                    note,
                ));
            }
            g = g.add(notes);
        }
        self.node_control(nl, g)
    }

    /// Wraps a drawn node as the control it is: a component of a design or failure drill, a
    /// blank or step of a slot drill, or nothing.
    pub(crate) fn node_control(&self, nl: &NodeLayout, g: Group) -> Group {
        if self.overlay.is_some() {
            return self.pick_node(nl, g);
        }
        let slot = self
            .slots
            .get(nl.id.as_str())
            .filter(|_| nl.blank.is_some());
        match slot {
            Some(slot) => {
                // The badge shows the number, then the notes: the name says them in that order.
                let notes: Vec<&str> = nl.notes.iter().map(String::as_str).collect();
                let lead = nl.blank.and_then(|b| numbered_lead(slot.aria_label, b));
                let name = with_shown(slot.aria_label, lead, &notes);
                self.slot_group(slot).set("aria-label", name).add(g)
            }
            None => g,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::n;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.345), "12.3");
        assert_eq!(n(-0.04), "0");
        assert_eq!(n(-0.26), "-0.3");
        assert_eq!(n(-12.0), "-12");
        assert_eq!(n(1000.04), "1000");
    }
}
