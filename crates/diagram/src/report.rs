//! What every validator shares: the problem list of one file (`Report`), the slug rule for ids, and
//! the kinds of thing an id can name. Its own module so the diagram checks (validate.rs,
//! validate_nodes.rs) and the drill checks above them all build on it without importing each other.
use crate::spec::{Lines, S};
use archdrill_domain::Problem;

/// Collects problems for one file.
pub(crate) struct Report<'a> {
    pub file: &'a str,
    pub lines: &'a Lines,
    pub problems: Vec<Problem>,
}

impl Report<'_> {
    pub fn at<T>(&mut self, at: &S<T>, message: impl Into<String>) {
        let line = self.lines.of(at);
        self.problems.push(Problem::new(self.file, line, message));
    }

    pub fn line(&mut self, line: u32, message: impl Into<String>) {
        self.problems.push(Problem::new(self.file, line, message));
    }
}

pub(crate) use archdrill_domain::is_slug;

/// What an id names, for messages and for checking references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Named {
    Group,
    Az,
    Tier,
    Subnet,
    Node,
}

impl Named {
    pub(crate) fn word(self) -> &'static str {
        match self {
            Named::Group => "group",
            Named::Az => "AZ",
            Named::Tier => "tier",
            Named::Subnet => "subnet",
            Named::Node => "node",
        }
    }
}

pub(crate) fn choices(list: impl IntoIterator<Item = &'static str>) -> String {
    list.into_iter().collect::<Vec<_>>().join(", ")
}
