//! Backups, restore, and opening a damaged data folder, on real files.
use archdrill_store::*;
use std::path::Path;

fn review(id: &str, at: i64) -> ReviewRecord {
    ReviewRecord {
        id: id.into(),
        card_id: "q:a".into(),
        reviewed_at: at,
        day: 0,
        rating: 3,
        duration_ms: 1,
        points: "[]".into(),
        points_total: 0,
        elapsed_days: None,
        answer: None,
    }
}

/// A data folder with `n` reviews and a note, backed up once, then one more review after the backup.
fn studied(dir: &Path, n: usize) -> BackupInfo {
    let (mut s, rec) = open_or_recover(dir).unwrap();
    assert!(rec.is_none());
    s.import_reviews((0..n).map(|i| review(&format!("01B{i:023}"), i as i64)))
        .unwrap();
    s.save_note("q1", "kept", 5).unwrap();
    let b = back_up(s.path(), dir, 1_000).unwrap();
    s.import_reviews([review("01C00000000000000000000000", 9)])
        .unwrap();
    b
}

fn damage(dir: &Path, how: &str) {
    let db = db_path(dir);
    match how {
        "garbage" => std::fs::write(&db, vec![0x5a; 64 * 1024]).unwrap(),
        "truncated" => {
            let bytes = std::fs::read(&db).unwrap();
            std::fs::write(&db, &bytes[..8192.min(bytes.len())]).unwrap();
        }
        "zeroed page" => {
            let mut bytes = std::fs::read(&db).unwrap();
            assert!(bytes.len() >= 3 * 4096, "{} bytes", bytes.len());
            bytes[4096..8192].fill(0);
            std::fs::write(&db, bytes).unwrap();
        }
        "no database" => std::fs::remove_file(&db).unwrap(),
        other => panic!("{other}"),
    }
}

#[test]
fn every_kind_of_damage_opens_on_the_newest_backup_and_keeps_the_damaged_file() {
    for how in ["garbage", "truncated", "zeroed page"] {
        let dir = tempfile::tempdir().unwrap();
        let backup = studied(dir.path(), 300);
        // Fold the WAL into the file so the damage hits the real pages.
        drop(Store::open_in(dir.path()).unwrap());
        damage(dir.path(), how);
        let (s, rec) = open_or_recover(dir.path()).unwrap();
        let rec = rec.unwrap_or_else(|| panic!("{how}: damage not detected"));
        let (used, reviews) = rec.restored.clone().unwrap();
        assert_eq!(used.path, backup.path, "{how}");
        assert_eq!(reviews, 300, "{how}");
        assert_eq!(s.review_log_len().unwrap(), 300, "{how}");
        assert_eq!(s.note("q1").unwrap().unwrap().body, "kept");
        assert!(!rec.moved_aside.is_empty());
        for moved in &rec.moved_aside {
            assert!(moved.exists(), "{how}: {moved:?} kept");
            assert!(moved.to_string_lossy().contains(".damaged-"));
        }
    }
}

#[test]
fn a_wal_without_its_database_restores_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    studied(dir.path(), 20);
    // A killed process leaves its -wal; then the main file is lost (a sync tool, a bad copy).
    let wal = dir.path().join("archdrill.db-wal");
    std::fs::write(&wal, vec![7u8; 5000]).unwrap();
    damage(dir.path(), "no database");
    let (s, rec) = open_or_recover(dir.path()).unwrap();
    let rec = rec.unwrap();
    assert!(rec.reason.contains("missing"), "{}", rec.reason);
    assert_eq!(s.review_log_len().unwrap(), 20);
}

#[test]
fn without_a_backup_a_damaged_database_becomes_a_new_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open_in(dir.path()).unwrap());
    damage(dir.path(), "garbage");
    let (s, rec) = open_or_recover(dir.path()).unwrap();
    let rec = rec.unwrap();
    assert_eq!(rec.restored, None);
    assert_eq!(s.review_log_len().unwrap(), 0);
}

#[test]
fn a_newer_database_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open_in(dir.path()).unwrap());
    let db = db_path(dir.path());
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let before = std::fs::read(&db).unwrap();
    match open_or_recover(dir.path()) {
        Err(StoreError::NewerSchema { found: 999, .. }) => {}
        other => panic!("{:?}", other.map(|_| ())),
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert!(list_backups(dir.path()).unwrap().is_empty());
}

#[test]
fn a_folder_that_cannot_be_written_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("data");
    std::fs::write(&blocked, "a file where the folder should be").unwrap();
    let err = open_or_recover(&blocked).err().unwrap();
    assert!(err.to_string().contains("data"), "{err}");
}

#[test]
fn a_restore_backs_up_first_and_replaces_the_open_database() {
    let dir = tempfile::tempdir().unwrap();
    let backup = studied(dir.path(), 10);
    let mut s = Store::open_in(dir.path()).unwrap();
    assert_eq!(s.review_log_len().unwrap(), 11);
    let safety = s.restore_from(&backup.path, dir.path(), 2_000).unwrap();
    assert_eq!(
        s.review_log_len().unwrap(),
        10,
        "the open connection sees the backup"
    );
    assert_eq!(
        backup_reviews(&safety.path).unwrap(),
        11,
        "the state before is kept"
    );
    let names: Vec<String> = list_backups(dir.path())
        .unwrap()
        .iter()
        .map(|b| b.file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // Reopening sees the restored content too.
    drop(s);
    assert_eq!(
        Store::open_in(dir.path())
            .unwrap()
            .review_log_len()
            .unwrap(),
        10
    );
}

#[test]
fn a_backup_is_a_whole_verified_database_and_the_rotation_prunes() {
    let dir = tempfile::tempdir().unwrap();
    studied(dir.path(), 5);
    let s = Store::open_in(dir.path()).unwrap();
    for i in 0..15 {
        back_up(s.path(), dir.path(), 10_000 + i).unwrap();
    }
    let all = list_backups(dir.path()).unwrap();
    // 10 newest, plus the first (it is the newest of its day... all are the same day, so exactly 10).
    assert_eq!(all.len(), KEEP_LATEST, "{all:?}");
    assert!(all.iter().all(|b| backup_is_good(&b.path)));
    assert!(!dir.path().join("backups/archdrill.db-wal").exists());
}

#[test]
fn migrating_an_older_database_backs_it_up_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(dir.path());
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrate_to(&mut conn, 3).unwrap();
    }
    drop(Store::open(&path).unwrap());
    let all = list_backups(dir.path()).unwrap();
    assert_eq!(all.len(), 1);
    let conn = rusqlite::Connection::open(&all[0].path).unwrap();
    assert_eq!(
        schema_version(&conn).unwrap(),
        3,
        "the backup is the old schema"
    );
}
