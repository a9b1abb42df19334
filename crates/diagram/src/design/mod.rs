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
    pub model: Vec<Placed>,
    pub model_links: Vec<Link>,
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

/// A component of a checked design (the learner's or the model's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed {
    pub id: String,
    /// Index into `cards`.
    pub card: usize,
    /// Topology index.
    pub place: usize,
}

/// A connection of a checked design, between component or kept-node ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    pub from: String,
    pub to: String,
    /// Index into `labels`.
    pub label: Option<u16>,
}

impl Design {
    /// The placed graph: kept nodes first, then the components. Ids must resolve (submit.rs and
    /// validate.rs check them first); an unknown end is skipped rather than trusted.
    pub fn graph(&self, d: &Diagram, comps: &[Placed], links: &[Link]) -> Graph {
        let mut nodes: Vec<GNode> = self
            .kept
            .iter()
            .filter_map(|id| d.node(id))
            .map(|n| GNode {
                id: n.id.clone(),
                role: self.role_of(&n.id).unwrap_or(u16::MAX),
                kind: n.kind.name,
                place: self.topo.of_node(&n.place),
            })
            .collect();
        nodes.extend(comps.iter().map(|c| {
            let card = &self.cards[c.card];
            GNode {
                id: c.id.clone(),
                role: card.role,
                kind: card.kind.name,
                place: c.place,
            }
        }));
        let index = |id: &str| nodes.iter().position(|n| n.id == id);
        let conns = links
            .iter()
            .filter_map(|l| {
                Some(GConn {
                    from: index(&l.from)?,
                    to: index(&l.to)?,
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

/// Connection labels compare by case and spacing only: they are ports and protocols, where the
/// answer normaliser's plural rule would make "HTTPS" equal "HTTP".
pub(crate) fn same_label(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}
