//! Messages to clients: a draft from a template, and the owner's own templates.

use clientwell_core::review::{Draft, Script, Template, TemplateInput};
use clientwell_core::service;
use clientwell_core::Error;
use tauri::State;

use crate::state::{today, AppState};

/// A message drafted for the client; `to` chooses which of their people (None: the usual one).
#[tauri::command]
#[specta::specta]
pub async fn draft_message(state: State<'_, AppState>, client_id: i64, script: Script, to: Option<i64>) -> Result<Draft, Error> {
    state.run(move |store| service::draft_message(store, client_id, script, to, today())).await
}

#[tauri::command]
#[specta::specta]
pub async fn message_templates(state: State<'_, AppState>) -> Result<Vec<Template>, Error> {
    state.run(|store| store.templates()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_template(state: State<'_, AppState>, script: Script, input: TemplateInput) -> Result<Template, Error> {
    state.run(move |store| store.save_template(script, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn reset_template(state: State<'_, AppState>, script: Script) -> Result<Template, Error> {
    state.run(move |store| store.reset_template(script)).await
}
