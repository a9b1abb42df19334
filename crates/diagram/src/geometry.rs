//! What layout works with and hands on: the measures every drawing shares, rectangles, a drill's
//! `Mode` (what it changes about the drawing) and the `Layout` the renderers draw. The lowest layer
//! of layout: nothing here lays anything out, so every layout module and the renderers build on it.
use crate::diagram::Direction;
use crate::kinds::GroupKind;
use std::collections::{HashMap, HashSet};

pub(crate) const MARGIN: f32 = 24.0;
pub(crate) const TITLE_SIZE: f32 = 20.0;
pub(crate) const LABEL_SIZE: f32 = 13.0;
pub(crate) const NOTE_SIZE: f32 = 12.0;
pub(crate) const HEADER_SIZE: f32 = 13.0;
pub(crate) const GLYPH: f32 = 32.0;
pub(crate) const LINE: f32 = 16.0;
pub(crate) const ROW_GAP: f32 = 48.0;
pub(crate) const COLUMN_GAP: f32 = 30.0;
pub(crate) const SPREAD_GAP: f32 = 64.0;
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
    /// Drawn as a text card without a glyph (a sequence's messages), see render_compact.rs.
    pub compact: bool,
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

/// A box's header as drawn: its label and CIDR side by side. Layout measures it, the renderer draws it.
pub(crate) fn header_text(label: &str, cidr: Option<&str>) -> String {
    match cidr {
        Some(c) if !label.is_empty() => format!("{label}  {c}"),
        Some(c) => c.to_string(),
        None => label.to_string(),
    }
}
