//! The ladder arrangement of a whole diagram (`arrange = "ladder"`): the top-level nodes, in file
//! order, step down a staircase, each rung one column right of and one row below the one before
//! (storage classes as objects age). A `timer` node between two rungs is the threshold crossed from
//! one to the next: it sits at the outer corner of that step, reached from its rung by an arrow
//! across and leading to the next rung by an arrow down. Every cell has the size of the largest
//! node, so the steps are even. The top-level groups (rules beside the ladder) are boxes of their
//! nodes, stacked in the free corner under the staircase, at the left.
use crate::diagram::{Direction, Node, Place};
use crate::geometry::{EdgeLayout, Rect};
use crate::layout_box::{box_size, place_box};
use crate::layout_ctx::Ctx;

const GAP_X: f32 = 56.0;
const GAP_Y: f32 = 36.0;
/// Between stacked side boxes.
const BOX_GAP: f32 = 20.0;

/// Lays the diagram out as a ladder from (x, y); returns the size it takes.
pub(crate) fn ladder(c: &mut Ctx<'_>, x: f32, y: f32) -> (f32, f32) {
    let d = c.d;
    // File order, whatever their `side`: the order is the ladder.
    let nodes: Vec<&Node> = d
        .nodes
        .iter()
        .filter(|n| n.place == Place::Root && !c.mode.removed.contains(&n.id))
        .collect();
    let cells = steps(&nodes);
    let (cw, ch) = nodes
        .iter()
        .map(|n| c.node_size(n))
        .fold((0.0f32, 0.0f32), |a, s| (a.0.max(s.0), a.1.max(s.1)));
    let cols = cells.iter().map(|p| p.0 + 1).max().unwrap_or(0);
    let rows = cells.iter().map(|p| p.1 + 1).max().unwrap_or(0);
    let cell = |col: usize, row: usize| Rect {
        x: x + col as f32 * (cw + GAP_X),
        y: y + row as f32 * (ch + GAP_Y),
        w: cw,
        h: ch,
    };
    let mut rects = Vec::new();
    for (n, &(col, row)) in nodes.iter().zip(&cells) {
        let (w, h) = c.node_size(n);
        let r = cell(col, row);
        let at = Rect {
            x: r.x + (cw - w) / 2.0,
            y: r.y + (ch - h) / 2.0,
            w,
            h,
        };
        c.place_node(n, at.x, at.y);
        rects.push(at);
    }
    connect(c, &rects, &cells);
    let mut w = if cols == 0 {
        0.0
    } else {
        cols as f32 * (cw + GAP_X) - GAP_X
    };
    let mut h = if rows == 0 {
        0.0
    } else {
        rows as f32 * (ch + GAP_Y) - GAP_Y
    };
    let boxes: Vec<&str> = d
        .groups
        .iter()
        .filter(|g| g.parent.is_none())
        .map(|g| g.id.as_str())
        .collect();
    if !boxes.is_empty() {
        let (bw, bottom) = side_boxes(c, &boxes, x, |span| {
            // The first row under the staircase that is free over `span` columns.
            let free = ((span + GAP_X) / (cw + GAP_X)).ceil().max(1.0) as usize;
            y + free.min(rows) as f32 * (ch + GAP_Y)
        });
        w = w.max(bw);
        h = h.max(bottom - y);
    }
    (w, h)
}

/// Places the side boxes stacked from (x, top(their width)); returns their width and bottom.
fn side_boxes(c: &mut Ctx<'_>, ids: &[&str], x: f32, top: impl Fn(f32) -> f32) -> (f32, f32) {
    let sizes: Vec<(f32, f32)> = ids.iter().map(|id| box_size(c, id)).collect();
    let width = sizes.iter().map(|s| s.0).fold(0.0, f32::max);
    let mut cy = top(width);
    for (id, s) in ids.iter().zip(&sizes) {
        place_box(c, id, x, cy);
        cy += s.1 + BOX_GAP;
    }
    (width, cy - BOX_GAP)
}

/// (column, row) of each top-level node: rung k at (k, k); a threshold after rung k at (k + 1, k).
fn steps(nodes: &[&Node]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut rung: Option<usize> = None;
    for n in nodes {
        if n.is_threshold() {
            let k = rung.unwrap_or(0);
            out.push((k + 1, k));
        } else {
            let k = rung.map_or(0, |k| k + 1);
            rung = Some(k);
            out.push((k, k));
        }
    }
    out
}

/// Arrows from each node to the next: across to a threshold, down from a threshold to its rung,
/// and across then down between two rungs with no threshold between them.
fn connect(c: &mut Ctx<'_>, rects: &[Rect], cells: &[(usize, usize)]) {
    for (i, pair) in rects.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let (ca, cb) = (cells[i], cells[i + 1]);
        let points = if ca.1 == cb.1 {
            vec![(a.right(), a.cy()), (b.x, a.cy())]
        } else if ca.0 == cb.0 {
            vec![(b.cx(), a.bottom()), (b.cx(), b.y)]
        } else {
            vec![(a.right(), a.cy()), (b.cx(), a.cy()), (b.cx(), b.y)]
        };
        c.out.edges.push(EdgeLayout {
            points,
            label: None,
            dashed: false,
            direction: Direction::Forward,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::geometry::Mode;

    #[test]
    fn rungs_step_down_and_right_with_thresholds_at_the_corners() {
        let text = include_str!("../../../diagrams/s3-lifecycle-ladder.toml");
        let d = crate::validate::valid(text);
        let mode = Mode::default();
        let mut c = crate::layout_ctx::Ctx::new(&d, &mode);
        super::ladder(&mut c, 0.0, 0.0);
        let at = |id: &str| c.out.rect_of(id).expect("placed");
        let rungs = ["standard", "ia", "glacier-ir", "deep-archive", "expired"];
        for w in rungs.windows(2) {
            let (a, b) = (at(w[0]), at(w[1]));
            assert!(
                b.x > a.right() - 1.0 && b.y > a.bottom(),
                "{} steps down from {}",
                w[1],
                w[0]
            );
        }
        // The threshold after a rung shares its row and the next rung's column.
        let (ia, t, std) = (at("ia"), at("t-ia"), at("standard"));
        assert_eq!(t.cy(), std.cy());
        assert_eq!(t.cx(), ia.cx());
        // The side box sits under the staircase, clear of every node.
        let side = at("also");
        for n in &c.out.nodes {
            let r = n.rect;
            let inside = r.x >= side.x && r.right() <= side.right();
            let apart = r.right() <= side.x
                || r.x >= side.right()
                || r.bottom() <= side.y
                || r.y >= side.bottom();
            assert!(inside || apart, "{} overlaps the side box", n.id);
        }
        assert_eq!(
            c.out.edges.len(),
            8,
            "one arrow between each pair of neighbours"
        );
    }
}
