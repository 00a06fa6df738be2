use clientwell_core::book::ending::EndingInput;
use clientwell_core::book::{Client, ClientInput};
use clientwell_core::Error;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_clients(state: State<'_, AppState>, include_archived: bool) -> Result<Vec<Client>, Error> {
    state.run(move |store| store.clients(include_archived)).await
}

/// Onboarding, active or paused and not archived: who the monthly summaries are for.
#[tauri::command]
#[specta::specta]
pub async fn current_clients(state: State<'_, AppState>) -> Result<Vec<Client>, Error> {
    state.run(|store| clientwell_core::service::current_clients(store)).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_client(state: State<'_, AppState>, id: i64) -> Result<Client, Error> {
    state.run(move |store| store.client(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_client(state: State<'_, AppState>, input: ClientInput) -> Result<Client, Error> {
    state.run(move |store| store.create_client(&input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_client(state: State<'_, AppState>, id: i64, input: ClientInput) -> Result<Client, Error> {
    state.run(move |store| store.update_client(id, &input)).await
}

/// Hides the client from lists; nothing is deleted and `restore_client` brings it back.
#[tauri::command]
#[specta::specta]
pub async fn archive_client(state: State<'_, AppState>, id: i64) -> Result<Client, Error> {
    state.run(move |store| store.archive_client(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn restore_client(state: State<'_, AppState>, id: i64) -> Result<Client, Error> {
    state.run(move |store| store.restore_client(id)).await
}

/// Ends the client: the reason and the last day kept, contracts still running after it ended on it.
#[tauri::command]
#[specta::specta]
pub async fn end_client(state: State<'_, AppState>, id: i64, input: EndingInput) -> Result<Client, Error> {
    state.run(move |store| store.end_client(id, &input, crate::state::today())).await
}
