//! Design drills: the learner builds an architecture on a canvas (a diagram's boxes, without its
//! components) from a palette of cards, and the design is graded by rules over the placed graph,
//! never against one picture. Layers: topology (what encloses what) → graph (the placed design) →
//! rules (pure checks) → validate (TOML to `Design`) → submit (learner JSON to a design) → grade.
pub(crate) mod build;
pub(crate) mod grade;
pub(crate) mod graph;
pub(crate) mod rule_spec;
pub(crate) mod rules;
pub(crate) mod satisfy;
pub(crate) mod submit;
pub(crate) mod topology;
pub(crate) mod validate;

use crate::diagram::Diagram;
use crate::kinds::ComponentKind;
use graph::{GConn, GNode, Graph};
use rules::Check;
use std::borrow::Cow;
use topology::Topology;

/// At most this many components in one design (bit sets of the graph hold kept nodes too).
pub const MAX_COMPONENTS: usize = 64;
/// At most this many connections in one design.
pub const MAX_CONNECTIONS: usize = 160;
pub(crate) const DEFAULT_MAX_COMPONENTS: usize = 40;

#[derive(Debug, Clone)]
pub(crate) struct Design {
    pub requirements: Vec<String>,
    /// Nodes of the diagram that stay on the canvas, fixed and connectable.
    pub kept: Vec<String>,
    /// Topology indexes of the places components may go, in canvas order.
    pub places: Vec<usize>,
    /// The labels a connection may carry, as shown.
    pub labels: Vec<String>,
    pub max_components: usize,
    pub cards: Vec<Card>,
    /// Role names; a role's index is what selectors and graph nodes hold.
    pub roles: Vec<String>,
    pub rules: Vec<Rule>,
    pub model: Vec<Placed<'static>>,
    pub model_links: Vec<Link<'static>>,
    pub topo: Topology,
}

#[derive(Debug, Clone)]
pub(crate) struct Card {
    /// Opaque id shown to the UI (`p1`…), in palette order.
    pub id: String,
    /// The author's id in the TOML (used by the model).
    pub author: String,
    pub kind: &'static ComponentKind,
    pub label: String,
    pub role: u16,
    pub max: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Required,
    Advice,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Required => "required",
            Level::Advice => "advice",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub check: Check,
    pub level: Level,
    /// Required rules: share of the score.
    pub weight: f64,
    /// Advice: taken off the score when not followed.
    pub penalty: f64,
    pub pass: String,
    pub fail: String,
    pub line: u32,
}

/// A component of a checked design (the learner's or the model's). Ids are borrowed from the
/// learner's submission (owned for the model): a checked design lives for one grading or drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed<'a> {
    pub id: Cow<'a, str>,
    /// Index into `cards`.
    pub card: usize,
    /// Topology index.
    pub place: usize,
}

/// A connection of a checked design, between component or kept-node ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link<'a> {
    pub from: Cow<'a, str>,
    pub to: Cow<'a, str>,
    /// Index into `labels`.
    pub label: Option<u16>,
}

impl Design {
    /// The placed graph: kept nodes first, then the components. Ids must resolve (submit.rs and
    /// validate.rs check them first); an unknown end is skipped rather than trusted.
    pub fn graph<'a>(&self, d: &'a Diagram, comps: &'a [Placed], links: &[Link]) -> Graph<'a> {
        let mut nodes: Vec<GNode<'a>> = Vec::with_capacity(self.kept.len() + comps.len());
        nodes.extend(self.kept.iter().filter_map(|id| d.node(id)).map(|n| GNode {
            id: &n.id,
            role: self.role_of(&n.id).unwrap_or(u16::MAX),
            kind: n.kind.name,
            place: self.topo.of_node(&n.place),
        }));
        nodes.extend(comps.iter().map(|c| {
            let card = &self.cards[c.card];
            GNode {
                id: &c.id,
                role: card.role,
                kind: card.kind.name,
                place: c.place,
            }
        }));
        let index = IdIndex::new(nodes.iter().map(|n| n.id));
        let conns = links
            .iter()
            .filter_map(|l| {
                Some(GConn {
                    from: index.get(&l.from)?,
                    to: index.get(&l.to)?,
                    label: l.label,
                })
            })
            .collect();
        Graph::new(nodes, conns)
    }

    pub fn role_of(&self, name: &str) -> Option<u16> {
        self.roles.iter().position(|r| r == name).map(|i| i as u16)
    }
}

/// An id's first eight bytes as a number: sorting and searching ids by it first settles nearly
/// every comparison without a call to `memcmp`, which dominated the lookups when ids compared as
/// strings. Orders like the bytes, so (key, id) is a total order that agrees with equality.
pub(crate) fn id_key(id: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = id.len().min(8);
    b[..n].copy_from_slice(&id.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

/// Whether `a` (with key `ka`) sorts before `b` (with key `kb`); the strings only on a tie.
pub(crate) fn id_before(ka: u64, a: &str, kb: u64, b: &str) -> bool {
    ka < kb || (ka == kb && a < b)
}

/// Whether `a` (with key `ka`) is `b` (with key `kb`). Ids of up to eight bytes are wholly in their
/// key, so for them equal keys and lengths are equal ids: no `memcmp`.
pub(crate) fn same_id(ka: u64, a: &str, kb: u64, b: &str) -> bool {
    ka == kb && a.len() == b.len() && (a.len() <= 8 || a == b)
}

/// Ids to their position in a list, by binary search over a sorted copy: a design resolves every
/// connection end by id, and a linear scan per end made that quadratic. On equal ids the first
/// position wins, as `position` would.
pub(crate) struct IdIndex<'a>(Vec<(u64, &'a str, usize)>);

impl<'a> IdIndex<'a> {
    pub fn new(ids: impl Iterator<Item = &'a str>) -> IdIndex<'a> {
        let mut v: Vec<_> = ids.enumerate().map(|(i, id)| (id_key(id), id, i)).collect();
        // Equal ids stay in list order (the position breaks ties), so the first one is found.
        v.sort_unstable();
        IdIndex(v)
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        let key = id_key(id);
        let k = self.0.partition_point(|e| id_before(e.0, e.1, key, id));
        self.0
            .get(k)
            .filter(|e| same_id(e.0, e.1, key, id))
            .map(|e| e.2)
    }

    /// The positions whose id already occurs at an earlier position.
    pub fn repeats(&self) -> impl Iterator<Item = usize> + '_ {
        self.0
            .windows(2)
            .filter(|w| same_id(w[0].0, w[0].1, w[1].0, w[1].1))
            .map(|w| w[1].2)
    }
}

/// Connection labels compare by case and spacing only: they are ports and protocols, where the
/// answer normaliser's plural rule would make "HTTPS" equal "HTTP".
pub(crate) fn same_label(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // Every connection of a design is compared with every label: word by word, without the
        // two strings the general form builds. For ASCII, lowercasing the joined words is
        // lowercasing each word, and joining words that hold no space loses nothing.
        let (mut x, mut y) = (a.split_whitespace(), b.split_whitespace());
        return loop {
            match (x.next(), y.next()) {
                (None, None) => break true,
                (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) => {}
                _ => break false,
            }
        };
    }
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::same_label;

    #[test]
    fn labels_compare_by_case_and_spacing_only() {
        assert!(same_label("TCP  5432", " tcp 5432 "));
        assert!(same_label("HTTPS", "https"));
        assert!(!same_label("HTTPS", "HTTP"));
        assert!(!same_label("TCP 5432", "TCP5432"));
        assert!(same_label("", "   "));
        assert!(
            same_label("a\u{b}b", "A B"),
            "a vertical tab separates words"
        );
        assert!(same_label("ΣΤΟΠ 1", "στοπ  1"));
        assert!(!same_label("Σ", "a"));
    }
}
