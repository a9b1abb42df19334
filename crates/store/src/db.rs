use crate::{migrate, StoreError};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Points the app, the CLI and every test at another data folder.
pub const DATA_DIR_ENV: &str = "ARCHDRILL_DATA_DIR";
pub const DB_FILE: &str = "archdrill.db";

/// `$ARCHDRILL_DATA_DIR`, else the OS app-data folder under the app identifier (the same folder Tauri
/// resolves as app_data_dir).
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("dev.archdrill.desktop")
}

/// The open database. One connection: the app serialises writes through it.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// Inside an outermost unit of work: where the shared tables ended before it (see outbox.rs);
    /// `None` inside a peer merge, whose rows are not queued.
    pub(crate) outbox_marks: Option<crate::outbox::Marks>,
}

impl Store {
    /// Opens (creating if needed) `<dir>/archdrill.db` and brings its schema up to date.
    pub fn open_in(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        Store::open(&dir.join(DB_FILE))
    }

    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let mut conn = Connection::open(path)?;
        // WAL keeps readers off the writer's back, and a killed process never leaves a torn write:
        // a commit is in the log before it returns. NORMAL sync is durable across app crashes.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        backup_before_migrating(&conn, path)?;
        migrate(&mut conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            outbox_marks: None,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64, StoreError> {
        crate::schema_version(&self.conn)
    }
}

/// A database that is about to be migrated is backed up first, so a failed or regretted upgrade can
/// be undone from Settings. A new (version 0) database has nothing to keep.
fn backup_before_migrating(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let found = crate::schema_version(conn)?;
    if found == 0 || found >= crate::MIGRATIONS.len() as i64 {
        return Ok(());
    }
    let data_dir = path.parent().unwrap_or(Path::new("."));
    crate::back_up(path, data_dir, crate::wall_ms())?;
    Ok(())
}
