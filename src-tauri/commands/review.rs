//! The weekly review: its items, ticking them off or snoozing them, and the calendar of what is due.

use std::path::PathBuf;

use clientwell_core::review::ItemState;
use clientwell_core::service::{self, WeeklyReview};
use clientwell_core::Error;
use tauri::State;

use crate::state::{today, AppState};

#[tauri::command]
#[specta::specta]
pub async fn weekly_review(state: State<'_, AppState>) -> Result<WeeklyReview, Error> {
    state.run(|store| service::weekly_review(store, today())).await
}

#[tauri::command]
#[specta::specta]
pub async fn mark_done(state: State<'_, AppState>, key: String) -> Result<ItemState, Error> {
    state.run(move |store| store.mark_done(&key, today())).await
}

/// Hides an item until `until` (YYYY-MM-DD).
#[tauri::command]
#[specta::specta]
pub async fn snooze(state: State<'_, AppState>, key: String, until: String) -> Result<ItemState, Error> {
    state.run(move |store| store.snooze(&key, &until, today())).await
}

#[tauri::command]
#[specta::specta]
pub async fn reopen(state: State<'_, AppState>, key: String) -> Result<(), Error> {
    state.run(move |store| store.reopen(&key)).await
}

/// Writes renewals, notice deadlines, check-ins and quarterly reviews due over the next year as
/// an .ics file where the owner chose in the save dialog. Returns how many events it holds.
#[tauri::command]
#[specta::specta]
pub async fn save_calendar(state: State<'_, AppState>, path: String) -> Result<u32, Error> {
    state.run(move |store| service::save_calendar(store, today(), &PathBuf::from(path), super::DIALOG_ASKED)).await
}

/// The playbook's judgement calls: when a first result is expected, the NPS cadence, the renewal lead.
#[tauri::command]
#[specta::specta]
pub async fn playbook_settings(state: State<'_, AppState>) -> Result<clientwell_core::book::playbook::PlaybookSettings, Error> {
    state.run(|store| store.playbook_settings()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_playbook_settings(state: State<'_, AppState>, input: clientwell_core::book::playbook::PlaybookSettings) -> Result<clientwell_core::book::playbook::PlaybookSettings, Error> {
    state.run(move |store| store.save_playbook_settings(input)).await
}
