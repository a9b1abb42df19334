//! Export, import and the sync folder. Files and folders are chosen in native dialogs opened from
//! Rust; the long work runs on a worker thread and reports progress through [`TransferProgress`].
use super::dialog::{folder_path, open_path, save_path};
use super::{blocking, App, Res};
use archdrill_core::{AnkiReport, ExportReport, ImportReport, SyncReport, SyncStatus};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};
use tauri_specta::Event;

/// Sent while an export or an import runs: a rising fraction 0..=1 for the progress bar.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct TransferProgress {
    pub fraction: f64,
}

/// Sent after a sync that brought reviews, notes or settings from another device: screens reload.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct DataChanged {
    pub reviews_added: u32,
}

/// Asks where to save, then writes the export there; None when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_data(handle: AppHandle, app: State<'_, App>) -> Res<Option<ExportReport>> {
    let Some(path) = save_path(&handle, "archdrill-progress.zip", "Archdrill export", "zip").await
    else {
        return Ok(None);
    };
    blocking(&app, move |a| {
        a.export_to(&path, |fraction| {
            drop(TransferProgress { fraction }.emit(&handle))
        })
    })
    .await
    .map(Some)
}

/// Asks where to save, then writes the bank and the diagrams there as an Anki package; None when
/// cancelled. Drawing the diagrams takes seconds: it runs on a worker thread, with progress.
#[tauri::command]
#[specta::specta]
pub async fn export_anki(handle: AppHandle, app: State<'_, App>) -> Res<Option<AnkiReport>> {
    let Some(path) = save_path(&handle, "archdrill.apkg", "Anki package", "apkg").await else {
        return Ok(None);
    };
    blocking(&app, move |a| {
        a.export_anki(&path, |fraction| {
            drop(TransferProgress { fraction }.emit(&handle))
        })
    })
    .await
    .map(Some)
}

/// Asks which export to merge in, then imports it; None when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn import_data(handle: AppHandle, app: State<'_, App>) -> Res<Option<ImportReport>> {
    let Some(path) = open_path(&handle, "Archdrill export", "zip").await else {
        return Ok(None);
    };
    blocking(&app, move |a| {
        a.import_from(&path, |fraction| {
            drop(TransferProgress { fraction }.emit(&handle))
        })
    })
    .await
    .map(Some)
}

#[tauri::command]
#[specta::specta]
pub async fn sync_status(app: State<'_, App>) -> Res<SyncStatus> {
    blocking(&app, |a| a.sync_status()).await
}

/// Asks for a folder and makes it the sync folder; the status is unchanged when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_sync_folder(handle: AppHandle, app: State<'_, App>) -> Res<SyncStatus> {
    let chosen = folder_path(&handle).await;
    blocking(&app, move |a| match chosen {
        Some(folder) => a.set_sync_folder(Some(&folder)),
        None => a.sync_status(),
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn stop_syncing(app: State<'_, App>) -> Res<SyncStatus> {
    blocking(&app, |a| a.set_sync_folder(None)).await
}

#[tauri::command]
#[specta::specta]
pub async fn sync_now(handle: AppHandle, app: State<'_, App>) -> Res<SyncReport> {
    let report = blocking(&app, |a| a.sync_now()).await?;
    announce(&handle, &report);
    Ok(report)
}

/// Tells the screens to reload when a sync brought anything in.
pub fn announce(handle: &AppHandle, r: &SyncReport) {
    if r.reviews_added + r.undos_added + r.changes_added + r.attempts_added > 0 {
        let _ = DataChanged {
            reviews_added: r.reviews_added,
        }
        .emit(handle);
    }
}
