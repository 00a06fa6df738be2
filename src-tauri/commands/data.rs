//! Import and export of the client book. Files are the ones the owner picked in the open or
//! save dialog; every import is all or nothing, and a preview writes nothing.

use std::path::PathBuf;

use clientwell_core::import::memory::{self, ImportMemory};
use clientwell_core::import::{self, ClientAlias, DateOrder, ImportKind, ImportOptions, ImportReport, KindDoc, Mapping, MetricChoice};
use clientwell_core::service;
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
pub async fn import_file(state: State<'_, AppState>, kind: ImportKind, path: String, choices: ImportChoices, commit: bool, on_progress: Channel<Progress>) -> Result<ImportReport, Error> {
    let progress = progress_to(&state, on_progress);
    state
        .run(move |store| {
            let usual = service::usual_date_order(store, choices.computer_locale.as_deref())?;
            let options = ImportOptions { dates: choices.dates, usual, mapping: choices.mapping, source: None, aliases: choices.aliases, paid_on_due_date: false, metric: choices.metric };
            import::import_path(store, kind, &PathBuf::from(path), options, commit, today(), &progress)
        })
        .await
}

/// What the owner chose in the import dialog.
#[derive(Debug, Clone, serde::Deserialize, specta::Type)]
pub struct ImportChoices {
    /// How 01/02/2026 reads, when the owner said; null: as the file shows, else the app's format.
    pub dates: Option<DateOrder>,
    /// The column choices shown and adjusted; null: remembered for this header, else guessed.
    pub mapping: Option<Mapping>,
    /// Names in the file the owner said are a client's.
    pub aliases: Vec<ClientAlias>,
    /// The computer's locale (the app's date format when Settings follow the computer).
    pub computer_locale: Option<String>,
    /// For a file of daily figures: whose KPI they are, from which column, how a month is made.
    #[serde(default)]
    pub metric: Option<MetricChoice>,
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

/// The column choices and other client names imports remember (Settings).
#[tauri::command]
#[specta::specta]
pub async fn import_memory(state: State<'_, AppState>) -> Result<ImportMemory, Error> {
    state.run(|store| memory::remembered(store)).await
}

#[tauri::command]
#[specta::specta]
pub async fn forget_import_columns(state: State<'_, AppState>, name: String) -> Result<ImportMemory, Error> {
    state.run(move |store| memory::forget_columns(store, &name)).await
}

#[tauri::command]
#[specta::specta]
pub async fn forget_other_name(state: State<'_, AppState>, written: String) -> Result<ImportMemory, Error> {
    state.run(move |store| memory::forget_other_name(store, &written)).await
}
