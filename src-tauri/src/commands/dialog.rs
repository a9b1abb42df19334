//! A native "Save as" dialog opened from Rust, awaited without blocking the UI thread.
use std::path::PathBuf;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// The path the learner chose, or None if they cancelled.
pub async fn save_path<R: Runtime>(
    app: &AppHandle<R>,
    suggested: &str,
    filter_name: &str,
    extension: &str,
) -> Option<PathBuf> {
    let (tx, rx) = tauri::async_runtime::channel(1);
    app.dialog()
        .file()
        .set_file_name(suggested)
        .add_filter(filter_name, &[extension])
        .save_file(move |chosen| {
            let _ = tx.try_send(chosen.and_then(|p| p.into_path().ok()));
        });
    let mut rx = rx;
    rx.recv().await.flatten()
}

/// The file the learner chose to open, or None if they cancelled.
pub async fn open_path<R: Runtime>(
    app: &AppHandle<R>,
    filter_name: &str,
    extension: &str,
) -> Option<PathBuf> {
    let (tx, mut rx) = tauri::async_runtime::channel(1);
    app.dialog()
        .file()
        .add_filter(filter_name, &[extension])
        .pick_file(move |chosen| {
            let _ = tx.try_send(chosen.and_then(|p| p.into_path().ok()));
        });
    rx.recv().await.flatten()
}

/// The folder the learner chose, or None if they cancelled.
pub async fn folder_path<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    let (tx, mut rx) = tauri::async_runtime::channel(1);
    app.dialog().file().pick_folder(move |chosen| {
        let _ = tx.try_send(chosen.and_then(|p| p.into_path().ok()));
    });
    rx.recv().await.flatten()
}
