//! The TOML header of a question file, and finding the line a field sits on so problems can point at it.
use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    pub id: String,
    pub prompt: String,
    pub topic: String,
    pub level: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub key_points: Vec<String>,
    /// One list of cues per key point; spanned so a bad list can name its own line.
    #[serde(default)]
    pub cues: Option<Spanned<Vec<CueList>>>,
    #[serde(default)]
    pub follow_ups: Vec<String>,
    #[serde(default)]
    pub diagrams: Vec<String>,
    /// The fact-check trail: each change made after checking current documentation.
    #[serde(default)]
    pub reviewed: Vec<Reviewed>,
}

/// The cues of one key point, each with its place in the header.
pub(crate) type CueList = Spanned<Vec<Spanned<String>>>;

/// One `[[reviewed]]` entry: what changed, which documentation page it was checked against, and when.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Reviewed {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The fact as now stated (or "no change needed: …").
    pub change: String,
    /// The documentation page checked (a URL).
    pub checked: String,
}

/// The header text and where it starts in the file.
pub(crate) struct Header<'a> {
    pub text: &'a str,
    /// 1-based line of the header's first line (the one after the opening `+++`).
    pub first_line: u32,
}

impl Header<'_> {
    /// Line of `key = ...` in the header, or of the opening `+++` when the key is absent.
    pub fn line_of(&self, key: &str) -> u32 {
        self.find(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .unwrap_or(self.first_line - 1)
    }

    /// Line of the quoted `value` inside the array `key`, falling back to the key's own line.
    pub fn line_of_item(&self, key: &str, value: &str) -> u32 {
        let start = self.line_of(key);
        let quoted = format!("{value:?}");
        self.text
            .lines()
            .enumerate()
            .skip((start + 1).saturating_sub(self.first_line) as usize)
            .find(|(_, l)| l.contains(&quoted))
            .map(|(i, _)| self.first_line + i as u32)
            .unwrap_or(start)
    }

    /// Line holding a byte offset of the header text.
    pub fn line_at(&self, offset: usize) -> u32 {
        let upto = &self.text[..offset.min(self.text.len())];
        self.first_line + upto.matches('\n').count() as u32
    }

    fn find(&self, pred: impl Fn(&str) -> bool) -> Option<u32> {
        self.text
            .lines()
            .position(pred)
            .map(|i| self.first_line + i as u32)
    }
}
