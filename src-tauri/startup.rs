//! Startup timing, for the performance report (`.ci/startup-bench`): when
//! `CLIENTWELL_STARTUP_REPORT` names a file, the time from process start to the first command
//! answered and to the UI's first paint is written there. Otherwise this does nothing.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();
static FIRST_COMMAND: AtomicBool = AtomicBool::new(false);

/// Called first thing in `run`.
pub fn mark_start() {
    let _ = STARTED.set(Instant::now());
}

/// The first command the UI sends (its `app_status`) has been answered.
pub fn first_command() {
    if !FIRST_COMMAND.swap(true, Ordering::Relaxed) {
        record("first_command_ms");
    }
}

/// The UI drew its first screen.
pub fn first_paint() {
    record("first_paint_ms");
}

fn record(what: &str) {
    let (Some(path), Some(started)) = (std::env::var_os("CLIENTWELL_STARTUP_REPORT"), STARTED.get()) else { return };
    if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let _ = writeln!(file, "{what}={:.1} pid={}", started.elapsed().as_secs_f64() * 1000.0, std::process::id());
    }
}
