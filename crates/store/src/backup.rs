//! Verified backups in `<data>/backups/`, their rotation, and restoring one.
//!
//! A backup is a page-by-page copy made with SQLite's online backup API from a connection of its own,
//! so the app keeps working while it runs and the copy is one consistent snapshot even mid-write.
//! Each copy is written under a temporary name, checked with `quick_check`, synced, and only then
//! renamed into place: a file named `backup-*.db` is always a whole, verified database. A restore
//! runs the full `integrity_check` on the backup first.
use crate::{Store, StoreError, DB_FILE};
use rusqlite::{Connection, OpenFlags};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const BACKUPS_DIR: &str = "backups";
const PREFIX: &str = "backup-";
const SUFFIX: &str = ".db";
/// How many of the newest backups are always kept, before the daily and weekly ones.
pub const KEEP_LATEST: usize = 10;
pub const KEEP_DAILY: i64 = 7;
pub const KEEP_WEEKLY: i64 = 4;
const DAY_MS: i64 = 86_400_000;

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// Unix ms, from the file name (the time the copy was taken).
    pub created_ms: i64,
    pub size_bytes: u64,
}

impl BackupInfo {
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUPS_DIR)
}

/// `backup-<unix ms, 13 digits>.db`: sorts by time as text, and needs no clock parsing.
fn name_for(created_ms: i64) -> String {
    format!("{PREFIX}{created_ms:013}{SUFFIX}")
}

fn created_of(name: &str) -> Option<i64> {
    name.strip_prefix(PREFIX)?
        .strip_suffix(SUFFIX)?
        .parse()
        .ok()
}

/// The backups in `data_dir`, newest first. A missing folder is an empty list.
pub fn list_backups(data_dir: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let dir = backups_dir(data_dir);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(StoreError::Io { path: dir, source }),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let (Some(created_ms), Ok(meta)) = (created_of(&name), entry.metadata()) else {
            continue;
        };
        if meta.is_file() {
            out.push(BackupInfo {
                path: entry.path(),
                created_ms,
                size_bytes: meta.len(),
            });
        }
    }
    out.sort_by_key(|b| std::cmp::Reverse(b.created_ms));
    Ok(out)
}

/// Active reviews in a backup (for the list shown to the learner), read without changing the file.
pub fn backup_reviews(path: &Path) -> Result<u32, StoreError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    Ok(conn.query_row(
        "SELECT count(*) FROM review_log r
         WHERE NOT EXISTS (SELECT 1 FROM review_undo u WHERE u.review_id = r.id)",
        [],
        |r| r.get(0),
    )?)
}

/// Copies the database at `db` into a new verified backup in `data_dir/backups`, then prunes the
/// rotation. Opens its own connection, so it never waits for (or blocks) the app's.
pub fn back_up(db: &Path, data_dir: &Path, now_ms: i64) -> Result<BackupInfo, StoreError> {
    let dir = backups_dir(data_dir);
    std::fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
        path: dir.clone(),
        source,
    })?;
    // Two backups in the same millisecond (a restore right after a backup) get distinct names.
    let mut created_ms = now_ms;
    while dir.join(name_for(created_ms)).exists() {
        created_ms += 1;
    }
    let dest = dir.join(name_for(created_ms));
    let tmp = dir.join(format!(".{}.partial", name_for(created_ms)));
    let result = copy_verified(db, &tmp).and_then(|()| {
        std::fs::rename(&tmp, &dest).map_err(|source| StoreError::Io {
            path: dest.clone(),
            source,
        })
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result?;
    prune(data_dir, now_ms)?;
    let size_bytes = std::fs::metadata(&dest).map(|m| m.len()).unwrap_or(0);
    Ok(BackupInfo {
        path: dest,
        created_ms,
        size_bytes,
    })
}

/// Page copy of `src` into a new file `dest`, then `integrity_check` of the copy.
fn copy_verified(src: &Path, dest: &Path) -> Result<(), StoreError> {
    let from = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    from.busy_timeout(Duration::from_secs(5))?;
    let mut to = Connection::open(dest)?;
    // The copy is a new file under a temporary name: no journal is needed while writing it (a crash
    // leaves only a partial file that is never renamed into place). It is synced to disk once, below.
    to.pragma_update(None, "journal_mode", "OFF")?;
    to.pragma_update(None, "synchronous", "OFF")?;
    {
        copy_all(&rusqlite::backup::Backup::new(&from, &mut to)?)?;
    }
    // A backup is a standalone file: no -wal beside it.
    to.pragma_update(None, "journal_mode", "DELETE")?;
    check_copy(&to, dest)?;
    drop(to);
    std::fs::File::open(dest)
        .and_then(|f| f.sync_all())
        .map_err(|source| StoreError::Io {
            path: dest.to_path_buf(),
            source,
        })
}

/// Copies every page in one step: one consistent snapshot, and the fastest copy. A writer holding the
/// lock makes the step answer Busy; it is retried for up to the store's usual 5 s.
fn copy_all(backup: &rusqlite::backup::Backup<'_, '_>) -> Result<(), StoreError> {
    use rusqlite::backup::StepResult;
    for _ in 0..500 {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ => std::thread::sleep(Duration::from_millis(10)),
        }
    }
    Err(StoreError::Busy(
        "the database stayed locked for 5 s; try again in a moment".into(),
    ))
}

/// A new copy is checked with `quick_check`: every page, b-tree and record format, in 0.4 s at a
/// million reviews. The full `integrity_check` also cross-checks every index entry against its row
/// (1.9 s more there), which a page-for-page copy of a consistent snapshot cannot break; it runs
/// when a backup is restored instead (see `restore_from`), where it matters and is rare.
fn check_copy(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let answer: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if answer == "ok" {
        Ok(())
    } else {
        Err(StoreError::Damaged(format!("{}: {answer}", path.display())))
    }
}

/// `PRAGMA integrity_check` must answer exactly "ok".
pub(crate) fn verify(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let answer: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if answer == "ok" {
        Ok(())
    } else {
        Err(StoreError::Damaged(format!("{}: {answer}", path.display())))
    }
}

/// Whether a backup opens and passes `quick_check` (recovery tries the newest that does).
pub fn backup_is_good(path: &Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
        .is_ok_and(|a| a == "ok")
}

/// Deletes the backups the rotation no longer keeps.
pub fn prune(data_dir: &Path, now_ms: i64) -> Result<(), StoreError> {
    let all = list_backups(data_dir)?;
    let keep = to_keep(
        &all.iter().map(|b| b.created_ms).collect::<Vec<_>>(),
        now_ms,
    );
    for b in all.iter().filter(|b| !keep.contains(&b.created_ms)) {
        std::fs::remove_file(&b.path).map_err(|source| StoreError::Io {
            path: b.path.clone(),
            source,
        })?;
    }
    Ok(())
}

/// The rotation: the newest [`KEEP_LATEST`], the newest of each of the last [`KEEP_DAILY`] days, and
/// the newest of each of the last [`KEEP_WEEKLY`] weeks (periods counted back from `now_ms`).
/// `created` is newest first.
pub fn to_keep(created: &[i64], now_ms: i64) -> HashSet<i64> {
    let mut keep: HashSet<i64> = created.iter().take(KEEP_LATEST).copied().collect();
    for (period, count) in [(DAY_MS, KEEP_DAILY), (7 * DAY_MS, KEEP_WEEKLY)] {
        let mut seen = HashSet::new();
        for &c in created {
            let age = now_ms.saturating_sub(c).max(0) / period;
            if age < count && seen.insert(age) {
                keep.insert(c);
            }
        }
    }
    keep
}

impl Store {
    /// Row counts of everything the learner makes (all of it append-only or replaced whole), so equal
    /// fingerprints mean nothing worth a new backup happened.
    pub fn fingerprint(&self) -> Result<String, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM review_log) || '/' || (SELECT count(*) FROM review_undo)
                 || '/' || (SELECT count(*) FROM change_log) || '/' || (SELECT count(*) FROM drill_attempts)
                 || '/' || (SELECT count(*) FROM mock) || '/' || (SELECT count(*) FROM mock_answer)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Replaces this database's content with the backup's, in place and at once (SQLite's backup API
    /// into the open connection), after backing up what is here now, so a restore can be undone.
    /// Returns that safety backup.
    pub fn restore_from(
        &mut self,
        backup: &Path,
        data_dir: &Path,
        now_ms: i64,
    ) -> Result<BackupInfo, StoreError> {
        let src = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        verify(&src, backup)?;
        let found = crate::schema_version(&src)?;
        let known = crate::MIGRATIONS.len() as i64;
        if found > known {
            return Err(StoreError::NewerSchema { found, known });
        }
        let safety = back_up(self.path(), data_dir, now_ms)?;
        {
            copy_all(&rusqlite::backup::Backup::new(&src, &mut self.conn)?)?;
        }
        // An older backup is brought up to this app's schema like any old database.
        crate::migrate(&mut self.conn)?;
        Ok(safety)
    }
}

/// The database file of a data folder.
pub fn db_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DB_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rotation_keeps_the_latest_ten_then_one_a_day_then_one_a_week() {
        let now = 100 * DAY_MS;
        // One backup every 6 hours for 40 days, newest first.
        let created: Vec<i64> = (0..160).map(|i| now - i * DAY_MS / 4).collect();
        let keep = to_keep(&created, now);
        for c in &created[..10] {
            assert!(keep.contains(c));
        }
        for day in 0..7 {
            let newest_of_day = created
                .iter()
                .find(|&&c| (now - c) / DAY_MS == day)
                .unwrap();
            assert!(keep.contains(newest_of_day), "day {day}");
        }
        for week in 0..4 {
            let newest = created
                .iter()
                .find(|&&c| (now - c) / (7 * DAY_MS) == week)
                .unwrap();
            assert!(keep.contains(newest), "week {week}");
        }
        // 10 latest (days 0-2), plus days 3-6, plus weeks 1-3: nothing else.
        assert_eq!(keep.len(), 10 + 4 + 3, "{keep:?}");
        assert!(
            !keep.contains(created.last().unwrap()),
            "older than 4 weeks"
        );
    }

    #[test]
    fn names_carry_the_time_and_sort_as_text() {
        assert_eq!(
            created_of(&name_for(1_764_650_000_000)),
            Some(1_764_650_000_000)
        );
        assert!(name_for(999) < name_for(1_000));
        assert_eq!(created_of("backup-x.db"), None);
        assert_eq!(created_of("other.db"), None);
    }
}
