//! What the UI gets for design and failure drills: the palette, places and fixed nodes of a canvas;
//! the components and questions of a failure; and drawings of an attempt (as it is built, and
//! marked after Check) and of the model answer. No answer leaves here before grading except through
//! `render_model`, which the app calls only after Check.
use crate::design::build;
use crate::design::grade::verdicts;
use crate::design::graph::bits;
use crate::design::{submit, Design};
use crate::diagram::Diagram;
use crate::draw::{render_svg, RenderOptions};
use crate::drill::{Drill, Play};
use crate::error::DrillError;
use crate::failure::grade::read as read_failure;
use crate::failure::{Failure, QuestionKind};
use crate::overlay::{Mark, Overlay, Pick};
use crate::render::render_overlay;
use crate::submission::Submission;
use crate::theme::Theme;
use crate::Library;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DesignView {
    pub requirements: Vec<String>,
    /// In palette order; some do not belong.
    pub palette: Vec<CardView>,
    /// Where components may go; each matches a `data-zone` in the SVG.
    pub places: Vec<PlaceView>,
    /// Nodes fixed on the canvas that connections may start or end at; each a `data-node`.
    pub fixed: Vec<FixedView>,
    /// The labels a connection may carry (empty: connections are unlabelled).
    pub labels: Vec<String>,
    pub max_components: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CardView {
    pub id: String,
    pub kind: String,
    pub label: String,
    /// How often it may be placed; null: as often as wanted.
    pub max: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PlaceView {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FixedView {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FailureView {
    pub event: String,
    /// Every component, in reading order; each a `data-node` toggle in the SVG.
    pub components: Vec<ComponentView>,
    pub questions: Vec<FailureQuestionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ComponentView {
    pub id: String,
    pub label: String,
    pub aria_label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FailureQuestionView {
    pub id: String,
    pub prompt: String,
    /// `choice` (pick one option) or `order` (put every option in order).
    pub kind: String,
    pub options: Vec<ChoiceView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceView {
    pub id: String,
    pub text: String,
}

pub(crate) fn design_view(design: &Design, d: &Diagram) -> DesignView {
    DesignView {
        requirements: design.requirements.clone(),
        palette: design
            .cards
            .iter()
            .map(|c| CardView {
                id: c.id.clone(),
                kind: c.kind.name.to_string(),
                label: c.label.clone(),
                max: c.max,
            })
            .collect(),
        places: design
            .places
            .iter()
            .map(|&p| PlaceView {
                id: design.topo.places[p].id.clone(),
                label: design.topo.places[p].label.clone(),
            })
            .collect(),
        fixed: design
            .kept
            .iter()
            .filter_map(|id| d.node(id))
            .map(|n| FixedView {
                id: n.id.clone(),
                label: n.label.clone(),
            })
            .collect(),
        labels: design.labels.clone(),
        max_components: design.max_components as u32,
    }
}

pub(crate) fn failure_view(f: &Failure) -> FailureView {
    FailureView {
        event: f.event.clone(),
        components: f
            .components
            .iter()
            .map(|c| ComponentView {
                id: c.id.clone(),
                label: c.label.clone(),
                aria_label: c.aria.clone(),
            })
            .collect(),
        questions: f
            .questions
            .iter()
            .map(|q| FailureQuestionView {
                id: q.id.clone(),
                prompt: q.prompt.clone(),
                kind: if q.kind == QuestionKind::Order {
                    "order"
                } else {
                    "choice"
                }
                .to_string(),
                options: q
                    .options
                    .iter()
                    .map(|o| ChoiceView {
                        id: o.id.clone(),
                        text: o.text.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn find<'a>(lib: &'a Library, id: &str) -> Result<(&'a Drill, &'a Diagram), DrillError> {
    let unknown = || DrillError::UnknownDrill { id: id.to_string() };
    let drill = lib.drill(id).ok_or_else(unknown)?;
    let diagram = lib.diagram(&drill.diagram).ok_or_else(unknown)?;
    Ok((drill, diagram))
}

/// The drawing of an attempt: a design as built so far, or a failure drill with its toggles; with
/// `checked`, marked as graded. Other kinds: the drill as the learner sees it.
pub fn render_attempt(
    lib: &Library,
    drill_id: &str,
    sub: &Submission,
    checked: bool,
    theme: Theme,
) -> Result<String, DrillError> {
    let (drill, d) = find(lib, drill_id)?;
    match &drill.play {
        Play::Design(design) => {
            let (comps, links) = submit::read(drill.kind, design, sub)?;
            let drawn = build::diagram(design, d, &comps, &links);
            let mut overlay = design_overlay(design, &drawn, drill);
            if checked {
                let g = design.graph(d, &comps, &links);
                for (out, rule) in verdicts(design, &g).iter().zip(&design.rules) {
                    if out.passed || rule.level != crate::design::Level::Required {
                        continue;
                    }
                    for k in bits(out.nodes) {
                        overlay.marks.insert(g.nodes[k].id.to_string(), Mark::Wrong);
                    }
                    for &p in &out.places {
                        overlay
                            .marks
                            .insert(design.topo.places[p].id.clone(), Mark::Wrong);
                    }
                }
            }
            let mut mode = build::mode(design, &drawn, &drill.title);
            if checked {
                // A graded design is a figure to read, not a canvas to drop on.
                overlay.zones.clear();
                mode.zones.clear();
            }
            Ok(render_overlay(
                &drawn,
                &mode,
                &overlay,
                theme,
                &figure_key(drill, checked),
            ))
        }
        Play::Failure(f) => {
            let a = read_failure(drill.kind, f, sub)?;
            Ok(failure_drawing(drill, f, d, &a.down, checked, theme))
        }
        Play::Slots => Ok(render_svg(
            d,
            &RenderOptions {
                theme,
                drill: Some(drill),
            },
        )),
    }
}

/// The answer drawn: the model design, or the failure with every failing component marked; the
/// whole diagram for other kinds. For after Check.
pub fn render_model(lib: &Library, drill_id: &str, theme: Theme) -> Result<String, DrillError> {
    let (drill, d) = find(lib, drill_id)?;
    match &drill.play {
        Play::Design(design) => {
            let drawn = build::diagram(design, d, &design.model, &design.model_links);
            let mut overlay = design_overlay(design, &drawn, drill);
            overlay.zones.clear();
            overlay.title = format!("A model design: {}", drill.title);
            let mut mode = build::mode(design, &drawn, &overlay.title);
            mode.zones.clear();
            Ok(render_overlay(
                &drawn,
                &mode,
                &overlay,
                theme,
                &format!("{}-model", drill.id),
            ))
        }
        Play::Failure(f) => {
            let down: Vec<bool> = f.components.iter().map(|c| c.fails).collect();
            Ok(failure_drawing(drill, f, d, &down, true, theme))
        }
        Play::Slots => Ok(render_svg(d, &RenderOptions { theme, drill: None })),
    }
}

fn design_overlay(design: &Design, drawn: &Diagram, drill: &Drill) -> Overlay {
    let mut o = Overlay {
        title: drill.title.clone(),
        desc: drill.instructions.clone(),
        ..Overlay::default()
    };
    for &p in &design.places {
        let place = &design.topo.places[p];
        o.zones
            .insert(place.id.clone(), format!("Place in {}", place.label));
    }
    for n in &drawn.nodes {
        let aria = format!("{}{}", n.label, drawn.location(&n.id));
        o.picks.insert(
            n.id.clone(),
            Pick {
                data: n.id.clone(),
                aria,
                pressed: None,
            },
        );
    }
    o
}

fn failure_drawing(
    drill: &Drill,
    f: &Failure,
    d: &Diagram,
    down: &[bool],
    checked: bool,
    theme: Theme,
) -> String {
    let mut o = Overlay {
        title: drill.title.clone(),
        desc: format!("{} {}", f.event, drill.instructions),
        ..Overlay::default()
    };
    for (c, &marked) in f.components.iter().zip(down) {
        let state = if marked {
            "marked as stopping"
        } else {
            "not marked"
        };
        o.picks.insert(
            c.node.clone(),
            Pick {
                data: c.id.clone(),
                aria: format!("{}: {state}", c.aria),
                pressed: Some(marked),
            },
        );
        if checked {
            let mark = match (marked, c.fails) {
                (true, true) => Some(Mark::Right),
                (true, false) => Some(Mark::Wrong),
                (false, true) => Some(Mark::Missed),
                (false, false) => None,
            };
            o.marks.extend(mark.map(|m| (c.node.clone(), m)));
        }
    }
    let mode = crate::geometry::Mode {
        title: Some(drill.title.clone()),
        ..Default::default()
    };
    // The diagram's notes often state the outcome ("failover in 60 to 120 seconds"): left out.
    let bare = Diagram {
        annotations: Vec::new(),
        ..d.clone()
    };
    render_overlay(&bare, &mode, &o, theme, &figure_key(drill, checked))
}

/// The id prefix of a drawing: a checked figure is shown beside the canvas and the model, so its
/// element ids (markers, described-by notes) must differ from theirs.
fn figure_key(drill: &Drill, checked: bool) -> String {
    if checked {
        format!("{}-checked", drill.id)
    } else {
        drill.id.clone()
    }
}
