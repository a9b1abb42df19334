//! The TOML shape of a diagram file, exactly as written. Every value an author can get wrong is kept
//! `Spanned` so validation can point at its line; meaning is checked later (validate.rs,
//! validate_drill.rs), so this layer only rejects what serde itself cannot read (syntax, wrong types,
//! unknown keys). The fields only design and failure drills read are in play.rs.
mod play;

use archdrill_domain::Problem;
pub(crate) use play::{CardSpec, ExplainSpec, LinkSpec, ModelSpec, QuestionSpec, RuleSpec};
use serde::Deserialize;
use toml::Spanned;

pub(crate) type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileSpec {
    pub diagram: Option<S<DiagramHead>>,
    #[serde(default)]
    pub group: Vec<S<GroupSpec>>,
    pub grid: Option<S<GridSpec>>,
    #[serde(default)]
    pub az: Vec<S<AzSpec>>,
    #[serde(default)]
    pub tier: Vec<S<TierSpec>>,
    #[serde(default)]
    pub subnet: Vec<S<SubnetSpec>>,
    #[serde(default)]
    pub node: Vec<S<NodeSpec>>,
    #[serde(default)]
    pub edge: Vec<S<EdgeSpec>>,
    #[serde(default)]
    pub annotation: Vec<S<AnnotationSpec>>,
    /// A sequence diagram's messages, in the order they are sent.
    #[serde(default)]
    pub message: Vec<S<MessageSpec>>,
    #[serde(default)]
    pub drill: Vec<S<DrillSpec>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MessageSpec {
    pub id: S<String>,
    pub from: S<String>,
    pub to: S<String>,
    pub label: S<String>,
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    #[serde(default)]
    pub style: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DiagramHead {
    pub id: S<String>,
    pub title: S<String>,
    #[serde(default)]
    pub description: Option<S<String>>,
    #[serde(default)]
    pub sources: Vec<S<String>>,
    #[serde(default)]
    pub arrange: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GroupSpec {
    pub id: S<String>,
    pub kind: S<String>,
    #[serde(default)]
    pub label: Option<S<String>>,
    #[serde(default)]
    pub cidr: Option<S<String>>,
    #[serde(rename = "in", default)]
    pub parent: Option<S<String>>,
    #[serde(default)]
    pub arrange: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GridSpec {
    #[serde(rename = "in")]
    pub host: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AzSpec {
    pub id: S<String>,
    pub label: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TierSpec {
    pub id: S<String>,
    pub label: S<String>,
    pub kind: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SubnetSpec {
    pub id: S<String>,
    pub az: S<String>,
    pub tier: S<String>,
    #[serde(default)]
    pub label: Option<S<String>>,
    #[serde(default)]
    pub cidr: Option<S<String>>,
}

/// A string or a list of strings: a misconception's `slot`, or a node's `in`, where a list is wrong
/// but accepted here so validation can say why.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn as_slice(&self) -> &[String] {
        match self {
            OneOrMany::One(s) => std::slice::from_ref(s),
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NodeSpec {
    pub id: S<String>,
    pub kind: S<String>,
    pub label: S<String>,
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    #[serde(rename = "in", default)]
    pub place: Option<S<OneOrMany>>,
    #[serde(default)]
    pub side: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EdgeSpec {
    pub from: S<String>,
    pub to: S<String>,
    #[serde(default)]
    pub label: Option<S<String>>,
    #[serde(default)]
    pub style: Option<S<String>>,
    #[serde(default)]
    pub direction: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnnotationSpec {
    #[serde(default)]
    pub target: Option<S<String>>,
    #[serde(default)]
    pub key: Option<S<String>>,
    pub text: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DrillSpec {
    pub id: S<String>,
    pub kind: S<String>,
    #[serde(default)]
    pub diagram: Option<S<String>>,
    pub title: S<String>,
    pub instructions: S<String>,
    /// label / recall: nodes whose labels are hidden.
    #[serde(default)]
    pub blanks: Vec<S<String>>,
    /// place: nodes taken off the diagram to be placed.
    #[serde(default)]
    pub items: Vec<S<String>>,
    /// place: groups or subnets that become drop zones.
    #[serde(default)]
    pub zones: Vec<S<String>>,
    /// order: nodes in their right order.
    #[serde(default)]
    pub steps: Vec<S<String>>,
    #[serde(default)]
    pub distractors: Vec<S<String>>,
    /// label: an explicit bank (right answers and distractors) instead of one built from the blanks.
    #[serde(default)]
    pub bank: Option<Vec<S<String>>>,
    #[serde(default)]
    pub interchangeable: Vec<S<Vec<S<String>>>>,
    #[serde(default)]
    pub penalty: Option<S<f64>>,
    #[serde(default)]
    pub all_or_nothing: bool,
    #[serde(default)]
    pub misconception: Vec<S<MisconceptionSpec>>,
    /// recall: more accepted answers per blank, on top of the node's label and aliases.
    #[serde(default)]
    pub accept: Vec<S<AcceptSpec>>,
    /// design: what the design must achieve, in the learner's words.
    #[serde(default)]
    pub requirements: Vec<S<String>>,
    /// design: nodes of the diagram that stay on the canvas.
    #[serde(default)]
    pub keep: Vec<S<String>>,
    /// design: where components may go (default: every group, subnet and tier).
    #[serde(default)]
    pub places: Option<Vec<S<String>>>,
    /// design: the labels a connection may carry.
    #[serde(default)]
    pub labels: Vec<S<String>>,
    #[serde(default)]
    pub max_components: Option<S<u32>>,
    #[serde(default)]
    pub card: Vec<S<CardSpec>>,
    #[serde(default)]
    pub rule: Vec<S<RuleSpec>>,
    #[serde(default)]
    pub model: Vec<S<ModelSpec>>,
    #[serde(default)]
    pub link: Vec<S<LinkSpec>>,
    /// failure: what happens.
    #[serde(default)]
    pub event: Option<S<String>>,
    /// failure: the nodes that stop serving.
    #[serde(default)]
    pub fails: Vec<S<String>>,
    #[serde(default)]
    pub explain: Vec<S<ExplainSpec>>,
    #[serde(default)]
    pub question: Vec<S<QuestionSpec>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MisconceptionSpec {
    /// One slot, or several mirrored slots sharing the explanation.
    pub slot: S<OneOrMany>,
    pub label: S<String>,
    pub feedback: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AcceptSpec {
    pub slot: S<String>,
    pub answers: Vec<S<String>>,
}

/// Maps byte offsets of one file to 1-based lines.
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    pub fn line(&self, offset: usize) -> u32 {
        self.starts.partition_point(|&s| s <= offset) as u32
    }

    pub fn of<T>(&self, s: &S<T>) -> u32 {
        self.line(s.span().start)
    }
}

/// Reads one file's TOML. A file serde cannot read yields one problem at the line toml points to.
pub(crate) fn parse(file: &str, text: &str, lines: &Lines) -> Result<FileSpec, Problem> {
    toml::from_str::<FileSpec>(text).map_err(|e| {
        let line = e.span().map(|s| lines.line(s.start)).unwrap_or(0);
        let message = e.message().trim().replace('\n', " ");
        Problem::new(file, line, format!("cannot read this TOML: {message}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_based() {
        let l = Lines::new("a\nbb\n\nc");
        assert_eq!([0, 1, 2, 4, 5, 6].map(|o| l.line(o)), [1, 1, 2, 2, 3, 4]);
    }

    #[test]
    fn unreadable_toml_points_at_its_line() {
        let text =
            "[diagram]\nid = \"x\"\ntitle = \"t\"\n\n[[node]]\nid = \"a\"\ncolour = \"red\"\n";
        let err = parse("diagrams/x.toml", text, &Lines::new(text)).unwrap_err();
        assert_eq!(err.line, 7);
        assert!(
            err.message.contains("unknown field `colour`"),
            "{}",
            err.message
        );
    }
}
