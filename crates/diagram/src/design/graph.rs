//! The placed graph a design drill grades: the canvas's kept nodes plus the learner's components,
//! and the connections between them. Built once per grading; every rule reads it through bit sets
//! (at most 128 nodes), so grading a large design stays in microseconds.
use super::topology::Topology;

/// Nodes a graph may hold (kept nodes and placed components together): bit sets are u128.
pub(crate) const MAX_NODES: usize = 128;

#[derive(Debug, Clone)]
pub(crate) struct GNode<'a> {
    /// The learner's id (or the kept node's id): what marks point at. Borrowed from the submission
    /// or the diagram: a graph lives for one grading, and copying every id cost more than the rules.
    pub id: &'a str,
    pub role: u16,
    pub kind: &'static str,
    /// Index into the topology's places.
    pub place: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GConn {
    pub from: usize,
    pub to: usize,
    /// Index into the drill's connection labels.
    pub label: Option<u16>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Graph<'a> {
    pub nodes: Vec<GNode<'a>>,
    pub conns: Vec<GConn>,
    /// Per node, the nodes its connections lead to.
    pub out: Vec<u128>,
    /// The nodes of each role, kind and place that occurs, gathered once: every rule asks for
    /// several of these sets, and a design has far fewer distinct roles, kinds and places than
    /// nodes, so a short scan of these beats a pass over the nodes per question.
    roles: Vec<(u16, u128)>,
    kinds: Vec<(&'static str, u128)>,
    places: Vec<(usize, u128)>,
}

/// What a rule talks about: components of a role (card role or kept node id), or of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sel {
    Role(u16),
    Kind(&'static str),
}

/// Adds node `i` to the set of `key` in `sets`, starting the set if `key` is new.
fn add<K: PartialEq>(sets: &mut Vec<(K, u128)>, key: K, i: usize) {
    match sets.iter_mut().find(|(k, _)| *k == key) {
        Some((_, m)) => *m |= 1u128 << i,
        None => sets.push((key, 1u128 << i)),
    }
}

fn set_of<K: PartialEq>(sets: &[(K, u128)], key: K) -> u128 {
    sets.iter().find(|(k, _)| *k == key).map_or(0, |e| e.1)
}

impl<'a> Graph<'a> {
    /// Caller guarantees `nodes.len() <= MAX_NODES` and connection ends in range.
    pub fn new(nodes: Vec<GNode<'a>>, conns: Vec<GConn>) -> Graph<'a> {
        let mut out = vec![0u128; nodes.len()];
        for c in &conns {
            out[c.from] |= 1u128 << c.to;
        }
        // A design has a handful of each; room for eight saves the first regrowths.
        let mut roles = Vec::with_capacity(8);
        let mut kinds = Vec::with_capacity(8);
        let mut places = Vec::with_capacity(8);
        for (i, n) in nodes.iter().enumerate() {
            add(&mut roles, n.role, i);
            add(&mut kinds, n.kind, i);
            add(&mut places, n.place, i);
        }
        Graph {
            nodes,
            conns,
            out,
            roles,
            kinds,
            places,
        }
    }

    pub fn mask(&self, sel: Sel) -> u128 {
        match sel {
            Sel::Role(r) => set_of(&self.roles, r),
            Sel::Kind(k) => set_of(&self.kinds, k),
        }
    }

    /// Nodes whose place lies within place `p`.
    pub fn within(&self, topo: &Topology, p: usize) -> u128 {
        self.at(|q| topo.places[q].within >> p & 1 == 1)
    }

    /// Nodes whose place passes `keep`.
    pub fn at(&self, keep: impl Fn(usize) -> bool) -> u128 {
        self.places
            .iter()
            .filter(|&&(q, _)| keep(q))
            .fold(0, |m, &(_, set)| m | set)
    }

    /// Everything reachable from `start` in one or more steps, never entering `avoid`.
    pub fn reach(&self, start: u128, avoid: u128) -> u128 {
        let mut seen = 0u128;
        let mut frontier = start;
        while frontier != 0 {
            let mut next = 0u128;
            for i in bits(frontier) {
                next |= self.out[i];
            }
            next &= !avoid & !seen;
            seen |= next;
            frontier = next;
        }
        seen
    }

    /// One path (node indexes) from a node of `start` to a node of `goal` avoiding `avoid`, for
    /// marking what breaks a rule. Breadth first, so it is a shortest one.
    pub fn path(&self, start: u128, goal: u128, avoid: u128) -> Vec<usize> {
        // On the stack: several rules search paths in every grading. Each node enters the queue
        // at most once, so MAX_NODES slots hold it; NONE marks a node without a parent.
        const NONE: u8 = u8::MAX;
        let mut parent = [NONE; MAX_NODES];
        let mut queue = [0u8; MAX_NODES];
        let mut tail = 0;
        for i in bits(start) {
            queue[tail] = i as u8;
            tail += 1;
        }
        let mut seen = start;
        let mut head = 0;
        while head < tail {
            let i = queue[head] as usize;
            head += 1;
            for j in bits(self.out[i] & !avoid & !seen) {
                seen |= 1u128 << j;
                parent[j] = i as u8;
                if goal >> j & 1 == 1 {
                    let mut path = vec![j];
                    let mut k = j;
                    while parent[k] != NONE {
                        k = parent[k] as usize;
                        path.push(k);
                    }
                    path.reverse();
                    return path;
                }
                queue[tail] = j as u8;
                tail += 1;
            }
        }
        Vec::new()
    }
}

/// The indexes of the set bits, lowest first.
pub(crate) fn bits(mut m: u128) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if m == 0 {
            return None;
        }
        let i = m.trailing_zeros() as usize;
        m &= m - 1;
        Some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: usize, edges: &[(usize, usize)]) -> Graph<'static> {
        let nodes = (0..n)
            .map(|i| GNode {
                id: ["n0", "n1", "n2", "n3"][i],
                role: i as u16,
                kind: "server",
                place: 0,
            })
            .collect();
        let conns = edges
            .iter()
            .map(|&(from, to)| GConn {
                from,
                to,
                label: None,
            })
            .collect();
        Graph::new(nodes, conns)
    }

    #[test]
    fn bits_lists_set_bits_in_order() {
        assert_eq!(bits(0b1010_0001).collect::<Vec<_>>(), vec![0, 5, 7]);
        assert_eq!(bits(1u128 << 127).collect::<Vec<_>>(), vec![127]);
        assert_eq!(bits(0).count(), 0);
    }

    #[test]
    fn reach_follows_direction_and_avoids() {
        let g = chain(4, &[(0, 1), (1, 2), (3, 0)]);
        assert_eq!(g.reach(1, 0), 0b110);
        assert_eq!(g.reach(1, 0b10), 0);
        assert_eq!(g.reach(0b100, 0), 0, "a sink reaches nothing");
        assert_eq!(g.reach(1 << 3, 0), 0b111);
    }

    #[test]
    fn reach_terminates_on_cycles() {
        let g = chain(3, &[(0, 1), (1, 2), (2, 0)]);
        assert_eq!(g.reach(1, 0), 0b111);
    }

    #[test]
    fn path_is_shortest_and_empty_when_blocked() {
        let g = chain(4, &[(0, 1), (1, 2), (0, 2), (2, 3)]);
        assert_eq!(g.path(1, 1 << 3, 0), vec![0, 2, 3]);
        assert_eq!(g.path(1, 1 << 3, 1 << 2), Vec::<usize>::new());
    }
}
