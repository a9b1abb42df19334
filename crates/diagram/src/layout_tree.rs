//! The tree arrangement of a whole diagram (`arrange = "tree"`): every group is one box holding its
//! own nodes, and the groups inside it hang below it in a row, joined to it by connector lines (an
//! organisation's OUs, a Region's AZs). Top-level nodes and groups are the roots, side by side. Each
//! subtree is as wide as the wider of its box and its children's row, and a box is centred over its
//! children, so no two subtrees ever overlap and every connector runs down, across and down.
use crate::diagram::{Direction, Place, Side};
use crate::geometry::EdgeLayout;
use crate::layout_box::{box_size, place_box};
use crate::layout_ctx::Ctx;
use std::collections::HashMap;

/// Between sibling subtrees.
const GAP_X: f32 = 24.0;
/// Between a box and the row of boxes hanging under it.
const GAP_Y: f32 = 40.0;

/// A root or a child of the tree: a group's box (with its subtree) or a lone top-level node.
#[derive(Debug, Clone, Copy)]
enum Part<'d> {
    Group(&'d str),
    Node(&'d crate::diagram::Node),
}

struct Tree<'c, 'd> {
    c: &'c mut Ctx<'d>,
    /// Subtree sizes by group id.
    sizes: HashMap<&'d str, (f32, f32)>,
}

/// Lays the diagram out as a tree with its top left corner at (x, y); returns the size it takes.
pub(crate) fn tree(c: &mut Ctx<'_>, x: f32, y: f32) -> (f32, f32) {
    let mut t = Tree {
        c,
        sizes: HashMap::new(),
    };
    let roots = t.children(None);
    let (w, h) = t.row_size(&roots);
    t.place_row(&roots, x, y);
    (w, h)
}

impl<'d> Tree<'_, 'd> {
    /// The parts under `parent` (None: the roots), in file order: at the top level, the lone nodes
    /// first; under a group, only its child groups (its nodes are inside its box).
    fn children(&self, parent: Option<&'d str>) -> Vec<Part<'d>> {
        let d = self.c.d;
        let mut out: Vec<Part<'d>> = Vec::new();
        if parent.is_none() {
            for side in [Side::Start, Side::End] {
                out.extend(self.c.nodes_in(Place::Root, side).map(Part::Node));
            }
        }
        out.extend(
            d.groups
                .iter()
                .filter(|g| g.parent.as_deref() == parent)
                .map(|g| Part::Group(g.id.as_str())),
        );
        out
    }

    fn size(&mut self, part: Part<'d>) -> (f32, f32) {
        match part {
            Part::Node(n) => self.c.node_size(n),
            Part::Group(id) => self.subtree(id),
        }
    }

    /// A row of sibling subtrees: their widths and gaps, and the tallest of them.
    fn row_size(&mut self, parts: &[Part<'d>]) -> (f32, f32) {
        let sizes: Vec<(f32, f32)> = parts.iter().map(|p| self.size(*p)).collect();
        let gaps = GAP_X * parts.len().saturating_sub(1) as f32;
        (
            sizes.iter().map(|s| s.0).sum::<f32>() + gaps,
            sizes.iter().map(|s| s.1).fold(0.0, f32::max),
        )
    }

    fn subtree(&mut self, id: &'d str) -> (f32, f32) {
        if let Some(s) = self.sizes.get(id) {
            return *s;
        }
        let own = box_size(self.c, id);
        let kids = self.children(Some(id));
        let size = if kids.is_empty() {
            own
        } else {
            let (kw, kh) = self.row_size(&kids);
            (own.0.max(kw), own.1 + GAP_Y + kh)
        };
        self.sizes.insert(id, size);
        size
    }

    /// Places a row of subtrees from (x, y), tops aligned; returns the centre x of each one's top
    /// box, where its connector arrives.
    fn place_row(&mut self, parts: &[Part<'d>], x: f32, y: f32) -> Vec<f32> {
        let mut cx = x;
        let mut tops = Vec::new();
        for p in parts {
            let (w, _) = self.size(*p);
            match *p {
                Part::Node(n) => {
                    self.c.place_node(n, cx, y);
                    tops.push(cx + w / 2.0);
                }
                Part::Group(id) => {
                    self.place_subtree(id, cx, y);
                    tops.push(cx + w / 2.0);
                }
            }
            cx += w + GAP_X;
        }
        tops
    }

    /// Places the subtree of group `id` in the area of its width from (x, y): the box centred on top,
    /// its children's row centred under it, and a connector from the box to each child.
    fn place_subtree(&mut self, id: &'d str, x: f32, y: f32) {
        let (w, _) = self.subtree(id);
        let own = box_size(self.c, id);
        let bx = x + (w - own.0) / 2.0;
        place_box(self.c, id, bx, y);
        let kids = self.children(Some(id));
        if kids.is_empty() {
            return;
        }
        let (kw, _) = self.row_size(&kids);
        let (from_x, from_y) = (bx + own.0 / 2.0, y + own.1);
        let ky = from_y + GAP_Y;
        let tops = self.place_row(&kids, x + (w - kw) / 2.0, ky);
        let bus = from_y + GAP_Y / 2.0;
        for to_x in tops {
            let mut points = vec![(from_x, from_y), (from_x, bus), (to_x, bus), (to_x, ky)];
            points.dedup();
            if (to_x - from_x).abs() < 0.5 {
                points = vec![(from_x, from_y), (from_x, ky)];
            }
            self.c.out.edges.push(EdgeLayout {
                points,
                label: None,
                dashed: false,
                direction: Direction::None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::geometry::{Mode, Rect};

    fn apart(a: &Rect, b: &Rect) -> bool {
        a.right() <= b.x || b.right() <= a.x || a.bottom() <= b.y || b.bottom() <= a.y
    }

    #[test]
    fn boxes_never_overlap_and_children_hang_below_their_parent() {
        let text = include_str!("../../../diagrams/organizations-scps.toml");
        let d = crate::validate::valid(text);
        let mode = Mode::default();
        let mut c = crate::layout_ctx::Ctx::new(&d, &mode);
        super::tree(&mut c, 0.0, 0.0);
        let lay = c.out;
        for (i, a) in lay.boxes.iter().enumerate() {
            for b in &lay.boxes[i + 1..] {
                assert!(apart(&a.rect, &b.rect), "{} overlaps {}", a.id, b.id);
            }
        }
        for g in &d.groups {
            let Some(p) = &g.parent else { continue };
            let (child, parent) = (lay.rect_of(&g.id).unwrap(), lay.rect_of(p).unwrap());
            assert!(
                child.y >= parent.bottom() + 30.0,
                "{} hangs below {p}",
                g.id
            );
        }
        for n in &lay.nodes {
            let home = d.home_of(&n.id).and_then(|h| lay.rect_of(h)).unwrap();
            assert!(
                n.rect.x >= home.x && n.rect.right() <= home.right(),
                "{} in its box",
                n.id
            );
        }
        // One connector per group with a parent, none labelled.
        let connectors = lay.edges.iter().filter(|e| e.label.is_none()).count();
        assert_eq!(
            connectors,
            d.groups.iter().filter(|g| g.parent.is_some()).count()
        );
    }
}
