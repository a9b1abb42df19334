//! Settings → Backups in the real app: "Back up now" writes a verified file that the list shows, and
//! "Restore…" brings it back after backing up the state before.
use archdrill_e2e::{eventually, Driver, Res};

fn notes(driver: &Driver) -> Option<String> {
    driver
        .db()
        .ok()?
        .query_row(
            "SELECT body FROM notes WHERE question_id = 'sg-vs-nacl'",
            [],
            |r| r.get(0),
        )
        .ok()
}

#[tokio::test]
async fn back_up_now_lists_the_backup_and_restore_brings_it_back() -> Res {
    let dir = tempfile::tempdir()?;
    {
        let mut store = archdrill_store::Store::open_in(dir.path())?;
        store.save_note("sg-vs-nacl", "before the backup", 1_764_000_000_000)?;
    }
    let driver = Driver::start(dir.path())?;
    let app = driver.launch().await?;
    app.click("nav-settings").await?;
    app.click("backup-now").await?;
    app.wait_text("backup-status", |t| t.starts_with("Backed up"))
        .await?;
    app.wait_testid("backup-row").await?;
    let files = archdrill_store::list_backups(dir.path())?;
    assert!(!files.is_empty(), "a backup file exists");
    assert!(files
        .iter()
        .all(|b| archdrill_store::backup_is_good(&b.path)));
    app.screenshot("settings-backups").await?;

    // A later change, then restore the newest backup: the note is as it was.
    {
        let mut store = archdrill_store::Store::open_in(dir.path())?;
        store.save_note("sg-vs-nacl", "after the backup", 1_764_000_100_000)?;
    }
    app.click("nav-home").await?;
    app.click("nav-settings").await?;
    app.click("restore").await?;
    app.click("restore-confirm").await?;
    app.wait_text("backup-status", |t| t.starts_with("Restored"))
        .await?;
    let body = eventually("restored note", || {
        notes(&driver).filter(|b| b == "before the backup")
    })
    .await?;
    assert_eq!(body, "before the backup");
    // The state before the restore was kept as a backup of its own.
    let kept = archdrill_store::list_backups(dir.path())?;
    assert!(kept.len() >= 2, "{kept:?}");
    app.quit().await
}
