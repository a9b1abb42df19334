//! Archdrill's architecture diagrams and drills. Diagrams are TOML specs (diagrams/, documented in
//! diagrams/README.md), laid out from their structure and drawn as SVG or PNG; drills blank parts of
//! a diagram for the learner to label, place, order or recall, and are graded here, in pure Rust.
//! No tauri: the desktop shell and the CLI both call this crate.

mod answers;
mod arrange;
mod design;
mod diagram;
mod draw;
mod drill;
mod drill_kind;
mod encode;
mod error;
mod failure;
mod geometry;
mod glyph;
mod grade;
mod grid;
mod kinds;
mod layout;
mod layout_ctx;
mod library;
mod metrics;
mod normalize;
mod overlay;
mod play_view;
mod png;
mod render;
mod render_overlay;
mod report;
mod result;
mod route;
mod sequence;
mod shuffle;
mod solution;
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
pub use draw::{render_svg, RenderOptions};
pub use drill::{BankLabel, Drill, Misconception, Slot};
pub use drill_kind::DrillKind;
pub use error::DrillError;
pub use grade::grade;
pub use kinds::{Arrange, Category, ComponentKind, GroupKind, TierKind, COMPONENT_KINDS};
pub use library::Library;
pub use normalize::key as normalize_answer;
pub use play_view::{
    render_attempt, render_model, CardView, ChoiceView, ComponentView, DesignView,
    FailureQuestionView, FailureView, FixedView, PlaceView,
};
pub use png::{render_png, RenderError};
pub use result::{rating, GradeResult, QuestionResult, RuleResult, SlotResult, SlotStatus};
pub use solution::solution;
pub use submission::{
    Choice, Connection, PlacedComponent, Placement, StepOrder, Submission, TypedAnswer,
    MAX_ENTRIES, MAX_TEXT,
};
pub use theme::Theme;
pub use view::{
    answer_key, drill_view, AnswerKey, DrillView, KeyMisconception, KeySlot, LabelView,
    ScoringView, SlotView,
};
