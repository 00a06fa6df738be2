use clientwell_core::Error;
use tauri::State;

use crate::state::{AppState, AppStatus, BookKind};

/// Which book is open and whether its studio is set up.
#[tauri::command]
#[specta::specta]
pub async fn app_status(state: State<'_, AppState>) -> Result<AppStatus, Error> {
    let status = state.status().await;
    crate::startup::first_command();
    status
}

/// The UI has drawn its first screen (recorded only when measuring startup).
#[tauri::command]
#[specta::specta]
pub async fn ui_painted() -> Result<(), Error> {
    crate::startup::first_paint();
    Ok(())
}

/// Looks whether another program (the `clientwell` CLI) changed the book; if so the window
/// gets a `BookChanged` event like after any write. The window asks when it regains focus.
#[tauri::command]
#[specta::specta]
pub async fn check_for_changes(state: State<'_, AppState>) -> Result<(), Error> {
    state.run(|_| Ok(())).await
}

/// Opens the demo studio (created on first use), leaving the owner's book untouched.
#[tauri::command]
#[specta::specta]
pub async fn open_demo_book(state: State<'_, AppState>) -> Result<AppStatus, Error> {
    state.switch(BookKind::Demo).await
}

/// Goes back to the owner's own book.
#[tauri::command]
#[specta::specta]
pub async fn open_my_book(state: State<'_, AppState>) -> Result<AppStatus, Error> {
    state.switch(BookKind::Mine).await
}
