//! Running commands loudly: each step prints what it runs, and a failure names the command.
use crate::Result;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

pub fn run(dir: impl AsRef<Path>, program: &str, args: &[&str]) -> Result {
    run_env(dir, program, args, &[])
}

pub fn run_env(
    dir: impl AsRef<Path>,
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Result {
    let dir = dir.as_ref();
    let shown = format!("{program} {}", args.join(" "));
    println!("\n==> {shown}   (in {})", dir.display());
    let start = Instant::now();
    let status = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .status()
        .map_err(|e| format!("cannot start `{program}`: {e}"))?;
    println!(
        "<== {shown}: {status} in {:.1}s",
        start.elapsed().as_secs_f64()
    );
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// True when `program --version` (or similar probe) runs.
pub fn works(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}
