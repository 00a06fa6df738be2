//! Importing spreadsheets into the book, all or nothing.
//!
//! A file is read into text cells ([`table`]), its header matched against the kind's columns
//! ([`columns`]), then every row goes through the same validation as the app's forms and is
//! written inside one transaction ([`rows`], [`invoices`]). Any bad row, or a preview, rolls the
//! whole transaction back, so the report of a preview is exactly what an import would do.

pub mod columns;
pub mod export;
mod invoices;
mod rows;
mod table;
mod values;
mod xlsx_limits;

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

pub use columns::{documentation, Column, ImportKind};
pub use rows::Outcome;

use crate::error::{Error, Result};
use crate::output::{self, Existing};
use crate::store::{now_stamp, Store};
use rows::{Cells, Ctx};

/// At most this many rows are described one by one in a report (all are counted).
const LISTED_ROWS: usize = 200;
const LISTED_ERRORS: usize = 500;
/// Progress is reported (and a stop honoured) after every this many rows.
const PROGRESS_EVERY: usize = 100;

/// Told `(rows done, rows in the file)` as an import goes; returning false stops it, and then
/// nothing is written.
pub type Progress<'a> = &'a (dyn Fn(u32, u32) -> bool + Sync);

#[derive(Debug, Clone, Copy, Deserialize, Type)]
pub struct ImportOptions {
    /// How to read 01/02/2026: 1 February (true) or January 2 (false). Dots are always day-first.
    pub day_first: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct RowError {
    /// The row as a spreadsheet numbers it (the header is row 1).
    pub row: usize,
    /// The column at fault, when one is.
    pub column: Option<String>,
    pub message: String,
}

impl RowError {
    fn from_error(row: usize, e: Error) -> RowError {
        // Input fields of invoice lines are "lines.N.amount"; the file's column is "amount".
        let column = e.field.map(|f| f.rsplit('.').next().unwrap_or(&f).to_owned());
        RowError { row, column, message: e.message }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct RowPlan {
    pub row: usize,
    pub outcome: Outcome,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ImportReport {
    pub kind: ImportKind,
    /// True when the rows were written; false for a preview or when any row was refused.
    pub committed: bool,
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// The first rows, with what happens to each.
    pub rows: Vec<RowPlan>,
    pub errors: Vec<RowError>,
    /// All errors, including any beyond those listed.
    pub error_count: u32,
    /// True when the owner stopped it part way: nothing was written and the counts are partial.
    pub stopped: bool,
}

/// Matches the header to the kind's columns: unknown, repeated or missing columns are errors.
fn bind(kind: ImportKind, headers: &[String]) -> std::result::Result<HashMap<&'static str, usize>, Vec<RowError>> {
    let columns = kind.columns();
    let mut index = HashMap::new();
    let mut errors = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        let wanted = header.trim().to_lowercase().replace([' ', '-'], "_");
        if wanted.is_empty() {
            continue;
        }
        match columns.iter().find(|c| c.name == wanted) {
            Some(c) if index.contains_key(c.name) => {
                errors.push(RowError { row: 1, column: Some(header.clone()), message: format!("The column '{header}' appears twice.") })
            }
            Some(c) => {
                index.insert(c.name, i);
            }
            None => {
                let known: Vec<&str> = columns.iter().map(|c| c.name).collect();
                errors.push(RowError {
                    row: 1,
                    column: Some(header.clone()),
                    message: format!("Unknown column '{header}' for {}; the columns are: {}.", kind.title().to_lowercase(), known.join(", ")),
                });
            }
        }
    }
    for c in columns.iter().filter(|c| c.required && !index.contains_key(c.name)) {
        errors.push(RowError { row: 1, column: Some(c.name.to_owned()), message: format!("The required column '{}' is missing.", c.name) });
    }
    if errors.is_empty() {
        Ok(index)
    } else {
        Err(errors)
    }
}

/// Imports `bytes` (CSV or XLSX) as `kind`. With `commit` false, or when any row is refused,
/// nothing is written and the report says what would happen or what is wrong.
pub fn import(store: &mut Store, kind: ImportKind, file_name: &str, bytes: &[u8], options: ImportOptions, commit: bool, today: NaiveDate) -> Result<ImportReport> {
    import_watched(store, kind, file_name, bytes, options, commit, today, &|_, _| true)
}

/// [`import`], telling `progress` how far it has come; when `progress` returns false the import
/// stops, everything is rolled back, and the report says `stopped`.
#[allow(clippy::too_many_arguments)]
pub fn import_watched(
    store: &mut Store,
    kind: ImportKind,
    file_name: &str,
    bytes: &[u8],
    options: ImportOptions,
    commit: bool,
    today: NaiveDate,
    progress: Progress<'_>,
) -> Result<ImportReport> {
    let mut table = table::read(file_name, bytes)?;
    let mut report = ImportReport { kind, committed: false, created: 0, updated: 0, unchanged: 0, rows: Vec::new(), errors: Vec::new(), error_count: 0, stopped: false };
    let index = match bind(kind, &table.headers) {
        Ok(index) => index,
        Err(errors) => {
            report.error_count = errors.len() as u32;
            report.errors = errors;
            return Ok(report);
        }
    };
    if table.rows.is_empty() {
        return Err(Error::validation("file", "The file has a header but no rows to import."));
    }
    // A row that does not line up with the header would put values in the wrong columns (an
    // unquoted "1,250.00" is two cells): it is an error, never read with cells dropped.
    let mut shape_errors = Vec::new();
    table.rows.retain(|(row, values)| match misaligned(&table.headers, *row, values) {
        Some(e) => {
            shape_errors.push(e);
            false
        }
        None => true,
    });
    let total = table.rows.len() as u32;
    // Rows done so far; true while the owner has not pressed Stop.
    let go_on = |done: usize| done % PROGRESS_EVERY != 0 || progress(done as u32, total);
    if !progress(0, total) {
        report.stopped = true;
        return Ok(report);
    }
    // Amounts are read in the studio's currency: without one, 1,000.00 would be read with two
    // decimals and shown as 100,000 after `init --currency JPY`.
    if store.studio()?.is_none() {
        return Err(Error::validation("file", "Set up the studio first (its name and currency): amounts are read in the studio's currency. Nothing was imported."));
    }
    let minor_digits = store.minor_digits()?;
    let now = now_stamp();
    // A preview runs the rows on a copy in memory: it never takes the book's write lock.
    let mut copy = if commit { None } else { Some(store.copy_in_memory()?) };
    let target = copy.as_mut().unwrap_or(store);
    target.write_if(|tx| {
        let clients = {
            let mut stmt = tx.prepare("SELECT name_key(name), id FROM client")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            rows.collect::<rusqlite::Result<HashMap<_, _>>>()?
        };
        let mut cx = Ctx { tx, now: &now, today, minor_digits, day_first: options.day_first, clients };
        let mut errors = std::mem::take(&mut shape_errors);
        let record = |report: &mut ImportReport, row: usize, outcome: Outcome, summary: String| {
            match outcome {
                Outcome::Created => report.created += 1,
                Outcome::Updated => report.updated += 1,
                Outcome::Unchanged => report.unchanged += 1,
            }
            if report.rows.len() < LISTED_ROWS {
                report.rows.push(RowPlan { row, outcome, summary });
            }
        };
        let cells: Vec<(usize, Cells<'_>)> = table.rows.iter().map(|(row, values)| (*row, Cells { values, index: &index })).collect();
        let mut done = 0;
        if kind == ImportKind::Invoices {
            for group in invoices::group(cells) {
                match invoices::apply(&mut cx, &group) {
                    Ok((row, outcome, summary)) => record(&mut report, row, outcome, summary),
                    Err(mut row_errors) => errors.append(&mut row_errors),
                }
                // An invoice's lines are several rows: count each, so progress stays in rows.
                for _ in 0..group.rows.len() {
                    done += 1;
                    if !go_on(done) {
                        report.stopped = true;
                        return Ok((report, false));
                    }
                }
            }
        } else {
            let apply = match kind {
                ImportKind::Clients => rows::client,
                ImportKind::Contracts => rows::contract,
                ImportKind::Stakeholders => rows::stakeholder,
                ImportKind::Kpis => rows::kpi,
                ImportKind::KpiValues => rows::kpi_value,
                ImportKind::Touchpoints => rows::touchpoint,
                ImportKind::SurveyAnswers => rows::survey_answer,
                ImportKind::Hours => rows::hours,
                ImportKind::Invoices => unreachable!("handled above"),
            };
            for (row, cells) in &cells {
                match apply(&mut cx, cells) {
                    Ok((outcome, summary)) => record(&mut report, *row, outcome, summary),
                    Err(found) => {
                        for e in found {
                            // Storage failures are not the file's fault: stop and report them as such.
                            if !e.is_user_error() {
                                return Err(e);
                            }
                            errors.push(RowError::from_error(*row, e));
                        }
                    }
                }
                done += 1;
                if !go_on(done) {
                    report.stopped = true;
                    return Ok((report, false));
                }
            }
        }
        progress(total, total);
        errors.sort_by_key(|e| e.row);
        report.error_count = errors.len() as u32;
        errors.truncate(LISTED_ERRORS);
        report.errors = errors;
        report.committed = commit && report.errors.is_empty();
        let keep = report.committed;
        Ok((report, keep))
    })
}

/// Why a row does not line up with the header: another number of cells (CSV), or a value under a
/// column that has no name.
fn misaligned(headers: &[String], row: usize, values: &[String]) -> Option<RowError> {
    if values.len() != headers.len() {
        return Some(RowError {
            row,
            column: None,
            message: format!(
                "This row has {} cells but the header has {}: a comma inside a value (like 1,250.00 or a goal with a comma) needs the value in quotes.",
                values.len(),
                headers.len()
            ),
        });
    }
    let stray = values.iter().zip(headers).position(|(value, header)| !value.is_empty() && header.trim().is_empty())?;
    Some(RowError { row, column: None, message: format!("Cell {} of this row holds '{}', but its column has no name in the header.", stray + 1, values[stray]) })
}

/// One kind of import as the app's dialog explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct KindDoc {
    pub kind: ImportKind,
    pub title: String,
    /// How rows find the record they update.
    pub matching: String,
    pub columns: Vec<Column>,
}

pub fn kinds() -> Vec<KindDoc> {
    ImportKind::ALL.iter().map(|&kind| KindDoc { kind, title: kind.title().to_owned(), matching: kind.matching().to_owned(), columns: kind.columns().to_vec() }).collect()
}


/// Imports the file at `path` (chosen by the owner); see [`import_watched`].
pub fn import_path(store: &mut Store, kind: ImportKind, path: &Path, options: ImportOptions, commit: bool, today: NaiveDate, progress: Progress<'_>) -> Result<ImportReport> {
    // The size is checked before the file is read, and only a plain file is read (a FIFO or a
    // device would never end).
    let meta = std::fs::metadata(path).map_err(|e| Error::validation("file", format!("Could not read {}: {e}", path.display())))?;
    if !meta.is_file() {
        return Err(Error::validation("file", format!("{} is not a file.", path.display())));
    }
    table::check_size(meta.len())?;
    let bytes = std::fs::read(path).map_err(|e| Error::validation("file", format!("Could not read {}: {e}", path.display())))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    import_watched(store, kind, &name, &bytes, options, commit, today, progress)
}

/// Writes a CSV template for `kind` (its header and an example row) to `path`.
pub fn save_template(book: Option<&Path>, kind: ImportKind, path: &Path, existing: Existing) -> Result<()> {
    output::save(book, path, kind.template().as_bytes(), existing, "path")
}

/// Exports one kind as CSV, or the whole book as JSON when `kind` is None, to `path`.
pub fn export_to(store: &Store, kind: Option<ImportKind>, path: &Path, existing: Existing) -> Result<()> {
    output::check(Some(store.path()), path, existing, "path")?;
    let text = match kind {
        Some(kind) => export::export_csv(store, kind)?,
        None => export::export_json(store)?,
    };
    output::save(Some(store.path()), path, text.as_bytes(), existing, "path")
}

#[cfg(test)]
mod tests;
