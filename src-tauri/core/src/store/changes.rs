//! The one change signal: which parts of the book a write touched, derived from the tables
//! SQLite says were written (its update hook), kept only once the transaction commits, so no
//! caller chooses what to report. A commit by another connection (the CLI, another window) is
//! seen through `data_version` and reported as a change to everything.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

/// A part of the book that screens read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Any client's records: the client itself, people, contracts, KPIs, invoices, activity.
    Clients,
    /// What the owner did with weekly-review items (done, snoozed).
    Review,
    /// Settings: health thresholds, metrics, templates, display, branding, the checklist.
    Settings,
    /// The studio itself (name, currency, paper size).
    Studio,
}

impl Area {
    pub const ALL: [Area; 4] = [Area::Clients, Area::Review, Area::Settings, Area::Studio];

    /// The area a table belongs to; a table this list does not know (added by a later
    /// migration) counts as every area, so a forgotten entry over-refreshes instead of leaving
    /// a screen stale.
    pub fn of_table(table: &str) -> &'static [Area] {
        match table {
            "review_state" => &[Area::Review],
            "setting" | "checklist_template" | "import_mapping" => &[Area::Settings],
            "studio" => &[Area::Studio],
            "client" | "stakeholder" | "primary_contact_change" | "contract" | "kpi" | "kpi_measurement" | "milestone" | "invoice"
            | "invoice_line" | "touchpoint" | "deliverable" | "complaint" | "survey_answer" | "opportunity" | "hours_used"
            | "health_override" | "referral" | "testimonial" | "qbr_note" | "checklist_item" | "trash" | "client_alias" | "client_ending" | "client_ask" | "kpi_note" | "document_send" | "account_risk" => &[Area::Clients],
            _ => &Area::ALL,
        }
    }
}

/// What changed since the last time someone asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct BookChange {
    /// Sorted, each once.
    pub areas: Vec<Area>,
}

#[derive(Default)]
struct Seen {
    /// Tables written by the transaction in progress.
    pending: BTreeSet<String>,
    /// Tables written by committed transactions, not yet reported.
    committed: BTreeSet<String>,
}

/// Collects the tables each committed transaction wrote on one connection.
#[derive(Clone, Default)]
pub(crate) struct Watch(Arc<Mutex<Seen>>);

impl Watch {
    /// Registers the hooks on `conn`. A poisoned lock (a panic inside a hook, which only pushes
    /// to a set) is recovered: losing the signal must never lose a write.
    pub(crate) fn on(conn: &mut Connection) -> rusqlite::Result<Watch> {
        let watch = Watch::default();
        let seen = Arc::clone(&watch.0);
        conn.update_hook(Some(move |_, db: &str, table: &str, _| {
            // Only the book itself: a backup's VACUUM INTO writes its copy's schema (its
            // triggers) through this connection, and that changes nothing on screen.
            if db == "main" {
                seen.lock().unwrap_or_else(|p| p.into_inner()).pending.insert(table.to_owned());
            }
        }))?;
        let seen = Arc::clone(&watch.0);
        conn.commit_hook(Some(move || {
            let mut s = seen.lock().unwrap_or_else(|p| p.into_inner());
            let written = std::mem::take(&mut s.pending);
            s.committed.extend(written);
            false // false: let the commit go ahead
        }))?;
        let seen = Arc::clone(&watch.0);
        conn.rollback_hook(Some(move || {
            seen.lock().unwrap_or_else(|p| p.into_inner()).pending.clear();
        }))?;
        Ok(watch)
    }

    /// Records a change to the whole book made outside SQL statements (a restore).
    pub(crate) fn mark_everything(&self) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).committed.insert("*".to_owned());
    }

    /// The areas committed writes touched since the last call (nothing: None).
    pub(crate) fn take(&self) -> Option<BookChange> {
        let tables = std::mem::take(&mut self.0.lock().unwrap_or_else(|p| p.into_inner()).committed);
        let areas: BTreeSet<Area> = tables.iter().flat_map(|t| Area::of_table(t).iter().copied()).collect();
        (!areas.is_empty()).then(|| BookChange { areas: areas.into_iter().collect() })
    }
}

impl BookChange {
    /// Every area: for a change this connection did not see table by table.
    pub fn everything() -> BookChange {
        BookChange { areas: Area::ALL.to_vec() }
    }
}
