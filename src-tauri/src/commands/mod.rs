//! Tauri commands, grouped by what they serve. Each takes state, calls the core, returns a typed result.
pub mod bank;
pub mod dialog;
pub mod drill;
pub mod mock;
pub mod study;

use archdrill_domain::AppError;

pub type Res<T> = Result<T, AppError>;
