//! Everything Archdrill keeps on disk lives in one SQLite file, opened here. SQL stays in this crate.

mod attempts;
mod backup;
mod changes;
mod chunk;
mod db;
mod error;
mod exchange;
mod migrate;
mod mistakes;
mod mocks;
mod notes;
mod outbox;
mod recover;
mod rows;
mod search;
mod settings;
mod test_support;
mod transact;

pub use attempts::DrillAttempt;
pub use backup::{
    back_up, backup_is_good, backup_reviews, backups_dir, db_path, list_backups, prune, to_keep,
    BackupInfo, BACKUPS_DIR, KEEP_DAILY, KEEP_LATEST, KEEP_WEEKLY,
};
pub use changes::{ChangeKind, ChangeRecord, LOCAL_PREFIX};
pub use db::{default_data_dir, Store, DATA_DIR_ENV, DB_FILE};
pub use error::StoreError;
pub use exchange::{OwnCursor, OwnRecord, PeerCursor, UndoMark};
pub use migrate::{migrate, migrate_to, schema_version, MIGRATIONS};
pub use mistakes::PointsRow;
pub use mocks::{MockAnswerRecord, MockRecord};
pub use notes::Note;
pub use recover::{open_or_recover, Recovery};
pub use reviews::{
    CardAggregate, CardStateRecord, ReplayLog, ReplayReview, ReviewRecord, UndoneRecord,
};
pub use search::{Hit, SearchDoc, SearchIndex, Span, FULL_RANK_MAX};
mod reviews;

/// Wall-clock unix ms, for the few store operations that stamp time themselves (backup names, the
/// time of a setting change, a damaged file's new name).
pub(crate) fn wall_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
