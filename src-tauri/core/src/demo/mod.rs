//! The demo studio: a realistic, deterministic book to explore the app with.
//!
//! Same seed, size and "today" → the same book (timestamps aside). Every kind of record and
//! every situation the app must handle appears: healthy and drifting clients, one lost, one new
//! this month, late payers, a detractor, a change of main contact, projects and retainers.

mod deliverables;
mod growth;
mod history;
mod moments;
mod pools;
mod rng;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use specta::Type;

use crate::book::{PaperSize, Studio};
use crate::error::{Error, Result};
use crate::store::{now_stamp, studio, Store};
use history::{Archetype, Context, MIX};
use rng::Rng;

pub const DEFAULT_SEED: u64 = 1;

/// How big a demo book to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSize {
    pub clients: usize,
    /// How far back the oldest client may have started.
    pub years: u32,
}

impl Default for DemoSize {
    fn default() -> Self {
        DemoSize { clients: 16, years: 3 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct DemoSummary {
    pub studio: String,
    pub clients: u32,
}

/// Fills an empty book with the demo studio. Refuses a book that already holds anything.
pub fn seed(store: &mut Store, seed: u64, today: NaiveDate) -> Result<DemoSummary> {
    seed_sized(store, seed, today, DemoSize::default())
}

pub fn seed_sized(store: &mut Store, seed: u64, today: NaiveDate, size: DemoSize) -> Result<DemoSummary> {
    if size.clients == 0 || size.years == 0 {
        return Err(Error::validation("clients", "A demo book needs at least one client and one year."));
    }
    let mut rng = Rng::new(seed);
    let studio_row = Studio { name: "Brightside Studio".into(), currency: "EUR".into(), paper_size: PaperSize::A4 };
    // Which client gets which archetype: the mix, shuffled by the seed.
    let mut archetypes: Vec<Archetype> = (0..size.clients).map(|i| MIX[i % MIX.len()]).collect();
    for i in (1..archetypes.len()).rev() {
        archetypes.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let earliest = today.with_year(today.year() - size.years as i32).unwrap_or(today);
    let now = now_stamp();
    store.write(|tx| {
        let used: i64 =
            tx.query_row("SELECT (SELECT count(*) FROM studio) + (SELECT count(*) FROM client)", [], |r| r.get(0))?;
        if used > 0 {
            return Err(Error::conflict(None, "The demo studio can only be created in an empty book."));
        }
        studio::upsert(tx, &studio_row, &now)?;
        let mut invoice_seq = 0;
        let mut cx = Context { tx, rng: &mut rng, seed, today, now: &now, earliest, invoice_seq: &mut invoice_seq };
        for (index, archetype) in archetypes.iter().enumerate() {
            history::write_client(&mut cx, index, *archetype)?;
        }
        let ids: Vec<i64> = tx.prepare("SELECT id FROM client ORDER BY id")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let written: Vec<(i64, Archetype)> = ids.into_iter().zip(archetypes.iter().copied()).collect();
        moments::write(tx, &written, today, &now)?;
        // The newest client came by referral from the longest-standing one.
        tx.execute(
            "INSERT INTO referral (from_client_id, to_client_id, referred_on)
             SELECT (SELECT id FROM client WHERE status = 'active' ORDER BY start_date, id LIMIT 1), id, start_date
             FROM client WHERE status = 'onboarding' ORDER BY start_date DESC, id LIMIT 1",
            [],
        )?;
        Ok(())
    })?;
    Ok(DemoSummary { studio: studio_row.name, clients: size.clients as u32 })
}

/// Opens the demo book at `path`, creating it on first use.
pub fn open(path: &std::path::Path, seed_value: u64, today: NaiveDate) -> Result<Store> {
    let mut store = Store::open(path)?;
    if store.studio()?.is_none() && store.clients(true)?.is_empty() {
        seed(&mut store, seed_value, today)?;
    }
    Ok(store)
}

#[cfg(test)]
mod tests;
