fn main() {
    // tauri.conf.json sits at the repository root (a fixed layout decision), one level up.
    let attrs = tauri_build::Attributes::new().config_path("../tauri.conf.json");
    if let Err(e) = tauri_build::try_build(attrs) {
        eprintln!("tauri build script failed: {e:#}");
        std::process::exit(1);
    }
}
