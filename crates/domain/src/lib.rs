//! The nouns every other Archdrill crate shares. No I/O lives here.

mod error;
mod ids;
mod problem;
mod question;
mod rng;
mod topic;

pub use error::AppError;
pub use ids::{is_slug, is_ulid, new_ulid, ulid_ms, MAX_SLUG_LEN};
pub use problem::Problem;
pub use question::{Origin, Question, QuestionSummary, Source};
pub use rng::SplitMix64;
pub use topic::{Level, Topic};
