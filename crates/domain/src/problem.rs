use serde::Serialize;
use specta::Type;
use std::fmt;

/// One thing wrong with a content or diagram file, located so an author can jump to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// Path as the author knows it: relative to the bank root (e.g. `content/networking/x.md`).
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u32,
    pub message: String,
}

impl Problem {
    pub fn new(file: impl Into<String>, line: u32, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line.max(1), self.message)
    }
}
