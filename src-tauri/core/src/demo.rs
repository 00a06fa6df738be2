//! The demo studio: a realistic, deterministic book to explore the app with.
//!
//! Same seed and same "today" → the same book, byte for byte in its rows (timestamps aside).
//! It uses its own small generator (SplitMix64) rather than a crate whose sequence could change
//! between versions.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use specta::Type;

use crate::book::client::ClientFields;
use crate::book::{ClientStatus, PaperSize, Studio};
use crate::error::{Error, Result};
use crate::store::{clients, now_stamp, studio, Store};

pub const DEFAULT_SEED: u64 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct DemoSummary {
    pub studio: String,
    pub clients: u32,
}

/// Client names and the goal each agreed, in their own words.
const CLIENTS: &[(&str, &str)] = &[
    ("Harbour Bakery", "More weekday pre-orders from office workers nearby"),
    ("Lumen Dental Group", "Fill the new Saturday clinic with new patients"),
    ("Northfield Cycles", "Sell more bikes online instead of only in the shop"),
    ("Atelier Brûlé", "Get booked for weddings six months ahead"),
    ("Greenway Solar", "More qualified leads from homeowners, fewer tyre-kickers"),
    ("Cobalt Accounting", "A faster month-end close for our own clients to see"),
    ("Maple & Rye Café", "Be the place people book for small events"),
    ("Finch Legal", "Be known as the go-to firm for start-up contracts"),
    ("Tidewater Yoga", "Keep members past their first three months"),
    ("Orbit Logistics", "Cut the cost of each driver we hire"),
    ("Salt & Pine Hotel", "More direct bookings, fewer paid to booking sites"),
    ("Kestrel Architecture", "Win two public-sector projects a year"),
    ("Nova Skin Clinic", "Double repeat bookings from existing clients"),
    ("Riverbend Brewery", "Get our beer into fifty more bars"),
    ("Quill Publishing", "Grow the newsletter to 20,000 readers"),
    ("Ember Fitness", "Lower the cost of each new member signup"),
];

const NOTES: &[&str] = &[
    "",
    "Prefers calls on Tuesday mornings.",
    "Finance signs off anything over the retainer; keep their CFO in the loop.",
    "Came to us by referral.",
    "Sensitive about deadlines after a bad experience with their last agency.",
    "",
];

struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Fills an empty book with the demo studio. Refuses a book that already holds anything.
pub fn seed(store: &mut Store, seed: u64, today: NaiveDate) -> Result<DemoSummary> {
    let mut rng = SplitMix64(seed);
    let studio_row = Studio { name: "Brightside Studio".into(), currency: "EUR".into(), paper_size: PaperSize::A4 };
    let count = 12 + rng.below(3) as usize;
    let mut order: Vec<usize> = (0..CLIENTS.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let now = now_stamp();
    store.write(|tx| {
        let used: i64 = tx.query_row(
            "SELECT (SELECT count(*) FROM studio) + (SELECT count(*) FROM client)",
            [],
            |r| r.get(0),
        )?;
        if used > 0 {
            return Err(Error::conflict(None, "The demo studio can only be created in an empty book."));
        }
        studio::upsert(tx, &studio_row, &now)?;
        for (n, &index) in order.iter().take(count).enumerate() {
            let (name, goal) = CLIENTS[index];
            let status = match (n, rng.below(10)) {
                (0..=1, _) => ClientStatus::Onboarding,
                (_, 0) => ClientStatus::Paused,
                (_, 1) => ClientStatus::Ended,
                _ => ClientStatus::Active,
            };
            let days_ago = if status == ClientStatus::Onboarding { 5 + rng.below(40) } else { 60 + rng.below(1000) };
            let start_date = today.checked_sub_days(Days::new(days_ago)).unwrap_or(today);
            let notes = NOTES[rng.below(NOTES.len() as u64) as usize].to_owned();
            let fields = ClientFields { name: name.into(), status, goal: goal.into(), start_date, notes };
            let id = clients::insert(tx, &fields, &now)?;
            if status == ClientStatus::Ended {
                tx.execute("UPDATE client SET archived_at = ?2 WHERE id = ?1", rusqlite::params![id, now])?;
            }
        }
        Ok(())
    })?;
    Ok(DemoSummary { studio: studio_row.name, clients: count as u32 })
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
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn demo(seed_value: u64) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
        seed(&mut store, seed_value, today()).unwrap();
        (dir, store)
    }

    fn fingerprint(store: &Store) -> Vec<(String, String, NaiveDate, bool)> {
        store
            .clients(true)
            .unwrap()
            .into_iter()
            .map(|c| (c.name, c.status.as_str().to_owned(), c.start_date, c.archived_at.is_some()))
            .collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_book() {
        let (_a, one) = demo(7);
        let (_b, two) = demo(7);
        assert_eq!(fingerprint(&one), fingerprint(&two));
        let (_c, other) = demo(8);
        assert_ne!(fingerprint(&one), fingerprint(&other));
    }

    #[test]
    fn the_demo_book_looks_like_a_real_studio() {
        let (_dir, store) = demo(DEFAULT_SEED);
        let studio = store.studio().unwrap().unwrap();
        assert_eq!(studio.currency, "EUR");
        let clients = store.clients(true).unwrap();
        assert!((12..=14).contains(&clients.len()), "{} clients", clients.len());
        assert!(clients.iter().all(|c| !c.goal.is_empty() && c.start_date <= today()));
        assert!(clients.iter().any(|c| c.status == ClientStatus::Onboarding));
        let archived = clients.iter().filter(|c| c.archived_at.is_some());
        assert!(archived.clone().all(|c| c.status == ClientStatus::Ended));
    }

    #[test]
    fn a_book_in_use_is_never_overwritten_by_the_demo() {
        let (_dir, mut store) = demo(1);
        let before = fingerprint(&store);
        let err = seed(&mut store, 2, today()).unwrap_err();
        assert_eq!(err.kind, crate::ErrorKind::Conflict);
        assert_eq!(fingerprint(&store), before);
    }
}
