//! What the window shows first (decided before the window opened).
use archdrill_core::Startup;
use tauri::State;

/// Ready, recovered, or blocked with a full-page message. Touches no database.
#[tauri::command]
#[specta::specta]
pub fn startup_status(startup: State<'_, Startup>) -> Startup {
    startup.inner().clone()
}
