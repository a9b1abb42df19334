//! Tauri commands, grouped by what they serve. Each takes state, calls the core, returns a typed result.
//! Every command that touches the database or renders runs on a blocking worker thread, never on
//! the main (UI) thread, so a slow disk or a large import never freezes the window.
pub mod backup;
pub mod bank;
pub mod dialog;
pub mod drill;
pub mod exchange;
pub mod mistakes;
pub mod mock;
pub mod plan;
pub mod progress;
pub mod startup;
pub mod study;

use archdrill_core::Archdrill;
use archdrill_domain::AppError;
use std::sync::Arc;
use tauri::State;

pub type Res<T> = Result<T, AppError>;

/// The app handle as the shell shares it with worker threads.
pub type App = Arc<Archdrill>;

/// Runs `f` on a blocking worker thread with the app handle.
pub async fn blocking<T: Send + 'static>(
    app: &State<'_, App>,
    f: impl FnOnce(&Archdrill) -> Res<T> + Send + 'static,
) -> Res<T> {
    let app = App::clone(app);
    tauri::async_runtime::spawn_blocking(move || f(&app))
        .await
        .map_err(|e| AppError::Busy {
            message: format!("the command stopped before finishing: {e}"),
        })?
}
