//! The question bank: home summary, theme, browse, search, question view, notes and bookmarks.
use super::{blocking, App, Res};
use archdrill_core::{HomeSummary, QuestionFilter, QuestionRow, QuestionView, SearchResult, Theme};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn home_summary(app: State<'_, App>, utc_offset_min: i32) -> Res<HomeSummary> {
    blocking(&app, move |a| a.home(utc_offset_min)).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_theme(app: State<'_, App>) -> Res<Theme> {
    blocking(&app, move |a| a.theme()).await
}

#[tauri::command]
#[specta::specta]
pub async fn set_theme(app: State<'_, App>, theme: Theme) -> Res<()> {
    blocking(&app, move |a| a.set_theme(theme)).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_questions(app: State<'_, App>, filter: QuestionFilter) -> Res<Vec<QuestionRow>> {
    blocking(&app, move |a| a.list_questions(&filter)).await
}

#[tauri::command]
#[specta::specta]
pub async fn search_questions(
    app: State<'_, App>,
    query: String,
    filter: QuestionFilter,
) -> Res<Vec<SearchResult>> {
    blocking(&app, move |a| a.search(&query, &filter)).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_question(app: State<'_, App>, id: String) -> Res<QuestionView> {
    blocking(&app, move |a| a.question(&id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_note(app: State<'_, App>, id: String, body: String) -> Res<()> {
    blocking(&app, move |a| a.save_note(&id, &body)).await
}

#[tauri::command]
#[specta::specta]
pub async fn set_bookmark(app: State<'_, App>, id: String, on: bool) -> Res<()> {
    blocking(&app, move |a| a.set_bookmark(&id, on)).await
}
