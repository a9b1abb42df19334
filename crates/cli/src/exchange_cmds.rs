//! `archdrill export FILE`, `archdrill import FILE`, `archdrill sync [--folder DIR]`: moving progress
//! between computers from the command line. ARCHDRILL_DATA_DIR picks the data folder, as in the app.
use archdrill_core::Archdrill;
use archdrill_domain::AppError;
use std::path::Path;
use std::process::ExitCode;

/// Runs an exchange command, or `None` when `cmd` is not one.
pub fn run(cmd: &str, rest: &[String]) -> Option<ExitCode> {
    let code = match (cmd, rest) {
        ("export", [file]) => with_app(|app| {
            let r = app.export_to(Path::new(file), |_| {})?;
            println!(
                "exported {} reviews, {} undo marks, {} note/bookmark/setting changes, {} mocks and \
                 {} drill attempts to {} ({} bytes)",
                r.reviews, r.undos, r.changes, r.mocks, r.attempts, r.path, r.bytes
            );
            Ok(())
        }),
        ("import", [file]) => {
            with_app(|app| {
                let r = app.import_from(Path::new(file), |_| {})?;
                println!(
                "imported {}: added {} reviews, {} undo marks, {} note/bookmark/setting changes, \
                 {} mocks and {} drill attempts",
                r.path, r.reviews_added, r.undos_added, r.changes_added, r.mocks_added,
                r.attempts_added
            );
                Ok(())
            })
        }
        ("sync", []) => with_app(sync),
        ("sync", [flag, dir]) if flag == "--folder" => with_app(|app| {
            app.set_sync_folder(Some(Path::new(dir)))?;
            sync(app)
        }),
        ("export" | "import", _) => usage(&format!("{cmd} takes one file")),
        ("sync", _) => usage("sync takes no arguments, or --folder DIR"),
        _ => return None,
    };
    Some(code)
}

fn sync(app: &Archdrill) -> Result<(), AppError> {
    let report = app.sync_now()?;
    let json = serde_json::to_string_pretty(&report).map_err(|e| AppError::Storage {
        message: e.to_string(),
    })?;
    println!("{json}");
    Ok(())
}

fn with_app(f: impl FnOnce(&Archdrill) -> Result<(), AppError>) -> ExitCode {
    let dir = archdrill_store::default_data_dir();
    match Archdrill::open(&dir).and_then(|app| f(&app)) {
        Ok(()) => ExitCode::SUCCESS,
        // A bad file's message already names the file; the data folder is beside the point then.
        Err(e @ AppError::BadFile { .. }) => {
            eprintln!("archdrill: {e}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("archdrill: {} (data folder {})", e, dir.display());
            ExitCode::from(1)
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("archdrill: {message}");
    ExitCode::from(2)
}
