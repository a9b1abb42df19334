// The desktop app's entry point; everything else is in the archdrill-shell library beside it.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    archdrill_shell::run();
}
