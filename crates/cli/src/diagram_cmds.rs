//! `archdrill render | drill | grade`: draw a diagram, show a drill (or its answer key), grade a
//! submission. Exit codes: 0 success, 1 a bad submission (one line naming the field), 2 a usage error.
//! Nothing a user passes can panic these: input is size-capped and every failure is reported.
use archdrill_diagram::{
    answer_key, drill_view, grade, render_attempt, render_model, render_png, render_svg, solution,
    DrillError, DrillKind, Library, RenderOptions, Submission, Theme,
};
use serde_json::Value;
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  archdrill render <diagram> (--svg FILE | --png FILE) [--theme light|dark] [--scale N]
                   [--drill ID [--answer FILE|- | --model]]
  archdrill drill <drill> (--json | --key | --solution)
  archdrill grade <drill> --answer FILE|-
";

/// Submissions are small; anything larger is refused before parsing.
const MAX_INPUT: u64 = 64 * 1024;

/// Runs `cmd` if it is one of the diagram commands; `None` means the command is not ours.
pub fn run(cmd: &str, args: &[String]) -> Option<ExitCode> {
    let result = match cmd {
        "render" => render(args),
        "drill" => drill(args),
        "grade" => grade_cmd(args),
        _ => return None,
    };
    Some(result.unwrap_or_else(|e| e.exit()))
}

enum Failure {
    Usage(String),
    Submission(String),
}

impl Failure {
    fn exit(self) -> ExitCode {
        match self {
            Failure::Usage(m) => {
                say(&mut std::io::stderr(), &format!("archdrill: {m}\n{USAGE}"));
                ExitCode::from(2)
            }
            Failure::Submission(m) => {
                say(
                    &mut std::io::stderr(),
                    &format!("archdrill: bad submission: {m}"),
                );
                ExitCode::from(1)
            }
        }
    }
}

/// Prints a line; a closed pipe (`archdrill drill x --json | head`) is not worth a panic.
fn say(to: &mut dyn Write, text: &str) {
    let _ = writeln!(to, "{text}");
}

/// `<id> --flag value --switch …` → the id and a lookup for flags.
struct Args<'a> {
    id: &'a str,
    rest: &'a [String],
}

impl<'a> Args<'a> {
    fn parse(args: &'a [String], known: &[&str]) -> Result<Args<'a>, Failure> {
        let Some((id, rest)) = args.split_first() else {
            return Err(Failure::Usage("missing the id".into()));
        };
        if id.starts_with("--") {
            return Err(Failure::Usage(format!("expected an id before {id}")));
        }
        if let Some(bad) = rest
            .iter()
            .find(|a| a.starts_with("--") && !known.contains(&a.as_str()))
        {
            return Err(Failure::Usage(format!("unknown option {bad}")));
        }
        Ok(Args { id, rest })
    }

    fn has(&self, flag: &str) -> bool {
        self.rest.iter().any(|a| a == flag)
    }

    fn value(&self, flag: &str) -> Result<Option<&'a str>, Failure> {
        match self.rest.iter().position(|a| a == flag) {
            None => Ok(None),
            Some(i) => match self.rest.get(i + 1) {
                Some(v) if !v.starts_with("--") => Ok(Some(v.as_str())),
                _ => Err(Failure::Usage(format!("{flag} needs a value"))),
            },
        }
    }
}

fn render(args: &[String]) -> Result<ExitCode, Failure> {
    let a = Args::parse(
        args,
        &[
            "--svg", "--png", "--theme", "--scale", "--drill", "--answer", "--model",
        ],
    )?;
    let lib = Library::load_embedded();
    let diagram = lib
        .diagram(a.id)
        .ok_or_else(|| Failure::Usage(format!("no diagram {:?}", a.id)))?;
    let theme = match a.value("--theme")? {
        None | Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        Some(other) => return Err(Failure::Usage(format!("unknown theme {other:?}"))),
    };
    let drill = match a.value("--drill")? {
        None => None,
        Some(id) => Some(
            lib.drill(id)
                .filter(|d| d.diagram == diagram.id)
                .ok_or_else(|| {
                    Failure::Usage(format!("no drill {id:?} on diagram {:?}", diagram.id))
                })?,
        ),
    };
    let scale = match a.value("--scale")? {
        None => 1.0,
        Some(s) => s
            .parse::<f32>()
            .map_err(|_| Failure::Usage(format!("--scale {s:?} is not a number")))?,
    };
    let svg = match (drill, a.value("--answer")?, a.has("--model")) {
        (None, Some(_), _) | (None, _, true) => {
            return Err(Failure::Usage("--answer and --model need --drill".into()))
        }
        (Some(_), Some(_), true) => {
            return Err(Failure::Usage("give --answer or --model, not both".into()))
        }
        (Some(dr), Some(source), false) => {
            let sub = read_submission(source)?;
            render_attempt(&lib, &dr.id, &sub, true, theme)
                .map_err(|e| Failure::Submission(e.to_string()))?
        }
        (Some(dr), None, true) => {
            render_model(&lib, &dr.id, theme).map_err(|e| Failure::Usage(e.to_string()))?
        }
        // A design canvas or failure drill is drawn with its zones and toggles, as the learner sees it.
        (Some(dr), None, false) if matches!(dr.kind, DrillKind::Design | DrillKind::Failure) => {
            render_attempt(&lib, &dr.id, &Submission::default(), false, theme)
                .map_err(|e| Failure::Usage(e.to_string()))?
        }
        (drill, None, false) => render_svg(diagram, &RenderOptions { theme, drill }),
    };
    let (path, bytes) = match (a.value("--svg")?, a.value("--png")?) {
        (Some(p), None) => (p, svg.into_bytes()),
        (None, Some(p)) => (
            p,
            render_png(&svg, scale).map_err(|e| Failure::Usage(e.to_string()))?,
        ),
        _ => {
            return Err(Failure::Usage(
                "give exactly one of --svg FILE or --png FILE".into(),
            ))
        }
    };
    std::fs::write(path, bytes).map_err(|e| Failure::Usage(format!("cannot write {path}: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

fn drill(args: &[String]) -> Result<ExitCode, Failure> {
    let a = Args::parse(args, &["--json", "--key", "--solution"])?;
    let lib = Library::load_embedded();
    let usage = |e: DrillError| Failure::Usage(e.to_string());
    let json = match (a.has("--json"), a.has("--key"), a.has("--solution")) {
        (true, false, false) => {
            serde_json::to_string_pretty(&drill_view(&lib, a.id).map_err(usage)?)
        }
        (false, true, false) => {
            serde_json::to_string_pretty(&answer_key(&lib, a.id).map_err(usage)?)
        }
        (false, false, true) => serde_json::to_string_pretty(&solution(&lib, a.id).map_err(usage)?),
        _ => {
            return Err(Failure::Usage(
                "give exactly one of --json, --key or --solution".into(),
            ))
        }
    };
    say(
        &mut std::io::stdout(),
        &json.map_err(|e| Failure::Usage(e.to_string()))?,
    );
    Ok(ExitCode::SUCCESS)
}

fn grade_cmd(args: &[String]) -> Result<ExitCode, Failure> {
    let a = Args::parse(args, &["--answer"])?;
    let source = a
        .value("--answer")?
        .ok_or_else(|| Failure::Usage("--answer FILE|- is required".into()))?;
    let lib = Library::load_embedded();
    if lib.drill(a.id).is_none() {
        return Err(Failure::Usage(format!("no drill {:?}", a.id)));
    }
    let sub = read_submission(source)?;
    let result = grade(&lib, a.id, &sub).map_err(|e| Failure::Submission(e.to_string()))?;
    let json =
        serde_json::to_string_pretty(&result).map_err(|e| Failure::Submission(e.to_string()))?;
    say(&mut std::io::stdout(), &json);
    Ok(ExitCode::SUCCESS)
}

/// Reads, shape-checks and decodes a submission, naming the field at fault.
fn read_submission(source: &str) -> Result<Submission, Failure> {
    let text = read_capped(source)?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|e| Failure::Submission(format!("not valid JSON: {e}")))?;
    if let Some((field, problem)) = shape_problem(&value) {
        return Err(Failure::Submission(format!("{field}: {problem}")));
    }
    serde_json::from_value(value).map_err(|e| Failure::Submission(e.to_string()))
}

fn read_capped(source: &str) -> Result<String, Failure> {
    let mut buf = Vec::new();
    let read = if source == "-" {
        std::io::stdin().take(MAX_INPUT + 1).read_to_end(&mut buf)
    } else {
        std::fs::File::open(source).and_then(|f| f.take(MAX_INPUT + 1).read_to_end(&mut buf))
    };
    read.map_err(|e| Failure::Usage(format!("cannot read {source}: {e}")))?;
    if buf.len() as u64 > MAX_INPUT {
        return Err(Failure::Submission(format!(
            "the submission is larger than {} KiB",
            MAX_INPUT / 1024
        )));
    }
    String::from_utf8(buf)
        .map_err(|_| Failure::Submission("the submission is not UTF-8 text".into()))
}

/// What each list of a submission holds: plain strings, or objects with these string keys
/// (required, then optional). `orders[].steps` is the one nested list.
const SHAPES: [(&str, &[&str], &[&str]); 8] = [
    ("placements", &["slot", "label"], &[]),
    ("answers", &["slot", "text"], &[]),
    ("order", &[], &[]),
    ("components", &["id", "card", "in"], &[]),
    ("connections", &["from", "to"], &["label"]),
    ("down", &[], &[]),
    ("choices", &["question", "option"], &[]),
    ("orders", &["question"], &["steps"]),
];

/// Names the first field of a submission whose shape is wrong, so the error can point at it
/// (serde's own messages do not say where a wrong type sits).
fn shape_problem(v: &Value) -> Option<(String, String)> {
    let Some(top) = v.as_object() else {
        return Some(("submission".into(), "expected a JSON object".into()));
    };
    if let Some(k) = top.keys().find(|k| !SHAPES.iter().any(|(f, _, _)| f == k)) {
        let names: Vec<&str> = SHAPES.iter().map(|s| s.0).collect();
        return Some((
            k.clone(),
            format!("unknown field; use {}", names.join(", ")),
        ));
    }
    for (name, keys, optional) in SHAPES {
        let Some(list) = top.get(name) else { continue };
        if let Some(p) = list_problem(name, list, keys, optional) {
            return Some(p);
        }
    }
    None
}

fn strings_problem(field: &str, list: &Value) -> Option<(String, String)> {
    let Some(items) = list.as_array() else {
        return Some((field.into(), "expected a list".into()));
    };
    let bad = items.iter().position(|i| !i.is_string())?;
    Some((format!("{field}[{bad}]"), "expected a string".into()))
}

fn list_problem(
    name: &str,
    list: &Value,
    keys: &[&str],
    optional: &[&str],
) -> Option<(String, String)> {
    if keys.is_empty() {
        return strings_problem(name, list);
    }
    let Some(items) = list.as_array() else {
        return Some((name.into(), "expected a list".into()));
    };
    for (i, item) in items.iter().enumerate() {
        let Some(obj) = item.as_object() else {
            return Some((
                format!("{name}[{i}]"),
                format!("expected an object with {}", keys.join(" and ")),
            ));
        };
        if let Some(k) = obj
            .keys()
            .find(|k| !keys.contains(&k.as_str()) && !optional.contains(&k.as_str()))
        {
            return Some((format!("{name}[{i}].{k}"), "unknown field".into()));
        }
        if let Some(k) = keys
            .iter()
            .find(|k| !obj.get(**k).is_some_and(Value::is_string))
        {
            return Some((format!("{name}[{i}].{k}"), "expected a string".into()));
        }
        for k in optional {
            match obj.get(*k) {
                None | Some(Value::Null) | Some(Value::String(_)) => {}
                Some(v) if *k == "steps" => {
                    if let Some(p) = strings_problem(&format!("{name}[{i}].steps"), v) {
                        return Some(p);
                    }
                }
                Some(_) => return Some((format!("{name}[{i}].{k}"), "expected a string".into())),
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shape_problems_name_the_field() {
        let field = |v: Value| shape_problem(&v).map(|p| p.0);
        assert_eq!(
            field(json!({"placements": [{"slot": "s1", "label": "b1"}]})),
            None
        );
        assert_eq!(field(json!([])), Some("submission".into()));
        assert_eq!(field(json!({"placement": []})), Some("placement".into()));
        assert_eq!(field(json!({"placements": {}})), Some("placements".into()));
        assert_eq!(
            field(json!({"placements": [{"slot": "s1", "label": 3}]})),
            Some("placements[0].label".into())
        );
        assert_eq!(
            field(json!({"answers": [{"slot": "s1"}]})),
            Some("answers[0].text".into())
        );
        assert_eq!(field(json!({"order": ["b1", 2]})), Some("order[1]".into()));
    }
}
