//! Running the real `archdrill` binary on a throwaway data folder, for the CLI's tests.
use std::path::Path;
use std::process::{Command, Output};

pub fn archdrill(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_archdrill"))
        .args(args)
        .env("ARCHDRILL_DATA_DIR", data)
        .output()
        .expect("the CLI runs")
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
