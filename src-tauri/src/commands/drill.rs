//! Diagrams and drills: list, render, play, check, export.
use super::{dialog::save_path, Res};
use archdrill_core::{Archdrill, DiagramSummary, DrillCheck, ExportFormat};
use archdrill_diagram::{DrillView, Submission};
use tauri::{AppHandle, State};

#[tauri::command]
#[specta::specta]
pub fn list_diagrams(app: State<'_, Archdrill>) -> Res<Vec<DiagramSummary>> {
    app.diagrams()
}

#[tauri::command]
#[specta::specta]
pub fn diagram_svg(app: State<'_, Archdrill>, id: String, dark: bool) -> Res<String> {
    app.diagram_svg(&id, dark)
}

#[tauri::command]
#[specta::specta]
pub fn get_drill(app: State<'_, Archdrill>, id: String) -> Res<DrillView> {
    app.drill(&id)
}

#[tauri::command]
#[specta::specta]
pub fn check_drill(
    app: State<'_, Archdrill>,
    id: String,
    submission: Submission,
    duration_ms: f64,
    utc_offset_min: i32,
) -> Res<DrillCheck> {
    app.check_drill(&id, &submission, duration_ms, utc_offset_min)
}

/// Asks where to save, then writes the diagram there. Returns the path, or None when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_diagram(
    handle: AppHandle,
    app: State<'_, Archdrill>,
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
    app.export_diagram(&id, format, dark, &path)?;
    Ok(Some(path.display().to_string()))
}
