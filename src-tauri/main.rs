// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // `--demo` opens the demo studio instead of the owner's book (used by the README's run command).
    let demo = std::env::args().skip(1).any(|a| a == "--demo");
    clientwell_app::run(demo);
}
