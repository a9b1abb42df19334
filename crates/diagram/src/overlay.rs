//! What an interactive drawing adds to a diagram: boxes the learner drops components on (design
//! drills), nodes that are buttons (placed components to select or connect; failure drill toggles),
//! and marks after Check. The renderer turns each into attributes the UI hooks onto (`data-zone`,
//! `data-node`), each focusable with its own accessible name, so the SVG root is a group, not an image.
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub(crate) struct Overlay {
    /// Box id (group, subnet, tier pad, or `outside` for the background) → accessible name.
    pub zones: HashMap<String, String>,
    /// Node id → how it is a button.
    pub picks: HashMap<String, Pick>,
    /// Node or box id → its mark after Check.
    pub marks: HashMap<String, Mark>,
    pub title: String,
    pub desc: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Pick {
    /// What the UI gets back in `data-node` (a learner's component id, a kept node id, `c3`).
    pub data: String,
    pub aria: String,
    /// Toggles (failure drills) say whether they are on.
    pub pressed: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Breaks a rule, or marked wrongly.
    Wrong,
    /// Marked rightly.
    Right,
    /// Should have been marked and was not.
    Missed,
}

impl Mark {
    pub fn word(self) -> &'static str {
        match self {
            Mark::Wrong => "wrong",
            Mark::Right => "right",
            Mark::Missed => "missed",
        }
    }
}
