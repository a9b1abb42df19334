//! The sequence arrangement of a whole diagram (`arrange = "sequence"`): the participants (top-level
//! nodes on the start side) stand in a row, each with a dashed lifeline down the drawing, and every
//! message (a top-level node on the end side, made from a `[[message]]`) takes its own row, in
//! order: an arrow from its sender's lifeline to its receiver's, with the message's card centred on
//! it. Lifelines are spread so that every card fits between the two it joins, with room for the
//! arrow to show at both ends.
use crate::diagram::{Direction, Node, Place, Side};
use crate::geometry::EdgeLayout;
use crate::layout_ctx::Ctx;

/// Between two participant cards.
const GAP: f32 = 40.0;
/// Arrow left visible on each side of a message card.
const ARROW: f32 = 28.0;
/// Between the participant row and the first message, and between message rows.
const ROW_GAP: f32 = 14.0;

/// One message: its node and the indices of its sender and receiver among the participants.
struct Message<'d> {
    node: &'d Node,
    from: usize,
    to: usize,
}

/// Lays the diagram out as a sequence from (x, y); returns the size it takes.
pub(crate) fn sequence(c: &mut Ctx<'_>, x: f32, y: f32) -> (f32, f32) {
    let d = c.d;
    let people: Vec<&Node> = c.nodes_in(Place::Root, Side::Start).collect();
    let end = |m: &Node, sender: bool| {
        let e = d
            .edges
            .iter()
            .find(|e| if sender { e.to == m.id } else { e.from == m.id })?;
        let other = if sender { &e.from } else { &e.to };
        people.iter().position(|p| &p.id == other)
    };
    let messages: Vec<Message> = c
        .nodes_in(Place::Root, Side::End)
        .filter_map(|node| {
            let (from, to) = (end(node, true)?, end(node, false)?);
            (from != to).then_some(Message { node, from, to })
        })
        .collect();
    let centres = lanes(c, &people, &messages);
    let left = people.first().map_or(0.0, |p| c.node_size(p).0 / 2.0);
    let lane_x = |i: usize| x + left + centres[i];
    let head = people.iter().map(|p| c.node_size(p).1).fold(0.0, f32::max);
    let mut feet = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let (w, h) = c.node_size(p);
        let top = y + (head - h) / 2.0;
        c.place_node(p, lane_x(i) - w / 2.0, top);
        feet.push(top + h);
    }
    // Each row as tall as its own card.
    let mut cy = y + head + ROW_GAP + 10.0;
    let mut arrows = Vec::new();
    for m in &messages {
        let (w, h) = c.compact_size(m.node);
        let mid = cy + h / 2.0;
        let (a, b) = (lane_x(m.from), lane_x(m.to));
        let dashed = d.edges.iter().any(|e| e.from == m.node.id && e.dashed);
        arrows.push(line(vec![(a, mid), (b, mid)], dashed, Direction::Forward));
        c.place_compact(m.node, (a + b) / 2.0 - w / 2.0, cy);
        cy += h + ROW_GAP;
    }
    let bottom = cy;
    for (i, foot) in feet.iter().enumerate() {
        c.out.edges.push(line(
            vec![(lane_x(i), *foot), (lane_x(i), bottom)],
            true,
            Direction::None,
        ));
    }
    c.out.edges.extend(arrows);
    let right = people.last().map_or(0.0, |p| c.node_size(p).0 / 2.0);
    let width = people
        .len()
        .checked_sub(1)
        .map_or(0.0, |last| left + centres[last] + right);
    (width, bottom - y)
}

fn line(points: Vec<(f32, f32)>, dashed: bool, direction: Direction) -> EdgeLayout {
    EdgeLayout {
        points,
        label: None,
        dashed,
        direction,
    }
}

/// The x of each lifeline from the first one: neighbours are as far apart as their cards need, then
/// pushed apart evenly wherever a message between two lifelines needs more room for its card.
fn lanes(c: &mut Ctx<'_>, people: &[&Node], messages: &[Message]) -> Vec<f32> {
    let widths: Vec<f32> = people.iter().map(|p| c.node_size(p).0).collect();
    let mut gaps: Vec<f32> = widths
        .windows(2)
        .map(|w| (w[0] + w[1]) / 2.0 + GAP)
        .collect();
    let mut spans: Vec<(usize, usize, f32)> = messages
        .iter()
        .map(|m| {
            let need = c.compact_size(m.node).0 + 2.0 * ARROW;
            (m.from.min(m.to), m.from.max(m.to), need)
        })
        .collect();
    // Shortest spans first: widening them first leaves wider ones the least to add.
    spans.sort_by_key(|s| s.1 - s.0);
    for (a, b, need) in spans {
        let have: f32 = gaps[a..b].iter().sum();
        if have < need {
            let add = (need - have) / (b - a) as f32;
            gaps[a..b].iter_mut().for_each(|g| *g += add);
        }
    }
    let mut out = vec![0.0];
    for g in gaps {
        let last = *out.last().expect("starts with one");
        out.push(last + g);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::geometry::Mode;

    #[test]
    fn messages_take_rows_in_order_between_their_lifelines() {
        let text = include_str!("../../../diagrams/sqs-consumer-lifecycle.toml");
        let d = crate::validate::valid(text);
        let mode = Mode::default();
        let mut c = crate::layout_ctx::Ctx::new(&d, &mode);
        super::sequence(&mut c, 0.0, 0.0);
        let at = |id: &str| c.out.rect_of(id).expect("placed");
        let order = [
            "m-send",
            "m-receive",
            "m-deliver",
            "m-again",
            "m-delete",
            "m-dlq",
        ];
        for w in order.windows(2) {
            assert!(at(w[1]).y >= at(w[0]).bottom(), "{} below {}", w[1], w[0]);
        }
        // Each card lies between its two lifelines, with arrow showing at both ends.
        for (id, from, to) in [("m-send", "producer", "queue"), ("m-dlq", "queue", "dlq")] {
            let (m, a, b) = (at(id), at(from), at(to));
            assert!(
                m.x > a.cx() + 20.0 && m.right() < b.cx() - 20.0,
                "{id} fits"
            );
        }
        // Four lifelines and six arrows.
        let dashed = c.out.edges.iter().filter(|e| e.dashed).count();
        assert_eq!((c.out.edges.len(), dashed), (10, 6));
    }
}
