//! Light and dark colours. Boxes follow the usual cloud-diagram conventions (region dashed, VPC solid,
//! AZ dotted, public subnets green, private blue) in our own palette; component colours group kinds by
//! family. Dark colours are tuned for contrast on the dark background, not inverted.
use crate::kinds::{Category, GroupKind};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

pub(crate) struct Palette {
    pub background: &'static str,
    pub text: &'static str,
    pub muted: &'static str,
    pub edge: &'static str,
    pub card: &'static str,
    pub card_stroke: &'static str,
    pub pill: &'static str,
    pub slot: &'static str,
    pub slot_stroke: &'static str,
    pub footnote: &'static str,
    /// Marks after Check: a part that breaks a rule or is marked wrong, and one that is right.
    pub wrong: &'static str,
    pub right: &'static str,
}

pub(crate) const LIGHT: Palette = Palette {
    background: "#ffffff",
    text: "#1d2433",
    muted: "#566074",
    edge: "#3d4656",
    card: "#ffffff",
    card_stroke: "#b8c0cc",
    pill: "#ffffff",
    slot: "#fff8e1",
    slot_stroke: "#b7791f",
    footnote: "#f4f6f9",
    wrong: "#c62828",
    right: "#2e7d32",
};

pub(crate) const DARK: Palette = Palette {
    background: "#161b22",
    text: "#e6edf3",
    muted: "#a3adba",
    edge: "#c2cad5",
    card: "#222a35",
    card_stroke: "#4a5563",
    pill: "#161b22",
    slot: "#3a2f12",
    slot_stroke: "#e3b341",
    wrong: "#ff7b72",
    right: "#56d364",
    footnote: "#1f2630",
};

pub(crate) fn palette(t: Theme) -> &'static Palette {
    match t {
        Theme::Light => &LIGHT,
        Theme::Dark => &DARK,
    }
}

/// How a group box is drawn: fill, stroke, dash pattern (None = solid), header colour.
pub(crate) struct BoxStyle {
    pub fill: &'static str,
    pub stroke: &'static str,
    pub dash: Option<&'static str>,
    pub header: &'static str,
}

pub(crate) fn box_style(kind: GroupKind, t: Theme) -> BoxStyle {
    let dark = t == Theme::Dark;
    let pick = |l: &'static str, d: &'static str| if dark { d } else { l };
    let (fill, stroke, dash, header) = match kind {
        GroupKind::Region => (
            "none",
            pick("#2f7d8c", "#5fb8c7"),
            Some("8 5"),
            pick("#1f5f6b", "#7fd0dd"),
        ),
        GroupKind::Vpc => (
            pick("#fbfcfe", "#1a2029"),
            pick("#6b4fbb", "#a48df0"),
            None,
            pick("#4f3a91", "#c2b2f7"),
        ),
        GroupKind::Account | GroupKind::OnPrem => (
            "none",
            pick("#5a6472", "#9aa5b3"),
            None,
            pick("#3c4450", "#c3cbd5"),
        ),
        GroupKind::Cloud => (
            "none",
            pick("#3d4656", "#b5bfcc"),
            None,
            pick("#3d4656", "#d3dae3"),
        ),
        GroupKind::Az => (
            "none",
            pick("#2c6fb7", "#6ea8e8"),
            Some("2 4"),
            pick("#1f548c", "#9cc6f3"),
        ),
        GroupKind::PublicSubnet => (
            pick("#eaf6ec", "#15301d"),
            pick("#3f8f4f", "#5cbf70"),
            None,
            pick("#2a6b38", "#8fdc9f"),
        ),
        GroupKind::PrivateSubnet => (
            pick("#e8f1fb", "#142638"),
            pick("#3b78b5", "#5d9fdc"),
            None,
            pick("#235789", "#9cc8f2"),
        ),
        GroupKind::DataSubnet => (
            pick("#e6eef9", "#17243a"),
            pick("#34609e", "#6f96d6"),
            None,
            pick("#22467a", "#a9c2ee"),
        ),
        GroupKind::SecurityGroup => (
            "none",
            pick("#c0392b", "#f07b6e"),
            Some("6 4"),
            pick("#962d22", "#f5a097"),
        ),
        GroupKind::Stage => (
            pick("#f3f5f8", "#1d232c"),
            "none",
            None,
            pick("#3d4656", "#c9d1db"),
        ),
        GroupKind::Option => (
            pick("#f7f9fc", "#1c222b"),
            pick("#8a94a3", "#5d6877"),
            None,
            pick("#1d2433", "#e6edf3"),
        ),
        GroupKind::Zone => (
            pick("#f6f7f9", "#1c2129"),
            pick("#9aa3b1", "#56606e"),
            Some("4 3"),
            pick("#3d4656", "#c9d1db"),
        ),
        GroupKind::Plain => ("none", "none", None, pick("#3d4656", "#c9d1db")),
    };
    BoxStyle {
        fill,
        stroke,
        dash,
        header,
    }
}

/// The stroke colour of a component family's glyph.
pub(crate) fn category_color(c: Category, t: Theme) -> &'static str {
    let (light, dark) = match c {
        Category::Client => ("#4b5563", "#c7ced8"),
        Category::Network => ("#7048c6", "#b49cf5"),
        Category::Compute => ("#c7600a", "#f5a35a"),
        Category::Database => ("#2459c4", "#7fa6f5"),
        Category::Storage => ("#2e7d32", "#7ccb80"),
        Category::Integration => ("#b8306f", "#f08cbc"),
        Category::Security => ("#c0392b", "#f38b7f"),
        Category::Management => ("#a8327a", "#e88fc6"),
        Category::Analytics => ("#5b3fb5", "#a894f0"),
        Category::DevTools => ("#17798a", "#6fcbdc"),
        Category::Flow => ("#42526b", "#b3c0d3"),
    };
    if t == Theme::Dark {
        dark
    } else {
        light
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::GROUP_KINDS;

    #[test]
    fn themes_differ_and_box_titles_stand_out() {
        assert_ne!(LIGHT.background, DARK.background);
        for theme in [Theme::Light, Theme::Dark] {
            for (name, kind) in GROUP_KINDS {
                let s = box_style(*kind, theme);
                assert_ne!(s.header, s.fill, "{name} title would vanish in {theme:?}");
            }
        }
        // The conventions the brief asks for: region dashed, VPC solid, AZ dotted.
        assert!(box_style(GroupKind::Region, Theme::Light).dash.is_some());
        assert!(box_style(GroupKind::Vpc, Theme::Light).dash.is_none());
        assert_eq!(box_style(GroupKind::Az, Theme::Dark).dash, Some("2 4"));
    }
}
