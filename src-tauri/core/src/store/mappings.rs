//! The `import_mapping` table: column choices remembered per header. The store keeps them as
//! text; `import::mapping` gives them meaning.

use rusqlite::{params, OptionalExtension, Transaction};

use super::Store;
use crate::book::text::name_key;
use crate::error::{Error, Result};

/// Remembered column choices as stored: the kind and source by their stored names, and the
/// field each column fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMapping {
    pub name: String,
    pub kind: String,
    pub source: String,
    pub fields: Vec<Option<String>>,
    pub paid_on_due_date: bool,
    pub saved_at: String,
}

type Row = (String, String, String, String, bool, String);

fn decode((name, kind, source, fields, paid_on_due_date, saved_at): Row) -> Result<StoredMapping> {
    let fields = serde_json::from_str(&fields).map_err(|_| Error::storage(format!("The remembered columns '{name}' could not be read.")))?;
    Ok(StoredMapping { name, kind, source, fields, paid_on_due_date, saved_at })
}

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
}

impl Store {
    /// The choices remembered for a file whose header has this key.
    pub fn remembered_mapping(&self, header_key: &str) -> Result<Option<StoredMapping>> {
        let row = self.read().prepare_cached("SELECT name, kind, source, fields, paid_on_due_date, saved_at FROM import_mapping WHERE header_key = ?1")?.query_row([header_key], read_row).optional()?;
        row.map(decode).transpose()
    }

    /// Every remembered set of choices, by name.
    pub fn saved_mappings(&self) -> Result<Vec<StoredMapping>> {
        let mut stmt = self.read().prepare_cached("SELECT name, kind, source, fields, paid_on_due_date, saved_at FROM import_mapping ORDER BY name_key")?;
        let rows = stmt.query_map([], read_row)?;
        rows.map(|row| decode(row?)).collect()
    }
}

/// Remembers the choices for files with `header_key`, inside an import's transaction: under the
/// name they already have, else `name`, made unique. Returns the name.
#[allow(clippy::too_many_arguments)]
pub(crate) fn remember(tx: &Transaction<'_>, header_key: &str, name: &str, kind: &str, source: &str, fields: &[Option<String>], paid_on_due_date: bool, now: &str) -> Result<String> {
    let existing: Option<String> = tx.prepare_cached("SELECT name FROM import_mapping WHERE header_key = ?1")?.query_row([header_key], |r| r.get(0)).optional()?;
    let base = existing.unwrap_or_else(|| name.to_owned());
    let taken = |name: &str| -> Result<bool> {
        Ok(tx.prepare_cached("SELECT 1 FROM import_mapping WHERE name_key = ?1 AND header_key <> ?2")?.query_row(params![name_key(name), header_key], |_| Ok(())).optional()?.is_some())
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken(&name)? {
        name = format!("{base} ({n})");
        n += 1;
    }
    let fields = serde_json::to_string(fields).map_err(|e| Error::internal(format!("Column choices could not be saved: {e}")))?;
    tx.prepare_cached(
        "INSERT INTO import_mapping (name, name_key, header_key, kind, source, fields, paid_on_due_date, saved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (header_key) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, kind = excluded.kind, source = excluded.source, fields = excluded.fields,
             paid_on_due_date = excluded.paid_on_due_date, saved_at = excluded.saved_at",
    )?
    .execute(params![name, name_key(&name), header_key, kind, source, fields, paid_on_due_date, now])?;
    Ok(name)
}
