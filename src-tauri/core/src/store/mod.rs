//! The SQLite store: one file per book, opened with the same settings every time.
//!
//! Settings on every connection:
//! - WAL journal, so reads never wait for a write and a crash mid-write loses nothing committed;
//! - `synchronous = FULL`: each commit is synced to disk before it returns. A studio writes a
//!   few rows at a time, so the cost is invisible, and "nothing a user entered is ever lost"
//!   matters more than write throughput (NORMAL could lose the last commits on power loss);
//! - `foreign_keys = ON` (off by default in SQLite) and a 5 s `busy_timeout`.
//!
//! Every write goes through [`Store::write`], an IMMEDIATE transaction: it takes the write lock
//! up front, so two writers queue instead of failing halfway with SQLITE_BUSY. Which clients
//! it touched comes from the schema (`touched`), so the book in memory follows every write.

pub(crate) mod activity;
pub(crate) mod asks;
pub mod backup;
pub(crate) mod clients;
pub(crate) mod contracts;
pub(crate) mod endings;
pub(crate) mod growth;
pub(crate) mod invoices;
pub(crate) mod kpis;
pub(crate) mod mappings;
pub(crate) mod onboarding;
pub(crate) mod overrides;
pub(crate) mod referrals;
pub(crate) mod review;
pub(crate) mod risks;
pub(crate) mod sending;
pub(crate) mod settings;
mod migrate;
mod changes;
mod client_data;
mod records;
mod touched;
pub(crate) mod stakeholders;
pub(crate) mod studio;
pub(crate) mod surveys;
pub mod trash;

use std::path::{Path, PathBuf};
use std::time::Duration;

use std::cell::RefCell;
use std::sync::Arc;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::book::records::ClientData;

use crate::error::{Error, Result};

pub use migrate::{APPLICATION_ID, LATEST as SCHEMA_VERSION};
pub use backup::{list_backups, Backup, BackupKind};
pub use changes::{Area, BookChange};
pub use records::RecordRef;
pub use trash::Deleted;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Where the copy made before a migration went, when one ran on open.
    migration_backup: Option<PathBuf>,
    /// Every client's records, as the book-wide screens (review, health, portfolio) need them,
    /// kept until the book changes: cleared by our own writes, and checked against SQLite's
    /// `data_version`, which moves when another connection (the CLI, say) commits.
    book: RefCell<Option<Cached>>,
    /// The tables our own committed writes touched, for the change signal.
    watch: changes::Watch,
    /// The `data_version` when changes were last reported: it moves when another connection
    /// commits, which the update hook does not see.
    reported_version: std::cell::Cell<i64>,
    /// Work the services derive from the book and keep between calls (the weekly review's per
    /// client part), one slot per type; each checks for itself that it still fits the book.
    remembered: RefCell<Remembered>,
}

type Remembered = std::collections::HashMap<std::any::TypeId, Box<dyn std::any::Any + Send>>;

/// The in-memory book, the `data_version` it was read at, and the clients our own writes have
/// changed since (reloaded one by one on the next read, instead of the whole book).
struct Cached {
    version: i64,
    book: Arc<Vec<ClientData>>,
    changed: Vec<i64>,
}

/// Refuses a path where no book file is (a mistyped `--db`).
pub fn require_book(path: &Path) -> Result<()> {
    if path.is_file() {
        return Ok(());
    }
    Err(Error::not_found(format!("There is no client book at {}. Check the path, or set one up with `clientwell init`.", path.display())))
}

/// Backups live in a `backups` folder beside the book.
pub fn backups_dir(book: &Path) -> PathBuf {
    book.parent().unwrap_or_else(|| Path::new(".")).join("backups")
}

impl Store {
    /// Opens (or creates) the book at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                Error::storage(format!("Could not create the folder {} for the book: {e}", dir.display()))
            })?;
        }
        // Look before touching: a newer or foreign file must stay byte-for-byte as it is.
        if path.exists() {
            migrate::check_header(path, &migrate::read_header(path)?)?;
        }
        let mut conn = Connection::open(path)
            .map_err(|e| Error::storage(format!("Could not open the book at {}: {e}", path.display())))?;
        configure(&conn)?;
        let migration_backup = migrate::migrate(&mut conn, path)?;
        touched::install(&conn)?;
        let watch = changes::Watch::on(&mut conn)?;
        let reported_version = std::cell::Cell::new(data_version(&conn)?);
        Ok(Store { conn, path: path.to_owned(), migration_backup, book: RefCell::new(None), watch, reported_version, remembered: RefCell::default() })
    }

    /// Opens the book at `path` only if it is there: for every command but `init` and `demo`, so
    /// a mistyped `--db` is an error instead of a new empty book (and folders) at that path.
    pub fn open_existing(path: &Path) -> Result<Store> {
        require_book(path)?;
        Store::open(path)
    }

    /// A copy of the book in memory, for work that must only read the book but runs its writes
    /// to see what they would do (an import preview): it takes no write lock, so it works on a
    /// read-only book and while another window or command is writing.
    pub(crate) fn copy_in_memory(&self) -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        // All pages in one step (-1): a read of the book as of one moment.
        let step = rusqlite::backup::Backup::new(&self.conn, &mut conn)?.step(-1)?;
        if step != rusqlite::backup::StepResult::Done {
            return Err(Error::conflict(None, crate::error::BOOK_BUSY));
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        add_functions(&conn)?;
        touched::install(&conn)?;
        let watch = changes::Watch::on(&mut conn)?;
        Ok(Store { conn, path: self.path.clone(), migration_backup: None, book: RefCell::new(None), watch, reported_version: std::cell::Cell::new(0), remembered: RefCell::default() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn migration_backup(&self) -> Option<&Path> {
        self.migration_backup.as_deref()
    }

    /// Runs `f` in an IMMEDIATE transaction; commits only if it returns Ok. The clients it wrote
    /// to (`touched`, from the schema, not from the caller) are read again on the next `book()`;
    /// a write to settings, the studio or the review keeps the book in memory as it is.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.write_if(|tx| Ok((f(tx)?, true)))
    }

    /// `write` that commits only if `f` returns `(value, true)`: for work that decides at the end
    /// whether to keep what it wrote (an import preview). Rolled back, nothing is read again.
    pub fn write_if<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<(T, bool)>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (value, keep) = f(&tx)?;
        if keep {
            let written = touched::take(&tx)?;
            tx.commit()?;
            // Only once committed: a failed commit rolls the notes back with the writes.
            if let Some(cached) = self.book.get_mut() {
                cached.changed.extend(written);
            }
        }
        Ok(value)
    }

    pub fn read(&self) -> &Connection {
        &self.conn
    }

    /// The slot of type `T` that a service keeps beside the book (made empty on first use).
    pub fn remembered<T: Default + Send + 'static, R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let mut slots = self.remembered.borrow_mut();
        let slot = slots.entry(std::any::TypeId::of::<T>()).or_insert_with(|| Box::new(T::default()));
        match slot.downcast_mut::<T>() {
            Some(value) => f(value),
            // Unreachable: the slot for T was made as a T.
            None => f(&mut T::default()),
        }
    }

    /// Every client's records (archived ones too), from memory while the book is unchanged.
    pub fn book(&self) -> Result<Arc<Vec<ClientData>>> {
        let version = data_version(&self.conn)?;
        let mut slot = self.book.borrow_mut();
        if let Some(cached) = slot.as_mut().filter(|c| c.version == version) {
            if !cached.changed.is_empty() {
                let changed = std::mem::take(&mut cached.changed);
                // In place when no screen still holds the previous book (the usual case).
                if let Err(e) = reread(self, Arc::make_mut(&mut cached.book), changed) {
                    // Half-updated is worse than none: the next read starts afresh.
                    *slot = None;
                    return Err(e);
                }
            }
            return Ok(Arc::clone(&cached.book));
        }
        let book = Arc::new(self.clients(true)?.into_iter().map(|c| self.client_data(c.id)).collect::<Result<Vec<_>>>()?);
        *slot = Some(Cached { version, book: Arc::clone(&book), changed: Vec::new() });
        Ok(book)
    }
}

impl Store {
    /// What the writes committed since the last call changed: ours table by table, another
    /// connection's (the CLI) as everything. None when nothing did.
    pub fn take_changes(&self) -> Result<Option<BookChange>> {
        let ours = self.watch.take();
        let version = data_version(&self.conn)?;
        if self.reported_version.replace(version) != version {
            return Ok(Some(BookChange::everything()));
        }
        Ok(ours)
    }
}

fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

/// Reads `ids` again into `book`: a new client is added, one no longer there (a write that
/// failed before creating it) is dropped, and the order stays that of a fresh read.
fn reread(store: &Store, book: &mut Vec<ClientData>, ids: Vec<i64>) -> Result<()> {
    for id in ids {
        let at = book.iter().position(|d| d.client.id == id);
        match (store.client_data(id), at) {
            (Ok(data), Some(at)) => book[at] = data,
            (Ok(data), None) => book.push(data),
            (Err(e), Some(at)) if e.kind == crate::ErrorKind::NotFound => {
                book.remove(at);
            }
            (Err(e), None) if e.kind == crate::ErrorKind::NotFound => {}
            (Err(e), _) => return Err(e),
        }
    }
    // `clients` orders by name COLLATE NOCASE (ASCII letters folded, bytes compared), then id.
    let key = |d: &ClientData| (d.client.name.bytes().map(|b| b.to_ascii_lowercase()).collect::<Vec<u8>>(), d.client.id);
    if !book.is_sorted_by_key(key) {
        book.sort_by_cached_key(key);
    }
    Ok(())
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::storage(format!("The book's folder does not support safe writing (journal mode {mode}).")));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.set_prepared_statement_cache_capacity(64);
    add_functions(conn)
}

pub(super) fn add_functions(conn: &Connection) -> Result<()> {
    // SQL compares client names with the same function as Rust (`book::text::name_key`):
    // SQLite's own `lower()` and `COLLATE NOCASE` fold ASCII letters only, so "École" and
    // "école" would be two clients there and one in Rust.
    conn.create_scalar_function("name_key", 1, rusqlite::functions::FunctionFlags::SQLITE_UTF8 | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC, |ctx| {
        Ok(crate::book::text::name_key(&ctx.get::<String>(0)?))
    })?;
    Ok(())
}

impl Store {
    /// The connection itself, for a test that sets up what no command writes.
    #[cfg(test)]
    pub(crate) fn conn_for_tests(&self) -> &Connection {
        &self.conn
    }
}

/// The app's SQL functions on a connection a test opens itself.
#[cfg(test)]
pub(crate) fn add_functions_for_tests(conn: &Connection) {
    add_functions(conn).expect("functions registered");
}

impl Store {
    /// Every row `sql` selects for one id (a client's records, newest first or as it orders).
    pub(crate) fn rows<T>(&self, sql: &str, id: i64, map: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>) -> Result<Vec<T>> {
        let mut stmt = self.read().prepare_cached(sql)?;
        let rows = stmt.query_map([id], map)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The one row `sql` selects for an id (a record just saved).
    pub(crate) fn one<T>(&self, sql: &str, id: i64, map: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>) -> Result<T> {
        Ok(self.read().prepare_cached(sql)?.query_row([id], map)?)
    }
}

/// Dates are stored as TEXT YYYY-MM-DD, which sorts and compares like the dates themselves.
pub(crate) fn day(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub(crate) fn optional_day(date: Option<chrono::NaiveDate>) -> Option<String> {
    date.map(day)
}

/// Reads a stored date column; a malformed one is reported as a conversion error, not a panic.
pub(crate) fn date_at(r: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<chrono::NaiveDate> {
    let text: String = r.get(index)?;
    parse_stored_date(index, &text)
}

pub(crate) fn optional_date_at(r: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Option<chrono::NaiveDate>> {
    let text: Option<String> = r.get(index)?;
    text.map(|t| parse_stored_date(index, &t)).transpose()
}

fn parse_stored_date(index: usize, text: &str) -> rusqlite::Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad_column(index, text))
}

/// A stored value outside what its column allows: only a damaged file can hold one.
pub(crate) fn bad_column(index: usize, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, format!("unexpected value '{value}'").into())
}

/// Reads a stored enum column through its `parse`.
pub(crate) fn enum_at<T>(r: &rusqlite::Row<'_>, index: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = r.get(index)?;
    parse(&text).ok_or_else(|| bad_column(index, &text))
}

/// The timestamp written on rows: UTC, to the second, ISO 8601.
pub(crate) fn now_stamp() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod records_tests;

#[cfg(test)]
mod growth_tests;

#[cfg(test)]
mod migration_tests;

#[cfg(test)]
mod cache_tests;

#[cfg(test)]
mod plan_tests;

#[cfg(test)]
mod changes_tests;

#[cfg(test)]
mod endings_tests;

#[cfg(test)]
mod asks_tests;
