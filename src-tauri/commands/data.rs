//! Import and export of the client book. Files are the ones the owner picked in the open or
//! save dialog; every import is all or nothing, and a preview writes nothing.

use std::path::PathBuf;

use clientwell_core::import::{self, ImportKind, ImportOptions, ImportReport, KindDoc};
use clientwell_core::Error;
use tauri::ipc::Channel;
use tauri::State;

use super::{progress_to, Progress, DIALOG_ASKED};
use crate::state::{today, AppState};

/// The kinds of import with their columns, for the import dialog.
#[tauri::command]
#[specta::specta]
pub async fn import_kinds() -> Result<Vec<KindDoc>, Error> {
    Ok(import::kinds())
}

/// Reads `path` as `kind`: with `commit` false it only says what would change. Reports its
/// progress in rows; `stop_batch` stops it with nothing written.
#[tauri::command]
#[specta::specta]
pub async fn import_file(state: State<'_, AppState>, kind: ImportKind, path: String, day_first: bool, commit: bool, on_progress: Channel<Progress>) -> Result<ImportReport, Error> {
    let progress = progress_to(&state, on_progress);
    state.run(move |store| import::import_path(store, kind, &PathBuf::from(path), ImportOptions { day_first }, commit, today(), &progress)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_import_template(state: State<'_, AppState>, kind: ImportKind, path: String) -> Result<(), Error> {
    state.run(move |store| import::save_template(Some(store.path()), kind, &PathBuf::from(path), DIALOG_ASKED)).await
}

/// Exports one kind as CSV, or the whole book as JSON when `kind` is null.
#[tauri::command]
#[specta::specta]
pub async fn export_data(state: State<'_, AppState>, kind: Option<ImportKind>, path: String) -> Result<(), Error> {
    state.run(move |store| import::export_to(store, kind, &PathBuf::from(path), DIALOG_ASKED)).await
}
