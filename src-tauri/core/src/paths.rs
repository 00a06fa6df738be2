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

/// Where the app writes its error log: the OS log folder (as Tauri names it), or `logs` inside
/// `CLIENTWELL_DATA_DIR` when that is set, so tests keep everything in their temp folder.
pub fn log_dir() -> Result<PathBuf> {
    if std::env::var_os(DATA_DIR_ENV).is_some_and(|d| !d.is_empty()) {
        return Ok(data_dir()?.join("logs"));
    }
    let dir = if cfg!(target_os = "macos") {
        dirs::home_dir().map(|h| h.join("Library/Logs").join(APP_IDENTIFIER))
    } else {
        dirs::data_local_dir().map(|d| d.join(APP_IDENTIFIER).join("logs"))
    };
    dir.ok_or_else(|| Error::storage("No log folder is known on this system."))
}

/// The owner's own book.
pub fn book_path() -> Result<PathBuf> {
    Ok(data_dir()?.join(BOOK_FILE))
}

/// The demo studio's book, kept apart from the real one.
pub fn demo_path() -> Result<PathBuf> {
    Ok(data_dir()?.join(DEMO_FILE))
}

/// Held by the app for as long as it has a book open, so a second copy of the app never becomes
/// a second writer on the same book: it is told the book is already open instead. (The CLI does
/// not take it; its writes queue behind the app's through SQLite's own locking.) The OS releases
/// the lock when the process ends, even after a crash, so a stale lock never locks the owner out.
pub struct BookLock {
    _file: std::fs::File,
}

pub fn lock_book(book: &std::path::Path) -> Result<BookLock> {
    // A copy of the app closed a moment ago may still be shutting down: give it a few seconds.
    lock_book_within(book, std::time::Duration::from_secs(3))
}

pub fn lock_book_within(book: &std::path::Path, patience: std::time::Duration) -> Result<BookLock> {
    let mut name = book.as_os_str().to_owned();
    name.push(".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&name)
        .map_err(|e| Error::storage(format!("Could not open {}: {e}", PathBuf::from(&name).display())))?;
    let deadline = std::time::Instant::now() + patience;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(BookLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::conflict(
                    None,
                    "Clientwell is already open on this book in another window. Switch to that window, or close it and open Clientwell again.",
                ))
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::storage(format!("Could not lock the book for this window: {e}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_book_is_refused_until_the_first_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let book = dir.path().join(BOOK_FILE);
        let first = lock_book(&book).unwrap();
        let err = lock_book_within(&book, std::time::Duration::from_millis(300)).err().expect("a second writer must be refused");
        assert_eq!(err.kind, crate::ErrorKind::Conflict);
        assert!(err.message.contains("already open"));
        assert!(lock_book(&dir.path().join(DEMO_FILE)).is_ok(), "another book is not locked");
        // Released while the next copy waits for it: the wait succeeds.
        let release = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(200));
            drop(first);
        });
        assert!(lock_book_within(&book, std::time::Duration::from_secs(3)).is_ok());
        release.join().unwrap();
    }
}
