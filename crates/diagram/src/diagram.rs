//! A validated diagram: every reference resolves, every kind is known. Layout and rendering rely on
//! that and never re-check. Read-only to the rest of the app. The model layer: it holds no layout
//! (whoever draws a diagram lays it out; the `Library` lays out a diagram with drills once while
//! loading, to number their slots in reading order).
use crate::kinds::{Arrange, ComponentKind, GroupKind, TierKind};

#[derive(Debug, Clone)]
pub struct Diagram {
    pub id: String,
    pub title: String,
    pub description: String,
    /// The file it came from, for problems found later (e.g. by drills in other files).
    pub file: String,
    /// Passages of the source guides it is drawn from, as `NNN:Lx-y`.
    pub sources: Vec<String>,
    /// How the top level places its children.
    pub arrange: Arrange,
    pub groups: Vec<Group>,
    pub grid: Option<Grid>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub annotations: Vec<Annotation>,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub kind: GroupKind,
    pub label: String,
    pub cidr: Option<String>,
    /// The enclosing group; `None` at the top level.
    pub parent: Option<String>,
    pub arrange: Arrange,
}

/// The AZ × tier grid: columns are Availability Zones, rows are tiers, cells are subnets.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The group the grid is drawn in (usually the VPC).
    pub host: String,
    pub azs: Vec<Az>,
    pub tiers: Vec<Tier>,
    pub subnets: Vec<Subnet>,
}

#[derive(Debug, Clone)]
pub struct Az {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct Tier {
    pub id: String,
    pub label: String,
    pub kind: TierKind,
}

#[derive(Debug, Clone)]
pub struct Subnet {
    pub id: String,
    pub az: String,
    pub tier: String,
    pub label: String,
    pub cidr: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    pub kind: &'static ComponentKind,
    pub label: String,
    /// Other names a learner may type in a recall drill.
    pub aliases: Vec<String>,
    pub place: Place,
    /// Before (`Start`) or after (`End`) its container's groups.
    pub side: Side,
}

impl Node {
    /// In a ladder diagram, a `timer` node is the threshold between two rungs, not a rung.
    pub(crate) fn is_threshold(&self) -> bool {
        self.kind.name == "timer"
    }
}

/// Where a node sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Root,
    Group(String),
    Subnet(String),
    /// Spans a whole tier of the grid, across AZs (a load balancer in every public subnet).
    Tier(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Start,
    End,
}

#[derive(Debug, Clone)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub label: Option<String>,
    pub dashed: bool,
    pub direction: Direction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Both,
    None,
}

/// A fact pinned to a node or box (RPO, cost, latency), or to the whole diagram when `target` is None.
#[derive(Debug, Clone)]
pub struct Annotation {
    pub target: Option<String>,
    pub key: Option<String>,
    pub text: String,
}

impl Annotation {
    pub fn display(&self) -> String {
        match &self.key {
            Some(k) => format!("{k}: {}", self.text),
            None => self.text.clone(),
        }
    }
}

impl Diagram {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn subnet(&self, id: &str) -> Option<&Subnet> {
        self.grid.as_ref()?.subnets.iter().find(|s| s.id == id)
    }

    /// The human name of a box a node can sit in (group or subnet), with its AZ for subnets.
    pub fn zone_label(&self, id: &str) -> Option<String> {
        if let Some(g) = self.group(id) {
            return Some(g.label.clone());
        }
        let s = self.subnet(id)?;
        let az = self.grid.as_ref()?.azs.iter().find(|a| a.id == s.az)?;
        Some(format!("{}, {}", s.label, az.label))
    }

    /// Where a node sits, in words, for accessible names read by screen readers ("in Public
    /// subnet, AZ a"); empty at the top level. On the model so every drill kind words it alike.
    pub(crate) fn location(&self, node: &str) -> String {
        let Some(n) = self.node(node) else {
            return String::new();
        };
        match &n.place {
            Place::Subnet(s) | Place::Group(s) => self
                .zone_label(s)
                .filter(|l| !l.is_empty())
                .map(|l| format!(" in {l}"))
                .unwrap_or_default(),
            Place::Tier(t) => self
                .grid
                .as_ref()
                .and_then(|g| g.tiers.iter().find(|x| &x.id == t))
                .map(|x| format!(" spanning the {} row", x.label))
                .unwrap_or_default(),
            Place::Root => String::new(),
        }
    }

    /// The id of the box a node sits in, if it sits in a group or subnet.
    pub fn home_of(&self, node: &str) -> Option<&str> {
        match &self.node(node)?.place {
            Place::Group(g) | Place::Subnet(g) => Some(g),
            Place::Root | Place::Tier(_) => None,
        }
    }

    pub fn notes_for<'a>(&'a self, target: &'a str) -> impl Iterator<Item = &'a Annotation> + 'a {
        self.annotations
            .iter()
            .filter(move |a| a.target.as_deref() == Some(target))
    }
}
