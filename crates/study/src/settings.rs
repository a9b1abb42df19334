//! The learner's study settings, kept in the store's `settings` table. A stored value that is missing,
//! malformed or out of range reads as its default: a damaged setting must never stop anyone studying.
use crate::{rebuild_states, StudyError};
use archdrill_store::Store;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::ops::RangeInclusive;

pub const DEFAULT_RETENTION: f64 = 0.90;
pub const RETENTION_RANGE: RangeInclusive<f64> = 0.70..=0.99;
pub const DEFAULT_NEW_PER_DAY: u32 = 10;
pub const NEW_PER_DAY_RANGE: RangeInclusive<u32> = 0..=9_999;
pub const DEFAULT_MAX_REVIEWS_PER_DAY: u32 = 200;
pub const MAX_REVIEWS_RANGE: RangeInclusive<u32> = 1..=99_999;

const RETENTION_KEY: &str = "study.desired_retention";
const NEW_PER_DAY_KEY: &str = "study.new_per_day";
const MAX_REVIEWS_KEY: &str = "study.max_reviews_per_day";
const PARAMS_KEY: &str = "study.fsrs_params";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StudySettings {
    /// The probability of recall FSRS schedules for, 0.70–0.99.
    pub desired_retention: f64,
    /// New cards introduced per local day.
    pub new_per_day: u32,
    /// Reviews (new cards included) per local day.
    pub max_reviews_per_day: u32,
    /// FSRS's 21 model weights: its defaults until the learner optimises them.
    pub fsrs_params: Vec<f32>,
}

impl Default for StudySettings {
    fn default() -> Self {
        StudySettings {
            desired_retention: DEFAULT_RETENTION,
            new_per_day: DEFAULT_NEW_PER_DAY,
            max_reviews_per_day: DEFAULT_MAX_REVIEWS_PER_DAY,
            fsrs_params: default_params(),
        }
    }
}

/// FSRS-6's default weights.
pub fn default_params() -> Vec<f32> {
    fsrs::DEFAULT_PARAMETERS.to_vec()
}

impl StudySettings {
    /// Checks every field; the error names the first bad one.
    pub fn validate(&self) -> Result<(), StudyError> {
        if !RETENTION_RANGE.contains(&self.desired_retention) {
            return Err(StudyError::invalid(
                "desiredRetention",
                format!(
                    "must be between {} and {}",
                    RETENTION_RANGE.start(),
                    RETENTION_RANGE.end()
                ),
            ));
        }
        if !NEW_PER_DAY_RANGE.contains(&self.new_per_day) {
            return Err(StudyError::invalid(
                "newPerDay",
                format!("must be at most {}", NEW_PER_DAY_RANGE.end()),
            ));
        }
        if !MAX_REVIEWS_RANGE.contains(&self.max_reviews_per_day) {
            return Err(StudyError::invalid(
                "maxReviewsPerDay",
                format!(
                    "must be between {} and {}",
                    MAX_REVIEWS_RANGE.start(),
                    MAX_REVIEWS_RANGE.end()
                ),
            ));
        }
        check_params(&self.fsrs_params)
    }
}

/// FSRS-6 takes exactly 21 finite weights (older 17/19-weight sets would be silently padded by fsrs,
/// which would hide a mistake).
pub(crate) fn check_params(params: &[f32]) -> Result<(), StudyError> {
    if params.len() != fsrs::DEFAULT_PARAMETERS.len() {
        return Err(StudyError::invalid(
            "fsrsParams",
            format!("expected 21 weights, got {}", params.len()),
        ));
    }
    fsrs::FSRS::new(params)
        .map(|_| ())
        .map_err(|e| StudyError::invalid("fsrsParams", format!("{e:?}")))
}

fn read<T: std::str::FromStr>(store: &Store, key: &str) -> Result<Option<T>, StudyError> {
    Ok(store.setting(key)?.and_then(|v| v.trim().parse().ok()))
}

/// The stored settings, each falling back to its default.
pub fn load_settings(store: &Store) -> Result<StudySettings, StudyError> {
    let d = StudySettings::default();
    Ok(StudySettings {
        desired_retention: read(store, RETENTION_KEY)?
            .filter(|r| RETENTION_RANGE.contains(r))
            .unwrap_or(d.desired_retention),
        new_per_day: read(store, NEW_PER_DAY_KEY)?
            .filter(|n| NEW_PER_DAY_RANGE.contains(n))
            .unwrap_or(d.new_per_day),
        max_reviews_per_day: read(store, MAX_REVIEWS_KEY)?
            .filter(|n| MAX_REVIEWS_RANGE.contains(n))
            .unwrap_or(d.max_reviews_per_day),
        fsrs_params: store
            .setting(PARAMS_KEY)?
            .and_then(|v| serde_json::from_str::<Vec<f32>>(&v).ok())
            .filter(|p| check_params(p).is_ok())
            .unwrap_or(d.fsrs_params),
    })
}

/// Validates and stores the settings. When the retention or the weights change, every card is
/// rescheduled (card_state is rebuilt) so the cache always equals a replay under the current
/// settings. Returns what is now in force.
pub fn save_settings(store: &mut Store, s: &StudySettings) -> Result<StudySettings, StudyError> {
    s.validate()?;
    // serde_json writes the shortest text that reads back as the same f32, so replay is exact.
    let params = serde_json::to_string(&s.fsrs_params)
        .map_err(|e| StudyError::invalid("fsrsParams", e.to_string()))?;
    // One unit of work: the four values and the reschedule they cause land together or not at all.
    store.transact(|store| {
        let old = load_settings(store)?;
        store.set_setting(RETENTION_KEY, &s.desired_retention.to_string())?;
        store.set_setting(NEW_PER_DAY_KEY, &s.new_per_day.to_string())?;
        store.set_setting(MAX_REVIEWS_KEY, &s.max_reviews_per_day.to_string())?;
        store.set_setting(PARAMS_KEY, &params)?;
        if old.desired_retention != s.desired_retention || old.fsrs_params != s.fsrs_params {
            rebuild_states(store)?;
        }
        load_settings(store)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_ranges_enforced() {
        let d = StudySettings::default();
        d.validate().unwrap();
        assert_eq!(d.fsrs_params.len(), 21);
        let bad = |f: fn(&mut StudySettings)| {
            let mut s = StudySettings::default();
            f(&mut s);
            s.validate().is_err()
        };
        assert!(bad(|s| s.desired_retention = 0.5));
        assert!(bad(|s| s.desired_retention = f64::NAN));
        assert!(bad(|s| s.desired_retention = 1.0));
        assert!(bad(|s| s.max_reviews_per_day = 0));
        assert!(bad(|s| s.new_per_day = 10_000));
        assert!(bad(|s| s.fsrs_params.truncate(19)));
        assert!(bad(|s| s.fsrs_params[3] = f32::INFINITY));
    }
}
