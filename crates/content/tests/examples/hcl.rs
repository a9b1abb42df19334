//! Block structure of HCL examples, on the document python-hcl2 parsed (see helper.py).
//!
//! No provider schema is reachable offline (`terraform providers schema` needs the registry), so
//! the arguments of `resource`, `data` and `provider` blocks cannot be checked. What is checked is
//! everything the Terraform and Packer languages define themselves: the top-level block types,
//! how many labels each takes, and the argument names of their own blocks (`variable`, `output`,
//! `terraform`, `moved`, `import`, a resource's `lifecycle` …).
use crate::blocks::Block;
use serde_json::{Map, Value};

/// A block type: its labels, and its argument and nested-block names (None: any name, because
/// they come from a provider or a module's inputs), and those it requires.
struct Kind {
    name: &'static str,
    labels: usize,
    names: Option<&'static [&'static str]>,
    required: &'static [&'static str],
}

const fn kind(
    name: &'static str,
    labels: usize,
    names: Option<&'static [&'static str]>,
    required: &'static [&'static str],
) -> Kind {
    Kind {
        name,
        labels,
        names,
        required,
    }
}

/// Terraform 1.x top-level blocks.
const TERRAFORM: &[Kind] = &[
    kind("resource", 2, None, &[]),
    kind("data", 2, None, &[]),
    kind("ephemeral", 2, None, &[]),
    kind("provider", 1, None, &[]),
    kind("module", 1, None, &["source"]),
    kind("locals", 0, None, &[]),
    kind(
        "terraform",
        0,
        Some(&[
            "required_version",
            "required_providers",
            "backend",
            "cloud",
            "experiments",
            "provider_meta",
        ]),
        &[],
    ),
    kind(
        "variable",
        1,
        Some(&[
            "type",
            "default",
            "description",
            "validation",
            "sensitive",
            "nullable",
            "ephemeral",
        ]),
        &[],
    ),
    kind(
        "output",
        1,
        Some(&[
            "value",
            "description",
            "sensitive",
            "depends_on",
            "precondition",
            "ephemeral",
        ]),
        &["value"],
    ),
    kind("moved", 0, Some(&["from", "to"]), &["from", "to"]),
    kind(
        "import",
        0,
        Some(&["to", "id", "identity", "for_each", "provider"]),
        &["to"],
    ),
    kind(
        "removed",
        0,
        Some(&["from", "lifecycle", "provisioner", "connection"]),
        &["from"],
    ),
    kind("check", 1, Some(&["data", "assert"]), &["assert"]),
];

/// Packer's HCL2 templates (a file with `source` or `build` blocks is one).
const PACKER: &[Kind] = &[
    kind(
        "packer",
        0,
        Some(&["required_version", "required_plugins"]),
        &[],
    ),
    kind("source", 2, None, &[]),
    kind(
        "build",
        0,
        Some(&[
            "name",
            "description",
            "sources",
            "source",
            "provisioner",
            "post-processor",
            "post-processors",
            "error-cleanup-provisioner",
            "hcp_packer_registry",
        ]),
        &[],
    ),
    kind(
        "variable",
        1,
        Some(&["type", "default", "description", "sensitive", "validation"]),
        &[],
    ),
    kind("variables", 0, None, &[]),
    kind("locals", 0, None, &[]),
    kind(
        "local",
        1,
        Some(&["expression", "sensitive"]),
        &["expression"],
    ),
    kind("data", 2, None, &[]),
];

/// The meta-arguments block every resource may hold, whatever its provider.
const LIFECYCLE: &[&str] = &[
    "create_before_destroy",
    "prevent_destroy",
    "ignore_changes",
    "replace_triggered_by",
    "precondition",
    "postcondition",
    "action_trigger",
];

/// Returns the dialect ("terraform" or "packer") and the problems found.
pub fn check(b: &Block, doc: &Value) -> (&'static str, Vec<(usize, String)>) {
    let Some(top) = doc.as_object() else {
        return ("terraform", vec![(b.fence_line, "not an HCL body".into())]);
    };
    let packer = top.contains_key("source") || top.contains_key("build");
    let (dialect, kinds) = if packer {
        ("packer", PACKER)
    } else {
        ("terraform", TERRAFORM)
    };
    let mut out = Vec::new();
    let blocks: Vec<(&String, Vec<&Value>)> = top
        .iter()
        .filter(|(k, _)| !k.starts_with("__"))
        .filter_map(|(k, v)| block_items(v).map(|items| (k, items)))
        .collect();
    if blocks.is_empty() {
        return (dialect, out); // only arguments: a .tfvars file, which parsing has checked
    }
    for (key, v) in top.iter().filter(|(k, _)| !k.starts_with("__")) {
        if block_items(v).is_none() {
            out.push((
                b.line_of(&format!("{key} ")),
                format!("top-level argument {key:?}: a {dialect} file holds only blocks there"),
            ));
        }
    }
    for (name, items) in blocks {
        let Some(k) = kinds.iter().find(|k| k.name == name) else {
            let known: Vec<&str> = kinds.iter().map(|k| k.name).collect();
            out.push((
                b.line_of(name),
                format!(
                    "unknown top-level block {name:?} (one of {})",
                    known.join(", ")
                ),
            ));
            continue;
        };
        for item in items {
            out.extend(check_block(b, k, item));
        }
    }
    (dialect, out)
}

fn check_block(b: &Block, k: &Kind, item: &Value) -> Vec<(usize, String)> {
    let (labels, body) = split_labels(item);
    let at = b.line_of(&match labels.first() {
        Some(l) => format!("{} \"{l}\"", k.name),
        None => k.name.to_string(),
    });
    let shown = std::iter::once(k.name.to_string())
        .chain(labels.iter().map(|l| format!("{l:?}")))
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = Vec::new();
    if labels.len() != k.labels {
        out.push((
            at,
            format!(
                "{shown}: a {} block takes {} label(s), not {}",
                k.name,
                k.labels,
                labels.len()
            ),
        ));
    }
    let Some(body) = body else {
        return out;
    };
    let names: Vec<&str> = body
        .keys()
        .map(String::as_str)
        .filter(|n| !n.starts_with("__"))
        .collect();
    if let Some(known) = k.names {
        for n in names.iter().filter(|n| !known.contains(n)) {
            out.push((at, format!("{shown}: unknown argument or block {n:?}")));
        }
    }
    for r in k.required.iter().filter(|r| !names.contains(r)) {
        out.push((at, format!("{shown}: missing required argument {r:?}")));
    }
    if k.name == "resource" {
        for lc in body
            .get("lifecycle")
            .and_then(block_items)
            .into_iter()
            .flatten()
        {
            let (_, lc_body) = split_labels(lc);
            for n in lc_body
                .into_iter()
                .flat_map(Map::keys)
                .filter(|n| !n.starts_with("__"))
            {
                if !LIFECYCLE.contains(&n.as_str()) {
                    out.push((
                        b.line_of(n),
                        format!("{shown}: unknown lifecycle argument {n:?}"),
                    ));
                }
            }
        }
    }
    out
}

/// A block's occurrences, when `v` is one (python-hcl2 lists every block under its type name and
/// marks each body with `__is_block__`); None for an argument.
fn block_items(v: &Value) -> Option<Vec<&Value>> {
    let items = v.as_array()?;
    let all_blocks = !items.is_empty() && items.iter().all(|i| split_labels(i).1.is_some());
    all_blocks.then(|| items.iter().collect())
}

/// Labels nest as single-key objects above the body: `resource "a" "b" {}` is
/// `{"\"a\"": {"\"b\"": {body, "__is_block__": true}}}`.
fn split_labels(item: &Value) -> (Vec<String>, Option<&Map<String, Value>>) {
    let mut labels = Vec::new();
    let mut cur = item;
    loop {
        let Some(obj) = cur.as_object() else {
            return (labels, None);
        };
        if obj.contains_key("__is_block__") {
            return (labels, Some(obj));
        }
        let mut keys = obj.iter().filter(|(k, _)| !k.starts_with("__"));
        match (keys.next(), keys.next()) {
            (Some((label, inner)), None) => {
                labels.push(label.trim_matches('"').to_string());
                cur = inner;
            }
            _ => return (labels, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn block(text: &str) -> Block {
        Block {
            file: "f.md".into(),
            fence_line: 20,
            lang: "hcl".into(),
            text: text.into(),
        }
    }

    #[test]
    fn labels_top_level_types_and_language_arguments_are_checked() {
        let text = "resource \"aws_s3_bucket\" {\n}\nresources \"a\" \"b\" {}\noutput \"o\" {\n  vaule = 1\n}\n";
        let doc = json!({
            "resource": [{"\"aws_s3_bucket\"": {"bucket": "\"x\"", "__is_block__": true}}],
            "resources": [{"\"a\"": {"\"b\"": {"__is_block__": true}}}],
            "output": [{"\"o\"": {"vaule": 1, "__is_block__": true}}],
        });
        let (dialect, problems) = check(&block(text), &doc);
        assert_eq!(dialect, "terraform");
        let text: Vec<String> = problems.iter().map(|(l, m)| format!("{l}: {m}")).collect();
        let text = text.join("\n");
        for part in [
            "21: resource \"aws_s3_bucket\": a resource block takes 2 label(s), not 1",
            "23: unknown top-level block \"resources\"",
            "24: output \"o\": unknown argument or block \"vaule\"",
            "24: output \"o\": missing required argument \"value\"",
        ] {
            assert!(text.contains(part), "{part} missing from:\n{text}");
        }
    }

    #[test]
    fn packer_templates_and_tfvars_are_recognised() {
        let doc = json!({
            "source": [{"\"amazon-ebs\"": {"\"api\"": {"ami_name": "\"x\"", "__is_block__": true}}}],
            "build": [{"sources": ["\"source.amazon-ebs.api\""], "__is_block__": true}],
        });
        assert_eq!(check(&block(""), &doc), ("packer", vec![]));
        let tfvars = json!({"region": "\"eu-west-1\"", "count": 3});
        assert_eq!(check(&block(""), &tfvars), ("terraform", vec![]));
        let mixed = json!({"region": 1, "locals": [{"a": 1, "__is_block__": true}]});
        assert_eq!(check(&block("region = 1\n"), &mixed).1.len(), 1);
    }
}
