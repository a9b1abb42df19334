//! Computes where everything goes, from structure alone: nested boxes measured bottom-up, then placed
//! top-down, then edges routed (route.rs) and diagram-wide notes put underneath. The orchestrator
//! of the layout layer: geometry.rs holds the types, layout_ctx.rs the nodes and pads, arrange.rs
//! the sibling arrangements, grid.rs the AZ × tier grid; this adds groups and ties them together,
//! and none of them imports it. Deterministic: the same diagram and mode always give the same
//! numbers, which the golden tests rely on.
use crate::arrange::{arrange_size, place_children, Children};
use crate::diagram::{Diagram, Place, Side};
use crate::geometry::{
    header_text, Layout, Mode, Rect, HEADER_SIZE, LINE, MARGIN, NOTE_SIZE, TITLE_SIZE,
};
use crate::grid::{self, Measure};
use crate::kinds::Arrange;
use crate::layout_box::{frame, push_frame, PAD};
use crate::layout_ctx::{Ctx, Leaf};
use crate::metrics::{text_width, widest, wrap};

/// Any child of a container.
#[derive(Debug, Clone, Copy)]
enum Item<'d> {
    Leaf(Leaf<'d>),
    Group(&'d str),
    Grid,
}

/// The diagram as nested containers: groups hold nodes, pads, groups and the grid. Leaves go to the
/// `Ctx`; the grid, which holds leaves only, is measured once on it and kept here for placing.
struct Tree<'d> {
    c: Ctx<'d>,
    grid: Option<Measure>,
}

pub(crate) fn layout(d: &Diagram, mode: &Mode) -> Layout {
    let top = MARGIN + TITLE_SIZE + 18.0;
    let (mut out, w, h) = match d.arrange {
        Arrange::Tree => {
            let mut c = Ctx::new(d, mode);
            let (w, h) = crate::layout_tree::tree(&mut c, MARGIN, top);
            (c.out, w, h)
        }
        Arrange::Ladder => {
            let mut c = Ctx::new(d, mode);
            let (w, h) = crate::layout_ladder::ladder(&mut c, MARGIN, top);
            (c.out, w, h)
        }
        Arrange::Sequence => {
            let mut c = Ctx::new(d, mode);
            let (w, h) = crate::layout_sequence::sequence(&mut c, MARGIN, top);
            (c.out, w, h)
        }
        Arrange::Flowchart => {
            let mut c = Ctx::new(d, mode);
            let (w, h) = crate::layout_flowchart::flowchart(&mut c, MARGIN, top);
            (c.out, w, h)
        }
        _ => nested(d, mode, top),
    };
    // A sequence's edges are the halves of its messages, already drawn as arrows; a flowchart
    // routes its own branches.
    if !matches!(d.arrange, Arrange::Sequence | Arrange::Flowchart) {
        crate::route::route_edges(&mut out, d, mode);
    }
    let edge_bottom = out
        .edges
        .iter()
        .flat_map(|e| e.points.iter().map(|p| p.1))
        .fold(0.0, f32::max);
    let mut width = w.max(text_width(&out.title, TITLE_SIZE, true)) + 2.0 * MARGIN;
    let mut bottom = (top + h).max(edge_bottom + 4.0);
    if let Some((rect, lines)) = footnotes(d, mode, w, bottom) {
        width = width.max(rect.w + 2.0 * MARGIN);
        bottom = rect.bottom();
        out.footnotes = Some((rect, lines));
    }
    out.width = width.ceil();
    out.height = (bottom + MARGIN).ceil();
    out
}

/// Nested boxes: the top level's children arranged as the diagram says, each group around its own.
fn nested(d: &Diagram, mode: &Mode, top: f32) -> (Layout, f32, f32) {
    let mut t = Tree {
        c: Ctx::new(d, mode),
        grid: None,
    };
    let kids = t.children(None);
    let (w, h) = arrange_size(&mut t, &kids, d.arrange);
    let area = Rect {
        x: MARGIN,
        y: top,
        w,
        h,
    };
    place_children(&mut t, &kids, d.arrange, area);
    (t.c.out, w, h)
}

/// The box of diagram-wide annotations under a drawing `w` wide whose content ends at `bottom`;
/// None when there are none left to show.
fn footnotes(d: &Diagram, mode: &Mode, w: f32, bottom: f32) -> Option<(Rect, Vec<String>)> {
    let notes: Vec<String> = d
        .annotations
        .iter()
        .filter(|a| a.target.is_none())
        .map(|a| a.display())
        .filter(|t| !mode.reveals(t))
        .collect();
    if notes.is_empty() {
        return None;
    }
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
    Some((rect, lines))
}

impl<'d> Tree<'d> {
    /// A container's children in drawing order: its start nodes, groups, grid, end nodes, drop pad.
    fn children(&self, parent: Option<&'d str>) -> Vec<Item<'d>> {
        let (c, d) = (&self.c, self.c.d);
        let place = parent.map_or(Place::Root, |p| Place::Group(p.to_string()));
        let node = |n| Item::Leaf(Leaf::Node(n));
        let mut kids: Vec<Item<'d>> = c.nodes_in(place.clone(), Side::Start).map(node).collect();
        kids.extend(
            d.groups
                .iter()
                .filter(|g| g.parent.as_deref() == parent)
                .map(|g| Item::Group(g.id.as_str())),
        );
        if parent.is_some() && d.grid.as_ref().map(|g| g.host.as_str()) == parent {
            kids.push(Item::Grid);
        }
        kids.extend(c.nodes_in(place, Side::End).map(node));
        if let Some(zone) = parent.filter(|p| c.mode.zones.contains(*p)) {
            kids.push(Item::Leaf(Leaf::Pad(zone)));
        }
        kids
    }

    fn group_size(&mut self, id: &'d str) -> (f32, f32) {
        if let Some(s) = self.c.cached(id) {
            return s;
        }
        let g = self.c.d.group(id).expect("validated group");
        let kids = self.children(Some(id));
        let (cw, ch) = arrange_size(self, &kids, g.arrange);
        let notes = self.c.box_notes(id);
        let (side, top, bottom) = frame(g.kind, &g.label, notes.len());
        let header_w = text_width(&header_text(&g.label, g.cidr.as_deref()), HEADER_SIZE, true);
        let notes_w = widest(&notes, NOTE_SIZE, false);
        let w = (cw.max(header_w).max(notes_w) + 2.0 * side).ceil();
        let size = (w, (ch + top + bottom).ceil());
        self.c.remember(id, size);
        size
    }

    fn place_group(&mut self, id: &'d str, x: f32, y: f32) {
        let (w, h) = self.group_size(id);
        let g = self.c.d.group(id).expect("validated group");
        let (side, top, bottom) = push_frame(&mut self.c, g, Rect { x, y, w, h });
        let kids = self.children(Some(id));
        let content = Rect {
            x: x + side,
            y: y + top,
            w: w - 2.0 * side,
            h: h - top - bottom,
        };
        place_children(self, &kids, g.arrange, content);
    }
}

impl<'d> Children<'d> for Tree<'d> {
    type Item = Item<'d>;

    fn diagram(&self) -> &'d Diagram {
        self.c.d
    }

    fn mode(&self) -> &'d Mode {
        self.c.mode
    }

    fn size(&mut self, item: Item<'d>) -> (f32, f32) {
        match item {
            Item::Leaf(l) => self.c.size(l),
            Item::Group(id) => self.group_size(id),
            // Measured the first time it is sized, and placed with the same numbers.
            Item::Grid => {
                let m = self.grid.get_or_insert_with(|| grid::measure(&mut self.c));
                (m.width(), m.height())
            }
        }
    }

    fn place(&mut self, item: Item<'d>, x: f32, y: f32) {
        match item {
            Item::Leaf(l) => self.c.place(l, x, y),
            Item::Group(id) => self.place_group(id, x, y),
            Item::Grid => {
                let m = self.grid.get_or_insert_with(|| grid::measure(&mut self.c));
                grid::place(&mut self.c, m, x, y);
            }
        }
    }

    fn ids_in(&self, item: Item<'d>) -> Vec<&'d str> {
        let d = self.c.d;
        match item {
            Item::Leaf(l) => self.c.ids_in(l),
            Item::Group(g) => {
                let mut out = vec![g];
                for n in &d.nodes {
                    let mut at = d.home_of(&n.id);
                    // Subnets sit in the grid host; follow group parents up from there.
                    if let Some(s) = at.and_then(|h| d.subnet(h)) {
                        out.push(s.id.as_str());
                        at = d.grid.as_ref().map(|gr| gr.host.as_str());
                    }
                    while let Some(h) = at {
                        if h == g {
                            out.push(n.id.as_str());
                            break;
                        }
                        at = d.group(h).and_then(|x| x.parent.as_deref());
                    }
                }
                out
            }
            Item::Grid => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subnets_share_row_heights_and_column_widths_and_layout_is_stable() {
        let text = include_str!("../../../diagrams/vpc-three-tier.toml");
        let d = crate::validate::valid(text);
        let a = layout(&d, &Mode::default());
        let rect = |id: &str| a.rect_of(id).expect("laid out");
        for (x, y) in [("pub-a", "pub-b"), ("app-a", "app-b"), ("data-a", "data-b")] {
            assert_eq!(
                (rect(x).y, rect(x).h),
                (rect(y).y, rect(y).h),
                "{x} and {y} share a row"
            );
        }
        for (x, y) in [("pub-a", "app-a"), ("app-a", "data-a")] {
            assert_eq!(
                (rect(x).x, rect(x).w),
                (rect(y).x, rect(y).w),
                "{x} and {y} share a column"
            );
        }
        // The load balancer spans the public row, between the two AZ columns.
        let (alb, left, right) = (rect("alb"), rect("pub-a"), rect("pub-b"));
        assert!(alb.x > left.right() && alb.right() < right.x);
        let b = layout(&d, &Mode::default());
        assert_eq!(
            format!("{a:?}"),
            format!("{b:?}"),
            "same input, same layout"
        );
    }
}
