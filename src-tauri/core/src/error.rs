//! The one error shape that leaves the core: to the UI over IPC, to the CLI's stderr.
//!
//! It is a struct, not an enum of payloads, so the UI can always rely on the same three fields:
//! `kind` (stable, what to branch on), `message` (plain words for the owner) and `field`
//! (which input to put the message next to, when one is to blame).

use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The input is wrong; `field` names which input. Nothing was changed.
    Validation,
    /// The thing asked for does not exist (or no longer exists).
    NotFound,
    /// The input is fine on its own but clashes with what is stored (a duplicate name...).
    Conflict,
    /// The book file belongs to a newer Clientwell, or is not a Clientwell book at all.
    Incompatible,
    /// Reading or writing the database or the disk failed.
    Storage,
    /// A bug: something that should not happen did.
    Internal,
}

// Named AppError in TypeScript so it does not shadow the built-in `Error` there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[serde(rename = "AppError")]
#[error("{message}")]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    /// The input field the message is about (snake_case, as in the input type).
    pub field: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::Validation, message: message.into(), field: Some(field.to_owned()) }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::NotFound, message: message.into(), field: None }
    }

    pub fn conflict(field: Option<&str>, message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::Conflict, message: message.into(), field: field.map(str::to_owned) }
    }

    pub fn incompatible(message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::Incompatible, message: message.into(), field: None }
    }

    pub fn storage(message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::Storage, message: message.into(), field: None }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self { kind: ErrorKind::Internal, message: message.into(), field: None }
    }

    /// Errors the user can fix themselves (as opposed to a failing disk or a bug).
    pub fn is_user_error(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Validation | ErrorKind::NotFound | ErrorKind::Conflict | ErrorKind::Incompatible
        )
    }
}

/// What the owner is told when another window or command held the book's write lock for the
/// whole 5 s wait: nothing was changed and trying again will work, so it is not an internal error.
pub const BOOK_BUSY: &str = "The book is busy: another Clientwell window or command is writing to it. Nothing was changed; try again in a moment.";

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        if matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)) {
            return Error::conflict(None, BOOK_BUSY);
        }
        Error::storage(format!("The book could not be read or written: {e}"))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::storage(format!("A file could not be read or written: {e}"))
    }
}
