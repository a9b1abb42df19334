//! The state of one layout run and its leaf operations: measuring and placing nodes and drop pads,
//! the two kinds of child that hold nothing. The grid (grid.rs) holds only these, so it works on a
//! bare `Ctx`; the orchestrator (layout.rs) wraps it to add groups and the grid itself.
use crate::arrange::Children;
use crate::diagram::{Diagram, Node, Place, Side};
use crate::geometry::{
    BoxLayout, Layout, Mode, NodeLayout, Rect, DROP_H, DROP_W, GLYPH, LABEL_SIZE, LINE, NOTE_SIZE,
};
use crate::kinds::GroupKind;
use crate::metrics::{widest, wrap};
use std::collections::HashMap;

const LABEL_MAX: f32 = 150.0;
const NODE_MIN_W: f32 = 124.0;
const BLANK_LINES: usize = 2;
/// A compact card's label wraps wider: it has no glyph above it and sits on a line of its own.
const COMPACT_MAX: f32 = 230.0;
const COMPACT_MIN_W: f32 = 150.0;

/// A child that holds nothing: a node, or the drop pad of the zone with this id.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Leaf<'d> {
    Node(&'d Node),
    Pad(&'d str),
}

pub(crate) struct Ctx<'d> {
    pub d: &'d Diagram,
    pub mode: &'d Mode,
    /// Sizes of nodes and groups, by id (ids are unique across both), measured once.
    sizes: HashMap<String, (f32, f32)>,
    pub out: Layout,
}

/// The label lines a node card shows (two empty ones for a blank, whose size must not hint at its answer).
fn node_lines(n: &Node, blank: bool) -> Vec<String> {
    if blank {
        return vec![String::new(); BLANK_LINES];
    }
    wrap(&n.label, LABEL_SIZE, false, LABEL_MAX)
}

impl<'d> Ctx<'d> {
    /// An empty layout of `d`, titled as the mode says.
    pub fn new(d: &'d Diagram, mode: &'d Mode) -> Ctx<'d> {
        Ctx {
            d,
            mode,
            sizes: HashMap::new(),
            out: Layout {
                width: 0.0,
                height: 0.0,
                title: mode.title.clone().unwrap_or_else(|| d.title.clone()),
                boxes: Vec::new(),
                nodes: Vec::new(),
                edges: Vec::new(),
                footnotes: None,
            },
        }
    }

    /// The size measured for node or group `id`, if it has been.
    pub fn cached(&self, id: &str) -> Option<(f32, f32)> {
        self.sizes.get(id).copied()
    }

    pub fn remember(&mut self, id: &str, size: (f32, f32)) {
        self.sizes.insert(id.to_string(), size);
    }

    fn node_notes(&self, id: &str) -> Vec<String> {
        self.d
            .notes_for(id)
            .map(|a| a.display())
            .filter(|t| !self.mode.reveals(t))
            .flat_map(|t| wrap(&t, NOTE_SIZE, false, LABEL_MAX))
            .collect()
    }

    pub fn node_size(&mut self, n: &Node) -> (f32, f32) {
        if let Some(s) = self.cached(&n.id) {
            return s;
        }
        let size = self.measure_node(n);
        self.remember(&n.id, size);
        size
    }

    fn measure_node(&self, n: &Node) -> (f32, f32) {
        let blank = self.mode.blanks.contains_key(&n.id);
        let lines = node_lines(n, blank);
        let notes = self.node_notes(&n.id);
        let text_w = widest(&lines, LABEL_SIZE, false).max(widest(&notes, NOTE_SIZE, false));
        let w = (text_w + 20.0).max(NODE_MIN_W).ceil();
        let h = 10.0 + GLYPH + 8.0 + LINE * (lines.len() + notes.len()) as f32 + 8.0;
        (w, h)
    }

    pub fn place_node(&mut self, n: &Node, x: f32, y: f32) {
        let (w, h) = self.node_size(n);
        let blank = self.mode.blanks.get(&n.id).copied();
        self.out.nodes.push(NodeLayout {
            id: n.id.clone(),
            rect: Rect { x, y, w, h },
            lines: node_lines(n, blank.is_some()),
            notes: self.node_notes(&n.id),
            blank,
            compact: false,
        });
    }

    /// The size of `n` drawn compact: its label (wrapped wider) and notes, no glyph.
    pub fn compact_size(&mut self, n: &Node) -> (f32, f32) {
        if let Some(s) = self.cached(&n.id) {
            return s;
        }
        let (lines, notes) = self.compact_lines(n);
        let text_w = widest(&lines, LABEL_SIZE, false).max(widest(&notes, NOTE_SIZE, false));
        let w = (text_w + 24.0).max(COMPACT_MIN_W).ceil();
        let h = 10.0 + LINE * (lines.len() + notes.len()) as f32 + 8.0;
        self.remember(&n.id, (w, h));
        (w, h)
    }

    fn compact_lines(&self, n: &Node) -> (Vec<String>, Vec<String>) {
        let lines = if self.mode.blanks.contains_key(&n.id) {
            vec![String::new(); BLANK_LINES]
        } else {
            wrap(&n.label, LABEL_SIZE, false, COMPACT_MAX)
        };
        let notes = self
            .d
            .notes_for(&n.id)
            .map(|a| a.display())
            .filter(|t| !self.mode.reveals(t))
            .flat_map(|t| wrap(&t, NOTE_SIZE, false, COMPACT_MAX))
            .collect();
        (lines, notes)
    }

    /// Places `n` drawn compact (see `compact_size`).
    pub fn place_compact(&mut self, n: &Node, x: f32, y: f32) {
        let (w, h) = self.compact_size(n);
        let (lines, notes) = self.compact_lines(n);
        self.out.nodes.push(NodeLayout {
            id: n.id.clone(),
            rect: Rect { x, y, w, h },
            lines,
            notes,
            blank: self.mode.blanks.get(&n.id).copied(),
            compact: true,
        });
    }

    /// A pad is drawn by its zone's box (already placed: boxes go before their content).
    fn place_pad(&mut self, zone: &str, x: f32, y: f32) {
        let pad = Rect {
            x,
            y,
            w: DROP_W,
            h: DROP_H,
        };
        match self.out.boxes.iter_mut().rev().find(|b| b.id == zone) {
            Some(b) => b.drop = Some(pad),
            // A tier has no box: its pad stands alone, in an invisible one.
            None => self.out.boxes.push(BoxLayout {
                id: zone.to_string(),
                kind: GroupKind::Plain,
                rect: pad,
                label: String::new(),
                cidr: None,
                notes: Vec::new(),
                drop: Some(pad),
            }),
        }
    }

    /// The nodes in `place` on `side`, minus those a place drill removed.
    pub fn nodes_in(&self, place: Place, side: Side) -> impl Iterator<Item = &'d Node> + '_ {
        self.d.nodes.iter().filter(move |n| {
            n.place == place && n.side == side && !self.mode.removed.contains(&n.id)
        })
    }

    pub fn box_notes(&self, id: &str) -> Vec<String> {
        self.d
            .notes_for(id)
            .map(|a| a.display())
            .filter(|t| !self.mode.reveals(t))
            .collect()
    }
}

impl<'d> Children<'d> for Ctx<'d> {
    type Item = Leaf<'d>;

    fn diagram(&self) -> &'d Diagram {
        self.d
    }

    fn mode(&self) -> &'d Mode {
        self.mode
    }

    fn size(&mut self, item: Leaf<'d>) -> (f32, f32) {
        match item {
            Leaf::Node(n) => self.node_size(n),
            Leaf::Pad(_) => (DROP_W, DROP_H),
        }
    }

    fn place(&mut self, item: Leaf<'d>, x: f32, y: f32) {
        match item {
            Leaf::Node(n) => self.place_node(n, x, y),
            Leaf::Pad(zone) => self.place_pad(zone, x, y),
        }
    }

    fn ids_in(&self, item: Leaf<'d>) -> Vec<&'d str> {
        match item {
            Leaf::Node(n) => vec![n.id.as_str()],
            Leaf::Pad(_) => Vec::new(),
        }
    }
}
