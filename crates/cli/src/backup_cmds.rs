//! `archdrill backup`, `archdrill backups`, `archdrill restore <backup>`: the learner's backups from the
//! command line. ARCHDRILL_DATA_DIR picks the data folder, as in the app.
use archdrill_core::{utc_datetime, Archdrill, BackupRow};
use std::path::Path;
use std::process::ExitCode;

/// Runs a backup command, or `None` when `cmd` is not one.
pub fn run(cmd: &str, rest: &[String]) -> Option<ExitCode> {
    let code = match (cmd, rest) {
        ("backup", []) => with_app(|app| {
            let b = app.backup_now()?;
            println!("backed up to {}", describe(app, &b));
            Ok(())
        }),
        ("backups", []) => with_app(list),
        ("restore", [backup]) => with_app(|app| restore(app, backup)),
        ("backup" | "backups", _) => usage(&format!("{cmd} takes no arguments")),
        ("restore", _) => {
            usage("restore takes one backup: a file name from `archdrill backups`, or a path")
        }
        _ => return None,
    };
    Some(code)
}

fn with_app(f: impl FnOnce(&Archdrill) -> Result<(), archdrill_domain::AppError>) -> ExitCode {
    let dir = archdrill_store::default_data_dir();
    let result = Archdrill::open(&dir).and_then(|app| {
        if let Some(n) = app.recovery_notice() {
            eprintln!(
                "archdrill: {}; recovered ({}), damaged files kept: {}",
                n.reason,
                n.restored_from.as_deref().unwrap_or("new empty database"),
                n.moved_aside.join(", ")
            );
        }
        f(&app)
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("archdrill: {} (data folder {})", e, dir.display());
            ExitCode::from(1)
        }
    }
}

fn list(app: &Archdrill) -> Result<(), archdrill_domain::AppError> {
    use std::io::Write;
    let all = app.backups()?;
    // A closed pipe (`archdrill backups | head -1`) ends the listing quietly.
    let mut out = std::io::stdout().lock();
    if all.is_empty() {
        let _ = writeln!(out, "no backups yet in {}", app.backups_folder());
    }
    for b in &all {
        let _ = writeln!(
            out,
            "{}  {} UTC  {:>10} bytes  {} reviews",
            b.file_name,
            utc_datetime(b.created_at as i64),
            b.size_bytes,
            b.reviews
        );
    }
    Ok(())
}

fn restore(app: &Archdrill, backup: &str) -> Result<(), archdrill_domain::AppError> {
    let listed = app.backups()?.into_iter().any(|b| b.file_name == backup);
    let safety = if listed {
        app.restore_backup(backup)?
    } else {
        app.restore_backup_file(Path::new(backup))?
    };
    println!(
        "restored {backup}; what was there before is in {}",
        describe(app, &safety)
    );
    Ok(())
}

fn describe(app: &Archdrill, b: &BackupRow) -> String {
    format!(
        "{}/{} ({} bytes, {} reviews)",
        app.backups_folder(),
        b.file_name,
        b.size_bytes,
        b.reviews
    )
}

fn usage(message: &str) -> ExitCode {
    eprintln!("archdrill: {message}");
    ExitCode::from(2)
}
