//! Row, column, square and hub arrangements of a container's children, with the gaps between them.
//! Split from layout.rs, which measures and places boxes and nodes; this decides where siblings go.
use crate::kinds::Arrange;
use crate::layout::{Ctx, Item, COLUMN_GAP, NOTE_SIZE, ROW_GAP, SPREAD_GAP};
use crate::metrics::text_width;

impl<'d> Ctx<'d> {
    /// The space after each child in a row or column: the usual gap, widened where a labelled edge
    /// joins two neighbouring nodes so its label fits between them.
    fn gaps(&self, kids: &[Item<'d>], how: Arrange) -> Vec<f32> {
        kids.windows(2)
            .map(|pair| {
                let (a, b) = (self.ids_in(pair[0]), self.ids_in(pair[1]));
                let joins = |x: &str, y: &str| a.contains(&x) && b.contains(&y);
                let labels = self
                    .d
                    .edges
                    .iter()
                    .filter(|e| joins(&e.from, &e.to) || joins(&e.to, &e.from))
                    .filter_map(|e| e.label.as_deref())
                    .filter(|l| !self.mode.reveals(l));
                match how {
                    Arrange::Row => labels
                        .map(|l| text_width(l, NOTE_SIZE, false) + 34.0)
                        .fold(ROW_GAP, f32::max),
                    _ => labels.map(|_| 44.0).fold(COLUMN_GAP, f32::max),
                }
            })
            .collect()
    }

    /// Every node and box id drawn inside `item`, itself included.
    fn ids_in(&self, item: Item<'d>) -> Vec<&'d str> {
        match item {
            Item::Node(n) => vec![n.id.as_str()],
            Item::Group(g) => {
                let mut out = vec![g];
                for n in &self.d.nodes {
                    let mut at = self.d.home_of(&n.id);
                    // Subnets sit in the grid host; follow group parents up from there.
                    if let Some(s) = at.and_then(|h| self.d.subnet(h)) {
                        out.push(s.id.as_str());
                        at = self.d.grid.as_ref().map(|gr| gr.host.as_str());
                    }
                    while let Some(h) = at {
                        if h == g {
                            out.push(n.id.as_str());
                            break;
                        }
                        at = self.d.group(h).and_then(|x| x.parent.as_deref());
                    }
                }
                out
            }
            Item::Grid | Item::Pad(_) => Vec::new(),
        }
    }

    pub fn arrange_size(&mut self, kids: &[Item<'d>], how: Arrange) -> (f32, f32) {
        let sizes: Vec<(f32, f32)> = kids.iter().map(|k| self.size(*k)).collect();
        let gaps = |n: usize, g: f32| g * n.saturating_sub(1) as f32;
        match how {
            Arrange::Row => (
                sizes.iter().map(|s| s.0).sum::<f32>() + self.gaps(kids, how).iter().sum::<f32>(),
                sizes.iter().map(|s| s.1).fold(0.0, f32::max),
            ),
            Arrange::Column => (
                sizes.iter().map(|s| s.0).fold(0.0, f32::max),
                sizes.iter().map(|s| s.1).sum::<f32>() + self.gaps(kids, how).iter().sum::<f32>(),
            ),
            Arrange::Square | Arrange::Hub => {
                let (cols, rows) = cells(kids.len(), how)
                    .iter()
                    .fold((0, 0), |(c, r), &(x, y)| (c.max(x + 1), r.max(y + 1)));
                let cw = sizes.iter().map(|s| s.0).fold(0.0, f32::max);
                let chh = sizes.iter().map(|s| s.1).fold(0.0, f32::max);
                (
                    cw * cols as f32 + gaps(cols, SPREAD_GAP),
                    chh * rows as f32 + gaps(rows, SPREAD_GAP),
                )
            }
        }
    }

    /// Places `kids` inside the content area at (x, y) of size (w, h): rows centre vertically,
    /// columns centre horizontally, and the whole run is centred in the area.
    pub fn place_children(
        &mut self,
        kids: &[Item<'d>],
        how: Arrange,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    ) {
        let sizes: Vec<(f32, f32)> = kids.iter().map(|k| self.size(*k)).collect();
        let (used_w, used_h) = self.arrange_size(kids, how);
        let (x0, y0) = (x + (w - used_w) / 2.0, y + (h - used_h) / 2.0);
        let mut gaps = self.gaps(kids, how);
        gaps.push(0.0);
        match how {
            Arrange::Row => {
                let mut cx = x0;
                for ((k, s), gap) in kids.iter().zip(&sizes).zip(&gaps) {
                    self.place(*k, cx, y0 + (used_h - s.1) / 2.0);
                    cx += s.0 + gap;
                }
            }
            Arrange::Column => {
                let mut cy = y0;
                for ((k, s), gap) in kids.iter().zip(&sizes).zip(&gaps) {
                    self.place(*k, x0 + (used_w - s.0) / 2.0, cy);
                    cy += s.1 + gap;
                }
            }
            Arrange::Square | Arrange::Hub => {
                let cw = sizes.iter().map(|s| s.0).fold(0.0, f32::max);
                let chh = sizes.iter().map(|s| s.1).fold(0.0, f32::max);
                for ((k, s), (col, row)) in kids.iter().zip(&sizes).zip(cells(kids.len(), how)) {
                    let cx = x0 + col as f32 * (cw + SPREAD_GAP) + (cw - s.0) / 2.0;
                    let cy = y0 + row as f32 * (chh + SPREAD_GAP) + (chh - s.1) / 2.0;
                    self.place(*k, cx, cy);
                }
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
