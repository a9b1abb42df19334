//! The AZ × tier grid inside a VPC: Availability Zones are columns, tiers (public / app / data) are
//! rows, subnets are the cells. A VPC is not a tree (a tier cuts across AZs), so it gets its own
//! layout: every subnet in a row shares a height, every subnet in a column shares a width, and nodes
//! that span a tier (a load balancer in each public subnet) sit in the gap between the middle columns.
//! Cells and the spanning gap hold only nodes and drop pads, so this works on the leaf context
//! (layout_ctx.rs); the orchestrator (layout.rs) measures the grid once and places it in its host.
use crate::arrange::{arrange_size, place_children};
use crate::diagram::{Grid, Place, Side, Subnet};
use crate::geometry::{header_text, BoxLayout, Rect, HEADER_SIZE, LINE, NOTE_SIZE};
use crate::kinds::{Arrange, GroupKind};
use crate::layout_ctx::{Ctx, Leaf};
use crate::metrics::{text_width, widest};

const AZ_PAD: f32 = 12.0;
const AZ_HEADER: f32 = 30.0;
const AZ_GAP: f32 = 28.0;
const SPAN_MARGIN: f32 = 30.0;
const ROW_GAP: f32 = 14.0;
const MIN_CELL_W: f32 = 180.0;
const MIN_CONTENT_H: f32 = 40.0;

/// Every measurement of the grid, computed once per layout.
#[derive(Debug, Clone)]
pub(crate) struct Measure {
    col_w: Vec<f32>,
    row_h: Vec<f32>,
    /// Gap after each column except the last.
    gaps: Vec<f32>,
}

impl Measure {
    pub fn width(&self) -> f32 {
        self.col_w.iter().map(|w| w + 2.0 * AZ_PAD).sum::<f32>() + self.gaps.iter().sum::<f32>()
    }

    pub fn height(&self) -> f32 {
        let rows = self.row_h.len() as f32;
        AZ_HEADER + self.row_h.iter().sum::<f32>() + ROW_GAP * (rows - 1.0).max(0.0) + AZ_PAD
    }

    fn col_x(&self, a: usize) -> f32 {
        (0..a)
            .map(|i| self.col_w[i] + 2.0 * AZ_PAD + self.gaps[i])
            .sum()
    }

    fn row_y(&self, t: usize) -> f32 {
        AZ_HEADER + (0..t).map(|i| self.row_h[i] + ROW_GAP).sum::<f32>()
    }
}

/// The column gap spanning nodes sit in: the middle one.
fn span_gap(azs: usize) -> usize {
    (azs / 2).max(1) - 1
}

fn grid<'d>(c: &Ctx<'d>) -> &'d Grid {
    c.d.grid
        .as_ref()
        .expect("a grid item exists only when the diagram has a grid")
}

fn cell_items<'d>(c: &Ctx<'d>, subnet: &'d str) -> Vec<Leaf<'d>> {
    let mut kids = items_at(c, Place::Subnet(subnet.to_string()));
    if c.mode.zones.contains(subnet) {
        kids.push(Leaf::Pad(subnet));
    }
    kids
}

fn spanning<'d>(c: &Ctx<'d>, tier: &'d str) -> Vec<Leaf<'d>> {
    let mut kids = items_at(c, Place::Tier(tier.to_string()));
    // A design canvas drops components that span the tier on a pad in the spanning gap.
    if c.mode.zones.contains(tier) {
        kids.push(Leaf::Pad(tier));
    }
    kids
}

/// The nodes placed at `place`: those on its start side, then those on its end side.
fn items_at<'d>(c: &Ctx<'d>, place: Place) -> Vec<Leaf<'d>> {
    let mut kids: Vec<Leaf<'d>> = c
        .nodes_in(place.clone(), Side::Start)
        .map(Leaf::Node)
        .collect();
    kids.extend(c.nodes_in(place, Side::End).map(Leaf::Node));
    kids
}

/// Every measurement of the grid; the caller keeps it, as placing needs the same numbers.
pub(crate) fn measure(c: &mut Ctx<'_>) -> Measure {
    let grid = grid(c);
    let (cols, rows) = (grid.azs.len(), grid.tiers.len());
    let mut col_w: Vec<f32> = grid
        .azs
        .iter()
        .map(|a| text_width(&a.label, HEADER_SIZE, true))
        .collect();
    let mut row_h = vec![MIN_CONTENT_H; rows];
    for s in &grid.subnets {
        let Some((a, t)) = cell_of(grid, s) else {
            continue;
        };
        let kids = cell_items(c, &s.id);
        let (cw, ch) = arrange_size(c, &kids, Arrange::Row);
        let notes = c.box_notes(&s.id);
        let (side, top, bottom) = frame(notes.len());
        let header = text_width(&header_text(&s.label, s.cidr.as_deref()), HEADER_SIZE, true);
        let inner = cw.max(header).max(widest(&notes, NOTE_SIZE, false) + 4.0);
        col_w[a] = col_w[a].max(inner + 2.0 * side).max(MIN_CELL_W);
        row_h[t] = row_h[t].max(ch.max(MIN_CONTENT_H) + top + bottom);
    }
    let mut span_w: f32 = 0.0;
    for (t, tier) in grid.tiers.iter().enumerate() {
        let kids = spanning(c, &tier.id);
        if !kids.is_empty() {
            let (w, h) = arrange_size(c, &kids, Arrange::Column);
            span_w = span_w.max(w);
            row_h[t] = row_h[t].max(h + 16.0);
        }
    }
    let mut gaps = vec![AZ_GAP; cols.saturating_sub(1)];
    if span_w > 0.0 && !gaps.is_empty() {
        gaps[span_gap(cols)] = span_w + 2.0 * SPAN_MARGIN;
    }
    Measure {
        col_w: col_w.into_iter().map(f32::ceil).collect(),
        row_h: row_h.into_iter().map(f32::ceil).collect(),
        gaps,
    }
}

/// Places the grid measured as `m` with its top left corner at (x, y): AZ columns, then subnet
/// cells and their nodes, then the nodes spanning each tier.
pub(crate) fn place(c: &mut Ctx<'_>, m: &Measure, x: f32, y: f32) {
    let grid = grid(c);
    for (a, az) in grid.azs.iter().enumerate() {
        c.out.boxes.push(BoxLayout {
            id: az.id.clone(),
            kind: GroupKind::Az,
            rect: Rect {
                x: x + m.col_x(a),
                y,
                w: m.col_w[a] + 2.0 * AZ_PAD,
                h: m.height(),
            },
            label: az.label.clone(),
            cidr: None,
            notes: Vec::new(),
            drop: None,
        });
    }
    for s in &grid.subnets {
        let Some((a, t)) = cell_of(grid, s) else {
            continue;
        };
        let rect = Rect {
            x: x + m.col_x(a) + AZ_PAD,
            y: y + m.row_y(t),
            w: m.col_w[a],
            h: m.row_h[t],
        };
        let notes = c.box_notes(&s.id);
        let (side, top, bottom) = frame(notes.len());
        c.out.boxes.push(BoxLayout {
            id: s.id.clone(),
            kind: grid.tiers[t].kind.group_kind(),
            rect,
            label: s.label.clone(),
            cidr: s.cidr.clone(),
            notes,
            drop: None,
        });
        let kids = cell_items(c, &s.id);
        let content = Rect {
            x: rect.x + side,
            y: rect.y + top,
            w: rect.w - 2.0 * side,
            h: rect.h - top - bottom,
        };
        place_children(c, &kids, Arrange::Row, content);
    }
    if grid.azs.len() >= 2 {
        let gap = span_gap(grid.azs.len());
        let gap_x = x + m.col_x(gap + 1) - m.gaps[gap];
        for (t, tier) in grid.tiers.iter().enumerate() {
            let kids = spanning(c, &tier.id);
            if !kids.is_empty() {
                let lane = Rect {
                    x: gap_x,
                    y: y + m.row_y(t),
                    w: m.gaps[gap],
                    h: m.row_h[t],
                };
                place_children(c, &kids, Arrange::Column, lane);
            }
        }
    }
}

/// Padding of a subnet cell: (sides, top incl. header, bottom incl. notes).
fn frame(notes: usize) -> (f32, f32, f32) {
    let footer = if notes == 0 {
        0.0
    } else {
        notes as f32 * LINE + 8.0
    };
    (12.0, 26.0 + 10.0, 12.0 + footer)
}

/// The (AZ column, tier row) a subnet sits in; None if validation let an unknown id through.
fn cell_of(grid: &Grid, s: &Subnet) -> Option<(usize, usize)> {
    Some((
        grid.azs.iter().position(|z| z.id == s.az)?,
        grid.tiers.iter().position(|z| z.id == s.tier)?,
    ))
}
