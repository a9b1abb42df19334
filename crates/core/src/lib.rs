//! Application services: the bank, the search index and the store behind one handle. The Tauri shell
//! and the CLI call these; neither holds any logic of its own.

mod anki;
mod answers;
mod api;
mod archdrill;
mod backups;
mod clock;
mod drills;
mod exchange;
mod history;
mod mistakes;
mod mock;
mod plan;
mod progress;
mod startup;
mod study;

pub use anki::AnkiReport;
pub use answers::{AnswerCoverage, CueMatch, PointCover, MAX_ANSWER_CHARS};
pub use api::*;
pub use archdrill::{search_doc, Archdrill};
pub use backups::{BackupRow, RecoveryNotice, RUNNING_BACKUP_EVERY_MS, START_BACKUP_AGE_MS};
pub use clock::{now_ms, utc_datetime, Clock};
pub use drills::{CheckedFigures, DiagramSummary, DrillCheck, DrillSummary, ExportFormat};
pub use exchange::{ExportReport, ImportReport, SyncReport, SyncStatus};
pub use history::HistoryEntry;
pub use mistakes::{
    ConfusedPairView, DrillRef, FailureMissView, MissedPointView, MistakesView, RuleMissView,
    SlotMistakeView, TopicPointsView,
};
pub use mock::*;
pub use plan::{PlanInput, PlanStatus, PlanView};
pub use progress::{DueDay, MonthRetention, ProgressTotals, ProgressView, RecallShare};
pub use startup::{open_app, Blocked, Startup};
pub use study::*;
