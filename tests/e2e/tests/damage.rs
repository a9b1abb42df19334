//! The damage matrix against the real app: whatever state the data folder is in, a window opens and
//! says what happened, and nothing that was in the newest backup is lost.
use archdrill_e2e::{Driver, Res};
use archdrill_store::{back_up, db_path, ReviewRecord, Store};
use std::path::Path;

const REVIEWS: usize = 40;

/// A data folder with REVIEWS reviews and a note, all in a verified backup; the database's WAL is
/// folded in so damage to the file hits real pages.
fn studied(dir: &Path) -> Res {
    let mut store = Store::open_in(dir)?;
    let rows = (0..REVIEWS).map(|i| ReviewRecord {
        id: archdrill_domain::new_ulid(1_764_000_000_000 + i as i64 * 60_000),
        card_id: "q:sg-vs-nacl".into(),
        reviewed_at: 1_764_000_000_000 + i as i64 * 60_000,
        day: 20_416,
        rating: 3,
        duration_ms: 5_000,
        points: "[]".into(),
        points_total: 0,
        elapsed_days: None,
        answer: None,
    });
    store.import_reviews(rows)?;
    store.save_note("sg-vs-nacl", "my own note", 1_764_000_000_000)?;
    back_up(store.path(), dir, 1_764_100_000_000)?;
    drop(store);
    drop(Store::open_in(dir)?);
    Ok(())
}

fn reviews_in(dir: &Path) -> Res<i64> {
    let conn = rusqlite::Connection::open(db_path(dir))?;
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    assert_eq!(ok, "ok");
    Ok(conn.query_row("SELECT count(*) FROM review_log", [], |r| r.get(0))?)
}

fn side(dir: &Path, suffix: &str) -> std::path::PathBuf {
    dir.join(format!("archdrill.db{suffix}"))
}

/// Damages the folder the way `case` says.
fn damage(dir: &Path, case: &str) -> Res {
    let db = db_path(dir);
    match case {
        "garbage bytes" => std::fs::write(&db, vec![0xA5; 96 * 1024])?,
        "truncated to two pages" => {
            let bytes = std::fs::read(&db)?;
            std::fs::write(&db, &bytes[..8192])?;
        }
        "one page zeroed" => {
            let mut bytes = std::fs::read(&db)?;
            bytes[4096..8192].fill(0);
            std::fs::write(&db, bytes)?;
        }
        "a WAL without its database" => {
            std::fs::write(side(dir, "-wal"), vec![3u8; 8192])?;
            std::fs::remove_file(&db)?;
        }
        other => return Err(format!("unknown case {other}").into()),
    }
    Ok(())
}

#[tokio::test]
async fn a_damaged_database_opens_on_the_newest_backup_with_a_banner() -> Res {
    for case in [
        "garbage bytes",
        "truncated to two pages",
        "one page zeroed",
        "a WAL without its database",
    ] {
        let dir = tempfile::tempdir()?;
        studied(dir.path())?;
        damage(dir.path(), case)?;
        let driver = Driver::start(dir.path())?;
        let app = driver.launch().await?;
        let restored = app.text("recovery-restored").await?;
        assert!(
            restored.contains(&format!("with {REVIEWS} reviews")),
            "{case}: {restored}"
        );
        let moved = app.text("recovery-moved").await?;
        assert!(
            Path::new(&moved).exists(),
            "{case}: damaged file kept at {moved}"
        );
        app.wait_text("count-questions", |t| !t.is_empty()).await?;
        if case == "garbage bytes" {
            app.screenshot("recovery-banner").await?;
        }
        app.quit().await?;
        drop(driver);
        assert_eq!(reviews_in(dir.path())? as usize, REVIEWS, "{case}");
    }
    Ok(())
}

#[tokio::test]
async fn a_stale_shm_is_harmless() -> Res {
    let dir = tempfile::tempdir()?;
    studied(dir.path())?;
    std::fs::write(side(dir.path(), "-shm"), vec![0xFF; 32 * 1024])?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    app.wait_text("count-questions", |t| !t.is_empty()).await?;
    app.quit().await?;
    drop(driver);
    assert_eq!(reviews_in(dir.path())? as usize, REVIEWS);
    Ok(())
}

#[tokio::test]
async fn a_newer_database_gets_a_full_page_message_and_is_not_touched() -> Res {
    let dir = tempfile::tempdir()?;
    studied(dir.path())?;
    rusqlite::Connection::open(db_path(dir.path()))?.pragma_update(None, "user_version", 999)?;
    let before = std::fs::read(db_path(dir.path()))?;
    let driver = Driver::start(dir.path())?;
    let app = driver.launch_until("blocked-page").await?;
    let message = app.text("blocked-message").await?;
    assert!(message.contains("999"), "{message}");
    let path = app.text("blocked-path").await?;
    assert!(path.ends_with("archdrill.db"), "{path}");
    app.screenshot("blocked-newer").await?;
    app.quit().await?;
    drop(driver);
    assert_eq!(std::fs::read(db_path(dir.path()))?, before, "byte for byte");
    Ok(())
}

#[tokio::test]
async fn a_data_folder_that_cannot_be_written_gets_a_full_page_message() -> Res {
    let dir = tempfile::tempdir()?;
    // As root every folder is writable; a plain file where the folder should be is not.
    let data = dir.path().join("data");
    std::fs::write(&data, "not a folder")?;
    let driver = Driver::start(&data)?;
    let app = driver.launch_until("blocked-page").await?;
    let path = app.text("blocked-path").await?;
    assert!(path.contains("data"), "{path}");
    app.quit().await?;
    Ok(())
}
