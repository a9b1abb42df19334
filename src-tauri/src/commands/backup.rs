//! Backups: the list in Settings, "Back up now" and "Restore…".
use super::{blocking, App, Res};
use archdrill_core::BackupRow;
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn list_backups(app: State<'_, App>) -> Res<Vec<BackupRow>> {
    blocking(&app, |a| a.backups()).await
}

#[tauri::command]
#[specta::specta]
pub async fn backup_now(app: State<'_, App>) -> Res<BackupRow> {
    blocking(&app, |a| a.backup_now()).await
}

/// Restores a backup from the list; returns the backup taken of the state before.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(app: State<'_, App>, file_name: String) -> Res<BackupRow> {
    blocking(&app, move |a| a.restore_backup(&file_name)).await
}
