//! The diagrams' PNGs, drawn on every core: drawing is nearly all of an export's time, and each
//! diagram is independent of the others.
use crate::error::AnkiError;
use archdrill_diagram::{render_png, render_svg, Diagram, RenderOptions, Theme};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// 1.5 pixels per SVG unit: sharp on a phone or a high-density screen at about half the bytes
/// of the app's 2× export (the package carries one PNG per diagram).
const PNG_SCALE: f32 = 1.5;

/// Each diagram's PNG, in the order given. `progress` gets the fraction drawn so far.
pub fn pngs(
    diagrams: &[&Diagram],
    progress: &mut dyn FnMut(f64),
) -> Result<Vec<Vec<u8>>, AnkiError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(diagrams.len());
    let next = AtomicUsize::new(0);
    let mut drawn: Vec<Option<Vec<u8>>> = vec![None; diagrams.len()];
    std::thread::scope(|scope| {
        let (done, finished) = mpsc::channel();
        for _ in 0..threads {
            let (done, next) = (done.clone(), &next);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(d) = diagrams.get(i) else { break };
                // A send fails only once the receiver has stopped on an error: stop too.
                if done.send((i, png(d))).is_err() {
                    break;
                }
            });
        }
        drop(done);
        // Ends when every worker has finished (all senders dropped), or at the first error.
        for (count, (i, result)) in finished.iter().enumerate() {
            drawn[i] = Some(result?);
            progress((count + 1) as f64 / diagrams.len() as f64);
        }
        Ok::<(), AnkiError>(())
    })?;
    // Every slot is filled: a worker that panicked re-raised it when the scope ended.
    Ok(drawn.into_iter().flatten().collect())
}

/// The diagram as the learner first meets it: light theme, no drill blanks.
fn png(d: &Diagram) -> Result<Vec<u8>, AnkiError> {
    let options = RenderOptions {
        theme: Theme::Light,
        drill: None,
    };
    render_png(&render_svg(d, &options), PNG_SCALE).map_err(|e| AnkiError::Render {
        diagram: d.id.clone(),
        message: e.to_string(),
    })
}
