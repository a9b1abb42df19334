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
}
