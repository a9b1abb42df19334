//! The question bank: home summary, theme, browse, search, question view, notes and bookmarks.
use super::Res;
use archdrill_core::{
    Archdrill, HomeSummary, QuestionFilter, QuestionRow, QuestionView, SearchResult, Theme,
};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub fn home_summary(app: State<'_, Archdrill>, utc_offset_min: i32) -> Res<HomeSummary> {
    app.home(utc_offset_min)
}

#[tauri::command]
#[specta::specta]
pub fn get_theme(app: State<'_, Archdrill>) -> Res<Theme> {
    app.theme()
}

#[tauri::command]
#[specta::specta]
pub fn set_theme(app: State<'_, Archdrill>, theme: Theme) -> Res<()> {
    app.set_theme(theme)
}

#[tauri::command]
#[specta::specta]
pub fn list_questions(app: State<'_, Archdrill>, filter: QuestionFilter) -> Res<Vec<QuestionRow>> {
    app.list_questions(&filter)
}

#[tauri::command]
#[specta::specta]
pub fn search_questions(
    app: State<'_, Archdrill>,
    query: String,
    filter: QuestionFilter,
) -> Res<Vec<SearchResult>> {
    app.search(&query, &filter)
}

#[tauri::command]
#[specta::specta]
pub fn get_question(app: State<'_, Archdrill>, id: String) -> Res<QuestionView> {
    app.question(&id)
}

#[tauri::command]
#[specta::specta]
pub fn save_note(app: State<'_, Archdrill>, id: String, body: String) -> Res<()> {
    app.save_note(&id, &body)
}

#[tauri::command]
#[specta::specta]
pub fn set_bookmark(app: State<'_, Archdrill>, id: String, on: bool) -> Res<()> {
    app.set_bookmark(&id, on)
}
