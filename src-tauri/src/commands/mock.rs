//! Mock interviews: start, save answers, history, and export as Markdown.
use super::{dialog::save_path, Res};
use archdrill_core::{Archdrill, Mock, MockSettings, MockSummary, MockView};
use tauri::{AppHandle, State};

#[tauri::command]
#[specta::specta]
pub fn start_mock(app: State<'_, Archdrill>, settings: MockSettings) -> Res<MockView> {
    app.start_mock(&settings)
}

#[tauri::command]
#[specta::specta]
pub fn save_mock(app: State<'_, Archdrill>, mock: Mock) -> Res<MockView> {
    app.save_mock(&mock)
}

#[tauri::command]
#[specta::specta]
pub fn list_mocks(app: State<'_, Archdrill>) -> Res<Vec<MockSummary>> {
    app.mocks()
}

#[tauri::command]
#[specta::specta]
pub fn get_mock(app: State<'_, Archdrill>, id: String) -> Res<MockView> {
    app.mock(&id)
}

#[tauri::command]
#[specta::specta]
pub fn delete_mock(app: State<'_, Archdrill>, id: String) -> Res<bool> {
    app.delete_mock(&id)
}

/// Asks where to save (native dialog), then writes the report there. Returns the path, or None
/// when the learner cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_mock(
    handle: AppHandle,
    app: State<'_, Archdrill>,
    id: String,
    utc_offset_min: i32,
) -> Res<Option<String>> {
    let Some(path) = save_path(&handle, "mock-interview.md", "Markdown", "md").await else {
        return Ok(None);
    };
    app.export_mock(&id, &path, utc_offset_min)?;
    Ok(Some(path.display().to_string()))
}
