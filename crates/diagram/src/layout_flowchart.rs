//! The flowchart arrangement of a whole diagram (`arrange = "flowchart"`): steps and decisions (the
//! top-level nodes, decisions being `choice` nodes) in rows and columns computed from the edges. A
//! depth-first walk from the first node follows each node's edges in file order: the first edge to a
//! node not yet reached continues in the same column, every other one opens a new column to the
//! right, and an edge back to a node still on the walk is a loop. A node's row is its longest path
//! of forward edges from a start, so a step comes below everything that leads to it. Each column is
//! one chain of nodes, so nothing stands between two neighbours of a column: the arrow down is
//! straight. A branch leaves its decision sideways and turns down into its column; a merge drops to
//! just above its target and runs across; a loop runs up a lane at the left. A branch's label (yes,
//! no) is printed next to where it leaves its decision.
use crate::diagram::{Edge, Node, Place};
use crate::geometry::{EdgeLayout, Rect, NOTE_SIZE};
use crate::layout_ctx::Ctx;
use crate::metrics::text_width;

/// Between columns: room for a branch's label.
const GAP_X: f32 = 72.0;
/// Between rows: room for a label on an arrow down.
const GAP_Y: f32 = 44.0;
/// From the first column to the innermost loop lane, and between lanes.
const LANE: f32 = 44.0;
const LANE_STEP: f32 = 14.0;

/// The chart's structure: nodes, edges as (edge, from, to) indices, and where each node goes.
struct Chart<'d> {
    nodes: Vec<&'d Node>,
    edges: Vec<(&'d Edge, usize, usize)>,
    col: Vec<usize>,
    row: Vec<usize>,
    /// Per edge: drawn up a lane at the left (a loop, or a skip past nodes of its own column).
    lane: Vec<bool>,
}

/// Lays the diagram out as a flowchart from (x, y); returns the size it takes.
pub(crate) fn flowchart(c: &mut Ctx<'_>, x: f32, y: f32) -> (f32, f32) {
    let ch = chart(c);
    let cols = ch.col.iter().map(|k| k + 1).max().unwrap_or(0);
    let rows = ch.row.iter().map(|k| k + 1).max().unwrap_or(0);
    let sizes: Vec<(f32, f32)> = ch.nodes.iter().map(|n| c.node_size(n)).collect();
    let mut col_w = vec![0.0f32; cols];
    let mut row_h = vec![0.0f32; rows];
    for (i, s) in sizes.iter().enumerate() {
        col_w[ch.col[i]] = col_w[ch.col[i]].max(s.0);
        row_h[ch.row[i]] = row_h[ch.row[i]].max(s.1);
    }
    let lanes = ch.lane.iter().filter(|l| **l).count();
    let left = if lanes == 0 {
        0.0
    } else {
        LANE + LANE_STEP * (lanes - 1) as f32
    };
    let starts = |sizes: &[f32], from: f32, gap: f32| {
        let mut out = Vec::new();
        let mut at = from;
        for s in sizes {
            out.push(at);
            at += s + gap;
        }
        out
    };
    let col_x = starts(&col_w, x + left, GAP_X);
    let row_y = starts(&row_h, y, GAP_Y);
    let mut rects = Vec::new();
    for (i, n) in ch.nodes.iter().enumerate() {
        let (w, h) = sizes[i];
        let (k, r) = (ch.col[i], ch.row[i]);
        let at = Rect {
            x: col_x[k] + (col_w[k] - w) / 2.0,
            y: row_y[r] + (row_h[r] - h) / 2.0,
            w,
            h,
        };
        c.place_node(n, at.x, at.y);
        rects.push(at);
    }
    connect(c, &ch, &rects, &row_y, x + left - LANE);
    let width = left + col_w.iter().sum::<f32>() + GAP_X * cols.saturating_sub(1) as f32;
    let height = row_h.iter().sum::<f32>() + GAP_Y * rows.saturating_sub(1) as f32;
    (width, height)
}

/// The arrows, shaped by the chart: down a column, out sideways to a branch, across above a merge,
/// or up a lane at the left, the first lane at `lane_x`.
fn connect(c: &mut Ctx<'_>, ch: &Chart<'_>, rects: &[Rect], row_y: &[f32], lane_x: f32) {
    let mut lane = 0;
    for (k, &(e, u, v)) in ch.edges.iter().enumerate() {
        let (a, b) = (rects[u], rects[v]);
        let (points, spot) = if ch.lane[k] {
            let lx = lane_x - LANE_STEP * lane as f32;
            lane += 1;
            let pts = vec![(a.x, a.cy()), (lx, a.cy()), (lx, b.cy()), (b.x, b.cy())];
            (pts, ((a.x + lx) / 2.0, a.cy()))
        } else if ch.col[u] == ch.col[v] {
            let mid = (a.bottom() + GAP_Y / 2.0).min((a.bottom() + b.y) / 2.0);
            (vec![(a.cx(), a.bottom()), (b.cx(), b.y)], (a.cx(), mid))
        } else if ch.col[v] > ch.col[u] {
            let w = e
                .label
                .as_deref()
                .map_or(0.0, |t| text_width(t, NOTE_SIZE, false));
            let lx = a.right() + (w / 2.0 + 10.0).max(22.0);
            let pts = vec![(a.right(), a.cy()), (b.cx(), a.cy()), (b.cx(), b.y)];
            (pts, (lx, a.cy()))
        } else {
            let bus = row_y[ch.row[v]] - GAP_Y / 2.0;
            let pts = vec![
                (a.cx(), a.bottom()),
                (a.cx(), bus),
                (b.cx(), bus),
                (b.cx(), b.y),
            ];
            (pts, (a.cx(), (a.bottom() + bus) / 2.0))
        };
        let label = e
            .label
            .as_ref()
            .filter(|t| !c.mode.reveals(t))
            .map(|t| (spot.0, spot.1, t.clone()));
        c.out.edges.push(EdgeLayout {
            points,
            label,
            dashed: e.dashed,
            direction: e.direction,
        });
    }
}

/// The walk that gives every node its column and row, and every edge its shape.
fn chart<'d>(c: &Ctx<'d>) -> Chart<'d> {
    let d = c.d;
    let nodes: Vec<&Node> = d
        .nodes
        .iter()
        .filter(|n| n.place == Place::Root && !c.mode.removed.contains(&n.id))
        .collect();
    let at = |id: &str| nodes.iter().position(|n| n.id == id);
    let edges: Vec<(&Edge, usize, usize)> = d
        .edges
        .iter()
        .filter_map(|e| Some((e, at(&e.from)?, at(&e.to)?)))
        .filter(|(_, u, v)| u != v)
        .collect();
    let n = nodes.len();
    let out: Vec<Vec<usize>> = (0..n)
        .map(|u| (0..edges.len()).filter(|&k| edges[k].1 == u).collect())
        .collect();
    let (col, back, post) = walk(&edges, &out, n);
    // Reverse postorder puts the start of every edge that is not a loop before its end.
    let mut row = vec![0usize; n];
    for &u in post.iter().rev() {
        for &k in &out[u] {
            if !back[k] {
                let v = edges[k].2;
                row[v] = row[v].max(row[u] + 1);
            }
        }
    }
    let lane = (0..edges.len())
        .map(|k| {
            let (_, u, v) = edges[k];
            let (lo, hi) = (row[u].min(row[v]), row[u].max(row[v]));
            let between = (0..n).any(|w| col[w] == col[u] && row[w] > lo && row[w] < hi);
            back[k] || (col[u] == col[v] && between)
        })
        .collect();
    Chart {
        nodes,
        edges,
        col,
        row,
        lane,
    }
}

/// Depth-first from each node not yet reached, in file order: (column per node, loop per edge,
/// postorder).
fn walk(
    edges: &[(&Edge, usize, usize)],
    out: &[Vec<usize>],
    n: usize,
) -> (Vec<usize>, Vec<bool>, Vec<usize>) {
    // 0: not reached, 1: on the walk, 2: done.
    let mut state = vec![0u8; n];
    let mut col = vec![0usize; n];
    let mut back = vec![false; edges.len()];
    let mut post = Vec::new();
    let mut cols = 0;
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        col[root] = cols;
        cols += 1;
        state[root] = 1;
        // (node, next of its edges to follow, whether one of them has continued its column)
        let mut stack = vec![(root, 0usize, false)];
        while let Some(top) = stack.last_mut() {
            let (u, next, continued) = *top;
            let Some(&k) = out[u].get(next) else {
                state[u] = 2;
                post.push(u);
                stack.pop();
                continue;
            };
            top.1 += 1;
            let v = edges[k].2;
            match state[v] {
                1 => back[k] = true,
                0 => {
                    if continued {
                        col[v] = cols;
                        cols += 1;
                    } else {
                        col[v] = col[u];
                        top.2 = true;
                    }
                    state[v] = 1;
                    stack.push((v, 0, false));
                }
                _ => {}
            }
        }
    }
    (col, back, post)
}

#[cfg(test)]
mod tests {
    use crate::geometry::Mode;

    #[test]
    fn decisions_branch_right_and_steps_follow_what_leads_to_them() {
        let text = include_str!("../../../diagrams/incident-response-flowchart.toml");
        let d = crate::validate::valid(text);
        let mode = Mode::default();
        let mut c = crate::layout_ctx::Ctx::new(&d, &mode);
        super::flowchart(&mut c, 0.0, 0.0);
        let at = |id: &str| c.out.rect_of(id).expect("placed");
        // The first branch continues down; the other opens a column to the right.
        let (hosts, app, instance) = (at("d-hosts"), at("app"), at("instance"));
        assert_eq!(app.cx(), hosts.cx());
        assert!(app.y > hosts.bottom());
        assert!(instance.x > hosts.right() && instance.y > hosts.bottom());
        // A merge comes below both of its sources.
        let deploy = at("d-deploy");
        assert!(deploy.y > app.bottom() && deploy.y > instance.bottom());
        // The loop back to the diagnosis runs left of every node.
        let left = c
            .out
            .nodes
            .iter()
            .map(|n| n.rect.x)
            .fold(f32::MAX, f32::min);
        let lane = c
            .out
            .edges
            .iter()
            .flat_map(|e| e.points.iter().map(|p| p.0))
            .fold(f32::MAX, f32::min);
        assert!(lane < left - 20.0);
        for (i, a) in c.out.nodes.iter().enumerate() {
            for b in &c.out.nodes[i + 1..] {
                let (r, s) = (a.rect, b.rect);
                let apart =
                    r.right() <= s.x || s.right() <= r.x || r.bottom() <= s.y || s.bottom() <= r.y;
                assert!(apart, "{} overlaps {}", a.id, b.id);
            }
        }
    }
}
