use clientwell_core::book::currency::{self, Currency};
use clientwell_core::book::{Studio, StudioInput};
use clientwell_core::Error;
use tauri::State;

use crate::state::AppState;

/// Creates the studio on first run, or saves changes to it.
#[tauri::command]
#[specta::specta]
pub async fn save_studio(state: State<'_, AppState>, input: StudioInput) -> Result<Studio, Error> {
    state.run(move |store| store.save_studio(&input)).await
}

/// The currencies the studio can choose from.
#[tauri::command]
#[specta::specta]
pub fn currencies() -> Vec<Currency> {
    currency::known()
}
