use clientwell_core::book::currency::{self, Currency};
use clientwell_core::book::display::{self, DisplaySettings, LocaleChoice};
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

/// The date and number formats offered for the screens.
#[tauri::command]
#[specta::specta]
pub fn locale_choices() -> Vec<LocaleChoice> {
    display::locale_choices()
}

/// How the screens show dates and numbers.
#[tauri::command]
#[specta::specta]
pub async fn display_settings(state: State<'_, AppState>) -> Result<DisplaySettings, Error> {
    state.run(|store| store.display_settings()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_display_settings(state: State<'_, AppState>, input: DisplaySettings) -> Result<DisplaySettings, Error> {
    state.run(move |store| store.save_display_settings(input)).await
}
