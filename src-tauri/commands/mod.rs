//! Thin adapters from IPC to the core: one core call each, no rules of their own.

pub mod backups;
pub mod book;
pub mod branding;
pub mod clients;
pub mod data;
pub mod health;
pub mod messages;
pub mod metrics;
pub mod records;
pub mod reports;
pub mod review;
pub mod studio;
pub mod updates;

use std::sync::atomic::Ordering;

use serde::Serialize;
use specta::Type;
use tauri::ipc::Channel;

use crate::state::AppState;

/// Every path these commands save to was picked in the OS save dialog, which asks before it
/// returns a file that exists: that answer is the owner's consent to replace it. (The book, its
/// journal, lock and backups are refused whatever the answer.)
pub const DIALOG_ASKED: clientwell_core::output::Existing = clientwell_core::output::Existing::Replace;

/// How far a long job has come: files of a batch export, rows of an import.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
}

/// The progress callback a long job in the core is given: it tells the window through
/// `channel` and answers whether to go on (false once the owner pressed Stop).
pub fn progress_to(state: &AppState, channel: Channel<Progress>) -> impl Fn(u32, u32) -> bool + Send + Sync + 'static {
    let stop = state.stop_flag();
    move |done, total| {
        // A closed window cannot take progress any more; the job goes on regardless.
        let _ = channel.send(Progress { done, total });
        !stop.load(Ordering::SeqCst)
    }
}
