//! The question bank: parse question files, validate them and the links between them, render their
//! Markdown safely. One bad file never stops the rest from loading; every problem is reported as
//! `file:line: message`.

mod bank;
mod cues;
mod front_matter;
mod parse;
mod render;
mod sections;
pub mod synthetic;
pub mod walk;

pub use bank::{Bank, BankSource};
pub use parse::parse_question;
pub use render::markdown_to_html;
pub use walk::{read_md_files, MdFile, Walk, Walker, MAX_QUESTION_FILE_BYTES};

/// The question files compiled into the binary: (path relative to the repository, text).
pub fn embedded_files() -> &'static [(&'static str, &'static str)] {
    embedded::FILES
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
