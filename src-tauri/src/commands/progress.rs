//! The Progress screen's readiness charts. `utc_offset_min` is the learner's offset from UTC: it
//! decides where their "today" begins.
use super::{blocking, App, Res};
use archdrill_core::ProgressView;
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn progress(app: State<'_, App>, utc_offset_min: i32) -> Res<ProgressView> {
    blocking(&app, move |a| a.progress(utc_offset_min)).await
}
