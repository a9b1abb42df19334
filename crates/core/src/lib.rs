//! Application services: the bank, the search index and the store behind one handle. The Tauri shell
//! and the CLI call these; neither holds any logic of its own.

mod api;
mod archdrill;
mod clock;
mod drills;
mod mock;
mod study;

pub use api::*;
pub use archdrill::{search_doc, Archdrill};
pub use clock::now_ms;
pub use drills::{DiagramSummary, DrillCheck, DrillSummary, ExportFormat};
pub use mock::*;
pub use study::*;
