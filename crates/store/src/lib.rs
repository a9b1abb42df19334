//! Everything Archdrill keeps on disk lives in one SQLite file, opened here. SQL stays in this crate.

mod db;
mod error;
mod migrate;
mod notes;
mod search;
mod settings;

pub use db::{default_data_dir, Store, DATA_DIR_ENV, DB_FILE};
pub use error::StoreError;
pub use migrate::{migrate, schema_version, MIGRATIONS};
pub use notes::Note;
pub use search::{Hit, SearchDoc, SearchIndex, Span};
mod reviews;
