//! The crate's modules form layers (model → validate → layout → render → drills) with no import
//! circles: a circle means neither side can be read, tested or changed without the other. This reads
//! every file under src/, collects the `crate::<module>` references of each top-level module (a
//! directory module's files count as that module, so `super::` inside it is internal), and fails
//! naming the circle if the module graph has one. Test code counts too: a test that reaches up a
//! layer ties the layers together just the same.
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Module → the modules it references, each with the first place it does so (`file:line`).
type Graph = BTreeMap<String, BTreeMap<String, String>>;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, with the top-level module it belongs to (`None` for lib.rs, the
/// crate root, which declares and re-exports the modules and is no layer itself).
fn files(dir: &Path, module: Option<&str>, out: &mut Vec<(PathBuf, Option<String>)>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if path.is_dir() {
            files(&path, Some(module.unwrap_or(name)), out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let owner = match module {
                Some(m) => Some(m.to_string()),
                None if name == "lib" => None,
                None => Some(name.to_string()),
            };
            out.push((path, owner));
        }
    }
}

/// The leading identifier of `s`, if it starts with one.
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first path segment of each item in the `{…}` list that `s` starts with (`{a, b::c, d::{e}}`
/// gives a, b, d): only commas outside nested braces separate items.
fn grouped(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (i, c) in s.char_indices() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1 {
                    start = true;
                    continue;
                }
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => {
                start = true;
                continue;
            }
            _ => {}
        }
        if start && depth == 1 && !c.is_whitespace() {
            out.push(ident(&s[i..]));
            start = false;
        }
    }
    out
}

/// The names `crate::…` references in `text` start with, each with its line. Comment lines are
/// skipped (doc comments may mention paths they do not use); a grouped `use crate::{…}` may span lines.
fn references(text: &str) -> Vec<(String, usize)> {
    let code: String = text
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let line = code[..at].matches('\n').count() + 1;
        let rest = &code[at + "crate::".len()..];
        if rest.starts_with('{') {
            out.extend(grouped(rest).into_iter().map(|n| (n.to_string(), line)));
        } else {
            out.push((ident(rest).to_string(), line));
        }
    }
    out
}

/// `pub use module::{Name, …}` in lib.rs: a `crate::Name` reference depends on that module.
fn re_exports(lib: &str) -> BTreeMap<String, String> {
    let flat = lib.replace('\n', " ");
    let mut out = BTreeMap::new();
    for part in flat.split("pub use ").skip(1) {
        let item = &part[..part.find(';').unwrap_or(part.len())];
        let module = ident(item.trim_start());
        let names = match item.find('{') {
            Some(b) => item[b + 1..item.rfind('}').unwrap_or(item.len())].to_string(),
            None => item.rsplit("::").next().unwrap_or_default().to_string(),
        };
        for name in names.split(',').map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let name = name.rsplit(" as ").next().unwrap_or(name);
            out.insert(name.to_string(), module.to_string());
        }
    }
    out
}

fn graph() -> Graph {
    let mut all = Vec::new();
    files(&src(), None, &mut all);
    let modules: BTreeSet<String> = all.iter().filter_map(|(_, m)| m.clone()).collect();
    let lib = fs::read_to_string(src().join("lib.rs")).expect("lib.rs is readable");
    let exported = re_exports(&lib);
    let mut g = Graph::new();
    for (path, owner) in &all {
        let Some(owner) = owner else { continue };
        let text = fs::read_to_string(path).expect("a source file is readable");
        let edges = g.entry(owner.clone()).or_default();
        let file = path
            .strip_prefix(src())
            .unwrap_or(path)
            .display()
            .to_string();
        for (name, line) in references(&text) {
            let target = if modules.contains(&name) {
                Some(name)
            } else {
                exported.get(&name).cloned()
            };
            match target {
                Some(t) if &t != owner => {
                    edges
                        .entry(t)
                        .or_insert_with(|| format!("src/{file}:{line}"));
                }
                _ => {}
            }
        }
    }
    g
}

/// A circle in `g` as the modules along it (the first one repeated at the end), if there is one.
fn circle(g: &Graph) -> Option<Vec<String>> {
    fn visit(
        g: &Graph,
        at: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == at) {
            let mut c = path[i..].to_vec();
            c.push(at.to_string());
            return Some(c);
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.to_string());
        for next in g.get(at).into_iter().flat_map(|e| e.keys()) {
            if let Some(c) = visit(g, next, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(at.to_string());
        None
    }
    let mut done = BTreeSet::new();
    g.keys()
        .find_map(|m| visit(g, m, &mut Vec::new(), &mut done))
}

#[test]
fn modules_import_no_circles() {
    let g = graph();
    for (m, deps) in &g {
        let names: Vec<&str> = deps.keys().map(String::as_str).collect();
        println!("{m} -> {}", names.join(", "));
    }
    if let Some(c) = circle(&g) {
        let steps: Vec<String> = c
            .windows(2)
            .map(|w| format!("  {} -> {} ({})", w[0], w[1], g[&w[0]][&w[1]]))
            .collect();
        panic!(
            "module import circle: {}\n{}",
            c.join(" -> "),
            steps.join("\n")
        );
    }
}

#[test]
fn the_reader_sees_every_kind_of_reference() {
    let text = "use crate::a::X;\nuse crate::{b, c::{D, E}, d::F};\n// crate::commented\nfn f() { crate::e::g(); pub(crate) fn h() {} $crate::no }";
    let names: Vec<String> = references(text).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["a", "b", "c", "d", "e"]);
}

#[test]
fn a_circle_is_found_and_a_layering_is_not() {
    let edge = |pairs: &[(&str, &str)]| {
        let mut g = Graph::new();
        for (a, b) in pairs {
            g.entry(a.to_string())
                .or_default()
                .insert(b.to_string(), String::new());
            g.entry(b.to_string()).or_default();
        }
        g
    };
    assert_eq!(circle(&edge(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    assert_eq!(
        circle(&edge(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}
