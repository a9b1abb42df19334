//! Archdrill's architecture diagrams and drills. Diagrams are TOML specs (diagrams/, documented in
//! diagrams/README.md), laid out from their structure and drawn as SVG or PNG; drills blank parts of
//! a diagram for the learner to label, place, order or recall, and are graded here, in pure Rust.
//! No tauri: the desktop shell and the CLI both call this crate.

mod arrange;
mod diagram;
mod drill;
mod encode;
mod error;
mod glyph;
mod grade;
mod grid;
mod kinds;
mod layout;
mod library;
mod metrics;
mod normalize;
mod png;
mod render;
mod route;
mod spec;
mod submission;
mod theme;
mod validate;
mod validate_drill;
mod validate_nodes;
mod view;

pub use diagram::{
    Annotation, Az, Diagram, Direction, Edge, Grid, Group, Node, Place, Side, Subnet, Tier,
};
pub use drill::{BankLabel, Drill, DrillKind, Misconception, Slot};
pub use error::DrillError;
pub use grade::{grade, rating, GradeResult, SlotResult, SlotStatus};
pub use kinds::{Arrange, Category, ComponentKind, GroupKind, TierKind, COMPONENT_KINDS};
pub use library::Library;
pub use normalize::key as normalize_answer;
pub use png::{render_png, RenderError};
pub use render::{render_svg, RenderOptions};
pub use submission::{Placement, Submission, TypedAnswer, MAX_ENTRIES, MAX_TEXT};
pub use theme::Theme;
pub use view::{
    answer_key, drill_view, AnswerKey, DrillView, KeyMisconception, KeySlot, LabelView,
    ScoringView, SlotView,
};
