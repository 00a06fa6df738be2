//! Undo for deletes. Before a record is deleted, the row and every row its deletion cascades to
//! (found from the schema's `ON DELETE CASCADE` foreign keys) are copied, column by column, into
//! the `trash` table; undoing puts them back with their ids, in one transaction. Entries older
//! than 30 days are dropped. References the delete set to NULL (`ON DELETE SET NULL`: an
//! invoice line's KPI, the person a touchpoint was with) are noted too and linked again on
//! undo, unless the row was given another link since.

use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{now_stamp, Store};
use crate::error::{Error, Result};

pub const KEEP_DAYS: i64 = 30;

/// A delete that can be undone: give the token back to `undo_delete`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Deleted {
    pub token: i64,
}

#[derive(Debug, Serialize, Deserialize)]
struct Row {
    table: String,
    columns: Vec<String>,
    values: Vec<Cell>,
}

/// Rows of `table` whose `column` pointed at row `parent` and that the delete set to NULL.
#[derive(Debug, Serialize, Deserialize)]
struct Link {
    table: String,
    column: String,
    parent: i64,
    ids: Vec<i64>,
}

/// What the trash holds for one delete. Books from before links were kept hold only the rows.
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum Kept {
    WithLinks { rows: Vec<Row>, links: Vec<Link> },
    Rows(Vec<Row>),
}

/// A stored value, losslessly: SQLite's five types.
#[derive(Debug, Serialize, Deserialize)]
enum Cell {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl From<Value> for Cell {
    fn from(v: Value) -> Self {
        match v {
            Value::Null => Cell::Null,
            Value::Integer(i) => Cell::Integer(i),
            Value::Real(r) => Cell::Real(r),
            Value::Text(t) => Cell::Text(t),
            Value::Blob(b) => Cell::Blob(b),
        }
    }
}

impl From<&Cell> for Value {
    fn from(c: &Cell) -> Self {
        match c {
            Cell::Null => Value::Null,
            Cell::Integer(i) => Value::Integer(*i),
            Cell::Real(r) => Value::Real(*r),
            Cell::Text(t) => Value::Text(t.clone()),
            Cell::Blob(b) => Value::Blob(b.clone()),
        }
    }
}

/// Table and column names come from the schema itself, never from input; quoted all the same.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The tables and columns whose foreign key into `table` does `on_delete`.
fn referencing(tx: &Transaction<'_>, table: &str, on_delete: &str) -> Result<Vec<(String, String)>> {
    let found = tx
        .prepare_cached(
            "SELECT m.name, f.\"from\" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
             WHERE m.type = 'table' AND f.\"table\" = ?1 AND f.on_delete = ?2",
        )?
        .query_map([table, on_delete], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

/// Row `id` of `table` and, depth first, every row that deleting it would cascade to, with the
/// links to them that it would set to NULL.
fn capture(tx: &Transaction<'_>, table: &str, column: &str, value: i64, out: &mut Vec<Row>, links: &mut Vec<Link>) -> Result<()> {
    let mut stmt = tx.prepare(&format!("SELECT * FROM {} WHERE {} = ?1", quote(table), quote(column)))?;
    let columns: Vec<String> = stmt.column_names().into_iter().map(str::to_owned).collect();
    let rows: Vec<Vec<Value>> = stmt
        .query_map([value], |r| (0..columns.len()).map(|i| r.get::<_, Value>(i)).collect())?
        .collect::<rusqlite::Result<_>>()?;
    let children = referencing(tx, table, "CASCADE")?;
    let linked = referencing(tx, table, "SET NULL")?;
    let id_at = columns.iter().position(|c| c == "id");
    for values in rows {
        let id = id_at.and_then(|i| match values[i] {
            Value::Integer(id) => Some(id),
            _ => None,
        });
        out.push(Row { table: table.to_owned(), columns: columns.clone(), values: values.into_iter().map(Cell::from).collect() });
        if let Some(id) = id {
            for (child, fk) in &children {
                capture(tx, child, fk, id, out, links)?;
            }
            for (child, fk) in &linked {
                let ids: Vec<i64> = tx
                    .prepare(&format!("SELECT id FROM {} WHERE {} = ?1", quote(child), quote(fk)))?
                    .query_map([id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                if !ids.is_empty() {
                    links.push(Link { table: child.clone(), column: fk.clone(), parent: id, ids });
                }
            }
        }
    }
    Ok(())
}

/// Copies row `id` of `table` (and what cascades from it) into the trash. Call before deleting.
pub(crate) fn keep(tx: &Transaction<'_>, table: &str, id: i64, client_id: Option<i64>, label: &str) -> Result<Deleted> {
    let (mut rows, mut links) = (Vec::new(), Vec::new());
    capture(tx, table, "id", id, &mut rows, &mut links)?;
    let json = serde_json::to_string(&Kept::WithLinks { rows, links }).map_err(|e| Error::internal(format!("Could not keep the deleted record: {e}")))?;
    let cutoff = (chrono::Utc::now() - chrono::Duration::days(KEEP_DAYS)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
    tx.execute("DELETE FROM trash WHERE deleted_at < ?1", [cutoff])?;
    tx.execute("INSERT INTO trash (client_id, label, rows, deleted_at) VALUES (?1, ?2, ?3, ?4)", params![client_id, label, json, now_stamp()])?;
    Ok(Deleted { token: tx.last_insert_rowid() })
}

impl Store {
    /// Puts a deleted record back, exactly as it was (same id, same values). Fails, changing
    /// nothing, if something now in the book clashes with it (the invoice number was reused).
    pub fn undo_delete(&mut self, token: i64) -> Result<()> {
        let found: Option<(String, String)> = self
            .read()
            .query_row("SELECT label, rows FROM trash WHERE id = ?1", [token], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (label, json) = found.ok_or_else(|| Error::not_found("That delete can no longer be undone (deleted records are kept for 30 days)."))?;
        let kept: Kept = serde_json::from_str(&json).map_err(|e| Error::storage(format!("The deleted record could not be read back: {e}")))?;
        let (rows, links) = match kept {
            Kept::WithLinks { rows, links } => (rows, links),
            Kept::Rows(rows) => (rows, Vec::new()),
        };
        let put_back = |tx: &Transaction<'_>| {
            for row in &rows {
                let columns = row.columns.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", ");
                let marks = (1..=row.columns.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
                let values: Vec<Value> = row.values.iter().map(Value::from).collect();
                tx.execute(&format!("INSERT INTO {} ({columns}) VALUES ({marks})", quote(&row.table)), rusqlite::params_from_iter(values))
                    .map_err(|e| Error::conflict(None, format!("“{label}” could not be put back: {e}. Nothing was changed.")))?;
            }
            for link in &links {
                // Only rows still without a link: one the owner has linked elsewhere since keeps it.
                let mut relink = tx.prepare(&format!("UPDATE {0} SET {1} = ?1 WHERE id = ?2 AND {1} IS NULL", quote(&link.table), quote(&link.column)))?;
                for id in &link.ids {
                    relink.execute(params![link.parent, id])?;
                }
            }
            tx.execute("DELETE FROM trash WHERE id = ?1", [token])?;
            Ok(())
        };
        self.write(put_back)
    }
}

#[cfg(test)]
#[path = "trash_tests.rs"]
mod tests;
