//! Diagrams and drills: list, render, play, check, export.
use super::{blocking, dialog::save_path, App, Res};
use archdrill_core::{DiagramSummary, DrillCheck, ExportFormat};
use archdrill_diagram::{DrillView, Submission};
use tauri::{AppHandle, State};

#[tauri::command]
#[specta::specta]
pub async fn list_diagrams(app: State<'_, App>) -> Res<Vec<DiagramSummary>> {
    blocking(&app, move |a| a.diagrams()).await
}

#[tauri::command]
#[specta::specta]
pub async fn diagram_svg(app: State<'_, App>, id: String, dark: bool) -> Res<String> {
    blocking(&app, move |a| a.diagram_svg(&id, dark)).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_drill(app: State<'_, App>, id: String) -> Res<DrillView> {
    blocking(&app, move |a| a.drill(&id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn check_drill(
    app: State<'_, App>,
    id: String,
    submission: Submission,
    duration_ms: f64,
    utc_offset_min: i32,
) -> Res<DrillCheck> {
    blocking(&app, move |a| {
        a.check_drill(&id, &submission, duration_ms, utc_offset_min)
    })
    .await
}

/// Redraws a design or failure drill as the learner builds it (no grading, nothing stored).
#[tauri::command]
#[specta::specta]
pub async fn drill_canvas(
    app: State<'_, App>,
    id: String,
    submission: Submission,
    dark: bool,
) -> Res<String> {
    blocking(&app, move |a| a.drill_canvas(&id, &submission, dark)).await
}

/// Asks where to save, then writes the diagram there. Returns the path, or None when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_diagram(
    handle: AppHandle,
    app: State<'_, App>,
    id: String,
    format: ExportFormat,
    dark: bool,
) -> Res<Option<String>> {
    let (name, ext) = match format {
        ExportFormat::Svg => ("SVG image", "svg"),
        ExportFormat::Png => ("PNG image", "png"),
    };
    let Some(path) = save_path(&handle, &format!("{id}.{ext}"), name, ext).await else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    blocking(&app, move |a| a.export_diagram(&id, format, dark, &path)).await?;
    Ok(Some(shown))
}
