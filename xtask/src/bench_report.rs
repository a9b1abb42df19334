//! `cargo xtask bench-report [PREFIX...]`: median and p95 per call of every criterion benchmark
//! under target/criterion, as a markdown table. Criterion itself reports intervals for the mean and
//! the median, not a p95; its raw samples are in `<bench>/new/sample.json`, each sample being a
//! number of calls (`iters`) and their total time in ns (`times`). A call's time within a sample is
//! `times[i] / iters[i]`, so with more than one call per sample the p95 is that of sample means
//! (it smooths out single slow calls); the table says how many calls each sample holds.
//!
//! PREFIX picks benches whose name (`group/bench`) starts with it, e.g. `100k` or `10k/search`.
use crate::Result;
use std::fs;
use std::path::{Path, PathBuf};

struct Row {
    name: String,
    median_ns: f64,
    p95_ns: f64,
    samples: usize,
    min_iters: f64,
    max_iters: f64,
}

pub fn run(root: &Path, prefixes: &[String]) -> Result {
    let base = root.join("target/criterion");
    let mut files = Vec::new();
    sample_files(&base, &mut files)?;
    let mut rows = Vec::new();
    for file in files {
        let name = bench_name(&base, &file);
        if !prefixes.is_empty() && !prefixes.iter().any(|p| name.starts_with(p.as_str())) {
            continue;
        }
        let text = fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        rows.push(row(name, &text).map_err(|e| format!("{}: {e}", file.display()))?);
    }
    if rows.is_empty() {
        return Err(format!(
            "no criterion samples under {} (run `cargo bench` first)",
            base.display()
        ));
    }
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    println!("| bench | median | p95 | samples |");
    println!("|---|---|---|---|");
    for r in &rows {
        let calls = if r.min_iters == r.max_iters {
            format!(
                "{} call{} each",
                r.min_iters,
                if r.min_iters == 1.0 { "" } else { "s" }
            )
        } else {
            format!("{}–{} calls", r.min_iters, r.max_iters)
        };
        println!(
            "| {} | {} | {} | {} ({calls}) |",
            r.name,
            duration(r.median_ns),
            duration(r.p95_ns),
            r.samples
        );
    }
    Ok(())
}

/// Every `<...>/new/sample.json` below `dir` (criterion's latest run of each bench).
fn sample_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("cannot list {}: {e}", dir.display())),
    };
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            let sample = path.join("new/sample.json");
            if path.file_name().is_some_and(|n| n != "report") && sample.is_file() {
                out.push(sample);
            }
            sample_files(&path, out)?;
        }
    }
    Ok(())
}

/// `group/bench` from `<base>/group/bench/new/sample.json`.
fn bench_name(base: &Path, file: &Path) -> String {
    let dir = file.parent().and_then(Path::parent).unwrap_or(file);
    dir.strip_prefix(base)
        .unwrap_or(dir)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn row(name: String, json: &str) -> Result<Row> {
    let iters = number_array(json, "iters")?;
    let times = number_array(json, "times")?;
    if iters.len() != times.len() || iters.is_empty() || iters.iter().any(|&n| n <= 0.0) {
        return Err("`iters` and `times` do not pair up".into());
    }
    let mut per_call: Vec<f64> = times.iter().zip(&iters).map(|(t, n)| t / n).collect();
    per_call.sort_by(f64::total_cmp);
    Ok(Row {
        name,
        median_ns: percentile(&per_call, 0.5),
        p95_ns: percentile(&per_call, 0.95),
        samples: per_call.len(),
        min_iters: iters.iter().copied().fold(f64::INFINITY, f64::min),
        max_iters: iters.iter().copied().fold(0.0, f64::max),
    })
}

/// Linear interpolation between the closest ranks of sorted `xs` (the median of an even count is
/// the mean of the middle two).
fn percentile(xs: &[f64], q: f64) -> f64 {
    let at = q * (xs.len() - 1) as f64;
    let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
    xs[lo] + (xs[hi] - xs[lo]) * (at - lo as f64)
}

/// The numbers of the array under `"key"` in criterion's flat sample.json (no JSON library: xtask
/// has no dependencies, and the format is one object of number arrays).
fn number_array(json: &str, key: &str) -> Result<Vec<f64>> {
    let quoted = format!("\"{key}\"");
    let start = json
        .find(&quoted)
        .ok_or_else(|| format!("no `{key}` in the samples"))?;
    let rest = &json[start + quoted.len()..];
    let open = rest
        .find('[')
        .ok_or_else(|| format!("`{key}` is not an array"))?;
    let close = rest[open..]
        .find(']')
        .ok_or_else(|| format!("`{key}` is not closed"))?;
    rest[open + 1..open + close]
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<f64>().map_err(|e| format!("`{key}`: {s:?}: {e}")))
        .collect()
}

fn duration(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.2} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.1} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_per_call_times_from_criterion_samples() {
        let json = r#"{"sampling_mode":"Flat","iters":[2.0,2.0,2.0,2.0],"times":[4000.0,2000.0,8000.0,6000.0]}"#;
        let r = row("g/b".into(), json).unwrap();
        // Per call: 1000, 2000, 3000, 4000 ns.
        assert_eq!(r.median_ns, 2500.0);
        assert!((r.p95_ns - 3850.0).abs() < 1e-6, "{}", r.p95_ns);
        assert_eq!((r.samples, r.min_iters, r.max_iters), (4, 2.0, 2.0));
        assert!(row("g/b".into(), r#"{"iters":[1.0],"times":[]}"#).is_err());
    }

    #[test]
    fn formats_durations_in_the_unit_that_fits() {
        assert_eq!(duration(850.0), "850 ns");
        assert_eq!(duration(12_340.0), "12.3 µs");
        assert_eq!(duration(4_560_000.0), "4.56 ms");
        assert_eq!(duration(1.5e9), "1.50 s");
    }
}
