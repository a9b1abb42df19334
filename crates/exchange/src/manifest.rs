//! The export's `manifest.json`: what the archive is, which version of the format, and for each JSON
//! Lines file its line count, size and SHA-256, so damage is found before anything is merged.
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "archdrill-export";
/// Raised whenever a line type changes shape; readers refuse a newer one rather than misread it.
pub const FORMAT_VERSION: u32 = 1;
pub const MANIFEST: &str = "manifest.json";

pub const REVIEWS: &str = "reviews.jsonl";
pub const UNDOS: &str = "undos.jsonl";
pub const CHANGES: &str = "changes.jsonl";
pub const MOCKS: &str = "mocks.jsonl";
pub const ATTEMPTS: &str = "attempts.jsonl";
/// Every data file of format version 1, in the order they are written and read.
pub const FILES: [&str; 5] = [REVIEWS, UNDOS, CHANGES, MOCKS, ATTEMPTS];

/// Limits a hostile archive cannot get past (a zip bomb, a file of endless lines).
pub const MAX_MANIFEST_BYTES: u64 = 64 * 1024;
pub const MAX_LINES_PER_FILE: u64 = 5_000_000;
pub const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;
pub const MAX_ENTRIES: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// The Archdrill version that wrote the file.
    pub app_version: String,
    /// Unix ms.
    pub created_at: i64,
    pub files: Vec<FileEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    pub name: String,
    pub lines: u64,
    /// Uncompressed size.
    pub bytes: u64,
    /// Of the uncompressed bytes, lowercase hex.
    pub sha256: String,
}

impl Manifest {
    pub fn entry(&self, name: &str) -> Option<&FileEntry> {
        self.files.iter().find(|f| f.name == name)
    }

    pub fn total_bytes(&self) -> u64 {
        self.files
            .iter()
            .map(|f| f.bytes)
            .fold(0, u64::saturating_add)
    }
}

/// Why a manifest is refused: the three cases the learner can tell apart.
pub enum Refusal {
    Foreign(String),
    Newer(u64),
    Damaged(String),
}

/// Reads a manifest: first whether it is ours and which version, then (for version 1) every field.
pub fn parse(bytes: &[u8]) -> Result<Manifest, Refusal> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| Refusal::Foreign(format!("its {MANIFEST} is not JSON ({e})")))?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => return Err(Refusal::Foreign(format!("its format is {other:?}"))),
        None => return Err(Refusal::Foreign(format!("its {MANIFEST} names no format"))),
    }
    match value.get("format_version").and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(FORMAT_VERSION) => return Err(Refusal::Newer(v)),
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        _ => {
            return Err(Refusal::Damaged(format!(
                "{MANIFEST}: format_version is not a version this app knows"
            )))
        }
    }
    let m: Manifest =
        serde_json::from_value(value).map_err(|e| Refusal::Damaged(format!("{MANIFEST}: {e}")))?;
    check_files(&m).map_err(Refusal::Damaged)?;
    Ok(m)
}

fn check_files(m: &Manifest) -> Result<(), String> {
    for name in FILES {
        let n = m.files.iter().filter(|f| f.name == name).count();
        if n != 1 {
            return Err(format!("{MANIFEST}: lists {name} {n} times, not once"));
        }
    }
    if let Some(f) = m.files.iter().find(|f| !FILES.contains(&f.name.as_str())) {
        return Err(format!("{MANIFEST}: lists an unknown file {:?}", f.name));
    }
    if let Some(f) = m.files.iter().find(|f| f.lines > MAX_LINES_PER_FILE) {
        return Err(format!(
            "{}: {} lines, over the limit of {MAX_LINES_PER_FILE}",
            f.name, f.lines
        ));
    }
    if m.total_bytes() > MAX_TOTAL_BYTES {
        return Err(format!(
            "the files add up to {} bytes, over the limit of {MAX_TOTAL_BYTES}",
            m.total_bytes()
        ));
    }
    Ok(())
}
