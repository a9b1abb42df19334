//! The mistakes the learner repeats, from their drill attempts and reviews.
use super::{blocking, App, Res};
use archdrill_core::MistakesView;
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn mistakes(app: State<'_, App>) -> Res<MistakesView> {
    blocking(&app, move |a| a.mistakes()).await
}
