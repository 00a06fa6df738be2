//! Versioned schema migrations, embedded in the binary.
//!
//! `PRAGMA user_version` holds the schema version. Pending migrations run in one IMMEDIATE
//! transaction (all or nothing), after a copy of the book has been written next to it with
//! `VACUUM INTO`. A book from a newer Clientwell is refused before anything writes to it.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{Error, Result};

/// Index i holds the SQL that takes the schema from version i to i + 1.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_book.sql"),
    include_str!("migrations/0002_client_book.sql"),
    include_str!("migrations/0003_qbr_notes.sql"),
    include_str!("migrations/0004_branding.sql"),
    include_str!("migrations/0005_review.sql"),
    include_str!("migrations/0006_health_settings.sql"),
    include_str!("migrations/0007_referral_index.sql"),
    include_str!("migrations/0008_trash.sql"),
    include_str!("migrations/0009_touchpoint_who.sql"),
];

#[cfg(test)]
pub(crate) const MIGRATIONS_FOR_TESTS: &[&str] = MIGRATIONS;

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// Marks a SQLite file as a Clientwell book ("CLWL"), so we never migrate someone else's file.
pub const APPLICATION_ID: i32 = 0x434C_574C;

/// What a book file on disk says about itself, read without writing to it.
pub struct Header {
    pub user_version: u32,
    pub application_id: i32,
    pub has_tables: bool,
}

pub fn read_header(path: &Path) -> Result<Header> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| Error::storage(format!("Could not open the book at {}: {e}", path.display())))?;
    let user_version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let application_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let has_tables: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table')", [], |r| r.get(0))?;
    Ok(Header { user_version: u32::try_from(user_version).unwrap_or(u32::MAX), application_id, has_tables })
}

/// Refuses files this build must not touch: another program's database, or a newer book.
pub fn check_header(path: &Path, header: &Header) -> Result<()> {
    let foreign = if header.application_id == 0 {
        header.user_version == 0 && header.has_tables
    } else {
        header.application_id != APPLICATION_ID
    };
    if foreign {
        return Err(Error::incompatible(format!(
            "{} is not a Clientwell book. It was left unchanged.",
            path.display()
        )));
    }
    if header.user_version > LATEST {
        return Err(Error::incompatible(format!(
            "This book was saved by a newer version of Clientwell (book format {}, this version reads up to {}). \
             Update Clientwell to open it; the file was left unchanged.",
            header.user_version, LATEST
        )));
    }
    Ok(())
}

/// Brings the schema up to date. Returns the backup written first, if one was needed.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<Option<PathBuf>> {
    migrate_with(conn, path, MIGRATIONS)
}

/// `migrate` over a given list, so tests can play a future version's migrations.
pub(crate) fn migrate_with(conn: &mut Connection, path: &Path, migrations: &[&str]) -> Result<Option<PathBuf>> {
    let latest = migrations.len() as u32;
    let current: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current >= latest {
        return Ok(None);
    }
    // A brand-new file holds nothing to protect; any older book is copied first.
    let backup = if current > 0 { Some(backup_before_migration(conn, path, current)?) } else { None };
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for (index, sql) in migrations.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql).map_err(|e| {
            Error::storage(format!("Updating the book to format {} failed, nothing was changed: {e}", index + 1))
        })?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", latest)?;
    tx.commit()?;
    Ok(backup)
}

fn backup_before_migration(conn: &Connection, path: &Path, from: u32) -> Result<PathBuf> {
    let dir = super::backups_dir(path);
    std::fs::create_dir_all(&dir)?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("book");
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let target = super::backup::free_path(&dir, &format!("{stem}-v{from}-before-update-{stamp}.sqlite3"));
    super::backup::vacuum_into(conn, &target).map_err(|e| {
        Error::storage(format!("Could not back up the book before updating it, so it was not updated: {}", e.message))
    })?;
    Ok(target)
}
