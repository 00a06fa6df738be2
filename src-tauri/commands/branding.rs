//! How the studio's documents look. The logo file is one the owner picked in the open dialog.

use clientwell_core::book::branding::{Branding, BrandingInput};
use clientwell_core::Error;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn branding(state: State<'_, AppState>) -> Result<Branding, Error> {
    state.run(|store| store.branding()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_accent(state: State<'_, AppState>, input: BrandingInput) -> Result<Branding, Error> {
    state.run(move |store| store.save_accent(&input)).await
}

/// Reads the logo at `path` (a PNG or JPEG the owner chose) and keeps a copy in the book.
#[tauri::command]
#[specta::specta]
pub async fn save_logo(state: State<'_, AppState>, path: String) -> Result<Branding, Error> {
    state.run(move |store| store.save_logo(&clientwell_core::service::read_logo(std::path::Path::new(&path))?)).await
}

#[tauri::command]
#[specta::specta]
pub async fn clear_logo(state: State<'_, AppState>) -> Result<Branding, Error> {
    state.run(|store| store.clear_logo()).await
}
