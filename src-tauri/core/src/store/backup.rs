//! Backups of the book: written with `VACUUM INTO` (a consistent copy of the live database,
//! never a raw file copy that could catch a write half-way), listed with what each holds, rotated,
//! and restored through SQLite's backup API into the open connection.
//!
//! Files live in the `backups` folder beside the book and are named
//! `{book}-{kind}-{YYYYMMDDTHHMMSSZ}.sqlite3`, so the name alone says when and why each was made.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use specta::Type;

use super::{backups_dir, migrate, Store};
use crate::error::{Error, Result};

/// Why a backup was made; decides how long it is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// The first backup of each day the book is used (kept: 7 days, then one per week for 4 weeks).
    Daily,
    /// "Back up now" (the newest 10 are kept).
    Manual,
    /// Taken just before a restore replaced the book (the newest 5 are kept).
    BeforeRestore,
    /// Taken before the book's format was updated by a new version (never deleted automatically).
    BeforeUpdate,
}

impl BackupKind {
    fn slug(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::Manual => "manual",
            BackupKind::BeforeRestore => "before-restore",
            BackupKind::BeforeUpdate => "before-update",
        }
    }
}

pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;
pub const KEEP_MANUAL: usize = 10;
pub const KEEP_BEFORE_RESTORE: usize = 5;

/// One backup file and what it holds, for the restore list.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Backup {
    /// The file name inside the backups folder (what restore is given back).
    pub file_name: String,
    pub kind: BackupKind,
    /// When it was made, UTC, ISO 8601.
    pub made_at: String,
    pub studio_name: Option<String>,
    /// Clients not archived at the time of the backup.
    pub client_count: u32,
    pub size_bytes: u64,
    /// The book format it was saved in (an older one is updated after a restore).
    pub schema_version: u32,
    /// Why it cannot be restored, if it cannot (damaged, from a newer version...).
    pub problem: Option<String>,
}

/// The name of a backup file: which book, why, when.
fn file_name(book: &Path, kind: BackupKind, at: DateTime<Utc>) -> String {
    let stem = book.file_stem().and_then(|s| s.to_str()).unwrap_or("book");
    format!("{stem}-{}-{}.sqlite3", kind.slug(), at.format("%Y%m%dT%H%M%SZ"))
}

/// Reads the kind and time back from a name `file_name` wrote for this book; None for other files.
fn parse_name(book: &Path, name: &str) -> Option<(BackupKind, NaiveDateTime)> {
    let stem = book.file_stem().and_then(|s| s.to_str()).unwrap_or("book");
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?.strip_suffix(".sqlite3")?;
    let (kind, stamp) = rest.rsplit_once('-')?;
    // Two backups in one second get a "-2" suffix after the stamp.
    let (kind, stamp) = match NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ") {
        Ok(at) => (kind, at),
        Err(_) => {
            let (kind, stamp) = kind.rsplit_once('-')?;
            (kind, NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ").ok()?)
        }
    };
    let kind = match kind {
        "daily" => BackupKind::Daily,
        "manual" => BackupKind::Manual,
        "before-restore" => BackupKind::BeforeRestore,
        k if k.starts_with('v') && k.ends_with("-before-update") => BackupKind::BeforeUpdate,
        _ => return None,
    };
    Some((kind, stamp))
}

/// A free path for a new backup in `dir`, never overwriting one made in the same second.
pub(crate) fn free_path(dir: &Path, name: &str) -> PathBuf {
    let mut target = dir.join(name);
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(name.replace(".sqlite3", &format!("-{n}.sqlite3")));
    }
    target
}

/// Runs `write` while holding the backups folder's lock, so two backups at the same moment (the
/// app's daily one and a `clientwell backup`, say) take turns instead of writing the same
/// temporary file; first it deletes the temporary files of backups that were killed midway
/// (no backup can be running while we hold the lock). `write` gets the folder.
pub(crate) fn locked<T>(dir: &Path, write: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    std::fs::create_dir_all(dir).map_err(|e| Error::storage(format!("Could not create the backups folder {}: {e}", dir.display())))?;
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".backup.lock"))
        .map_err(|e| Error::storage(format!("Could not lock the backups folder {}: {e}", dir.display())))?;
    lock.lock().map_err(|e| Error::storage(format!("Could not lock the backups folder {}: {e}", dir.display())))?;
    for entry in std::fs::read_dir(dir)?.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "partial") && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(&path);
        }
    }
    write(dir)
}

/// Writes a consistent copy of `conn`'s database to `target` with `VACUUM INTO`: first to a
/// temporary name, then renamed, so a half-written backup never looks like a real one. Callers
/// hold the backups folder's lock ([`locked`]).
pub(crate) fn vacuum_into(conn: &Connection, target: &Path) -> Result<()> {
    let partial = target.with_extension("partial");
    let text = partial
        .to_str()
        .ok_or_else(|| Error::storage(format!("The backup folder {} has a name SQLite cannot use.", target.display())))?;
    let _ = std::fs::remove_file(&partial);
    conn.execute("VACUUM INTO ?1", [text]).map_err(|e| Error::storage(format!("The backup could not be written: {e}")))?;
    std::fs::rename(&partial, target)?;
    Ok(())
}

impl Store {
    /// Writes a backup of the book now and rotates old ones. Returns what was written.
    pub fn back_up(&self, kind: BackupKind) -> Result<Backup> {
        self.back_up_at(kind, Utc::now())
    }

    pub(crate) fn back_up_at(&self, kind: BackupKind, at: DateTime<Utc>) -> Result<Backup> {
        let target = locked(&backups_dir(&self.path), |dir| {
            let target = free_path(dir, &file_name(&self.path, kind, at));
            vacuum_into(self.read(), &target)?;
            rotate(&self.path)?;
            Ok(target)
        })?;
        describe(&self.path, &target)
    }

    /// The daily backup: made when the newest daily one is from an earlier day (UTC) than `at`.
    /// Returns the backup made, if one was.
    pub fn back_up_daily(&self, at: DateTime<Utc>) -> Result<Option<Backup>> {
        let today = at.date_naive();
        let done_today = backup_files(&self.path)?
            .iter()
            .any(|(_, kind, made)| *kind == BackupKind::Daily && made.date() == today);
        if done_today {
            return Ok(None);
        }
        self.back_up_at(BackupKind::Daily, at).map(Some)
    }

    /// Replaces the book with the backup `file_name` (a name from [`list_backups`]), after
    /// backing up the book as it is now. A backup in an older format is then updated.
    /// Returns the backup of the book as it was before the restore.
    pub fn restore(&mut self, file_name: &str) -> Result<Backup> {
        let dir = backups_dir(&self.path);
        let source = dir.join(file_name);
        if file_name.contains(['/', '\\']) || parse_name(&self.path, file_name).is_none() || !source.is_file() {
            return Err(Error::not_found(format!("There is no backup called {file_name} in {}.", dir.display())));
        }
        let found = describe(&self.path, &source)?;
        if let Some(problem) = found.problem {
            return Err(Error::incompatible(format!("{file_name} cannot be restored: {problem} Your book was not changed.")));
        }
        let before = self.back_up(BackupKind::BeforeRestore)?;
        self.book.get_mut().take();
        // The backup API copies pages, which the update hook does not see: the whole book changed.
        self.watch.mark_everything();
        // The change triggers name the book's tables; an older backup may not have them all yet.
        super::touched::uninstall(&self.conn)?;
        let restored = self
            .conn
            .restore(rusqlite::MAIN_DB, &source, None::<fn(rusqlite::backup::Progress)>)
            .map_err(|e| Error::storage(format!("The restore failed and your book was left as it was: {e}")))
            .and_then(|()| migrate::migrate(&mut self.conn, &self.path).map(|_| ()));
        // Whatever happened, the book in use gets its change triggers back.
        super::touched::install(&self.conn)?;
        restored?;
        Ok(before)
    }
}

/// Every backup of the book at `book`, newest first, each with what it holds.
pub fn list_backups(book: &Path) -> Result<Vec<Backup>> {
    let mut found = backup_files(book)?;
    found.sort_by_key(|b| std::cmp::Reverse(b.2));
    found.iter().map(|(path, _, _)| describe(book, path)).collect()
}

/// The backup files of `book`: path, kind and time, in no particular order.
fn backup_files(book: &Path) -> Result<Vec<(PathBuf, BackupKind, NaiveDateTime)>> {
    let dir = backups_dir(book);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::storage(format!("Could not read the backups folder {}: {e}", dir.display()))),
    };
    let mut found = Vec::new();
    for entry in entries {
        let path = entry?.path();
        // Only files: opening a FIFO or a device to read it would wait forever.
        if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            continue;
        }
        if let Some((kind, at)) = path.file_name().and_then(|n| n.to_str()).and_then(|n| parse_name(book, n)) {
            found.push((path, kind, at));
        }
    }
    Ok(found)
}

/// Opens a backup read-only and says what it holds; a damaged or foreign file is listed with
/// its problem rather than failing the whole list.
fn describe(book: &Path, path: &Path) -> Result<Backup> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
    let (kind, at) = parse_name(book, &name).ok_or_else(|| Error::not_found(format!("{name} is not a backup of this book.")))?;
    let size_bytes = std::fs::metadata(path)?.len();
    let mut backup = Backup {
        file_name: name,
        kind,
        made_at: at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        studio_name: None,
        client_count: 0,
        size_bytes,
        schema_version: 0,
        problem: None,
    };
    match read_contents(path) {
        Ok((version, studio, clients)) => {
            backup.schema_version = version;
            backup.studio_name = studio;
            backup.client_count = clients;
        }
        Err(e) => backup.problem = Some(e.message),
    }
    Ok(backup)
}

fn read_contents(path: &Path) -> Result<(u32, Option<String>, u32)> {
    let header = migrate::read_header(path)?;
    migrate::check_header(path, &header)?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(Error::storage("The file is damaged."));
    }
    let studio: Option<String> = conn.query_row("SELECT name FROM studio LIMIT 1", [], |r| r.get(0)).ok();
    let clients: u32 = conn.query_row("SELECT count(*) FROM client WHERE archived_at IS NULL", [], |r| r.get(0))?;
    Ok((header.user_version, studio, clients))
}

/// Deletes the backups the rotation no longer keeps.
fn rotate(book: &Path) -> Result<()> {
    let files = backup_files(book)?;
    let stamps: Vec<(BackupKind, NaiveDateTime)> = files.iter().map(|(_, k, at)| (*k, *at)).collect();
    for (index, (path, _, _)) in files.iter().enumerate() {
        if !keep(&stamps)[index] {
            std::fs::remove_file(path)?;
        }
    }
    Ok(())
}

/// Which backups to keep, by kind and time: the newest daily backup of each of the last
/// `KEEP_DAILY` days with one, plus the newest of each of the `KEEP_WEEKLY` most recent weeks
/// (ISO weeks) before those; the newest `KEEP_MANUAL` manual and `KEEP_BEFORE_RESTORE`
/// before-restore ones; every before-update one.
pub(crate) fn keep(backups: &[(BackupKind, NaiveDateTime)]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..backups.len()).collect();
    order.sort_by(|&a, &b| backups[b].1.cmp(&backups[a].1));
    let mut kept = vec![false; backups.len()];
    let (mut days, mut weeks) = (BTreeSet::new(), BTreeSet::new());
    let (mut manual, mut before_restore) = (0, 0);
    for index in order {
        let (kind, at) = backups[index];
        kept[index] = match kind {
            BackupKind::BeforeUpdate => true,
            BackupKind::Manual => {
                manual += 1;
                manual <= KEEP_MANUAL
            }
            BackupKind::BeforeRestore => {
                before_restore += 1;
                before_restore <= KEEP_BEFORE_RESTORE
            }
            BackupKind::Daily => {
                let day = at.date();
                let week = (day.iso_week().year(), day.iso_week().week());
                if days.len() < KEEP_DAILY && !days.contains(&day) {
                    days.insert(day);
                    true
                } else if days.len() >= KEEP_DAILY && weeks.len() < KEEP_WEEKLY && !weeks.contains(&week) && !days.contains(&day) {
                    weeks.insert(week);
                    true
                } else {
                    false
                }
            }
        };
    }
    kept
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
