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
    include_str!("migrations/0010_kpi_worth.sql"),
    include_str!("migrations/0011_import_mappings.sql"),
    include_str!("migrations/0012_client_name_key.sql"),
    include_str!("migrations/0013_client_alias.sql"),
    include_str!("migrations/0014_client_ending.sql"),
    include_str!("migrations/0015_confidence_answers.sql"),
    include_str!("migrations/0016_asks_and_why.sql"),
    include_str!("migrations/0017_document_send.sql"),
    include_str!("migrations/0018_hours_rule_and_not_working.sql"),
    include_str!("migrations/0019_offboarding_checklist.sql"),
    include_str!("migrations/0020_account_risks.sql"),
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
    /// Its tables, indexes and triggers as `sqlite_master` lists them.
    pub schema: Vec<SchemaItem>,
}

/// One table, index or trigger: its type, name and the SQL that made it.
pub type SchemaItem = (String, String, Option<String>);

pub fn read_header(path: &Path) -> Result<Header> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| Error::storage(format!("Could not open the book at {}: {e}", path.display())))?;
    let not_sqlite = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::incompatible(format!("{} is not a Clientwell book. It was left unchanged.", path.display())),
        _ => Error::from(e),
    };
    let user_version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(not_sqlite)?;
    let application_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let schema = schema_of(&conn)?;
    Ok(Header { user_version: u32::try_from(user_version).unwrap_or(u32::MAX), application_id, schema })
}

fn schema_of(conn: &Connection) -> Result<Vec<SchemaItem>> {
    let mut stmt = conn.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The schema of every released book format, index = version: made once by playing the
/// migrations on an empty database in memory, so it cannot drift from what they create.
fn released_schemas() -> Result<&'static [Vec<SchemaItem>]> {
    static SCHEMAS: std::sync::OnceLock<std::result::Result<Vec<Vec<SchemaItem>>, Error>> = std::sync::OnceLock::new();
    let made = SCHEMAS.get_or_init(|| {
        let conn = Connection::open_in_memory()?;
        super::add_functions(&conn)?;
        let mut all = vec![Vec::new()];
        for sql in MIGRATIONS {
            conn.execute_batch(sql)?;
            all.push(schema_of(&conn)?);
        }
        Ok(all)
    });
    made.as_deref().map_err(Clone::clone)
}

/// What of the schema of book format `version` is missing from `schema` (or made differently).
fn missing_from(schema: &[SchemaItem], version: u32) -> Result<Vec<String>> {
    let expected = released_schemas()?.get(version as usize).map(Vec::as_slice).unwrap_or_default();
    Ok(expected.iter().filter(|item| !schema.contains(item)).map(|(kind, name, _)| format!("{kind} {name}")).collect())
}

/// Refuses files this build must not touch: another program's database, a newer book, or one
/// that lacks part of its format's schema (every screen would fail on it). A file without
/// Clientwell's application id is a book only when it is empty (a new book) or has exactly the
/// schema of a released format (no such book was ever written, but one would be recognised).
pub fn check_header(path: &Path, header: &Header) -> Result<()> {
    let not_a_book = || Error::incompatible(format!("{} is not a Clientwell book. It was left unchanged.", path.display()));
    if header.application_id == 0 {
        let empty = header.user_version == 0 && header.schema.is_empty();
        let exact = (1..=LATEST).contains(&header.user_version)
            && released_schemas()?.get(header.user_version as usize).is_some_and(|s| *s == header.schema);
        if !(empty || exact) {
            return Err(not_a_book());
        }
    } else if header.application_id != APPLICATION_ID {
        return Err(not_a_book());
    }
    if header.user_version > LATEST {
        return Err(Error::incompatible(format!(
            "This book was saved by a newer version of Clientwell (book format {}, this version reads up to {}). \
             Update Clientwell to open it; the file was left unchanged.",
            header.user_version, LATEST
        )));
    }
    let missing = missing_from(&header.schema, header.user_version)?;
    if !missing.is_empty() {
        let shown: Vec<&str> = missing.iter().take(5).map(String::as_str).collect();
        let more = if missing.len() > 5 { format!(" and {} more", missing.len() - 5) } else { String::new() };
        return Err(Error::incompatible(format!(
            "{} is not a complete Clientwell book (format {}): {}{more} missing or changed. It was left unchanged.",
            path.display(),
            header.user_version,
            shown.join(", ")
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
    // Migrations call the app's SQL functions (v12 keys client names with `name_key`).
    super::add_functions(conn)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for (index, sql) in migrations.iter().enumerate().skip(current as usize) {
        if index == CLIENT_NAME_KEY {
            refuse_same_names(&tx)?;
        }
        tx.execute_batch(sql).map_err(|e| {
            Error::storage(format!("Updating the book to format {} failed, nothing was changed: {e}", index + 1))
        })?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", latest)?;
    tx.commit()?;
    Ok(backup)
}

/// The migration that makes client names unique by `name_key` in the database (v12).
const CLIENT_NAME_KEY: usize = 11;

/// Before names become unique by their key: a book made before the app compared names that way
/// may hold two clients whose names differ only in case or accents. Which one the owner means
/// cannot be guessed, and renaming one silently would change what they entered: refuse, saying
/// which names, with nothing changed.
fn refuse_same_names(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    let mut stmt = tx.prepare("SELECT name FROM client ORDER BY id")?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for name in &names {
        if let Some(first) = seen.insert(crate::book::text::name_key(name), name) {
            return Err(Error::incompatible(format!(
                "This book has two clients whose names differ only in capitals or accents, '{first}' and '{name}', and this version keeps names unique. \
                 Nothing was changed: open the book in the version of Clientwell you used before, rename one of them, then open it here again."
            )));
        }
    }
    Ok(())
}

fn backup_before_migration(conn: &Connection, path: &Path, from: u32) -> Result<PathBuf> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("book");
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    super::backup::locked(&super::backups_dir(path), |dir| {
        let target = super::backup::free_path(dir, &format!("{stem}-v{from}-before-update-{stamp}.sqlite3"));
        super::backup::vacuum_into(conn, &target)?;
        Ok(target)
    })
    .map_err(|e| Error::storage(format!("Could not back up the book before updating it, so it was not updated: {}", e.message)))
}
