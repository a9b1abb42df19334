//! The public way to draw a diagram, or a label, place, order or recall drill on it: picks the
//! layout (the drill's blanks and zones, or none) and the slots, and hands them to the renderer. In
//! the drills layer, so that render.rs below it never needs to know what a drill is.
use crate::diagram::Diagram;
use crate::drill::Drill;
use crate::layout::layout;
use crate::render::{render_slots, Caption, SlotTag};
use crate::theme::Theme;

/// How to draw: the theme, and the drill whose blanks and zones to show (None = the full diagram).
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions<'a> {
    pub theme: Theme,
    pub drill: Option<&'a Drill>,
}

pub fn render_svg(d: &Diagram, opts: &RenderOptions) -> String {
    let lay = layout(d, &opts.drill.map(Drill::mode).unwrap_or_default());
    let slots = opts
        .drill
        .map(|dr| {
            dr.slots
                .iter()
                .map(|s| {
                    let tag = SlotTag {
                        id: &s.id,
                        aria_label: &s.aria_label,
                    };
                    (s.target.as_str(), tag)
                })
                .collect()
        })
        .unwrap_or_default();
    let (title, desc) = match opts.drill {
        Some(dr) => (dr.title.as_str(), dr.instructions.as_str()),
        None if d.description.is_empty() => (d.title.as_str(), d.title.as_str()),
        None => (d.title.as_str(), d.description.as_str()),
    };
    let caption = Caption {
        key: opts.drill.map_or(d.id.as_str(), |dr| dr.id.as_str()),
        title,
        desc,
    };
    render_slots(d, &lay, slots, opts.theme, &caption)
}
