//! Everything Archdrill keeps on disk lives in one SQLite file, opened here. SQL stays in this crate.

mod attempts;
mod changes;
mod db;
mod error;
mod migrate;
mod mocks;
mod notes;
mod search;
mod settings;
mod transact;

pub use attempts::DrillAttempt;
pub use changes::{ChangeKind, ChangeRecord, LOCAL_PREFIX};
pub use db::{default_data_dir, Store, DATA_DIR_ENV, DB_FILE};
pub use error::StoreError;
pub use migrate::{migrate, migrate_to, schema_version, MIGRATIONS};
pub use mocks::{MockAnswerRecord, MockRecord};
pub use notes::Note;
pub use reviews::{
    CardAggregate, CardStateRecord, ReplayLog, ReplayReview, ReviewRecord, UndoneRecord,
};
pub use search::{Hit, SearchDoc, SearchIndex, Span, FULL_RANK_MAX};
mod reviews;
