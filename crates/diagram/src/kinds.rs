//! The closed vocabularies of the diagram language: component kinds (what a node is, which decides
//! its glyph and colour), group kinds (how a box is drawn), tier kinds and arrangements. Spec files
//! name them as strings; anything not listed here is a validation problem, not a panic.

/// The colour family of a component; the theme maps each to a stroke colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Client,
    Network,
    Compute,
    Database,
    Storage,
    Integration,
    Security,
    Management,
    Analytics,
    DevTools,
    Flow,
}

/// What a node is. `name` is the spelling used in spec files.
#[derive(Debug, PartialEq, Eq)]
pub struct ComponentKind {
    pub name: &'static str,
    pub category: Category,
}

macro_rules! kinds {
    ($($name:literal => $cat:ident),* $(,)?) => {
        /// Every component kind, in the order the README lists them.
        pub const COMPONENT_KINDS: &[ComponentKind] = &[
            $(ComponentKind { name: $name, category: Category::$cat }),*
        ];
    };
}

kinds! {
    "user" => Client, "internet" => Client, "client" => Client,
    "dns" => Network, "cdn" => Network, "load-balancer" => Network, "internet-gateway" => Network,
    "nat-gateway" => Network, "transit-gateway" => Network, "peering" => Network, "endpoint" => Network,
    "vpc" => Network, "router" => Network,
    "server" => Compute, "auto-scaling" => Compute, "container" => Compute, "function" => Compute,
    "database" => Database, "table" => Database, "cache" => Database,
    "bucket" => Storage, "document" => Storage, "encrypted-data" => Storage,
    "queue" => Integration, "topic" => Integration, "event-bus" => Integration,
    "workflow" => Integration, "stream" => Integration, "mail" => Integration,
    "firewall" => Security, "security-group" => Security, "waf" => Security, "key" => Security,
    "secret" => Security, "governance" => Security,
    "monitoring" => Management, "alarm" => Management, "timer" => Management,
    "etl" => Analytics, "catalog" => Analytics, "query" => Analytics, "dashboard" => Analytics,
    "repo" => DevTools, "build" => DevTools, "test" => DevTools, "registry" => DevTools,
    "deploy" => DevTools, "approval" => DevTools, "rollback" => DevTools,
    "step" => Flow, "choice" => Flow, "parallel" => Flow, "success" => Flow, "fail" => Flow,
    "generic" => Flow,
}

pub fn component(name: &str) -> Option<&'static ComponentKind> {
    COMPONENT_KINDS.iter().find(|k| k.name == name)
}

/// How a box is drawn. Subnet kinds come from tiers inside the grid but may also be used as groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    Region,
    Vpc,
    Account,
    Cloud,
    OnPrem,
    Az,
    PublicSubnet,
    PrivateSubnet,
    DataSubnet,
    SecurityGroup,
    Stage,
    Option,
    Zone,
    /// An invisible container, only for arranging its children.
    Plain,
}

pub const GROUP_KINDS: &[(&str, GroupKind)] = &[
    ("region", GroupKind::Region),
    ("vpc", GroupKind::Vpc),
    ("account", GroupKind::Account),
    ("cloud", GroupKind::Cloud),
    ("on-prem", GroupKind::OnPrem),
    ("az", GroupKind::Az),
    ("public-subnet", GroupKind::PublicSubnet),
    ("private-subnet", GroupKind::PrivateSubnet),
    ("data-subnet", GroupKind::DataSubnet),
    ("security-group", GroupKind::SecurityGroup),
    ("stage", GroupKind::Stage),
    ("option", GroupKind::Option),
    ("zone", GroupKind::Zone),
    ("plain", GroupKind::Plain),
];

impl GroupKind {
    pub fn parse(s: &str) -> Option<GroupKind> {
        GROUP_KINDS.iter().find(|(n, _)| *n == s).map(|(_, k)| *k)
    }

    /// Stages and option cards read top to bottom; everything else left to right.
    pub fn default_arrange(self) -> Arrange {
        match self {
            GroupKind::Stage | GroupKind::Option | GroupKind::Az => Arrange::Column,
            _ => Arrange::Row,
        }
    }
}

/// A row of the AZ × tier grid. The kind picks the subnet tint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierKind {
    Public,
    Private,
    Data,
}

impl TierKind {
    pub fn parse(s: &str) -> Option<TierKind> {
        match s {
            "public" => Some(TierKind::Public),
            "private" => Some(TierKind::Private),
            "data" => Some(TierKind::Data),
            _ => None,
        }
    }

    pub fn group_kind(self) -> GroupKind {
        match self {
            TierKind::Public => GroupKind::PublicSubnet,
            TierKind::Private => GroupKind::PrivateSubnet,
            TierKind::Data => GroupKind::DataSubnet,
        }
    }
}

/// How a container places its children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrange {
    Row,
    Column,
    /// Nodes only, in a near-square block (a peering mesh).
    Square,
    /// Nodes only: the first in the middle, up to eight around it (a hub and its spokes).
    Hub,
    /// A whole diagram only: groups as boxes of a tree, each hanging under the group it is in.
    Tree,
    /// A whole diagram only: top-level nodes as a staircase of rungs, `timer` nodes as the
    /// thresholds between them (storage tiers by age).
    Ladder,
    /// A whole diagram only: top-level nodes as participants with lifelines, `[[message]]`s as
    /// arrows between them, one row each, in order.
    Sequence,
    /// A whole diagram only: top-level nodes as the steps of a flowchart, `choice` nodes as its
    /// decisions, their labelled edges as the branches.
    Flowchart,
}

impl Arrange {
    pub fn parse(s: &str) -> Option<Arrange> {
        match s {
            "row" => Some(Arrange::Row),
            "column" => Some(Arrange::Column),
            "square" => Some(Arrange::Square),
            "hub" => Some(Arrange::Hub),
            "tree" => Some(Arrange::Tree),
            "ladder" => Some(Arrange::Ladder),
            "sequence" => Some(Arrange::Sequence),
            "flowchart" => Some(Arrange::Flowchart),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Arrange::Row => "row",
            Arrange::Column => "column",
            Arrange::Square => "square",
            Arrange::Hub => "hub",
            Arrange::Tree => "tree",
            Arrange::Ladder => "ladder",
            Arrange::Sequence => "sequence",
            Arrange::Flowchart => "flowchart",
        }
    }

    /// The arrangements that lay out a whole diagram from its structure, set on `[diagram]` only.
    pub fn whole_diagram(self) -> bool {
        matches!(
            self,
            Arrange::Tree | Arrange::Ladder | Arrange::Sequence | Arrange::Flowchart
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_parses_back() {
        for (name, kind) in GROUP_KINDS {
            assert_eq!(GroupKind::parse(name), Some(*kind));
        }
        for k in COMPONENT_KINDS {
            assert_eq!(component(k.name).map(|c| c.name), Some(k.name));
        }
        for a in [
            "row",
            "column",
            "square",
            "hub",
            "tree",
            "ladder",
            "sequence",
            "flowchart",
        ] {
            assert_eq!(Arrange::parse(a).map(Arrange::name), Some(a));
        }
        assert_eq!(
            TierKind::parse("data").map(TierKind::group_kind),
            Some(GroupKind::DataSubnet)
        );
        assert!(
            GroupKind::parse("subnet").is_none()
                && component("nat").is_none()
                && Arrange::parse("grid").is_none()
        );
    }
}
