//! The rule engine of design drills: each rule is a small pure check over the placed graph, in the
//! style of a scheduler's states: data in, a verdict and what to point at out, no side effects.
//! Rules never look at ids or positions, only at roles, kinds, places and connections, so every
//! design that meets them scores the same.
use super::graph::{bits, Graph, Sel};
use super::topology::Topology;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bounds {
    pub min: u32,
    pub max: Option<u32>,
}

impl Bounds {
    pub fn holds(self, n: u32) -> bool {
        n >= self.min && self.max.is_none_or(|m| n <= m)
    }

    /// Whether some count satisfies both.
    pub fn meets(self, o: Bounds) -> bool {
        let lo = self.min.max(o.min);
        let hi = match (self.max, o.max) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => u32::MAX,
        };
        lo <= hi
    }
}

/// Where a count must hold: once, in each AZ, or in each tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Per {
    Once,
    Az,
    Tier,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Check {
    Count {
        what: Sel,
        within: Option<usize>,
        per: Per,
        bounds: Bounds,
    },
    Connected {
        from: Sel,
        to: Sel,
        label: Option<u16>,
        either: bool,
        each: bool,
    },
    Path {
        from: Sel,
        to: Sel,
        through: Vec<Sel>,
    },
    AllPathsThrough {
        from: Sel,
        to: Sel,
        through: Vec<Sel>,
    },
    NoPath {
        from: Sel,
        to: Sel,
    },
    DifferentAzs {
        what: Sel,
        other: Sel,
    },
    ServesAzs {
        what: Sel,
        min: u32,
        each: bool,
    },
}

/// A verdict, and what to mark on the learner's drawing when it fails: nodes and places.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Outcome {
    pub passed: bool,
    pub nodes: u128,
    pub places: Vec<usize>,
}

impl Outcome {
    fn pass() -> Outcome {
        Outcome {
            passed: true,
            ..Outcome::default()
        }
    }

    fn fail(nodes: u128, places: Vec<usize>) -> Outcome {
        Outcome {
            passed: false,
            nodes,
            places,
        }
    }
}

pub(crate) fn eval(check: &Check, g: &Graph, t: &Topology) -> Outcome {
    match check {
        Check::Count {
            what,
            within,
            per,
            bounds,
        } => count(g, t, *what, *within, *per, *bounds),
        Check::Connected {
            from,
            to,
            label,
            either,
            each,
        } => connected(g, *from, *to, *label, *either, *each),
        Check::Path { from, to, through } => path(g, *from, *to, through),
        Check::AllPathsThrough { from, to, through } => all_through(g, *from, *to, through),
        Check::NoPath { from, to } => no_path(g, *from, *to),
        Check::DifferentAzs { what, other } => different_azs(g, t, *what, *other),
        Check::ServesAzs { what, min, each } => serves_azs(g, t, *what, *min, *each),
    }
}

fn count(
    g: &Graph,
    t: &Topology,
    what: Sel,
    within: Option<usize>,
    per: Per,
    b: Bounds,
) -> Outcome {
    let base = g.mask(what) & within.map_or(u128::MAX, |p| g.within(t, p));
    // Once: the whole design (None); otherwise each AZ or tier, walked without building a list.
    let each: &[usize] = match per {
        Per::Once => &[],
        Per::Az => &t.azs,
        Per::Tier => &t.tiers,
    };
    let once = (per == Per::Once).then_some(None);
    let scopes = once.into_iter().chain(each.iter().map(|&p| Some(p)));
    let mut bad_nodes = 0u128;
    let mut bad_places = Vec::new();
    let mut failed = false;
    for scope in scopes {
        let set = match scope {
            None => base,
            Some(p) if per == Per::Az => base & in_az(g, t, p),
            Some(p) => base & g.within(t, p),
        };
        let n = set.count_ones();
        if !b.holds(n) {
            failed = true;
            if b.max.is_some_and(|m| n > m) {
                bad_nodes |= set;
            }
            bad_places.extend(scope.or(within));
        }
    }
    if !failed {
        Outcome::pass()
    } else {
        Outcome::fail(bad_nodes, bad_places)
    }
}

/// Nodes that sit in or span the AZ at place index `az`.
fn in_az(g: &Graph, t: &Topology, az: usize) -> u128 {
    let Some(k) = t.azs.iter().position(|&a| a == az) else {
        return 0;
    };
    g.at(|q| t.places[q].azs >> k & 1 == 1)
}

fn connected(
    g: &Graph,
    from: Sel,
    to: Sel,
    label: Option<u16>,
    either: bool,
    each: bool,
) -> Outcome {
    let (f, tt) = (g.mask(from), g.mask(to));
    let mut linked = 0u128;
    for c in g
        .conns
        .iter()
        .filter(|c| label.is_none() || c.label == label)
    {
        if f >> c.from & 1 == 1 && tt >> c.to & 1 == 1 {
            linked |= 1u128 << c.from;
        }
        if either && f >> c.to & 1 == 1 && tt >> c.from & 1 == 1 {
            linked |= 1u128 << c.to;
        }
    }
    let ok = if each {
        f != 0 && linked == f
    } else {
        linked != 0
    };
    if ok {
        Outcome::pass()
    } else {
        Outcome::fail(f & !linked, Vec::new())
    }
}

fn path(g: &Graph, from: Sel, to: Sel, through: &[Sel]) -> Outcome {
    let start = g.mask(from);
    let mut cur = start;
    for &t in through {
        cur = g.reach(cur, 0) & g.mask(t);
        if cur == 0 {
            return Outcome::fail(start, Vec::new());
        }
    }
    if g.reach(cur, 0) & g.mask(to) != 0 {
        Outcome::pass()
    } else {
        Outcome::fail(start | g.mask(to), Vec::new())
    }
}

fn all_through(g: &Graph, from: Sel, to: Sel, through: &[Sel]) -> Outcome {
    let (f, tt) = (g.mask(from), g.mask(to));
    for &t in through {
        let avoid = g.mask(t);
        let bypass = g.path(f & !avoid, tt, avoid);
        if !bypass.is_empty() {
            return Outcome::fail(bypass.iter().fold(0, |m, &i| m | 1u128 << i), Vec::new());
        }
    }
    Outcome::pass()
}

fn no_path(g: &Graph, from: Sel, to: Sel) -> Outcome {
    let p = g.path(g.mask(from), g.mask(to), 0);
    if p.is_empty() {
        Outcome::pass()
    } else {
        Outcome::fail(p.iter().fold(0, |m, &i| m | 1u128 << i), Vec::new())
    }
}

fn different_azs(g: &Graph, t: &Topology, what: Sel, other: Sel) -> Outcome {
    let azs = |i: usize| t.places[g.nodes[i].place].azs;
    let (w, o) = (g.mask(what), g.mask(other));
    let found = bits(w)
        .any(|a| bits(o).any(|b| a != b && azs(a) != 0 && azs(b) != 0 && azs(a) & azs(b) == 0));
    if found {
        Outcome::pass()
    } else {
        Outcome::fail(w | o, Vec::new())
    }
}

fn serves_azs(g: &Graph, t: &Topology, what: Sel, min: u32, each: bool) -> Outcome {
    let w = g.mask(what);
    let azs = |i: usize| t.places[g.nodes[i].place].azs;
    let ok = if each {
        w != 0 && bits(w).all(|i| azs(i).count_ones() >= min)
    } else {
        bits(w).fold(0u64, |m, i| m | azs(i)).count_ones() >= min
    };
    if ok {
        Outcome::pass()
    } else {
        let short = if each {
            bits(w)
                .filter(|&i| azs(i).count_ones() < min)
                .fold(0, |m, i| m | 1u128 << i)
        } else {
            w
        };
        Outcome::fail(short, Vec::new())
    }
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
