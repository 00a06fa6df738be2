//! The documents that leave the app. The owner picks where each file goes in the save dialog
//! (the UI opens it); these commands write only to the path or folder that dialog returned.

use std::path::PathBuf;

use clientwell_core::book::growth::{QbrNotes, QbrNotesInput};
use clientwell_core::book::sending::{DocumentKind, DocumentMark, DocumentState};
use clientwell_core::service::{self, ToSend};
use clientwell_core::output::Existing;
use clientwell_core::report::{self, BatchReport, Month, MonthlyPreview, QbrFormat, QbrPreview, SavedReport};
use clientwell_core::Error;
use tauri::ipc::Channel;
use tauri::State;

use super::Progress;
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
    state.run(move |store| report::save_monthly(store, client_id, month, today(), &PathBuf::from(path), super::DIALOG_ASKED)).await
}

/// Saves every current client's summary of `month` into `folder`, reporting progress. Files
/// already in the folder are replaced only when `replace` is true (the folder dialog does not
/// ask, so the screen asks when this returns a `conflict` naming them).
#[tauri::command]
#[specta::specta]
pub async fn save_monthly_summaries(state: State<'_, AppState>, month: String, folder: String, replace: bool, on_progress: Channel<Progress>) -> Result<BatchReport, Error> {
    let month = Month::parse("month", &month)?;
    let progress = super::progress_to(&state, on_progress);
    state.run(move |store| report::save_monthly_batch(store, month, today(), &PathBuf::from(folder), Existing::replace_if(replace), &progress)).await
}

/// Stops a running batch export after the files being written (those stay, whole), or a
/// running import (which then writes nothing).
#[tauri::command]
#[specta::specta]
pub async fn stop_batch(state: State<'_, AppState>) -> Result<(), Error> {
    state.stop();
    Ok(())
}

/// The QBR of a fiscal quarter ("2027-Q2"; empty for the last complete one) and its file name.
#[tauri::command]
#[specta::specta]
pub async fn qbr_preview(state: State<'_, AppState>, client_id: i64, quarter: String) -> Result<QbrPreview, Error> {
    state.run(move |store| report::qbr_preview(store, client_id, &quarter, today())).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_qbr_report(state: State<'_, AppState>, client_id: i64, quarter: String, path: String, format: QbrFormat) -> Result<SavedReport, Error> {
    state
        .run(move |store| {
            let quarter = report::client_quarter(store, client_id, Some(&quarter), today())?;
            report::save_qbr(store, client_id, quarter, today(), &PathBuf::from(path), super::DIALOG_ASKED, format)
        })
        .await
}

/// Saves what works and what we adjust for the client's quarter ("2027-Q2").
#[tauri::command]
#[specta::specta]
pub async fn save_qbr_notes(state: State<'_, AppState>, client_id: i64, quarter: String, input: QbrNotesInput) -> Result<QbrNotes, Error> {
    state
        .run(move |store| {
            let quarter = report::client_quarter(store, client_id, Some(&quarter), today())?;
            store.save_qbr_notes(client_id, quarter, &input)
        })
        .await
}

/// The month's close: every current client's summary for `month` ("2026-10") and the QBRs of
/// the quarters it ends, with what each is missing and whether it was reviewed, saved and sent.
#[tauri::command]
#[specta::specta]
pub async fn to_send(state: State<'_, AppState>, month: String) -> Result<ToSend, Error> {
    let month = Month::parse("month", &month)?;
    state.run(move |store| service::to_send(store, month, today())).await
}

/// Marks a client's document for a period reviewed or sent today, or takes the mark back.
#[tauri::command]
#[specta::specta]
pub async fn mark_document(state: State<'_, AppState>, client_id: i64, kind: DocumentKind, period: String, mark: DocumentMark) -> Result<DocumentState, Error> {
    state.run(move |store| store.mark_document(client_id, kind, &period, mark, today())).await
}

/// Saves every reviewed document of the month's close into `folder` (chosen in the dialog).
/// Files already there are replaced only when `replace` is true; each one kept is listed.
#[tauri::command]
#[specta::specta]
pub async fn save_reviewed_documents(state: State<'_, AppState>, month: String, folder: String, replace: bool) -> Result<BatchReport, Error> {
    let month = Month::parse("month", &month)?;
    state.run(move |store| service::save_reviewed(store, month, today(), &PathBuf::from(folder), Existing::replace_if(replace))).await
}
