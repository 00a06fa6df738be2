//! Imports and exports through files the owner chose.

use std::path::Path;

use chrono::NaiveDate;

use super::{export, import_watched, table, ImportKind, ImportOptions, ImportReport, Progress};
use crate::error::{Error, Result};
use crate::output::{self, Existing};
use crate::store::Store;

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

