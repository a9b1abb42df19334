//! Work the app does on its own while it runs: automatic backups. On a thread of its own, so
//! start-up never waits for it and the window never freezes.
use crate::commands::App;
use archdrill_core::{RUNNING_BACKUP_EVERY_MS, START_BACKUP_AGE_MS};
use std::time::Duration;

/// Long enough for Home to be on screen before the first backup reads the disk.
const FIRST_CHECK_AFTER: Duration = Duration::from_secs(3);

pub fn start(app: App) {
    let spawned = std::thread::Builder::new()
        .name("archdrill-backups".into())
        .spawn(move || {
            std::thread::sleep(FIRST_CHECK_AFTER);
            back_up(&app, START_BACKUP_AGE_MS);
            loop {
                std::thread::sleep(Duration::from_millis(RUNNING_BACKUP_EVERY_MS as u64));
                back_up(&app, RUNNING_BACKUP_EVERY_MS);
            }
        });
    if let Err(e) = spawned {
        eprintln!("Archdrill: automatic backups are off: {e}");
    }
}

fn back_up(app: &App, max_age_ms: i64) {
    // A failed automatic backup is retried at the next turn; Settings shows the list to check.
    if let Err(e) = app.backup_if_older(max_age_ms) {
        eprintln!("Archdrill: automatic backup failed: {e}");
    }
}
