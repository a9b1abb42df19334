//! Stable identifiers and Anki's note checksum. Anki matches an imported note to one it already has
//! by guid, and keeps the ids of notes, cards, decks and note types where they are free: deriving
//! all of them from our own ids makes a second export update the notes of the first instead of
//! adding copies beside them.
use sha1::{Digest, Sha1};
use std::collections::HashSet;

/// Anki reads note and card ids as creation times in milliseconds. Ours lie in 2001–2010
/// (10^12 plus at most 2^38 ms): in the past, so no card claims to be made in the future, and
/// well inside the integers JSON and JavaScript carry exactly.
const ID_BASE: i64 = 1_000_000_000_000;

/// The id for `key` among ids of `kind` ("note", "card", "deck", "notetype"): the same key always
/// gives the same id.
pub fn stable_id(kind: &str, key: &str) -> i64 {
    let digest = Sha1::new()
        .chain_update(kind.as_bytes())
        .chain_update([0u8])
        .chain_update(key.as_bytes())
        .finalize();
    let mut head = [0u8; 8];
    head.copy_from_slice(&digest[..8]);
    ID_BASE + (u64::from_be_bytes(head) >> 26) as i64
}

/// Anki's `csum`: the first 32 bits (8 hex digits) of the SHA-1 of the first field with its HTML
/// stripped, which Anki's duplicate check compares.
pub fn checksum(plain_first_field: &str) -> i64 {
    let digest = Sha1::digest(plain_first_field.as_bytes());
    i64::from(u32::from_be_bytes([
        digest[0], digest[1], digest[2], digest[3],
    ]))
}

/// Hands out stable ids of one kind, unique within the package: in the (vanishingly rare) case of
/// two keys hashing to the same id, the later one takes the next free number. Keys arrive in the
/// bank's order, so that choice is the same at every export.
#[derive(Debug)]
pub struct Ids {
    kind: &'static str,
    used: HashSet<i64>,
}

impl Ids {
    pub fn new(kind: &'static str) -> Ids {
        Ids {
            kind,
            used: HashSet::new(),
        }
    }

    pub fn take(&mut self, key: &str) -> i64 {
        let mut id = stable_id(self.kind, key);
        while !self.used.insert(id) {
            id += 1;
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_distinct_and_in_range() {
        let a = stable_id("note", "archdrill:q:sg-vs-nacl");
        assert_eq!(a, stable_id("note", "archdrill:q:sg-vs-nacl"));
        assert_ne!(a, stable_id("card", "archdrill:q:sg-vs-nacl"));
        assert_ne!(a, stable_id("note", "archdrill:q:sg-vs-nacI"));
        assert!((ID_BASE..ID_BASE + (1 << 38)).contains(&a));
    }

    #[test]
    fn a_clash_moves_to_the_next_free_id() {
        let mut ids = Ids::new("note");
        let first = ids.take("x");
        assert_eq!(ids.take("x"), first + 1);
        assert_eq!(ids.take("x"), first + 2);
    }

    #[test]
    fn checksum_is_the_first_eight_hex_digits_of_sha1() {
        // sha1("hello") = aaf4c61d dcc5e8a2 …
        assert_eq!(checksum("hello"), 0xaaf4c61d);
    }
}
