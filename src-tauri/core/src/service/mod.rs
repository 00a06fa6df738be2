//! The use cases the app's commands and the `clientwell` CLI share: each assembles what one
//! screen or one subcommand needs from the store and the pure modules, so a command and its CLI
//! twin are one call each and cannot drift. Nothing here knows Tauri, clap or the UI.

mod calendar;
mod clients_table;
mod portfolio;
mod segments;
mod to_send;
mod weekly;

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

pub use calendar::{calendar, save as save_calendar};
pub use clients_table::{client_table, ClientRow};
pub use portfolio::portfolio;
pub use to_send::{save_reviewed, to_send, ToSend, ToSendRow};
pub use weekly::{weekly_review, HealthRow, WeeklyReview};

use crate::book::templates::Script;
use crate::book::text;
use crate::error::{Error, Result};
use crate::health::{self, Health, WeekScore};
use crate::metrics::Period;
use crate::review::{self, Draft};
use crate::store::Store;

/// Today on this computer's calendar: every "as of" that the owner did not choose.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// How an import reads 01/02/2026 when neither the owner nor the file says: as the app's date
/// format does — the locale chosen in Settings, else the computer's (`computer`, e.g. "en-US").
pub fn usual_date_order(store: &Store, computer: Option<&str>) -> Result<crate::import::DateOrder> {
    let chosen = store.display_settings()?.locale;
    Ok(chosen.as_deref().or(computer).map_or(crate::import::DateOrder::DayFirst, crate::import::DateOrder::of_locale))
}

/// The day a command works as of: `text` (YYYY-MM-DD) when given, else today.
pub fn as_of(field: &str, label: &str, text: Option<&str>) -> Result<NaiveDate> {
    match text {
        Some(text) => text::date(field, label, text),
        None => Ok(today()),
    }
}

/// The clients the monthly summaries and the review are for, in the book's name order.
pub fn current_clients(store: &Store) -> Result<Vec<crate::book::Client>> {
    Ok(store.clients(false)?.into_iter().filter(|c| c.is_current()).collect())
}

/// One client's health with its recent history, for the health card and `clientwell health`.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ClientHealth {
    pub client_id: i64,
    pub client: String,
    pub health: Health,
    /// The last `weeks` ISO weeks, oldest first.
    pub history: Vec<WeekScore>,
}

pub fn client_health(store: &Store, client_id: i64, as_of: NaiveDate, weeks: u32) -> Result<ClientHealth> {
    Ok(health_of(&store.client_data(client_id)?, &store.health_settings()?, as_of, weeks))
}

/// Health for every current client (or the one asked for), in the book's name order, from the
/// book in memory.
pub fn health_of_book(store: &Store, only: Option<i64>, as_of: NaiveDate, weeks: u32) -> Result<Vec<ClientHealth>> {
    let settings = store.health_settings()?;
    Ok(store.book()?.iter().filter(|d| only.map_or_else(|| d.is_current(), |id| d.client.id == id)).map(|d| health_of(d, &settings, as_of, weeks)).collect())
}

fn health_of(data: &crate::book::records::ClientData, settings: &health::HealthSettings, as_of: NaiveDate, weeks: u32) -> ClientHealth {
    ClientHealth {
        client_id: data.client.id,
        client: data.client.name.clone(),
        health: health::health(data, as_of, settings),
        history: health::history(data, as_of, weeks.clamp(1, 260) as usize, settings),
    }
}

/// A period the owner typed ("2026-10", "2026-Q3", "2026", "2026-01-01..2026-04-01"), with
/// quarters and years in the studio's fiscal year unless `fiscal_year_start` says otherwise.
pub fn period(store: &Store, text: &str, fiscal_year_start: Option<u32>) -> Result<Period> {
    let starts = match fiscal_year_start {
        Some(m) if (1..=12).contains(&m) => m,
        Some(_) => return Err(Error::validation("fiscal_year_start", "The financial year starts in a month from 1 to 12.")),
        None => store.metrics_settings()?.fiscal_year_start,
    };
    Period::parse("period", text, starts)
}

/// A message to the client, drafted from the studio's template for `script`.
/// `to`: one of the client's people, or None for whom the script goes to by default.
pub fn draft_message(store: &Store, client_id: i64, script: Script, to: Option<i64>, as_of: NaiveDate) -> Result<Draft> {
    let studio = store.require_studio()?;
    let page = crate::client_page::client_page(store, client_id, as_of)?;
    // The client's account owner signs, else the owner's own name from Settings.
    let playbook = store.playbook_settings()?;
    let owner = if page.client.plan.owner.trim().is_empty() { playbook.signed_by.as_str() } else { page.client.plan.owner.as_str() };
    let from = review::drafts::Sender { studio: &studio.name, owner, currency: &studio.currency, minor_digits: crate::book::currency::minor_digits(&studio.currency) };
    review::draft(&store.template(script)?, &page, &from, to)
}

/// What a client's agreed results are worth to date, with every input it was computed from
/// (for `clientwell report value` and the CFO who asks how the QBR's figure was reached).
pub fn value_to_date(store: &Store, client_id: i64, until: NaiveDate) -> Result<crate::report::value::ValueToDate> {
    let studio = store.require_studio()?;
    let minor = crate::book::currency::minor_digits(&studio.currency);
    Ok(crate::report::value::value_to_date(&store.client_data(client_id)?, until, &studio.currency, minor))
}

/// Reads the logo file the owner chose (the store checks it is a PNG or JPEG it can use).
pub fn read_logo(file: &Path) -> Result<Vec<u8>> {
    std::fs::read(file).map_err(|e| Error::validation("logo", format!("Could not read {}: {e}", file.display())))
}

#[cfg(test)]
mod tests;
