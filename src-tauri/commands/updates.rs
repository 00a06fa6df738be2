//! Settings → Updates: the owner's consent to look for new versions, "Check for updates", and
//! "Install and restart". Nothing here runs without the owner's say-so.

use chrono::NaiveDate;
use clientwell_core::updates::{self, UpdatePrefs};
use clientwell_core::Error;
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::state::{today, AppState};
use crate::updates::{fetch_verified, UpdateOffer, Updates};

#[derive(Debug, Clone, Serialize, Type)]
pub struct UpdateSettings {
    /// The owner agreed to a check when Clientwell opens (at most once a day).
    pub check_at_start: bool,
    pub last_checked: Option<NaiveDate>,
    /// The version running now.
    pub current_version: String,
}

fn settings(updates: &Updates, prefs: UpdatePrefs) -> UpdateSettings {
    UpdateSettings {
        check_at_start: prefs.check_at_start,
        last_checked: prefs.last_checked,
        current_version: updates.current_version.clone(),
    }
}

#[tauri::command]
#[specta::specta]
pub fn update_settings(updates: State<'_, Updates>, state: State<'_, AppState>) -> Result<UpdateSettings, Error> {
    Ok(settings(&updates, updates::load(state.data_dir())?))
}

#[tauri::command]
#[specta::specta]
pub fn save_update_settings(updates: State<'_, Updates>, state: State<'_, AppState>, check_at_start: bool) -> Result<UpdateSettings, Error> {
    // A damaged file is rewritten by this choice rather than blocking it (the card shows why).
    let prefs = UpdatePrefs { check_at_start, ..updates::load(state.data_dir()).unwrap_or_default() };
    updates::save(state.data_dir(), &prefs)?;
    Ok(settings(&updates, prefs))
}

/// Looks for a newer version. `at_start` is the window's check when it opens: it goes out only
/// when the owner agreed to it and no check ran today, and otherwise answers None at once.
#[tauri::command]
#[specta::specta]
pub async fn check_for_update(updates: State<'_, Updates>, state: State<'_, AppState>, at_start: bool) -> Result<Option<UpdateOffer>, Error> {
    // A file that cannot be read gives no consent to a check at start; a check asked for goes ahead.
    let prefs = updates::load(state.data_dir()).unwrap_or_default();
    if at_start && !prefs.due_at_start(today()) {
        return Ok(None);
    }
    updates::save(state.data_dir(), &prefs.checked(today()))?;
    let found = updates.find().await?;
    let offer = found.as_ref().map(UpdateOffer::of);
    if let Ok(mut slot) = updates.pending.lock() {
        *slot = found;
    }
    Ok(offer)
}

/// Downloads the version last found, checks its signature, installs it and restarts Clientwell.
/// (On Windows the installer takes over and the app exits; every write is already committed.)
#[tauri::command]
#[specta::specta]
pub async fn install_update(updates: State<'_, Updates>) -> Result<(), Error> {
    let update = updates
        .pending
        .lock()
        .ok()
        .and_then(|slot| slot.clone())
        .ok_or_else(|| Error::not_found("There is no update to install; check for updates first."))?;
    let bytes = fetch_verified(&update).await?;
    update
        .install(bytes)
        .map_err(|e| Error::internal(format!("The update could not be installed ({e}); your version is unchanged. Restart Clientwell.")))?;
    updates.restart();
    Ok(())
}
