//! Spaced-repetition study: the Today queue, the card under review, rating and undo, the dashboard,
//! study settings and parameter optimisation. `utc_offset_min` is the learner's offset from UTC
//! (`-new Date().getTimezoneOffset()`): it decides where their "today" ends.
use super::{blocking, App, Res};
use archdrill_core::{
    AnswerCoverage, Dashboard, HistoryEntry, OptimizeReport, Rating, ReviewInput, ReviewOutcome,
    StudyCard, StudyPrefs, StudyQueue, StudySettingsView, UndoOutcome,
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
pub async fn study_dashboard(app: State<'_, App>, utc_offset_min: i32) -> Res<Dashboard> {
    blocking(&app, move |a| a.study_dashboard(utc_offset_min)).await
}

#[tauri::command]
#[specta::specta]
pub async fn study_queue(app: State<'_, App>, utc_offset_min: i32) -> Res<StudyQueue> {
    blocking(&app, move |a| a.study_queue(utc_offset_min)).await
}

#[tauri::command]
#[specta::specta]
pub async fn study_card(
    app: State<'_, App>,
    card_id: String,
    utc_offset_min: i32,
) -> Res<StudyCard> {
    blocking(&app, move |a| a.study_card(&card_id, utc_offset_min)).await
}

#[tauri::command]
#[specta::specta]
pub async fn suggest_rating(app: State<'_, App>, ticked: u32, total: u32) -> Res<Option<Rating>> {
    blocking(&app, move |a| Ok(a.suggest_rating(ticked, total))).await
}

#[tauri::command]
#[specta::specta]
pub async fn record_review(
    app: State<'_, App>,
    input: ReviewInput,
    utc_offset_min: i32,
) -> Res<ReviewOutcome> {
    blocking(&app, move |a| a.record_review(&input, utc_offset_min)).await
}

#[tauri::command]
#[specta::specta]
pub async fn undo_review(app: State<'_, App>, utc_offset_min: i32) -> Res<Option<UndoOutcome>> {
    blocking(&app, move |a| a.undo_review(utc_offset_min)).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_study_settings(app: State<'_, App>) -> Res<StudySettingsView> {
    blocking(&app, move |a| a.study_settings()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_study_settings(app: State<'_, App>, prefs: StudyPrefs) -> Res<StudySettingsView> {
    blocking(&app, move |a| a.save_study_settings(&prefs)).await
}

/// Training takes seconds of CPU: it runs on a blocking thread, never the main one, and reports
/// progress through [`OptimizeProgress`] events.
#[tauri::command]
#[specta::specta]
pub async fn optimize_params(handle: AppHandle) -> Res<OptimizeReport> {
    tauri::async_runtime::spawn_blocking(move || {
        let app = handle.state::<App>();
        // A lost progress event only leaves the bar behind; the result still arrives.
        app.optimize_params(|fraction| drop(OptimizeProgress { fraction }.emit(&handle)))
    })
    .await
    .map_err(|e| AppError::invalid("optimize", format!("the optimiser stopped: {e}")))?
}

/// Which key points a typed answer makes, with the words that made them.
#[tauri::command]
#[specta::specta]
pub async fn cover_answer(
    app: State<'_, App>,
    question_id: String,
    answer: String,
) -> Res<AnswerCoverage> {
    blocking(&app, move |a| a.cover_answer(&question_id, &answer)).await
}

/// The card's reviews still in force, newest first, with the answers typed (the question page).
#[tauri::command]
#[specta::specta]
pub async fn card_history(
    app: State<'_, App>,
    card_id: String,
    utc_offset_min: i32,
) -> Res<Vec<HistoryEntry>> {
    blocking(&app, move |a| a.card_history(&card_id, utc_offset_min)).await
}
