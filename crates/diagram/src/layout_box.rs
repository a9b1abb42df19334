//! Boxes that hold only leaves (nodes and a place drill's drop pad), for the whole-diagram layouts
//! (tree, …) that draw each group as one box and place the boxes themselves: measured and placed on a
//! bare `Ctx`, with the same header, padding and notes as the nested boxes of layout.rs.
use crate::arrange::{arrange_size, place_children};
use crate::diagram::{Group, Place, Side};
use crate::geometry::{header_text, BoxLayout, Rect, HEADER_SIZE, LINE, NOTE_SIZE};
use crate::kinds::{Arrange, GroupKind};
use crate::layout_ctx::{Ctx, Leaf};
use crate::metrics::{text_width, widest};

pub(crate) const PAD: f32 = 14.0;
pub(crate) const HEADER: f32 = 26.0;

/// Header and padding around a box's content: (left/right pad, top, bottom).
pub(crate) fn frame(kind: GroupKind, label: &str, notes: usize) -> (f32, f32, f32) {
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

/// The leaves of group `id` in drawing order: its start nodes, end nodes, then its drop pad.
pub(crate) fn leaves<'d>(c: &Ctx<'d>, id: &'d str) -> Vec<Leaf<'d>> {
    let place = Place::Group(id.to_string());
    let mut kids: Vec<Leaf<'d>> = c
        .nodes_in(place.clone(), Side::Start)
        .map(Leaf::Node)
        .collect();
    kids.extend(c.nodes_in(place, Side::End).map(Leaf::Node));
    if c.mode.zones.contains(id) {
        kids.push(Leaf::Pad(id));
    }
    kids
}

/// The size of group `id` drawn as a box of its leaves, arranged as the group says (a whole-diagram
/// arrangement, which a group cannot have, counts as a column).
pub(crate) fn box_size(c: &mut Ctx<'_>, id: &str) -> (f32, f32) {
    if let Some(s) = c.cached(id) {
        return s;
    }
    let Some(g) = c.d.group(id) else {
        return (0.0, 0.0);
    };
    let kids = leaves(c, &g.id);
    let (cw, ch) = arrange_size(c, &kids, own(g.arrange));
    let notes = c.box_notes(id);
    let (side, top, bottom) = frame(g.kind, &g.label, notes.len());
    let header_w = text_width(&header_text(&g.label, g.cidr.as_deref()), HEADER_SIZE, true);
    let notes_w = widest(&notes, NOTE_SIZE, false);
    let w = (cw.max(header_w).max(notes_w) + 2.0 * side).ceil();
    let size = (w, (ch + top + bottom).ceil());
    c.remember(id, size);
    size
}

fn own(how: Arrange) -> Arrange {
    if how.whole_diagram() {
        Arrange::Column
    } else {
        how
    }
}

/// Records group `g`'s box at `rect` (a plain group draws none) and returns its frame: the side,
/// top and bottom margins around its content.
pub(crate) fn push_frame(c: &mut Ctx<'_>, g: &Group, rect: Rect) -> (f32, f32, f32) {
    let notes = c.box_notes(&g.id);
    let frame = frame(g.kind, &g.label, notes.len());
    if g.kind != GroupKind::Plain {
        c.out.boxes.push(BoxLayout {
            id: g.id.clone(),
            kind: g.kind,
            rect,
            label: g.label.clone(),
            cidr: g.cidr.clone(),
            notes,
            drop: None,
        });
    }
    frame
}

/// Places group `id` as a box of its leaves with its top left corner at (x, y).
pub(crate) fn place_box(c: &mut Ctx<'_>, id: &str, x: f32, y: f32) {
    let (w, h) = box_size(c, id);
    let Some(g) = c.d.group(id) else { return };
    let (side, top, bottom) = push_frame(c, g, Rect { x, y, w, h });
    let kids = leaves(c, &g.id);
    let content = Rect {
        x: x + side,
        y: y + top,
        w: w - 2.0 * side,
        h: h - top - bottom,
    };
    place_children(c, &kids, own(g.arrange), content);
}
