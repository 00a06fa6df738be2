//! Where books live. Tests and the demo set `CLIENTWELL_DATA_DIR` so they never touch the
//! owner's real book in the OS app-data folder.

use std::path::PathBuf;

use crate::error::{Error, Result};

/// The app's identifier; the OS data folder is named after it (as Tauri does).
pub const APP_IDENTIFIER: &str = "com.clientwell.desktop";
pub const DATA_DIR_ENV: &str = "CLIENTWELL_DATA_DIR";
pub const BOOK_FILE: &str = "clientwell.sqlite3";
pub const DEMO_FILE: &str = "demo.sqlite3";

pub fn data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join(APP_IDENTIFIER))
        .ok_or_else(|| Error::storage(format!("No app-data folder is known on this system; set {DATA_DIR_ENV}.")))
}

/// The owner's own book.
pub fn book_path() -> Result<PathBuf> {
    Ok(data_dir()?.join(BOOK_FILE))
}

/// The demo studio's book, kept apart from the real one.
pub fn demo_path() -> Result<PathBuf> {
    Ok(data_dir()?.join(DEMO_FILE))
}
