//! Application services: the bank, the search index and the store behind one handle. The Tauri shell
//! and the CLI call these; neither holds any logic of its own.

mod api;
mod archdrill;
mod clock;

pub use api::*;
pub use archdrill::{search_doc, Archdrill};
pub use clock::now_ms;
