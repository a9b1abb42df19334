//! Golden tests: the SVG text of every shipped diagram (and some drills and the dark theme) must match
//! tests/golden/*.svg exactly, and selected PNGs must match tests/golden/*.png pixel for pixel within a
//! small tolerance. `UPDATE_GOLDEN=1 cargo test -p archdrill-diagram --test golden` rewrites them; a
//! failing PNG comparison writes the new image and a diff (changed pixels in red) to
//! target/golden-diff/.
use archdrill_diagram::{
    render_attempt, render_png, render_svg, solution, Library, RenderOptions, Theme,
};
use resvg::tiny_skia::{Pixmap, PremultipliedColorU8};
use std::path::{Path, PathBuf};

/// A channel may differ by this much before the pixel counts as changed (anti-aliasing noise).
const CHANNEL_TOLERANCE: u8 = 24;
/// At most this share of pixels may change.
const PIXEL_TOLERANCE: f64 = 0.001;

/// Rendered as PNG too: both themes, a grid, a drill, a flow, options side by side, a tree, a ladder, a sequence,
/// a flowchart.
const PNG_CASES: [&str; 11] = [
    "vpc-three-tier",
    "vpc-three-tier-design-checked",
    "vpc-three-tier-az-loss-checked",
    "vpc-three-tier-dark",
    "vpc-three-tier-label",
    "sns-sqs-fanout",
    "dr-strategies",
    "organizations-scps",
    "s3-lifecycle-ladder",
    "sqs-consumer-lifecycle",
    "incident-response-flowchart",
];

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn diff_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/tmp has a parent")
        .join("golden-diff");
    std::fs::create_dir_all(&dir).expect("target is writable");
    dir
}

fn updating() -> bool {
    std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1")
}

/// (case name, SVG) for every golden case.
fn cases(lib: &Library) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = lib
        .diagrams()
        .map(|d| (d.id.clone(), render_svg(d, &RenderOptions::default())))
        .collect();
    let vpc = lib.diagram("vpc-three-tier").expect("shipped");
    out.push((
        "vpc-three-tier-dark".into(),
        render_svg(
            vpc,
            &RenderOptions {
                theme: Theme::Dark,
                drill: None,
            },
        ),
    ));
    for id in [
        "vpc-three-tier-label",
        "vpc-three-tier-place",
        "cicd-pipeline-order",
    ] {
        let drill = lib.drill(id).expect("shipped drill");
        let d = lib.diagram(&drill.diagram).expect("its diagram");
        out.push((
            id.to_string(),
            render_svg(
                d,
                &RenderOptions {
                    theme: Theme::Light,
                    drill: Some(drill),
                },
            ),
        ));
    }
    out.extend(checked(lib));
    out
}

/// A design and a failure drill after Check, each with mistakes: the model design without its last
/// component; the failure with one failing component unmarked and one serving component marked.
fn checked(lib: &Library) -> Vec<(String, String)> {
    let mut design = solution(lib, "vpc-three-tier-design").expect("shipped");
    design.components.pop();
    let removed: Vec<String> = design.components.iter().map(|c| c.id.clone()).collect();
    design.connections.retain(|c| {
        [&c.from, &c.to]
            .iter()
            .all(|e| removed.contains(e) || *e == "users")
    });
    let mut failure = solution(lib, "vpc-three-tier-az-loss").expect("shipped");
    failure.down.pop();
    failure.down.push("c1".into());
    failure.down.dedup();
    [
        ("vpc-three-tier-design", design),
        ("vpc-three-tier-az-loss", failure),
    ]
    .into_iter()
    .map(|(id, sub)| {
        let svg = render_attempt(lib, id, &sub, true, Theme::Light).expect("valid attempt");
        (format!("{id}-checked"), svg)
    })
    .collect()
}

#[test]
fn svg_output_matches_the_golden_files() {
    let lib = Library::load_embedded();
    let mut failures = Vec::new();
    for (name, svg) in cases(&lib) {
        let path = golden_dir().join(format!("{name}.svg"));
        if updating() {
            std::fs::write(&path, &svg).expect("golden dir is writable");
            continue;
        }
        let Ok(want) = std::fs::read_to_string(&path) else {
            failures.push(format!("{name}: no golden file; run with UPDATE_GOLDEN=1"));
            continue;
        };
        if want != svg {
            let line = want
                .lines()
                .zip(svg.lines())
                .position(|(a, b)| a != b)
                .map_or(want.lines().count().min(svg.lines().count()), |i| i)
                + 1;
            let out = diff_dir().join(format!("{name}.svg"));
            std::fs::write(&out, &svg).expect("diff dir is writable");
            failures.push(format!(
                "{name}: differs from line {line}; new output in {}",
                out.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn png_output_matches_the_golden_images() {
    let lib = Library::load_embedded();
    let all = cases(&lib);
    let mut failures = Vec::new();
    for name in PNG_CASES {
        let svg = &all
            .iter()
            .find(|(n, _)| n == name)
            .expect("a listed case")
            .1;
        let png = render_png(svg, 1.0).expect("renders");
        let path = golden_dir().join(format!("{name}.png"));
        if updating() {
            std::fs::write(&path, &png).expect("golden dir is writable");
            continue;
        }
        let Ok(want) = std::fs::read(&path) else {
            failures.push(format!("{name}: no golden image; run with UPDATE_GOLDEN=1"));
            continue;
        };
        let (want, got) = (
            Pixmap::decode_png(&want).expect("golden decodes"),
            Pixmap::decode_png(&png).expect("output decodes"),
        );
        if let Some(problem) = compare(name, &want, &got) {
            std::fs::write(diff_dir().join(format!("{name}.png")), &png)
                .expect("diff dir is writable");
            failures.push(problem);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// None if the images match within tolerance; otherwise writes a diff image and says how they differ.
fn compare(name: &str, want: &Pixmap, got: &Pixmap) -> Option<String> {
    if (want.width(), want.height()) != (got.width(), got.height()) {
        return Some(format!(
            "{name}: size {}x{} became {}x{}",
            want.width(),
            want.height(),
            got.width(),
            got.height()
        ));
    }
    let mut diff = got.clone();
    let mut changed = 0usize;
    for ((w, g), d) in want
        .pixels()
        .iter()
        .zip(got.pixels())
        .zip(diff.pixels_mut())
    {
        let far = [
            w.red().abs_diff(g.red()),
            w.green().abs_diff(g.green()),
            w.blue().abs_diff(g.blue()),
            w.alpha().abs_diff(g.alpha()),
        ]
        .into_iter()
        .any(|c| c > CHANNEL_TOLERANCE);
        *d = if far {
            changed += 1;
            PremultipliedColorU8::from_rgba(255, 0, 0, 255).expect("opaque red is valid")
        } else {
            let grey =
                ((u16::from(g.red()) + u16::from(g.green()) + u16::from(g.blue())) / 6 + 128) as u8;
            PremultipliedColorU8::from_rgba(grey, grey, grey, 255).expect("opaque grey is valid")
        };
    }
    let share = changed as f64 / want.pixels().len() as f64;
    if share <= PIXEL_TOLERANCE {
        return None;
    }
    let out = diff_dir().join(format!("{name}.diff.png"));
    diff.save_png(&out).expect("diff dir is writable");
    Some(format!(
        "{name}: {changed} pixels ({:.3}%) changed; diff in {}",
        share * 100.0,
        out.display()
    ))
}
