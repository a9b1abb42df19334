//! The committed TypeScript bindings must match the Rust commands. `cargo xtask bindings` rewrites them.
use std::path::Path;

#[test]
fn bindings_are_current() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join(archdrill_shell::BINDINGS_PATH);
    if std::env::var_os("ARCHDRILL_WRITE_BINDINGS").is_some() {
        archdrill_shell::export_bindings(&committed).unwrap();
        return;
    }
    let fresh = std::env::temp_dir().join(format!("archdrill-bindings-{}.ts", std::process::id()));
    archdrill_shell::export_bindings(&fresh).unwrap();
    let want = std::fs::read_to_string(&fresh).unwrap();
    let _ = std::fs::remove_file(&fresh);
    let have = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        want == have,
        "ui/src/lib/bindings.ts is stale: run `cargo xtask bindings` and commit the result"
    );
}
