//! The interview plan: the date, level and topics the learner prepares for, and where they stand.
//! `utc_offset_min` is the learner's offset from UTC: it decides their "today".
use super::{blocking, App, Res};
use archdrill_core::{PlanInput, PlanView};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn get_interview_plan(app: State<'_, App>, utc_offset_min: i32) -> Res<PlanView> {
    blocking(&app, move |a| a.interview_plan(utc_offset_min)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_interview_plan(
    app: State<'_, App>,
    plan: PlanInput,
    utc_offset_min: i32,
) -> Res<PlanView> {
    blocking(&app, move |a| a.save_interview_plan(&plan, utc_offset_min)).await
}
