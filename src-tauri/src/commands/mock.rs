//! Mock interviews: start, answer, next, grade, finish, history, and export as Markdown.
use super::{blocking, dialog::save_path, App, Res};
use archdrill_core::{MockSettings, MockSummary, MockView};
use tauri::{AppHandle, State};

#[tauri::command]
#[specta::specta]
pub async fn start_mock(app: State<'_, App>, settings: MockSettings) -> Res<MockView> {
    blocking(&app, move |a| a.start_mock(&settings)).await
}

/// Stores the typed answer (if any) to the question being asked; the backend stamps the time.
#[tauri::command]
#[specta::specta]
pub async fn answer_mock(
    app: State<'_, App>,
    mock_id: String,
    answer: Option<String>,
) -> Res<MockView> {
    blocking(&app, move |a| a.answer_mock(&mock_id, answer.as_deref())).await
}

#[tauri::command]
#[specta::specta]
pub async fn next_mock_question(app: State<'_, App>, mock_id: String) -> Res<MockView> {
    blocking(&app, move |a| a.next_mock_question(&mock_id)).await
}

/// The learner's confirmed ticks for the answer at `position`.
#[tauri::command]
#[specta::specta]
pub async fn grade_mock_answer(
    app: State<'_, App>,
    mock_id: String,
    position: u32,
    points: Vec<u32>,
) -> Res<MockView> {
    blocking(&app, move |a| {
        a.grade_mock_answer(&mock_id, position, &points)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn finish_mock(app: State<'_, App>, mock_id: String) -> Res<MockView> {
    blocking(&app, move |a| a.finish_mock(&mock_id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_mocks(app: State<'_, App>) -> Res<Vec<MockSummary>> {
    blocking(&app, move |a| a.mocks()).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_mock(app: State<'_, App>, id: String) -> Res<MockView> {
    blocking(&app, move |a| a.mock(&id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_mock(app: State<'_, App>, id: String) -> Res<bool> {
    blocking(&app, move |a| a.delete_mock(&id)).await
}

/// Asks where to save (native dialog), then writes the report there. Returns the path, or None
/// when the learner cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_mock(
    handle: AppHandle,
    app: State<'_, App>,
    id: String,
    utc_offset_min: i32,
) -> Res<Option<String>> {
    let Some(path) = save_path(&handle, "mock-interview.md", "Markdown", "md").await else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    blocking(&app, move |a| a.export_mock(&id, &path, utc_offset_min)).await?;
    Ok(Some(shown))
}
