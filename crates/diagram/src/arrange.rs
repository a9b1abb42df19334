//! Row, column, square and hub arrangements of a container's children, with the gaps between them.
//! It decides where siblings go and nothing else: what a child is, how big it is and how it is placed
//! come through `Children`, which the leaf context (layout_ctx.rs: nodes and pads) and the
//! orchestrator (layout.rs: groups and the grid too) implement. So a group can hold a grid that holds
//! nodes while this module imports neither.
use crate::diagram::Diagram;
use crate::geometry::{Mode, Rect, COLUMN_GAP, NOTE_SIZE, ROW_GAP, SPREAD_GAP};
use crate::kinds::Arrange;
use crate::metrics::text_width;

/// What arranging needs of a container's children.
pub(crate) trait Children<'d> {
    type Item: Copy;
    fn diagram(&self) -> &'d Diagram;
    fn mode(&self) -> &'d Mode;
    /// Measured once and cached by the implementor: arranging asks for each size several times.
    fn size(&mut self, item: Self::Item) -> (f32, f32);
    fn place(&mut self, item: Self::Item, x: f32, y: f32);
    /// Every node and box id drawn inside `item`, itself included.
    fn ids_in(&self, item: Self::Item) -> Vec<&'d str>;
}

/// The space after each child in a row or column: the usual gap, widened where a labelled edge
/// joins two neighbouring nodes so its label fits between them.
fn gaps<'d, C: Children<'d>>(c: &C, kids: &[C::Item], how: Arrange) -> Vec<f32> {
    kids.windows(2)
        .map(|pair| {
            let (a, b) = (c.ids_in(pair[0]), c.ids_in(pair[1]));
            let joins = |x: &str, y: &str| a.contains(&x) && b.contains(&y);
            let labels = c
                .diagram()
                .edges
                .iter()
                .filter(|e| joins(&e.from, &e.to) || joins(&e.to, &e.from))
                .filter_map(|e| e.label.as_deref())
                .filter(|l| !c.mode().reveals(l));
            match how {
                Arrange::Row => labels
                    .map(|l| text_width(l, NOTE_SIZE, false) + 34.0)
                    .fold(ROW_GAP, f32::max),
                _ => labels.map(|_| 44.0).fold(COLUMN_GAP, f32::max),
            }
        })
        .collect()
}

/// The size `kids` take up arranged `how`.
pub(crate) fn arrange_size<'d, C: Children<'d>>(
    c: &mut C,
    kids: &[C::Item],
    how: Arrange,
) -> (f32, f32) {
    let sizes: Vec<(f32, f32)> = kids.iter().map(|k| c.size(*k)).collect();
    let gap_sum = |n: usize, g: f32| g * n.saturating_sub(1) as f32;
    match how {
        Arrange::Row => (
            sizes.iter().map(|s| s.0).sum::<f32>() + gaps(c, kids, how).iter().sum::<f32>(),
            sizes.iter().map(|s| s.1).fold(0.0, f32::max),
        ),
        // The whole-diagram arrangements never reach here (layout.rs dispatches them).
        Arrange::Column
        | Arrange::Tree
        | Arrange::Ladder
        | Arrange::Sequence
        | Arrange::Flowchart => (
            sizes.iter().map(|s| s.0).fold(0.0, f32::max),
            sizes.iter().map(|s| s.1).sum::<f32>() + gaps(c, kids, how).iter().sum::<f32>(),
        ),
        Arrange::Square | Arrange::Hub => {
            let (cols, rows) = cells(kids.len(), how)
                .iter()
                .fold((0, 0), |(cs, rs), &(x, y)| (cs.max(x + 1), rs.max(y + 1)));
            let cw = sizes.iter().map(|s| s.0).fold(0.0, f32::max);
            let chh = sizes.iter().map(|s| s.1).fold(0.0, f32::max);
            (
                cw * cols as f32 + gap_sum(cols, SPREAD_GAP),
                chh * rows as f32 + gap_sum(rows, SPREAD_GAP),
            )
        }
    }
}

/// Places `kids` inside the content `area`: rows centre vertically, columns centre horizontally,
/// and the whole run is centred in the area.
pub(crate) fn place_children<'d, C: Children<'d>>(
    c: &mut C,
    kids: &[C::Item],
    how: Arrange,
    area: Rect,
) {
    let sizes: Vec<(f32, f32)> = kids.iter().map(|k| c.size(*k)).collect();
    let (used_w, used_h) = arrange_size(c, kids, how);
    let (x0, y0) = (
        area.x + (area.w - used_w) / 2.0,
        area.y + (area.h - used_h) / 2.0,
    );
    let mut gaps = gaps(c, kids, how);
    gaps.push(0.0);
    match how {
        Arrange::Row => {
            let mut cx = x0;
            for ((k, s), gap) in kids.iter().zip(&sizes).zip(&gaps) {
                c.place(*k, cx, y0 + (used_h - s.1) / 2.0);
                cx += s.0 + gap;
            }
        }
        Arrange::Column
        | Arrange::Tree
        | Arrange::Ladder
        | Arrange::Sequence
        | Arrange::Flowchart => {
            let mut cy = y0;
            for ((k, s), gap) in kids.iter().zip(&sizes).zip(&gaps) {
                c.place(*k, x0 + (used_w - s.0) / 2.0, cy);
                cy += s.1 + gap;
            }
        }
        Arrange::Square | Arrange::Hub => {
            let cw = sizes.iter().map(|s| s.0).fold(0.0, f32::max);
            let chh = sizes.iter().map(|s| s.1).fold(0.0, f32::max);
            for ((k, s), (col, row)) in kids.iter().zip(&sizes).zip(cells(kids.len(), how)) {
                let cx = x0 + col as f32 * (cw + SPREAD_GAP) + (cw - s.0) / 2.0;
                let cy = y0 + row as f32 * (chh + SPREAD_GAP) + (chh - s.1) / 2.0;
                c.place(*k, cx, cy);
            }
        }
    }
}

/// Cell (column, row) of each of `n` children in a square block or around a hub, with unused rows
/// and columns squeezed out.
fn cells(n: usize, how: Arrange) -> Vec<(usize, usize)> {
    let raw: Vec<(usize, usize)> = if how == Arrange::Hub {
        const AROUND: [(usize, usize); 8] = [
            (1, 0),
            (2, 1),
            (1, 2),
            (0, 1),
            (2, 0),
            (2, 2),
            (0, 2),
            (0, 0),
        ];
        std::iter::once((1, 1)).chain(AROUND).take(n).collect()
    } else {
        let cols = (n as f32).sqrt().ceil().max(1.0) as usize;
        (0..n).map(|i| (i % cols, i / cols)).collect()
    };
    let min_c = raw.iter().map(|c| c.0).min().unwrap_or(0);
    let min_r = raw.iter().map(|c| c.1).min().unwrap_or(0);
    raw.into_iter()
        .map(|(c, r)| (c - min_c, r - min_r))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_cells_put_the_first_node_in_the_middle() {
        assert_eq!(
            cells(5, Arrange::Hub),
            vec![(1, 1), (1, 0), (2, 1), (1, 2), (0, 1)]
        );
        // Two nodes: the hub and one spoke above it, squeezed into one column.
        assert_eq!(cells(2, Arrange::Hub), vec![(0, 1), (0, 0)]);
        assert_eq!(
            cells(4, Arrange::Square),
            vec![(0, 0), (1, 0), (0, 1), (1, 1)]
        );
    }
}
