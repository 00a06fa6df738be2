//! Health: one client's score and history, the thresholds, and signals set by hand.

use clientwell_core::health::{HealthOverride, HealthOverrideInput, HealthSettings, Signal};
use clientwell_core::service::{self, ClientHealth};
use clientwell_core::Error;
use tauri::State;

use crate::state::{today, AppState};

/// One client's health now and over the last 12 ISO weeks, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn client_health(state: State<'_, AppState>, id: i64) -> Result<ClientHealth, Error> {
    state.run(move |store| service::client_health(store, id, today(), 12)).await
}

#[tauri::command]
#[specta::specta]
pub async fn health_settings(state: State<'_, AppState>) -> Result<HealthSettings, Error> {
    state.run(|store| store.health_settings()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_health_settings(state: State<'_, AppState>, settings: HealthSettings) -> Result<HealthSettings, Error> {
    state.run(move |store| store.save_health_settings(settings)).await
}

/// Sets a health signal by hand, with a reason, until a date.
#[tauri::command]
#[specta::specta]
pub async fn save_override(state: State<'_, AppState>, client_id: i64, input: HealthOverrideInput) -> Result<HealthOverride, Error> {
    state.run(move |store| store.save_override(client_id, &input, today())).await
}

/// Goes back to the measured score of a signal.
#[tauri::command]
#[specta::specta]
pub async fn end_override(state: State<'_, AppState>, client_id: i64, signal: Signal) -> Result<(), Error> {
    state.run(move |store| store.end_override(client_id, signal, today())).await
}
