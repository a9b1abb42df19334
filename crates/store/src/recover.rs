//! Opening a data folder so that the app always starts: a damaged database is moved aside and the
//! newest good backup takes its place (or a new, empty database when there is none), and the caller
//! learns what happened so it can tell the learner. Only two things stop the opening: a database
//! from a newer Archdrill (left untouched) and a folder that cannot be written.
use crate::backup::{backup_is_good, backup_reviews, db_path, list_backups, BackupInfo};
use crate::{wall_ms, Store, StoreError, MIGRATIONS};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// What recovery did at open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// Why the database could not be used, in words for the learner.
    pub reason: String,
    /// Where the unusable files were moved (the database and its -wal/-shm, when present).
    pub moved_aside: Vec<PathBuf>,
    /// The backup now in use, with its active reviews; `None` when a new database was made.
    pub restored: Option<(BackupInfo, u32)>,
}

/// Opens `<dir>/archdrill.db`, recovering from damage as described above.
pub fn open_or_recover(dir: &Path) -> Result<(Store, Option<Recovery>), StoreError> {
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    probe_writable(dir)?;
    let db = db_path(dir);
    let reason = if db.exists() {
        match check(&db) {
            Ok(()) => None,
            Err(StoreError::NewerSchema { found, known }) => {
                return Err(StoreError::NewerSchema { found, known })
            }
            Err(e) => Some(format!("the database could not be read ({e})")),
        }
    } else if side_file(&db, "-wal").exists() {
        Some("the database file was missing, but its write-ahead log was left behind".to_string())
    } else {
        None
    };
    let Some(reason) = reason else {
        return Ok((Store::open(&db)?, None));
    };
    let moved_aside = move_aside(&db)?;
    let restored = restore_newest(dir, &db)?;
    let store = Store::open(&db)?;
    Ok((
        store,
        Some(Recovery {
            reason,
            moved_aside,
            restored,
        }),
    ))
}

/// Creating and removing a file tells a read-only folder apart before SQLite gives a vaguer error.
fn probe_writable(dir: &Path) -> Result<(), StoreError> {
    let probe = dir.join(".archdrill-write-test");
    std::fs::write(&probe, b"ok")
        .and_then(|()| std::fs::remove_file(&probe))
        .map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })
}

/// Reads the schema version and runs `quick_check`, without writing anything.
fn check(db: &Path) -> Result<(), StoreError> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    let found = crate::schema_version(&conn)?;
    let known = MIGRATIONS.len() as i64;
    if found > known {
        return Err(StoreError::NewerSchema { found, known });
    }
    let answer: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if answer != "ok" {
        return Err(StoreError::Damaged(answer));
    }
    Ok(())
}

fn side_file(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Renames the database and its -wal/-shm to `archdrill.db.damaged-<ms>[-wal|-shm]`: kept, never
/// deleted, so nothing in them is lost for good.
fn move_aside(db: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let stamp = wall_ms();
    let mut moved = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let from = side_file(db, suffix);
        if !from.exists() {
            continue;
        }
        let to = side_file(db, &format!(".damaged-{stamp}{suffix}"));
        std::fs::rename(&from, &to).map_err(|source| StoreError::Io {
            path: from.clone(),
            source,
        })?;
        moved.push(to);
    }
    Ok(moved)
}

/// Copies the newest backup that passes `quick_check` to `db`; `None` when there is none.
fn restore_newest(dir: &Path, db: &Path) -> Result<Option<(BackupInfo, u32)>, StoreError> {
    for backup in list_backups(dir)? {
        if !backup_is_good(&backup.path) {
            continue;
        }
        let reviews = backup_reviews(&backup.path)?;
        std::fs::copy(&backup.path, db).map_err(|source| StoreError::Io {
            path: db.to_path_buf(),
            source,
        })?;
        return Ok(Some((backup, reviews)));
    }
    Ok(None)
}
