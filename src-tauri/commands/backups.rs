//! Backups of the owner's book: list (with what each holds), back up now, restore; and showing
//! where the book lives in Finder / Explorer.

use clientwell_core::store::{list_backups as backups_of, Backup, BackupKind};
use clientwell_core::Error;
use tauri::State;

use crate::state::AppState;

/// Every backup of the open book, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<Backup>, Error> {
    state.run(|store| backups_of(store.path())).await
}

#[tauri::command]
#[specta::specta]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<Backup, Error> {
    state.run(|store| store.back_up(BackupKind::Manual)).await
}

/// Replaces the book with the backup named `file_name` (from `list_backups`); the book as it
/// was is backed up first, and that backup is returned.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(state: State<'_, AppState>, file_name: String) -> Result<Backup, Error> {
    state.run(move |store| store.restore(&file_name)).await
}

/// Shows the book file in Finder / Explorer / the file manager. Only the open book's own path is
/// ever revealed, so the UI needs no file-system permission of its own.
#[tauri::command]
#[specta::specta]
pub async fn reveal_book(state: State<'_, AppState>) -> Result<(), Error> {
    let path = state.run(|store| Ok(store.path().to_owned())).await?;
    tauri_plugin_opener::reveal_item_in_dir(&path)
        .map_err(|e| Error::storage(format!("Could not show the book's folder ({}): {e}", path.display())))
}
