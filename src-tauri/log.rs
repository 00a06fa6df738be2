//! The app's error log: one line per failed command that was not the user's doing (a failing
//! disk, a bug) and per panic, appended to `clientwell.log` in the OS log folder.
//!
//! Only the error's kind and message are written: messages name files and fields, never
//! amounts, so no client financials reach the log. The file is cut back to its newest half when
//! it passes 1 MB, so it never grows without bound.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clientwell_core::Error;

const LOG_FILE: &str = "clientwell.log";
const MAX_BYTES: u64 = 1_000_000;

static LOG_PATH: OnceLock<PathBuf> = OnceLock::new();

/// Starts logging into `dir` and records panics there too (after the default hook has run).
pub fn init(dir: &Path) {
    if std::fs::create_dir_all(dir).is_err() || LOG_PATH.set(dir.join(LOG_FILE)).is_err() {
        return;
    }
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        line(&format!("panic{place}: {what}"));
        default_hook(info);
    }));
}

/// Where the log is written, once [`init`] has run.
pub fn path() -> Option<&'static Path> {
    LOG_PATH.get().map(PathBuf::as_path)
}

/// Records an error a command returned, unless it is the user's own (a validation message...).
pub fn error(error: &Error) {
    if !error.is_user_error() {
        line(&format!("{:?}: {}", error.kind, error.message));
    }
}

fn line(text: &str) {
    let Some(path) = LOG_PATH.get() else { return };
    if std::fs::metadata(path).map(|m| m.len() > MAX_BYTES).unwrap_or(false) {
        if let Ok(old) = std::fs::read_to_string(path) {
            let keep = old.len() / 2;
            // Searched as bytes: `keep` may fall inside a character; just after a newline never does.
            let cut = old.as_bytes()[keep..].iter().position(|b| *b == b'\n').map(|i| keep + i + 1).unwrap_or(old.len());
            let _ = std::fs::write(path, &old[cut..]);
        }
    }
    if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let stamp = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
        let _ = writeln!(file, "{stamp} {text}");
    }
}
