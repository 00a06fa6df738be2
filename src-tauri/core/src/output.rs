//! Every file Clientwell writes where the owner asked (documents, exports, templates, the
//! calendar, the plan recap) goes through [`save`], so that none can ever replace the open book,
//! its journal, its lock or its backups, and an existing file is replaced only when the owner
//! said so (the app's save dialog asks; the CLI needs `--force`).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::{Error, Result};

/// What to do when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse, and write nothing.
    Keep,
    /// The owner agreed to replace it (still refused when it is read-only or one of the book's).
    Replace,
}

impl Existing {
    pub fn replace_if(yes: bool) -> Existing {
        if yes {
            Existing::Replace
        } else {
            Existing::Keep
        }
    }
}

/// The files of the open book that nothing may be saved over: the book, its WAL and shared-memory
/// files, a rollback journal, the app's lock, and everything in `backups/` beside it.
fn guarded(book: &Path) -> (Vec<PathBuf>, PathBuf) {
    let dir = resolve(book).parent().map(Path::to_path_buf).unwrap_or_default();
    let name = book.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    let files = ["", "-wal", "-shm", "-journal", ".lock"]
        .iter()
        .map(|suffix| {
            let mut n = name.clone();
            n.push(suffix);
            dir.join(n)
        })
        .collect();
    (files, resolve(&crate::store::backups_dir(book)))
}

/// The path with its folder (and, when it exists, itself) resolved through symbolic links, so
/// `./x/../book.sqlite3` or a link to the book is recognised as the book.
fn resolve(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match (std::fs::canonicalize(folder), path.file_name()) {
        (Ok(real), Some(name)) => real.join(name),
        _ => path.to_path_buf(),
    }
}

/// Names compared as a case-insensitive file system (macOS, Windows) would: "Book.SQLITE3" is the book there.
fn same_name(a: &Path, b: &Path) -> bool {
    a == b || a.to_string_lossy().to_lowercase() == b.to_string_lossy().to_lowercase()
}

/// Refuses `target` when writing it would damage the book, or replace a file without consent.
/// `field` names the input (`path`, `out`, `folder`) the message is about.
pub fn check(book: Option<&Path>, target: &Path, existing: Existing, field: &str) -> Result<()> {
    let shown = target.display();
    if let Some(book) = book {
        let real = resolve(target);
        let (files, backups) = guarded(book);
        let is_book_file = files.iter().any(|f| same_name(f, &real) || same_file::is_same_file(f, target).unwrap_or(false));
        let in_backups = real.parent().is_some_and(|p| same_name(p, &backups));
        if is_book_file || in_backups {
            let what = if in_backups { "one of the book's backups" } else { "the client book itself" };
            return Err(Error::validation(field, format!("{shown} is {what}; choose another file name. Nothing was written.")));
        }
    }
    let folder = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !folder.is_dir() {
        return Err(Error::validation(field, format!("The folder {} does not exist.", folder.display())));
    }
    match std::fs::symlink_metadata(target) {
        Err(_) => Ok(()),
        Ok(meta) if meta.is_dir() => Err(Error::validation(field, format!("{shown} is a folder; choose a file name in it."))),
        Ok(_) if existing == Existing::Keep => Err(Error::conflict(
            Some(field),
            format!("{shown} already exists, so nothing was written. Choose another name, or agree to replace it."),
        )),
        // Replacing goes through a rename, which a read-only file would not stop: honour its
        // read-only mark, and ask the file itself whether it may be written.
        Ok(meta) if meta.permissions().readonly() => {
            Err(Error::validation(field, format!("{shown} is read-only, so it cannot be replaced; nothing was written.")))
        }
        Ok(_) => match std::fs::OpenOptions::new().write(true).open(target) {
            Ok(_) => Ok(()),
            Err(e) => Err(Error::validation(field, format!("{shown} cannot be replaced ({e}); nothing was written."))),
        },
    }
}

/// Writes `bytes` to `target` after [`check`], through a temporary file in the same folder that
/// is renamed into place, so a failure never leaves half a file where the owner expects one.
pub fn save(book: Option<&Path>, target: &Path, bytes: &[u8], existing: Existing, field: &str) -> Result<()> {
    check(book, target, existing, field)?;
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let folder = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = folder.join(format!(".{}.{}-{}.part", short(&name), std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| std::io::Write::write_all(&mut f, bytes).and_then(|()| f.sync_all()))
        .and_then(|()| {
            // Checked again at the last moment: another program may have made the file meanwhile.
            if existing == Existing::Keep && target.exists() {
                return Err(std::io::Error::new(std::io::ErrorKind::AlreadyExists, "it was created meanwhile"));
            }
            std::fs::rename(&tmp, target)
        });
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::validation(field, format!("Could not save {}: {e}", target.display()))
    })
}

/// The first characters of a file name, short enough that the temporary name stays within the
/// file system's 255 bytes.
fn short(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if out.len() + c.len_utf8() > 200 {
            break;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn book_in(dir: &Path) -> PathBuf {
        let book = dir.join("clientwell.sqlite3");
        std::fs::write(&book, b"the book").unwrap();
        std::fs::create_dir_all(dir.join("backups")).unwrap();
        book
    }

    #[test]
    fn nothing_is_saved_over_the_book_its_journal_lock_or_backups() {
        let dir = tempfile::tempdir().unwrap();
        let book = book_in(dir.path());
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        for target in [
            book.clone(),
            sub.join("../clientwell.sqlite3"),
            dir.path().join("clientwell.sqlite3-wal"),
            dir.path().join("clientwell.sqlite3-shm"),
            dir.path().join("clientwell.sqlite3.lock"),
            dir.path().join("backups/anything.pdf"),
        ] {
            let err = save(Some(&book), &target, b"%PDF", Existing::Replace, "out").unwrap_err();
            assert_eq!(err.kind, ErrorKind::Validation, "{}", target.display());
            assert!(err.message.contains("Nothing was written"), "{}", err.message);
        }
        assert_eq!(std::fs::read(&book).unwrap(), b"the book");
        assert!(!dir.path().join("clientwell.sqlite3-wal").exists());
        assert_eq!(std::fs::read_dir(dir.path().join("backups")).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_the_book_is_the_book() {
        let dir = tempfile::tempdir().unwrap();
        let book = book_in(dir.path());
        let link = dir.path().join("report.pdf");
        std::os::unix::fs::symlink(&book, &link).unwrap();
        assert!(save(Some(&book), &link, b"%PDF", Existing::Replace, "out").is_err());
        assert_eq!(std::fs::read(&book).unwrap(), b"the book");
    }

    #[test]
    fn an_existing_file_is_replaced_only_with_consent() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("summary.pdf");
        std::fs::write(&target, b"the owner's file").unwrap();
        let err = save(None, &target, b"new", Existing::Keep, "out").unwrap_err();
        assert_eq!(err.kind, ErrorKind::Conflict);
        assert_eq!(err.field.as_deref(), Some("out"));
        assert_eq!(std::fs::read(&target).unwrap(), b"the owner's file");
        save(None, &target, b"new", Existing::Replace, "out").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        save(None, &dir.path().join("fresh.pdf"), b"x", Existing::Keep, "out").unwrap();
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left.len(), 2, "no temporary file is left behind: {left:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_not_replaced_even_with_consent() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("locked.csv");
        std::fs::write(&target, b"keep me").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).unwrap();
        let err = save(None, &target, b"new", Existing::Replace, "out").unwrap_err();
        assert!(err.message.contains("read-only"), "{}", err.message);
        assert_eq!(std::fs::read(&target).unwrap(), b"keep me");
    }

    #[test]
    fn a_folder_or_a_missing_folder_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(save(None, dir.path(), b"x", Existing::Replace, "out").unwrap_err().message.contains("is a folder"));
        let missing = dir.path().join("nope/x.pdf");
        assert!(save(None, &missing, b"x", Existing::Keep, "out").unwrap_err().message.contains("does not exist"));
    }
}
