//! The TOML shape of the fields only design and failure drills read, as written (see mod.rs for
//! why everything is `Spanned`). Meaning is checked in design/validate.rs and failure/validate.rs.
use super::{OneOrMany, S};
use serde::Deserialize;

/// A palette card of a design drill.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CardSpec {
    pub id: S<String>,
    pub kind: S<String>,
    pub label: S<String>,
    #[serde(default)]
    pub role: Option<S<String>>,
    #[serde(default)]
    pub max: Option<S<u32>>,
}

/// One rule of a design drill; which fields apply depends on `check`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleSpec {
    pub check: S<String>,
    #[serde(default)]
    pub what: Option<S<String>>,
    #[serde(default)]
    pub other: Option<S<String>>,
    #[serde(default)]
    pub from: Option<S<String>>,
    #[serde(default)]
    pub to: Option<S<String>>,
    #[serde(default)]
    pub through: Option<S<OneOrMany>>,
    #[serde(rename = "in", default)]
    pub within: Option<S<String>>,
    #[serde(default)]
    pub per: Option<S<String>>,
    #[serde(default)]
    pub min: Option<S<u32>>,
    #[serde(default)]
    pub max: Option<S<u32>>,
    #[serde(default)]
    pub exactly: Option<S<u32>>,
    #[serde(default)]
    pub label: Option<S<String>>,
    #[serde(default)]
    pub direction: Option<S<String>>,
    #[serde(default)]
    pub each: bool,
    #[serde(default)]
    pub level: Option<S<String>>,
    #[serde(default)]
    pub weight: Option<S<f64>>,
    #[serde(default)]
    pub penalty: Option<S<f64>>,
    pub pass: S<String>,
    pub fail: S<String>,
}

/// A component of the model design.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ModelSpec {
    pub id: S<String>,
    pub card: S<String>,
    #[serde(rename = "in")]
    pub place: S<String>,
}

/// A connection of the model design.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LinkSpec {
    pub from: S<String>,
    pub to: S<String>,
    #[serde(default)]
    pub label: Option<S<String>>,
}

/// Why a node of a failure drill fails or keeps serving, shown when the learner marks it wrong.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExplainSpec {
    pub node: S<String>,
    pub feedback: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuestionSpec {
    pub prompt: S<String>,
    #[serde(default)]
    pub kind: Option<S<String>>,
    #[serde(default)]
    pub explanation: Option<S<String>>,
    #[serde(default)]
    pub option: Vec<S<OptionSpec>>,
    #[serde(default)]
    pub steps: Vec<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OptionSpec {
    pub text: S<String>,
    #[serde(default)]
    pub right: bool,
    #[serde(default)]
    pub feedback: Option<S<String>>,
}
