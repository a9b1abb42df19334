//! Instants and the learner's calendar days. A "day" is a local calendar day, numbered as days since
//! 1970-01-01 in the learner's time zone, so that "today", the streak and FSRS's elapsed days all turn
//! over at local midnight rather than at UTC midnight.
use crate::StudyError;

pub const DAY_MS: i64 = 86_400_000;
const MINUTE_MS: i64 = 60_000;
/// Real time zones lie within UTC−12:00..UTC+14:00; anything past ±18 h is a bad input.
const MAX_OFFSET_MIN: i32 = 18 * 60;
/// Timestamps outside years ~1970..2999 come from a broken clock or a bad input.
const MAX_MS: i64 = 32_503_680_000_000;

/// The current instant and the learner's offset from UTC at it (e.g. +60 for CET, −300 for EST; the
/// negation of JavaScript's `Date.getTimezoneOffset()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub unix_ms: i64,
    pub utc_offset_min: i32,
}

impl Now {
    /// The offset is clamped to ±18 h.
    pub fn new(unix_ms: i64, utc_offset_min: i32) -> Now {
        Now {
            unix_ms,
            utc_offset_min: utc_offset_min.clamp(-MAX_OFFSET_MIN, MAX_OFFSET_MIN),
        }
    }

    /// An instant for a learner on UTC.
    pub fn utc(unix_ms: i64) -> Now {
        Now::new(unix_ms, 0)
    }

    /// The same time zone at another instant.
    pub fn at(self, unix_ms: i64) -> Now {
        Now { unix_ms, ..self }
    }

    fn offset_ms(self) -> i64 {
        i64::from(self.utc_offset_min) * MINUTE_MS
    }

    /// Today's local day number.
    pub fn day(self) -> i64 {
        self.unix_ms
            .saturating_add(self.offset_ms())
            .div_euclid(DAY_MS)
    }

    /// Unix ms of local midnight starting `day`.
    pub fn day_start_ms(self, day: i64) -> i64 {
        day.saturating_mul(DAY_MS).saturating_sub(self.offset_ms())
    }

    /// Unix ms of the next local midnight: cards due before it are due today.
    pub fn end_of_today_ms(self) -> i64 {
        self.day_start_ms(self.day() + 1)
    }
}

/// `YYYY-MM-DD` of a day number (proleptic Gregorian; Howard Hinnant's civil_from_days).
pub fn date_string(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DD HH:MM` of an instant in the learner's time zone.
pub fn datetime_string(now: Now) -> String {
    let local = now.unix_ms.saturating_add(now.offset_ms());
    let mins = local.rem_euclid(DAY_MS) / MINUTE_MS;
    format!(
        "{} {:02}:{:02}",
        date_string(now.day()),
        mins / 60,
        mins % 60
    )
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Unix ms from the UI (where it is an f64), rejecting NaN, infinities, fractions of a ms aside, and
/// instants no clock would give.
pub(crate) fn ms_from_ui(field: &str, v: f64) -> Result<i64, StudyError> {
    if !v.is_finite() || !(0.0..=MAX_MS as f64).contains(&v) {
        return Err(StudyError::invalid(
            field,
            format!("{v} is not a valid time"),
        ));
    }
    Ok(v as i64)
}

/// Unix ms for the UI. Exact: every i64 below 2^53 is an f64.
pub(crate) fn ms_to_ui(ms: i64) -> f64 {
    ms as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_turn_over_at_local_midnight() {
        // 2024-03-10 23:30 UTC is already 2024-03-11 in CET (+60) but still the 10th in EST (−300).
        let t = 1_710_113_400_000;
        assert_eq!(date_string(Now::utc(t).day()), "2024-03-10");
        assert_eq!(date_string(Now::new(t, 60).day()), "2024-03-11");
        assert_eq!(date_string(Now::new(t, -300).day()), "2024-03-10");
        let cet = Now::new(t, 60);
        assert_eq!(cet.end_of_today_ms(), 1_710_198_000_000); // 2024-03-11 23:00 UTC
        assert_eq!(datetime_string(cet), "2024-03-11 00:30");
    }

    #[test]
    fn civil_dates_match_known_days() {
        assert_eq!(date_string(0), "1970-01-01");
        assert_eq!(date_string(-1), "1969-12-31");
        assert_eq!(date_string(19_782), "2024-02-29");
        assert_eq!(date_string(20_000), "2024-10-04");
    }

    #[test]
    fn bad_offsets_and_times_are_tamed() {
        assert_eq!(Now::new(0, 10_000).utc_offset_min, 18 * 60);
        assert!(ms_from_ui("t", f64::NAN).is_err());
        assert!(ms_from_ui("t", -1.0).is_err());
        assert!(ms_from_ui("t", 1e300).is_err());
        assert_eq!(
            ms_from_ui("t", 1_700_000_000_000.0).unwrap(),
            1_700_000_000_000
        );
        // Extreme instants never overflow.
        let _ = Now::new(i64::MAX, 600).end_of_today_ms();
        let _ = Now::new(i64::MIN, -600).day();
    }
}
