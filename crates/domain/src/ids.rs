//! Record ids. Reviews, undo marks, changes and mocks are named by ULIDs, so every device makes ids
//! that never collide with another's and that sort by time: merging two logs is a union by id.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use ulid::Ulid;

/// A ULID whose time part is `ms`, so ids sort with the log. Its random part is a per-process counter
/// under 16 random high bits, so ids made in the same millisecond sort in the order they were made,
/// whatever other ids were made in between: "the latest review" is always the one recorded last.
pub fn new_ulid(ms: i64) -> String {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    static HIGH: OnceLock<u128> = OnceLock::new();
    // 16 bits that differ between processes (clock nanoseconds and pid), so two devices' ids differ.
    let high = *HIGH.get_or_init(|| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        u128::from((nanos ^ std::process::id()) & 0xFFFF) << 64
    });
    let random = high | u128::from(SEQ.fetch_add(1, Ordering::Relaxed));
    Ulid::from_parts(u64::try_from(ms).unwrap_or(0), random).to_string()
}

/// Whether `s` is a well-formed ULID (26 Crockford base-32 characters), as every imported id must be.
pub fn is_ulid(s: &str) -> bool {
    Ulid::from_string(s).is_ok()
}

/// The time part of a ULID in unix ms.
pub fn ulid_ms(s: &str) -> Option<i64> {
    Ulid::from_string(s)
        .ok()
        .and_then(|u| i64::try_from(u.timestamp_ms()).ok())
}

/// The longest id a question, diagram or drill may have.
pub const MAX_SLUG_LEN: usize = 64;

/// Ids of questions, diagrams, drills and their parts are lowercase slugs (`vpc-three-tier`) so they
/// are safe in URLs, attributes, card ids and file names: 1 to 64 characters of a–z, 0–9 and single
/// dashes between words. Content, learner packs and diagrams all follow this one rule.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG_LEN
        && s.split('-').all(|p| !p.is_empty())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ulids_carry_their_time_and_sort_in_creation_order() {
        let id = new_ulid(1_700_000_000_123);
        assert_eq!(ulid_ms(&id), Some(1_700_000_000_123));
        assert!(new_ulid(1) < new_ulid(2));
        let same: Vec<String> = (0..50).map(|_| new_ulid(5)).collect();
        assert!(same.windows(2).all(|w| w[0] < w[1]));
        assert!(is_ulid(&id) && !is_ulid("not-a-ulid"));
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_single_dashes() {
        assert!(is_slug("vpc-three-tier") && is_slug("a1") && is_slug(&"a".repeat(64)));
        for bad in ["", "Vpc", "a--b", "-a", "a-", "a_b", "a b", "é"] {
            assert!(!is_slug(bad), "{bad:?}");
        }
        assert!(!is_slug(&"a".repeat(65)));
    }
}
