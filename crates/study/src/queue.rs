//! The Today queue: due cards (most overdue first), then new cards within the daily limit, capped by
//! the daily review limit, with topics interleaved. With an interview date ahead (`plan.rs`) the new
//! cards of the plan's level and topics come first and the daily new-card limit is the plan's when
//! that is larger; without one, the plan changes nothing.
use crate::plan::{today_pace, PlanPace};
use crate::{load_plan, load_settings, InterviewPlan, Now, StudyError, StudySettings};
use archdrill_domain::{Level, Topic};
use archdrill_store::Store;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// The queue looks up every stored card among the app's cards: 100,000 lookups per call. The ids
/// come from the app, not from an adversary, so they are hashed with FxHash's multiply-rotate (as in
/// rustc) and a SplitMix64 finish, at a fraction of SipHash's cost, and the map is keyed by that hash
/// so a probe never chases a pointer.
fn id_hash(id: &str) -> u64 {
    let mut h = 0u64;
    let mut add = |word: u64| h = (h.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    let mut chunks = id.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        add(u64::from_le_bytes(w));
    }
    let mut w = [0u8; 8];
    w[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    add(u64::from_le_bytes(w) ^ id.len() as u64);
    // The multiply leaves the low bits (which pick the bucket) depending only on the input's low
    // bytes, so ids sharing a pattern would crowd together; the final avalanche spreads them.
    let mut z = h;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Passes an already well-mixed u64 key through as its own hash.
#[derive(Default)]
struct PreHashed(u64);

impl Hasher for PreHashed {
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed here; fold anything else in rather than panic.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type IdIndex = HashMap<u64, u32, BuildHasherDefault<PreHashed>>;

/// A card the app knows about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CardRef {
    pub id: String,
    pub topic: Topic,
}

/// The cards the app knows, in the order new cards should be introduced, with a lookup index. Build
/// it once when the bank loads and reuse it: indexing 100,000 cards costs several milliseconds, a
/// good part of the Today queue's budget.
#[derive(Debug, Clone, Default)]
pub struct Deck {
    cards: Vec<CardRef>,
    /// id hash → position of the first card with that hash.
    index: IdIndex,
    /// Whether each card is the first with its id hash. The app's list should not repeat ids; if it
    /// does, the repeat is ignored. A second id with the same 64-bit hash (never seen in practice)
    /// is ignored the same way: never a wrong card queued.
    first: Vec<bool>,
    /// Each card's level, when the app gave them (see [`Deck::with_levels`]).
    levels: Vec<Option<Level>>,
}

impl Deck {
    pub fn new(cards: Vec<CardRef>) -> Deck {
        let mut index = IdIndex::default();
        index.reserve(cards.len());
        let first = cards
            .iter()
            .enumerate()
            .map(|(i, c)| match index.entry(id_hash(&c.id)) {
                Entry::Vacant(v) => {
                    v.insert(i as u32);
                    true
                }
                Entry::Occupied(_) => false,
            })
            .collect();
        Deck {
            cards,
            index,
            first,
            levels: Vec::new(),
        }
    }

    /// The same deck with each card's level, in card order (a drill takes the level of the question
    /// that links its diagram), so an interview plan can put one level first. Missing entries read
    /// as unknown, and a card of unknown level is not one a plan for a level wants.
    pub fn with_levels(mut self, levels: impl IntoIterator<Item = Option<Level>>) -> Deck {
        self.levels = levels.into_iter().take(self.cards.len()).collect();
        self
    }

    /// Whether the plan puts the card at position `i` first.
    pub(crate) fn wanted(&self, plan: &InterviewPlan, i: usize) -> bool {
        let topic = self.cards[i].topic;
        match self.levels.get(i).copied().flatten() {
            Some(level) => plan.wants(level, topic),
            // Unknown level: wanted only by a plan for every level.
            None => plan.level.is_none() && plan.wants(Level::Mid, topic),
        }
    }

    pub fn cards(&self) -> &[CardRef] {
        &self.cards
    }

    pub fn len(&self) -> usize {
        self.cards.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// The position of the card with this id (and this id hash).
    fn position(&self, id: &str, hash: u64) -> Option<usize> {
        let i = *self.index.get(&hash)? as usize;
        (self.cards.get(i)?.id == id).then_some(i)
    }

    /// The position of the card with this id.
    pub(crate) fn position_of(&self, id: &str) -> Option<usize> {
        self.position(id, id_hash(id))
    }

    /// The topic of the card with this id.
    pub fn topic(&self, id: &str) -> Option<Topic> {
        self.position(id, id_hash(id)).map(|i| self.cards[i].topic)
    }
}

impl From<Vec<CardRef>> for Deck {
    fn from(cards: Vec<CardRef>) -> Deck {
        Deck::new(cards)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TodayQueue {
    /// Card ids in study order.
    pub cards: Vec<String>,
    /// Cards due before the end of today (before the daily cap).
    pub due: u32,
    /// New cards that may still be introduced today: the daily limit less those already introduced,
    /// and no more than there are unseen cards.
    pub new_available: u32,
    /// Reviews recorded today.
    pub done_today: u32,
}

/// Builds today's queue from the cards the app knows: due cards (most overdue first), then new cards
/// in deck order, at most `max_reviews_per_day` less the reviews already done today, topics
/// interleaved within each part. Cards the store knows but the deck does not (say, a deleted
/// question) are left out.
pub fn today_queue(store: &Store, deck: &Deck, now: Now) -> Result<TodayQueue, StudyError> {
    let cards = deck.cards();
    let mut counts = today_counts(store, deck, now)?;
    let room = counts
        .settings
        .max_reviews_per_day
        .saturating_sub(counts.done_today) as usize;
    let due_take = counts.due.len().min(room);
    // Only the most overdue `room` cards are shown: select them in linear time, then sort just those.
    if due_take > 0 && due_take < counts.due.len() {
        counts
            .due
            .select_nth_unstable_by_key(due_take - 1, |&(i, d)| (d, i));
    }
    counts.due[..due_take].sort_unstable_by_key(|&(i, d)| (d, i));
    let new_take = (counts.new_available as usize).min(room - due_take);
    let topic = |&(i, _): &(usize, i64)| cards[i].topic;
    let due_count = counts.due.len();
    let due: Vec<usize> = counts.due[..due_take].iter().map(|&(i, _)| i).collect();
    let due_topics: Vec<Topic> = counts.due[..due_take].iter().map(topic).collect();
    let new: Vec<usize> = counts.unseen[..new_take].to_vec();
    let new_topics: Vec<Topic> = new.iter().map(|&i| cards[i].topic).collect();
    let mut order: Vec<usize> = interleave(&due_topics, None)
        .into_iter()
        .map(|k| due[k])
        .collect();
    // The plan's wanted cards and the rest are interleaved apart, so none of the rest comes first.
    let split = counts.wanted_new.min(new.len());
    for (from, to) in [(0, split), (split, new.len())] {
        let last = order.last().map(|&i| cards[i].topic);
        let part = interleave(&new_topics[from..to], last);
        order.extend(part.into_iter().map(|k| new[from + k]));
    }
    Ok(TodayQueue {
        cards: order.into_iter().map(|i| cards[i].id.clone()).collect(),
        due: u32::try_from(due_count).unwrap_or(u32::MAX),
        new_available: counts.new_available,
        done_today: counts.done_today,
    })
}

/// What the queue and the dashboard both need.
pub(crate) struct TodayCounts {
    pub settings: StudySettings,
    /// (index into cards, due ms) of due cards, in no particular order.
    pub due: Vec<(usize, i64)>,
    /// Indexes of cards never reviewed, in input order.
    pub unseen: Vec<usize>,
    pub new_available: u32,
    pub done_today: u32,
    /// The interview plan in force and today's pace (`None` without a date ahead).
    pub plan: InterviewPlan,
    pub pace: Option<PlanPace>,
    /// How many of `unseen` (the first ones) the plan wants; all of them without a plan.
    pub wanted_new: usize,
}

pub(crate) fn today_counts(
    store: &Store,
    deck: &Deck,
    now: Now,
) -> Result<TodayCounts, StudyError> {
    let settings = load_settings(store)?;
    let today = now.day();
    let end = now.end_of_today_ms();
    // Read every card state first, then look them up in a tight loop of its own: the lookups are
    // independent, so the CPU overlaps their cache misses instead of taking them one SQLite step at
    // a time.
    let mut rows: Vec<(u64, i64, i64, u32)> = Vec::with_capacity(deck.len());
    let mut ids = String::with_capacity(deck.len() * 24);
    store.scan_card_states(|id, due_ms, first_day| {
        ids.push_str(id);
        rows.push((id_hash(id), due_ms, first_day, id.len() as u32));
    })?;
    // Probe first (a tight loop of independent lookups), confirm the ids after.
    let found: Vec<u32> = rows
        .iter()
        .map(|r| deck.index.get(&r.0).copied().unwrap_or(u32::MAX))
        .collect();
    let mut seen = vec![false; deck.len()];
    let mut due = Vec::new();
    let mut introduced_today = 0u32;
    let mut at = 0usize;
    for (&(_, due_ms, first_day, len), &i) in rows.iter().zip(&found) {
        let id = ids.get(at..at + len as usize).unwrap_or_default();
        at += len as usize;
        if first_day == today {
            introduced_today += 1;
        }
        let i = i as usize;
        if deck.cards.get(i).is_some_and(|c| c.id == id) {
            seen[i] = true;
            if due_ms < end {
                due.push((i, due_ms));
            }
        }
    }
    let mut unseen: Vec<usize> = (0..deck.len())
        .filter(|&i| !seen[i] && deck.first[i])
        .collect();
    let plan = load_plan(store)?;
    let mut wanted_new = unseen.len();
    let mut limit = settings.new_per_day;
    let mut pace = None;
    if plan.day.is_some_and(|d| d >= today) {
        // Wanted cards first, each part in deck order.
        let (mut wanted, rest): (Vec<usize>, Vec<usize>) =
            unseen.iter().partition(|&&i| deck.wanted(&plan, i));
        wanted_new = wanted.len();
        wanted.extend(rest);
        unseen = wanted;
        let p = today_pace(&plan, &settings, today, count(wanted_new), introduced_today)?;
        limit = p.new_today;
        pace = Some(p);
    }
    let left = limit.saturating_sub(introduced_today);
    Ok(TodayCounts {
        settings,
        due,
        new_available: left.min(count(unseen.len())),
        unseen,
        done_today: store.reviews_on_day(today)?,
        plan,
        pace,
        wanted_new,
    })
}

pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Reorders items (given in priority order by their topics) so that no two neighbours share a topic
/// where that can be avoided, staying as close to priority order as it can: at each step it takes the
/// highest-priority item whose topic differs from the previous one, unless that would make a later
/// repeat unavoidable. `last` is the topic placed just before the first item. Returns the order as
/// indexes into `topics`.
pub(crate) fn interleave<T: Copy + Eq + Hash>(topics: &[T], mut last: Option<T>) -> Vec<usize> {
    // Per topic, its items' indexes in priority order; groups in order of first appearance.
    let mut groups: Vec<(T, std::collections::VecDeque<usize>)> = Vec::new();
    let mut group_of: HashMap<T, usize> = HashMap::new();
    for (i, &t) in topics.iter().enumerate() {
        let g = *group_of.entry(t).or_insert_with(|| {
            groups.push((t, Default::default()));
            groups.len() - 1
        });
        groups[g].1.push_back(i);
    }
    let mut out = Vec::with_capacity(topics.len());
    let mut remaining = topics.len();
    while remaining > 0 {
        let mut candidates: Vec<usize> = (0..groups.len())
            .filter(|&g| !groups[g].1.is_empty())
            .collect();
        candidates.sort_unstable_by_key(|&g| groups[g].1[0]);
        let differs = |g: &usize| Some(groups[*g].0) != last;
        let pick = candidates
            .iter()
            .copied()
            .filter(differs)
            .find(|&g| feasible_after(&groups, g, remaining))
            // Repeats are unavoidable: spend the separators on the biggest topic.
            .or_else(|| {
                let biggest = candidates.iter().copied().filter(differs);
                biggest.max_by_key(|&g| (groups[g].1.len(), std::cmp::Reverse(groups[g].1[0])))
            })
            .unwrap_or(candidates[0]);
        let (topic, items) = &mut groups[pick];
        if let Some(i) = items.pop_front() {
            out.push(i);
        }
        last = Some(*topic);
        remaining -= 1;
    }
    out
}

/// Whether, after taking one item of group `g`, the rest can still be laid out with no neighbours
/// alike: the biggest group may fill at most every other slot, and `g` itself (now the previous
/// topic) cannot take the first slot.
fn feasible_after<T>(
    groups: &[(T, std::collections::VecDeque<usize>)],
    g: usize,
    remaining: usize,
) -> bool {
    let r = remaining - 1;
    groups.iter().enumerate().all(|(k, (_, items))| {
        let n = items.len() - usize::from(k == g);
        if k == g {
            n <= r / 2
        } else {
            n <= r.div_ceil(2)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs<T: PartialEq>(xs: &[T]) -> usize {
        xs.windows(2).filter(|w| w[0] == w[1]).count()
    }

    fn arranged(topics: &[u8], last: Option<u8>) -> Vec<u8> {
        let order = interleave(topics, last);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            (0..topics.len()).collect::<Vec<_>>(),
            "a permutation"
        );
        order.iter().map(|&i| topics[i]).collect()
    }

    /// The fewest neighbour repeats any order of `topics` can have, after `last`.
    fn best(topics: &[u8], last: Option<u8>) -> usize {
        fn go(rest: &mut Vec<u8>, prev: Option<u8>) -> usize {
            if rest.is_empty() {
                return 0;
            }
            let mut best = usize::MAX;
            for i in 0..rest.len() {
                let t = rest.remove(i);
                best = best.min(usize::from(Some(t) == prev) + go(rest, Some(t)));
                rest.insert(i, t);
            }
            best
        }
        go(&mut topics.to_vec(), last)
    }

    #[test]
    fn keeps_priority_when_topics_already_alternate() {
        assert_eq!(interleave(&[1, 2, 1, 3], None), vec![0, 1, 2, 3]);
        assert_eq!(interleave::<u8>(&[], None), Vec::<usize>::new());
    }

    #[test]
    fn avoids_repeats_the_greedy_way_would_make() {
        // Taking A, B first would strand three Cs together.
        assert_eq!(arranged(&[0, 1, 2, 2, 2], None), vec![2, 0, 2, 1, 2]);
        assert_eq!(arranged(&[1, 1, 2], Some(2)), vec![1, 2, 1]);
        assert_eq!(
            runs(&arranged(&[1, 1, 1], None)),
            2,
            "unavoidable repeats remain"
        );
    }

    #[test]
    fn matches_the_optimum_on_every_small_case() {
        // Every multiset of up to 7 items over 3 topics, with and without a previous topic.
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..400 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let n = (seed >> 60) as usize % 8;
            let topics: Vec<u8> = (0..n).map(|k| ((seed >> (k * 5)) % 3) as u8).collect();
            for last in [None, Some(0), Some(1)] {
                let got = arranged(&topics, last);
                let repeats =
                    runs(&got) + usize::from(last.is_some() && got.first() == last.as_ref());
                assert_eq!(
                    repeats,
                    best(&topics, last),
                    "{topics:?} after {last:?}: {got:?}"
                );
            }
        }
    }
}
