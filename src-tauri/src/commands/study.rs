//! Spaced-repetition study: the Today queue, the card under review, rating and undo, the dashboard,
//! study settings and parameter optimisation. `utc_offset_min` is the learner's offset from UTC
//! (`-new Date().getTimezoneOffset()`): it decides where their "today" ends.
use super::Res;
use archdrill_core::{
    Archdrill, Dashboard, OptimizeReport, Rating, ReviewInput, ReviewOutcome, StudyCard,
    StudyPrefs, StudyQueue, StudySettingsView, UndoOutcome,
};
use archdrill_domain::AppError;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, State};
use tauri_specta::Event;

/// Sent while the optimiser runs: a rising fraction 0..=1 for the Settings progress bar.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct OptimizeProgress {
    pub fraction: f64,
}

#[tauri::command]
#[specta::specta]
pub fn study_dashboard(app: State<'_, Archdrill>, utc_offset_min: i32) -> Res<Dashboard> {
    app.study_dashboard(utc_offset_min)
}

#[tauri::command]
#[specta::specta]
pub fn study_queue(app: State<'_, Archdrill>, utc_offset_min: i32) -> Res<StudyQueue> {
    app.study_queue(utc_offset_min)
}

#[tauri::command]
#[specta::specta]
pub fn study_card(
    app: State<'_, Archdrill>,
    card_id: String,
    utc_offset_min: i32,
) -> Res<StudyCard> {
    app.study_card(&card_id, utc_offset_min)
}

#[tauri::command]
#[specta::specta]
pub fn suggest_rating(app: State<'_, Archdrill>, ticked: u32, total: u32) -> Res<Option<Rating>> {
    Ok(app.suggest_rating(ticked, total))
}

#[tauri::command]
#[specta::specta]
pub fn record_review(
    app: State<'_, Archdrill>,
    input: ReviewInput,
    utc_offset_min: i32,
) -> Res<ReviewOutcome> {
    app.record_review(&input, utc_offset_min)
}

#[tauri::command]
#[specta::specta]
pub fn undo_review(app: State<'_, Archdrill>, utc_offset_min: i32) -> Res<Option<UndoOutcome>> {
    app.undo_review(utc_offset_min)
}

#[tauri::command]
#[specta::specta]
pub fn get_study_settings(app: State<'_, Archdrill>) -> Res<StudySettingsView> {
    app.study_settings()
}

#[tauri::command]
#[specta::specta]
pub fn save_study_settings(app: State<'_, Archdrill>, prefs: StudyPrefs) -> Res<StudySettingsView> {
    app.save_study_settings(&prefs)
}

/// Training takes seconds of CPU: it runs on a blocking thread, never the main one, and reports
/// progress through [`OptimizeProgress`] events.
#[tauri::command]
#[specta::specta]
pub async fn optimize_params(handle: AppHandle) -> Res<OptimizeReport> {
    tauri::async_runtime::spawn_blocking(move || {
        let app = handle.state::<Archdrill>();
        // A lost progress event only leaves the bar behind; the result still arrives.
        app.optimize_params(|fraction| drop(OptimizeProgress { fraction }.emit(&handle)))
    })
    .await
    .map_err(|e| AppError::invalid("optimize", format!("the optimiser stopped: {e}")))?
}
