//! Work the app does on its own while it runs: automatic backups, and syncing with the sync folder
//! (at start, every few minutes, and when the window gains focus). On threads of their own, so
//! start-up never waits for them and the window never freezes.
use crate::commands::{exchange::announce, App};
use archdrill_core::{RUNNING_BACKUP_EVERY_MS, START_BACKUP_AGE_MS};
use archdrill_domain::AppError;
use std::time::{Duration, Instant};
use tauri::AppHandle;

/// Long enough for Home to be on screen before the first backup or sync reads the disk.
const FIRST_CHECK_AFTER: Duration = Duration::from_secs(3);
const SYNC_EVERY: Duration = Duration::from_secs(5 * 60);
const TICK: Duration = Duration::from_secs(30);

pub fn start(app: App, handle: AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("archdrill-maintenance".into())
        .spawn(move || {
            std::thread::sleep(FIRST_CHECK_AFTER);
            back_up(&app, START_BACKUP_AGE_MS);
            sync(&app, &handle);
            let (mut backed_up, mut synced) = (Instant::now(), Instant::now());
            loop {
                std::thread::sleep(TICK);
                if backed_up.elapsed() >= Duration::from_millis(RUNNING_BACKUP_EVERY_MS as u64) {
                    back_up(&app, RUNNING_BACKUP_EVERY_MS);
                    backed_up = Instant::now();
                }
                if synced.elapsed() >= SYNC_EVERY {
                    sync(&app, &handle);
                    synced = Instant::now();
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("Archdrill: automatic backups and sync are off: {e}");
    }
}

/// A sync round on a worker thread (the window gained focus).
pub fn sync_soon(app: App, handle: AppHandle) {
    let _ = std::thread::Builder::new()
        .name("archdrill-sync".into())
        .spawn(move || sync(&app, &handle));
}

fn back_up(app: &App, max_age_ms: i64) {
    // A failed automatic backup is retried at the next turn; Settings shows the list to check.
    if let Err(e) = app.backup_if_older(max_age_ms) {
        eprintln!("Archdrill: automatic backup failed: {e}");
    }
}

fn sync(app: &App, handle: &AppHandle) {
    match app.sync_status() {
        Ok(status) if status.folder.is_some() => {}
        _ => return, // no sync folder chosen: nothing to do
    }
    match app.sync_now() {
        Ok(report) => announce(handle, &report),
        // Another round (a click) is running: this one is simply skipped.
        Err(AppError::Busy { .. }) => {}
        Err(e) => eprintln!("Archdrill: sync failed: {e}"),
    }
}
