//! Archdrill's architecture diagrams and drills. Diagrams are TOML specs (diagrams/, documented in
//! diagrams/README.md), laid out from their structure and drawn as SVG or PNG; drills blank parts of
//! a diagram for the learner to label, place, order or recall, or ask them to design an architecture
//! or reason through a failure, and are graded here, in pure Rust. No tauri: the desktop shell and
//! the CLI both call this crate.
//!
//! The modules are layered model → validate → layout → render → drills (views, grading, design and
//! failure rules), each importing only from layers below it; tests/layers.rs fails on any import
//! circle between modules.

// Model: the TOML shape, the validated diagram and the vocabulary it is written in.
mod diagram;
mod kinds;
mod normalize;
mod spec;

// Validate: a parsed file to a diagram, or problems at their lines.
mod report;
mod validate;
mod validate_flowchart;
mod validate_layouts;
mod validate_messages;
mod validate_nodes;

// Layout: where everything goes (metrics, geometry ← layout_ctx ← arrange, grid, route ← layout).
mod arrange;
mod geometry;
mod grid;
mod layout;
mod layout_box;
mod layout_ctx;
mod layout_flowchart;
mod layout_ladder;
mod layout_sequence;
mod layout_tree;
mod metrics;
mod route;

// Render: a layout to SVG, and SVG to PNG.
mod control_name;
mod glyph;
mod overlay;
mod png;
mod render;
mod render_compact;
mod render_edges;
mod render_overlay;
mod theme;

// Drills: the drill, its design and failure kinds and what they share, their checks, the library,
// and what the app calls (drawings, views, grading, solutions).
mod answers;
mod design;
mod draw;
mod drill;
mod drill_kind;
mod error;
mod failure;
mod grade;
mod library;
mod play_view;
mod result;
mod sequence;
mod shuffle;
mod solution;
mod submission;
mod validate_drill;
mod validate_slots;
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
