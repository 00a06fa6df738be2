//! The one event the window listens to: what the book's last committed writes changed. The core
//! derives it from the tables written (`clientwell_core::store::changes`); the UI refreshes
//! every query that reads one of the areas (ui/src/queries.ts), so no screen stays stale.

use clientwell_core::store::Area;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::Manager;
use tauri_specta::Event;

use crate::state::AppState;

#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct BookChanged {
    /// The parts of the book that changed, each once.
    pub areas: Vec<Area>,
}

/// Registers the typed events and sends the open book's change signals to the window.
pub fn connect<R: tauri::Runtime>(app: &tauri::App<R>, builder: &tauri_specta::Builder<R>) {
    builder.mount_events(app);
    let handle = app.handle().clone();
    app.state::<AppState>().on_change(move |change| {
        // A window that is closing cannot take it; nothing else needs it.
        let _ = BookChanged { areas: change.areas }.emit(&handle);
    });
}
