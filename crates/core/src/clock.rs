use std::time::{SystemTime, UNIX_EPOCH};

/// Wall-clock time in unix milliseconds (0 if the clock is before 1970, which it never is in practice).
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// `YYYY-MM-DD HH:MM` in UTC, for the command line.
pub fn utc_datetime(unix_ms: i64) -> String {
    archdrill_study::datetime_string(archdrill_study::Now::utc(unix_ms))
}
