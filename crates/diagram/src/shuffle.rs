//! The one source of order that must look random yet never change: banks, choice options and order
//! steps are shuffled with it. Its own module, below every drill kind that shuffles.

/// A small deterministic generator (xorshift), seeded from the drill id, so the bank is shuffled the
/// same way on every machine and every run (golden files and tests depend on it).
/// Not the domain's `SplitMix64`: the goldens pin this xorshift's order, and switching would
/// reshuffle every published bank.
pub(crate) struct Shuffle(u64);

impl Shuffle {
    pub fn new(seed: &str) -> Shuffle {
        // FNV-1a of the seed; never zero, which xorshift cannot leave.
        let h = seed.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        Shuffle(h | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Fisher–Yates. If the result equals the input order (likely for short lists), rotate by one so a
    /// bank never lists the answers in slot order.
    pub fn shuffle<T: Clone + PartialEq>(&mut self, items: &mut [T]) {
        let original = items.to_vec();
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
        if items.len() > 1 && items == original.as_slice() {
            items.rotate_left(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_deterministic_and_never_the_identity() {
        let mut a: Vec<u32> = (0..8).collect();
        let mut b = a.clone();
        Shuffle::new("x").shuffle(&mut a);
        Shuffle::new("x").shuffle(&mut b);
        assert_eq!(a, b);
        for seed in ["a", "b", "c", "d", "e", "f"] {
            let mut two = vec![1, 2];
            Shuffle::new(seed).shuffle(&mut two);
            assert_eq!(two, vec![2, 1]);
        }
    }
}
