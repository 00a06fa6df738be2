//! The owner's choices about updates, kept per computer (not in the book, which moves between
//! computers): whether Clientwell may look for a new version when it opens, and the day it last
//! looked. Clientwell never looks without the owner's consent and at most once a day when it does.
//! Fetching and installing are the shell's (tauri-plugin-updater); the rules are here.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};

/// The file in the app's data folder that holds [`UpdatePrefs`].
pub const PREFS_FILE: &str = "updates.json";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct UpdatePrefs {
    /// The owner agreed to a check when Clientwell opens. Off until they turn it on.
    #[serde(default)]
    pub check_at_start: bool,
    /// The last day Clientwell looked for a new version, asked or at start.
    #[serde(default)]
    pub last_checked: Option<NaiveDate>,
}

impl UpdatePrefs {
    /// A check at start is due only when the owner turned it on and none ran today.
    pub fn due_at_start(&self, today: NaiveDate) -> bool {
        self.check_at_start && self.last_checked.is_none_or(|day| day < today)
    }

    pub fn checked(self, today: NaiveDate) -> UpdatePrefs {
        UpdatePrefs { last_checked: Some(today), ..self }
    }
}

fn file(dir: &Path) -> PathBuf {
    dir.join(PREFS_FILE)
}

/// The saved choices; a computer that never saved any has the defaults (no checks). A file that
/// cannot be read as choices is an error rather than silently "no checks", so the owner learns
/// why their choice seems forgotten.
pub fn load(dir: &Path) -> Result<UpdatePrefs> {
    let path = file(dir);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(UpdatePrefs::default()),
        Err(e) => return Err(Error::storage(format!("Could not read {}: {e}", path.display()))),
    };
    serde_json::from_str(&text).map_err(|e| {
        Error::storage(format!("{} is not a list of update choices ({e}); turn the check on or off again to rewrite it.", path.display()))
    })
}

/// Saves the choices through a temporary file renamed into place, so a crash never leaves half
/// a file.
pub fn save(dir: &Path, prefs: &UpdatePrefs) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::storage(format!("Could not create {}: {e}", dir.display())))?;
    let path = file(dir);
    let tmp = dir.join(format!(".{PREFS_FILE}.{}.part", std::process::id()));
    let text = serde_json::to_string_pretty(prefs).map_err(|e| Error::internal(format!("Could not write the update choices: {e}")))?;
    std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::storage(format!("Could not save {}: {e}", path.display()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).expect("a December day")
    }

    #[test]
    fn no_check_at_start_until_the_owner_agrees() {
        assert!(!UpdatePrefs::default().due_at_start(day(4)));
        let agreed = UpdatePrefs { check_at_start: true, last_checked: None };
        assert!(agreed.due_at_start(day(4)));
    }

    #[test]
    fn a_check_at_start_runs_at_most_once_a_day() {
        let prefs = UpdatePrefs { check_at_start: true, last_checked: None }.checked(day(4));
        assert!(!prefs.due_at_start(day(4)), "already looked today");
        assert!(prefs.due_at_start(day(5)), "a new day");
        // A clock set back does not make the check run twice on the day it was run.
        assert!(!prefs.due_at_start(day(3)));
    }

    #[test]
    fn choices_survive_a_restart_and_a_missing_file_means_no_checks() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(load(dir.path()).expect("no file yet"), UpdatePrefs::default());
        let prefs = UpdatePrefs { check_at_start: true, last_checked: Some(day(4)) };
        save(dir.path(), &prefs).expect("saved");
        assert_eq!(load(dir.path()).expect("read back"), prefs);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("listed").flatten().map(|e| e.file_name()).collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from(PREFS_FILE)], "no temporary file left behind");
    }

    #[test]
    fn an_unreadable_choices_file_is_named_not_taken_for_no() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(PREFS_FILE), "{ not json").expect("written");
        let err = load(dir.path()).expect_err("refused");
        assert!(err.message.contains(PREFS_FILE), "{}", err.message);
    }
}
