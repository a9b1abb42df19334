//! Where things can sit on a design canvas, and what encloses what. Rules ask "is this component in
//! the public tier / in AZ a / in the VPC?"; each place knows, as a bit set, every place it lies in
//! (itself, its subnet's tier and AZ, the grid's host and the host's ancestors), so a rule answers
//! with one AND. The outer level is the place `outside`.
use super::{id_before, id_key, same_id};
use crate::diagram::{Diagram, Place};
use crate::kinds::GroupKind;

/// Places a canvas may have: bit sets are u128.
pub(crate) const MAX_PLACES: usize = 128;
pub(crate) const OUTSIDE: &str = "outside";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    Outside,
    Group,
    Subnet,
    /// A tier of the grid: a component here spans every AZ.
    Tier,
    /// An AZ column of the grid: rules may name it, components cannot sit in it directly.
    Az,
}

#[derive(Debug, Clone)]
pub(crate) struct PlaceInfo {
    pub id: String,
    /// What a screen reader hears ("Public subnet, Availability Zone A").
    pub label: String,
    pub kind: PlaceKind,
    /// Bit i set: place i is this place or encloses it.
    pub within: u128,
    /// Bit a set: the place lies in (or spans) AZ a.
    pub azs: u64,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Topology {
    pub places: Vec<PlaceInfo>,
    /// Place indexes of the AZs (grid columns and groups of kind `az`), in order.
    pub azs: Vec<usize>,
    /// Place indexes of the grid's tiers.
    pub tiers: Vec<usize>,
    /// Place indexes sorted by id (stable, so the first of equal ids comes first): every component
    /// and rule names its place by id, and a scan of the places per name added up.
    by_id: Vec<(u64, usize)>,
}

impl Topology {
    /// `None` when the canvas has more places than a bit set holds.
    pub fn of(d: &Diagram) -> Option<Topology> {
        let mut t = Topology::default();
        t.push(OUTSIDE, "Outside every box".into(), PlaceKind::Outside);
        for g in &d.groups {
            t.push(&g.id, g.label.clone(), PlaceKind::Group);
        }
        if let Some(grid) = &d.grid {
            for a in &grid.azs {
                t.push(&a.id, a.label.clone(), PlaceKind::Az);
            }
            for tier in &grid.tiers {
                let label = format!("{} row, spanning every AZ", tier.label);
                t.push(&tier.id, label, PlaceKind::Tier);
            }
            for s in &grid.subnets {
                let label = d.zone_label(&s.id).unwrap_or_else(|| s.label.clone());
                t.push(&s.id, label, PlaceKind::Subnet);
            }
        }
        if t.places.len() > MAX_PLACES {
            return None;
        }
        let places = &t.places;
        let mut by_id: Vec<(u64, usize)> = (0..places.len())
            .map(|i| (id_key(&places[i].id), i))
            .collect();
        by_id.sort_by(|a, b| (a.0, &places[a.1].id).cmp(&(b.0, &places[b.1].id)));
        t.by_id = by_id;
        t.azs = (0..t.places.len())
            .filter(|&i| {
                t.places[i].kind == PlaceKind::Az
                    || d.group(&t.places[i].id)
                        .is_some_and(|g| g.kind == GroupKind::Az)
            })
            .collect();
        t.tiers = (0..t.places.len())
            .filter(|&i| t.places[i].kind == PlaceKind::Tier)
            .collect();
        for i in 0..t.places.len() {
            let (within, azs) = t.enclosing(d, i);
            t.places[i].within = within;
            t.places[i].azs = azs;
        }
        Some(t)
    }

    fn push(&mut self, id: &str, label: String, kind: PlaceKind) {
        let label = if label.is_empty() {
            id.to_string()
        } else {
            label
        };
        self.places.push(PlaceInfo {
            id: id.to_string(),
            label,
            kind,
            within: 0,
            azs: 0,
        });
    }

    /// The first place with this id, as a scan would find it.
    pub fn index(&self, id: &str) -> Option<usize> {
        let key = id_key(id);
        let k = self
            .by_id
            .partition_point(|&(c, i)| id_before(c, &self.places[i].id, key, id));
        self.by_id
            .get(k)
            .filter(|&&(c, i)| same_id(c, &self.places[i].id, key, id))
            .map(|e| e.1)
    }

    fn bit(&self, id: &str) -> u128 {
        self.index(id).map_or(0, |i| 1u128 << i)
    }

    fn az_bit(&self, place: usize) -> u64 {
        self.azs
            .iter()
            .position(|&a| a == place)
            .map_or(0, |k| 1u64 << k)
    }

    /// The places that enclose place `i` (itself included) and the AZs it lies in.
    fn enclosing(&self, d: &Diagram, i: usize) -> (u128, u64) {
        let p = &self.places[i];
        let mut within = 1u128 << i;
        let mut azs = self.az_bit(i);
        let mut parent: Option<String> = None;
        let grid = d.grid.as_ref();
        match p.kind {
            PlaceKind::Outside => return (within, 0),
            PlaceKind::Group => parent = d.group(&p.id).and_then(|g| g.parent.clone()),
            PlaceKind::Subnet => {
                if let (Some(g), Some(s)) = (grid, d.subnet(&p.id)) {
                    within |= self.bit(&s.tier) | self.bit(&s.az);
                    azs |= self.index(&s.az).map_or(0, |a| self.az_bit(a));
                    parent = Some(g.host.clone());
                }
            }
            PlaceKind::Tier | PlaceKind::Az => {
                if let Some(g) = grid {
                    if p.kind == PlaceKind::Tier {
                        for a in &g.azs {
                            azs |= self.index(&a.id).map_or(0, |k| self.az_bit(k));
                        }
                    }
                    parent = Some(g.host.clone());
                }
            }
        }
        // Walk up the groups; a cycle cannot occur in a validated diagram, but stay bounded anyway.
        let mut steps = 0;
        while let Some(id) = parent.take() {
            within |= self.bit(&id);
            if let Some(k) = self.index(&id) {
                azs |= self.az_bit(k);
            }
            steps += 1;
            if steps > MAX_PLACES {
                break;
            }
            parent = d.group(&id).and_then(|g| g.parent.clone());
        }
        (within | 1, azs)
    }

    /// The place a diagram node sits in (kept nodes of a canvas).
    pub fn of_node(&self, place: &Place) -> usize {
        match place {
            Place::Root => 0,
            Place::Group(id) | Place::Subnet(id) | Place::Tier(id) => self.index(id).unwrap_or(0),
        }
    }

    /// How a component placed at place `i` is drawn: the diagram's `Place`.
    pub fn to_place(&self, i: usize) -> Place {
        let p = &self.places[i];
        match p.kind {
            PlaceKind::Outside | PlaceKind::Az => Place::Root,
            PlaceKind::Group => Place::Group(p.id.clone()),
            PlaceKind::Subnet => Place::Subnet(p.id.clone()),
            PlaceKind::Tier => Place::Tier(p.id.clone()),
        }
    }
}
