//! Edge routing. Each edge tries a few orthogonal shapes (straight when the ends line up, then Z and L
//! shapes, then a plain diagonal) and keeps the first that crosses no other node; failing all, it runs
//! in a lane under the drawing. Cheap, deterministic and good enough for diagrams of tens of nodes.
use crate::diagram::Diagram;
use crate::geometry::{EdgeLayout, Layout, Mode, Rect, LINE, NOTE_SIZE};
use crate::kinds::Arrange;
use crate::metrics::text_width;

type Pt = (f32, f32);

const MIN_RUN: f32 = 16.0;
const LANE_STEP: f32 = 12.0;
const PAIR_OFFSET: f32 = 12.0;

pub(crate) fn route_edges(out: &mut Layout, d: &Diagram, mode: &Mode) {
    let content_bottom = out
        .nodes
        .iter()
        .map(|n| n.rect.bottom())
        .chain(out.boxes.iter().map(|b| b.rect.bottom()))
        .fold(0.0, f32::max);
    let mut lanes = 0;
    let headers = box_headers(out);
    let mut labels = label_keep_outs(out);
    let mut seen: Vec<(String, String)> = Vec::new();
    for e in &d.edges {
        if mode.removed.contains(&e.from) || mode.removed.contains(&e.to) {
            continue;
        }
        let (Some(a), Some(b)) = (out.rect_of(&e.from), out.rect_of(&e.to)) else {
            continue;
        };
        let obstacles: Vec<Rect> = out
            .nodes
            .iter()
            .filter(|n| n.id != e.from && n.id != e.to)
            .map(|n| inflate(n.rect, 4.0))
            .collect();
        let pair = if e.from < e.to {
            (e.from.clone(), e.to.clone())
        } else {
            (e.to.clone(), e.from.clone())
        };
        let repeats = seen.iter().filter(|p| **p == pair).count();
        seen.push(pair);
        let mut options = candidates(a, b, repeats as f32 * PAIR_OFFSET);
        if spread(d, &e.from, &e.to) {
            // Inside a mesh or hub the straight line is the picture; elbows would merge into each other.
            options.rotate_right(1);
        }
        let mut points = best_route(options, &obstacles, &headers).unwrap_or_else(|| {
            lanes += 1;
            let y = content_bottom + LANE_STEP * lanes as f32;
            vec![
                (a.cx(), a.bottom()),
                (a.cx(), y),
                (b.cx(), y),
                (b.cx(), b.bottom()),
            ]
        });
        points.dedup();
        let label = e.label.as_ref().filter(|t| !mode.reveals(t)).map(|text| {
            let (x, y) = label_spot(&points, text, &obstacles, &mut labels);
            (x, y, text.clone())
        });
        out.edges.push(EdgeLayout {
            points,
            label,
            dashed: e.dashed,
            direction: e.direction,
        });
    }
}

/// Among routes that miss every node, the one crossing fewest box titles; `None` when every route
/// hits a node (the caller then takes a lane below the drawing).
fn best_route(options: Vec<Vec<Pt>>, obstacles: &[Rect], headers: &[Rect]) -> Option<Vec<Pt>> {
    let clear = |p: &[Pt]| {
        p.windows(2)
            .all(|s| obstacles.iter().all(|r| !hits(s[0], s[1], *r)))
    };
    let crossings = |p: &[Pt]| {
        p.windows(2)
            .map(|s| headers.iter().filter(|r| hits(s[0], s[1], **r)).count())
            .sum::<usize>()
    };
    options
        .into_iter()
        .filter(|p| clear(p))
        .min_by_key(|p| crossings(p))
}

/// The title strip at the top of every labelled box.
fn box_headers(out: &Layout) -> Vec<Rect> {
    out.boxes
        .iter()
        .filter(|b| !b.label.is_empty())
        .map(|b| Rect {
            x: b.rect.x + 4.0,
            y: b.rect.y + 4.0,
            w: b.rect.w - 8.0,
            h: 20.0,
        })
        .collect()
}

/// Where edge labels must not go: box borders, headers and the notes at a box's bottom, where a
/// label would hide a line or a title.
fn label_keep_outs(out: &Layout) -> Vec<Rect> {
    out.boxes
        .iter()
        .flat_map(|b| {
            let r = b.rect;
            let notes = LINE * b.notes.len() as f32;
            [
                Rect {
                    x: r.x,
                    y: r.y - 2.0,
                    w: r.w,
                    h: 26.0,
                },
                Rect {
                    x: r.x,
                    y: r.bottom() - 2.0,
                    w: r.w,
                    h: 4.0,
                },
                Rect {
                    x: r.x - 2.0,
                    y: r.y,
                    w: 4.0,
                    h: r.h,
                },
                Rect {
                    x: r.right() - 2.0,
                    y: r.y,
                    w: 4.0,
                    h: r.h,
                },
                Rect {
                    x: r.x,
                    y: r.bottom() - 8.0 - notes,
                    w: r.w,
                    h: notes,
                },
            ]
        })
        .collect()
}

fn spread(d: &Diagram, a: &str, b: &str) -> bool {
    match (d.home_of(a), d.home_of(b)) {
        (Some(x), Some(y)) if x == y => d
            .group(x)
            .is_some_and(|g| matches!(g.arrange, Arrange::Square | Arrange::Hub)),
        _ => false,
    }
}

fn inflate(r: Rect, by: f32) -> Rect {
    Rect {
        x: r.x - by,
        y: r.y - by,
        w: r.w + 2.0 * by,
        h: r.h + 2.0 * by,
    }
}

/// Routes from `a` to `b`, best first. `offset` separates a second edge between the same two boxes.
fn candidates(a: Rect, b: Rect, offset: f32) -> Vec<Vec<Pt>> {
    let mut c = Vec::new();
    let (x0, x1) = (a.x.max(b.x), a.right().min(b.right()));
    if x1 - x0 > MIN_RUN {
        let x = ((x0 + x1) / 2.0 + offset).min(x1 - 4.0);
        if b.y > a.bottom() {
            c.push(vec![(x, a.bottom()), (x, b.y)]);
        } else if a.y > b.bottom() {
            c.push(vec![(x, a.y), (x, b.bottom())]);
        }
    }
    let (y0, y1) = (a.y.max(b.y), a.bottom().min(b.bottom()));
    if y1 - y0 > MIN_RUN {
        let y = ((y0 + y1) / 2.0 + offset).min(y1 - 4.0);
        if b.x > a.right() {
            c.push(vec![(a.right(), y), (b.x, y)]);
        } else if a.x > b.right() {
            c.push(vec![(a.x, y), (b.right(), y)]);
        }
    }
    let h_gap = (b.x - a.right()).max(a.x - b.right());
    let v_gap = (b.y - a.bottom()).max(a.y - b.bottom());
    let (dx, dy) = ((b.cx() - a.cx()).abs(), (b.cy() - a.cy()).abs());
    let mut zs = Vec::new();
    if h_gap > MIN_RUN {
        let (sx, ex) = if b.x > a.right() {
            (a.right(), b.x)
        } else {
            (a.x, b.right())
        };
        let mx = (sx + ex) / 2.0;
        zs.push((
            dx,
            vec![(sx, a.cy()), (mx, a.cy()), (mx, b.cy()), (ex, b.cy())],
        ));
    }
    if v_gap > MIN_RUN {
        let (sy, ey) = if b.y > a.bottom() {
            (a.bottom(), b.y)
        } else {
            (a.y, b.bottom())
        };
        let my = (sy + ey) / 2.0;
        zs.push((
            dy,
            vec![(a.cx(), sy), (a.cx(), my), (b.cx(), my), (b.cx(), ey)],
        ));
    }
    // The Z that first heads the way the target mostly lies looks calmer; try it first.
    zs.sort_by(|p, q| q.0.total_cmp(&p.0));
    c.extend(zs.into_iter().map(|z| z.1));
    // L shapes: leave a sideways and enter b from above or below, or the other way round.
    if b.cx() > a.right() || b.cx() < a.x {
        let sx = if b.cx() > a.cx() { a.right() } else { a.x };
        if a.cy() < b.y || a.cy() > b.bottom() {
            let ey = if b.cy() > a.cy() { b.y } else { b.bottom() };
            c.push(vec![(sx, a.cy()), (b.cx(), a.cy()), (b.cx(), ey)]);
        }
    }
    if (a.cx() < b.x || a.cx() > b.right()) && (b.cy() > a.bottom() || b.cy() < a.y) {
        let sy = if b.cy() > a.cy() { a.bottom() } else { a.y };
        let ex = if b.cx() > a.cx() { b.x } else { b.right() };
        c.push(vec![(a.cx(), sy), (a.cx(), b.cy()), (ex, b.cy())]);
    }
    c.push(vec![
        border(a, (b.cx(), b.cy())),
        border(b, (a.cx(), a.cy())),
    ]);
    c
}

/// Where the segment from `r`'s centre towards `to` leaves `r`.
fn border(r: Rect, to: Pt) -> Pt {
    let (dx, dy) = (to.0 - r.cx(), to.1 - r.cy());
    let tx = if dx.abs() > f32::EPSILON {
        (r.w / 2.0) / dx.abs()
    } else {
        f32::INFINITY
    };
    let ty = if dy.abs() > f32::EPSILON {
        (r.h / 2.0) / dy.abs()
    } else {
        f32::INFINITY
    };
    let t = tx.min(ty).min(1.0);
    (r.cx() + dx * t, r.cy() + dy * t)
}

/// Whether the segment p–q passes through the rectangle (Liang–Barsky clipping).
fn hits(p: Pt, q: Pt, r: Rect) -> bool {
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    let mut t0: f32 = 0.0;
    let mut t1: f32 = 1.0;
    for (den, num) in [
        (-dx, p.0 - r.x),
        (dx, r.right() - p.0),
        (-dy, p.1 - r.y),
        (dy, r.bottom() - p.1),
    ] {
        if den.abs() < f32::EPSILON {
            if num < 0.0 {
                return false;
            }
        } else {
            let t = num / den;
            if den < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

/// The label's centre: the middle of the longest segment, nudged along it off nodes and other labels.
fn label_spot(points: &[Pt], text: &str, nodes: &[Rect], placed: &mut Vec<Rect>) -> Pt {
    let (w, h) = (text_width(text, NOTE_SIZE, false) + 10.0, NOTE_SIZE + 6.0);
    let mut segs: Vec<(Pt, Pt)> = points.windows(2).map(|s| (s[0], s[1])).collect();
    let len = |s: &(Pt, Pt)| (s.1 .0 - s.0 .0).hypot(s.1 .1 - s.0 .1);
    segs.sort_by(|p, q| len(q).total_cmp(&len(p)));
    let pill = |c: Pt| Rect {
        x: c.0 - w / 2.0,
        y: c.1 - h / 2.0,
        w,
        h,
    };
    let overlaps = |r: Rect, others: &[Rect]| {
        others
            .iter()
            .any(|o| r.x < o.right() && o.x < r.right() && r.y < o.bottom() && o.y < r.bottom())
    };
    for s in &segs {
        for t in [0.5, 0.35, 0.65, 0.25, 0.75, 0.15, 0.85] {
            let c = (
                s.0 .0 + (s.1 .0 - s.0 .0) * t,
                s.0 .1 + (s.1 .1 - s.0 .1) * t,
            );
            let r = pill(c);
            if !overlaps(r, nodes) && !overlaps(r, placed) {
                placed.push(r);
                return c;
            }
        }
    }
    let s = segs[0];
    let c = ((s.0 .0 + s.1 .0) / 2.0, (s.0 .1 + s.1 .1) / 2.0);
    placed.push(pill(c));
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    #[test]
    fn segment_rectangle_hits() {
        let b = r(10.0, 10.0, 10.0, 10.0);
        assert!(hits((0.0, 15.0), (30.0, 15.0), b));
        assert!(!hits((0.0, 25.0), (30.0, 25.0), b));
        assert!(!hits((0.0, 0.0), (5.0, 5.0), b));
        assert!(hits((15.0, 0.0), (15.0, 30.0), b));
    }

    #[test]
    fn aligned_boxes_get_a_straight_line_first() {
        let c = candidates(r(0.0, 0.0, 100.0, 50.0), r(0.0, 100.0, 100.0, 50.0), 0.0);
        assert_eq!(c[0], vec![(50.0, 50.0), (50.0, 100.0)]);
        let c = candidates(r(0.0, 0.0, 100.0, 50.0), r(200.0, 0.0, 100.0, 50.0), 12.0);
        assert_eq!(c[0], vec![(100.0, 37.0), (200.0, 37.0)]);
    }

    #[test]
    fn border_points_lie_on_the_box() {
        let p = border(r(0.0, 0.0, 100.0, 50.0), (300.0, 25.0));
        assert_eq!(p, (100.0, 25.0));
    }
}
