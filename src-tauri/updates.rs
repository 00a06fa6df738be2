//! New versions of Clientwell, through tauri-plugin-updater: the release pipeline publishes a
//! manifest (`latest.json`) and installers signed with the release key; the app looks only when
//! the owner asks (or agreed to a check at start, see `clientwell_core::updates`), shows the new
//! version's notes, and installs only on the owner's click. The plugin verifies every download
//! against the public key in `tauri.conf.json` before anything is installed, so a tampered or
//! wrongly signed installer is refused.

use std::sync::Mutex;

use clientwell_core::Error;
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_updater::{Update, Updater, UpdaterExt};

/// A newer version, as the owner sees it before agreeing to install it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct UpdateOffer {
    pub version: String,
    pub current_version: String,
    /// The release notes, as published with the release.
    pub notes: Option<String>,
    /// The day it was published (YYYY-MM-DD), when the manifest says.
    pub published: Option<String>,
}

impl UpdateOffer {
    pub fn of(update: &Update) -> UpdateOffer {
        UpdateOffer {
            version: update.version.clone(),
            current_version: update.current_version.clone(),
            notes: update.body.clone().filter(|n| !n.trim().is_empty()),
            published: update.date.map(|d| {
                let date = d.date();
                format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
            }),
        }
    }
}

/// What the update commands need of the app, held as app state so the commands themselves do
/// not depend on the runtime: the updater, the running version, a restart, and the update last
/// found (kept between "Check for updates" and "Install").
pub struct Updates {
    updater: Box<dyn Fn() -> tauri_plugin_updater::Result<Updater> + Send + Sync>,
    restart: Box<dyn Fn() + Send + Sync>,
    pub current_version: String,
    pub pending: Mutex<Option<Update>>,
}

impl Updates {
    /// Registered in `setup`, once the updater plugin is installed.
    pub fn manage<R: Runtime>(app: &AppHandle<R>) {
        let (for_updater, for_restart) = (app.clone(), app.clone());
        app.manage(Updates {
            updater: Box::new(move || for_updater.updater()),
            restart: Box::new(move || for_restart.restart()),
            current_version: app.package_info().version.to_string(),
            pending: Mutex::default(),
        });
    }

    /// Asks the release server whether a newer version exists.
    pub async fn find(&self) -> Result<Option<Update>, Error> {
        let updater = (self.updater)().map_err(problem)?;
        match updater.check().await {
            // No manifest published yet (a release without update signatures): nothing to offer.
            Err(tauri_plugin_updater::Error::ReleaseNotFound) => Ok(None),
            found => found.map_err(problem),
        }
    }

    pub fn restart(&self) {
        (self.restart)()
    }
}

/// Downloads the new version and checks its signature; only bytes that pass are returned.
pub async fn fetch_verified(update: &Update) -> Result<Vec<u8>, Error> {
    update.download(|_, _| {}, || {}).await.map_err(problem)
}

/// The plugin's errors in the owner's words: a signature problem is named as such, and anything
/// about the network says that nothing was changed.
fn problem(e: tauri_plugin_updater::Error) -> Error {
    use tauri_plugin_updater::Error as E;
    match e {
        E::Minisign(_) | E::Base64(_) | E::SignatureUtf8(_) | E::SignedVersionMismatch { .. } | E::MissingSignedVersion => Error::incompatible(format!(
            "The downloaded update is not signed by Clientwell's release key, so it was not installed ({e}). Your version is unchanged."
        )),
        E::TargetNotFound(_) | E::TargetsNotFound(_) => Error::not_found(
            "A newer Clientwell is out, but not as an automatic update for this kind of computer: download it from Clientwell's releases page. Nothing was changed.",
        ),
        E::Reqwest(_) | E::Network(_) | E::ReleaseNotFound => {
            Error::storage(format!("Could not reach the update server ({e}). Nothing was changed; try again later."))
        }
        other => Error::internal(format!("Could not look for or install the update: {other}")),
    }
}

#[cfg(test)]
#[path = "updates_tests.rs"]
mod tests;
