//! Computes where everything goes, from structure alone: nested boxes measured bottom-up, then placed
//! top-down; the AZ × tier grid (grid.rs) is one more kind of child. Deterministic: the same diagram
//! and mode always give the same numbers, which the golden tests rely on.
use crate::diagram::{Diagram, Direction, Node, Place, Side};
use crate::kinds::GroupKind;
use crate::metrics::{text_width, widest, wrap};
use std::collections::{HashMap, HashSet};

pub(crate) const MARGIN: f32 = 24.0;
pub(crate) const TITLE_SIZE: f32 = 20.0;
pub(crate) const LABEL_SIZE: f32 = 13.0;
pub(crate) const NOTE_SIZE: f32 = 12.0;
pub(crate) const HEADER_SIZE: f32 = 13.0;
pub(crate) const GLYPH: f32 = 32.0;
pub(crate) const LINE: f32 = 16.0;
const LABEL_MAX: f32 = 150.0;
const NODE_MIN_W: f32 = 124.0;
const BLANK_LINES: usize = 2;
pub(crate) const ROW_GAP: f32 = 48.0;
pub(crate) const COLUMN_GAP: f32 = 30.0;
pub(crate) const SPREAD_GAP: f32 = 64.0;
const PAD: f32 = 14.0;
const HEADER: f32 = 26.0;
pub(crate) const DROP_W: f32 = 150.0;
pub(crate) const DROP_H: f32 = 64.0;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn cx(&self) -> f32 {
        self.x + self.w / 2.0
    }
    pub fn cy(&self) -> f32 {
        self.y + self.h / 2.0
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
}

/// What a drill changes about the drawing.
#[derive(Debug, Default)]
pub(crate) struct Mode {
    /// Nodes drawn as numbered blanks (label, recall and order drills): node id → number shown.
    pub blanks: HashMap<String, usize>,
    /// Nodes left out entirely (the items of a place drill), with the edges that touch them.
    pub removed: HashSet<String>,
    /// Boxes that get an empty drop pad (the zones of a place drill).
    pub zones: HashSet<String>,
    /// Normalised answers of the drill: notes and edge labels that mention one are not drawn.
    pub answers: Vec<String>,
    /// Drawn instead of the diagram's title (a drill shows its own, which its author keeps answer-free).
    pub title: Option<String>,
}

impl Mode {
    /// Whether `text` would give one of the drill's answers away.
    pub fn reveals(&self, text: &str) -> bool {
        if self.answers.is_empty() {
            return false;
        }
        let words = format!(" {} ", crate::normalize::key(text));
        self.answers
            .iter()
            .any(|a| words.contains(&format!(" {a} ")))
    }
}

#[derive(Debug, Clone)]
pub(crate) struct BoxLayout {
    pub id: String,
    pub kind: GroupKind,
    pub rect: Rect,
    pub label: String,
    pub cidr: Option<String>,
    pub notes: Vec<String>,
    /// The empty area a place drill's items are dropped on.
    pub drop: Option<Rect>,
}

#[derive(Debug, Clone)]
pub(crate) struct NodeLayout {
    pub id: String,
    pub rect: Rect,
    pub lines: Vec<String>,
    pub notes: Vec<String>,
    pub blank: Option<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct EdgeLayout {
    pub points: Vec<(f32, f32)>,
    pub label: Option<(f32, f32, String)>,
    pub dashed: bool,
    pub direction: Direction,
}

#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub width: f32,
    pub height: f32,
    pub title: String,
    pub boxes: Vec<BoxLayout>,
    pub nodes: Vec<NodeLayout>,
    pub edges: Vec<EdgeLayout>,
    /// Diagram-wide annotations, in a box under everything else.
    pub footnotes: Option<(Rect, Vec<String>)>,
}

impl Layout {
    pub fn rect_of(&self, id: &str) -> Option<Rect> {
        self.nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.rect)
            .or_else(|| self.boxes.iter().find(|b| b.id == id).map(|b| b.rect))
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Item<'d> {
    Node(&'d Node),
    Group(&'d str),
    Grid,
    /// The drop pad of the zone with this id.
    Pad(&'d str),
}

pub(crate) struct Ctx<'d> {
    pub d: &'d Diagram,
    pub mode: &'d Mode,
    /// Sizes of nodes and groups, by id (ids are unique across both), measured once.
    sizes: HashMap<String, (f32, f32)>,
    /// The grid's measurements, needed both to size and to place it.
    pub grid_measure: Option<crate::grid::Measure>,
    pub out: Layout,
}

pub(crate) fn layout(d: &Diagram, mode: &Mode) -> Layout {
    let mut c = Ctx {
        d,
        mode,
        sizes: HashMap::new(),
        grid_measure: None,
        out: Layout {
            width: 0.0,
            height: 0.0,
            title: mode.title.clone().unwrap_or_else(|| d.title.clone()),
            boxes: Vec::new(),
            nodes: Vec::new(),
            edges: Vec::new(),
            footnotes: None,
        },
    };
    let top = MARGIN + TITLE_SIZE + 18.0;
    let kids = c.children(None);
    let (w, h) = c.arrange_size(&kids, d.arrange);
    c.place_children(&kids, d.arrange, MARGIN, top, w, h);
    crate::route::route_edges(&mut c.out, d, mode);
    let edge_bottom = c
        .out
        .edges
        .iter()
        .flat_map(|e| e.points.iter().map(|p| p.1))
        .fold(0.0, f32::max);
    let mut width = w.max(text_width(&c.out.title, TITLE_SIZE, true)) + 2.0 * MARGIN;
    let mut bottom = (top + h).max(edge_bottom + 4.0);
    let notes: Vec<String> = d
        .annotations
        .iter()
        .filter(|a| a.target.is_none())
        .map(|a| a.display())
        .filter(|t| !mode.reveals(t))
        .collect();
    if !notes.is_empty() {
        let lines: Vec<String> = notes
            .iter()
            .flat_map(|n| wrap(n, NOTE_SIZE + 1.0, false, (w - 2.0 * PAD).max(480.0)))
            .collect();
        let fw = widest(&lines, NOTE_SIZE + 1.0, false) + 2.0 * PAD;
        let rect = Rect {
            x: MARGIN,
            y: bottom + 24.0,
            w: fw,
            h: lines.len() as f32 * LINE + 20.0,
        };
        width = width.max(fw + 2.0 * MARGIN);
        bottom = rect.bottom();
        c.out.footnotes = Some((rect, lines));
    }
    c.out.width = width.ceil();
    c.out.height = (bottom + MARGIN).ceil();
    c.out
}

/// The label lines a node card shows (two empty ones for a blank, whose size must not hint at its answer).
pub(crate) fn node_lines(n: &Node, blank: bool) -> Vec<String> {
    if blank {
        return vec![String::new(); BLANK_LINES];
    }
    wrap(&n.label, LABEL_SIZE, false, LABEL_MAX)
}

impl<'d> Ctx<'d> {
    fn node_notes(&self, id: &str) -> Vec<String> {
        self.d
            .notes_for(id)
            .map(|a| a.display())
            .filter(|t| !self.mode.reveals(t))
            .flat_map(|t| wrap(&t, NOTE_SIZE, false, LABEL_MAX))
            .collect()
    }

    pub fn node_size(&mut self, n: &Node) -> (f32, f32) {
        if let Some(s) = self.sizes.get(&n.id) {
            return *s;
        }
        let size = self.measure_node(n);
        self.sizes.insert(n.id.clone(), size);
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
        });
    }

    /// The nodes in `place` on `side`, minus those a place drill removed.
    pub fn nodes_in(&self, place: Place, side: Side) -> impl Iterator<Item = &'d Node> + '_ {
        self.d.nodes.iter().filter(move |n| {
            n.place == place && n.side == side && !self.mode.removed.contains(&n.id)
        })
    }

    /// A container's children in drawing order: its start nodes, groups, grid, end nodes, drop pad.
    fn children(&self, parent: Option<&'d str>) -> Vec<Item<'d>> {
        let place = parent.map_or(Place::Root, |p| Place::Group(p.to_string()));
        let mut kids: Vec<Item<'d>> = self
            .nodes_in(place.clone(), Side::Start)
            .map(Item::Node)
            .collect();
        kids.extend(
            self.d
                .groups
                .iter()
                .filter(|g| g.parent.as_deref() == parent)
                .map(|g| Item::Group(g.id.as_str())),
        );
        if parent.is_some() && self.d.grid.as_ref().map(|g| g.host.as_str()) == parent {
            kids.push(Item::Grid);
        }
        kids.extend(self.nodes_in(place, Side::End).map(Item::Node));
        if let Some(zone) = parent.filter(|p| self.mode.zones.contains(*p)) {
            kids.push(Item::Pad(zone));
        }
        kids
    }

    pub(crate) fn size(&mut self, item: Item<'d>) -> (f32, f32) {
        match item {
            Item::Node(n) => self.node_size(n),
            Item::Group(id) => self.group_size(id),
            Item::Grid => self.grid_size(),
            Item::Pad(_) => (DROP_W, DROP_H),
        }
    }

    pub(crate) fn place(&mut self, item: Item<'d>, x: f32, y: f32) {
        match item {
            Item::Node(n) => self.place_node(n, x, y),
            Item::Group(id) => self.place_group(id, x, y),
            Item::Grid => self.place_grid(x, y),
            // A pad is drawn by its zone's box (already placed: boxes go before their content).
            Item::Pad(zone) => {
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
        }
    }

    pub fn box_notes(&self, id: &str) -> Vec<String> {
        self.d
            .notes_for(id)
            .map(|a| a.display())
            .filter(|t| !self.mode.reveals(t))
            .collect()
    }

    /// Header and padding around a box's content: (left/right pad, top, bottom).
    fn frame(&self, kind: GroupKind, label: &str, notes: usize) -> (f32, f32, f32) {
        if kind == GroupKind::Plain {
            return (0.0, 0.0, 0.0);
        }
        let header = if label.is_empty() { 6.0 } else { HEADER };
        let footer = if notes == 0 {
            0.0
        } else {
            notes as f32 * LINE + 8.0
        };
        (PAD, header + PAD, PAD + footer)
    }

    pub fn group_size(&mut self, id: &'d str) -> (f32, f32) {
        if let Some(s) = self.sizes.get(id) {
            return *s;
        }
        let g = self.d.group(id).expect("validated group");
        let kids = self.children(Some(id));
        let (cw, ch) = self.arrange_size(&kids, g.arrange);
        let notes = self.box_notes(id);
        let (side, top, bottom) = self.frame(g.kind, &g.label, notes.len());
        let header_w = text_width(&header_text(&g.label, g.cidr.as_deref()), HEADER_SIZE, true);
        let notes_w = widest(&notes, NOTE_SIZE, false);
        let w = (cw.max(header_w).max(notes_w) + 2.0 * side).ceil();
        let size = (w, (ch + top + bottom).ceil());
        self.sizes.insert(id.to_string(), size);
        size
    }

    fn place_group(&mut self, id: &'d str, x: f32, y: f32) {
        let (w, h) = self.group_size(id);
        let g = self.d.group(id).expect("validated group");
        let notes = self.box_notes(id);
        let (side, top, bottom) = self.frame(g.kind, &g.label, notes.len());
        if g.kind != GroupKind::Plain {
            self.out.boxes.push(BoxLayout {
                id: g.id.clone(),
                kind: g.kind,
                rect: Rect { x, y, w, h },
                label: g.label.clone(),
                cidr: g.cidr.clone(),
                notes,
                drop: None,
            });
        }
        let kids = self.children(Some(id));
        self.place_children(
            &kids,
            g.arrange,
            x + side,
            y + top,
            w - 2.0 * side,
            h - top - bottom,
        );
    }
}

pub(crate) fn header_text(label: &str, cidr: Option<&str>) -> String {
    match cidr {
        Some(c) if !label.is_empty() => format!("{label}  {c}"),
        Some(c) => c.to_string(),
        None => label.to_string(),
    }
}
