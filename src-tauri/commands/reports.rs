//! The documents that leave the app. The owner picks where each file goes in the save dialog
//! (the UI opens it); these commands write only to the path or folder that dialog returned.

use std::path::PathBuf;

use clientwell_core::report::{self, Month, MonthlyPreview, SavedReport};
use clientwell_core::Error;
use tauri::State;

use crate::state::{today, AppState};

/// What the monthly summary of `month` (YYYY-MM) will say, and the file name to suggest.
#[tauri::command]
#[specta::specta]
pub async fn monthly_preview(state: State<'_, AppState>, client_id: i64, month: String) -> Result<MonthlyPreview, Error> {
    let month = Month::parse("month", &month)?;
    state.run(move |store| report::monthly_preview(store, client_id, month, today())).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_monthly_summary(state: State<'_, AppState>, client_id: i64, month: String, path: String) -> Result<SavedReport, Error> {
    let month = Month::parse("month", &month)?;
    state.run(move |store| report::save_monthly(store, client_id, month, today(), &PathBuf::from(path))).await
}

/// Saves every current client's summary of `month` into `folder`.
#[tauri::command]
#[specta::specta]
pub async fn save_monthly_summaries(state: State<'_, AppState>, month: String, folder: String) -> Result<Vec<SavedReport>, Error> {
    let month = Month::parse("month", &month)?;
    state.run(move |store| report::save_monthly_batch(store, month, today(), &PathBuf::from(folder))).await
}
