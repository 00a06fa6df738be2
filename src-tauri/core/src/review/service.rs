//! The weekly review for the whole book, loaded from the store.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use specta::Type;

use super::{items, visible, ReviewItem};
use crate::book::ClientStatus;
use crate::client_page::{self, ClientData};
use crate::error::Result;
use crate::health::{self, Band, Thresholds};
use crate::store::Store;

/// One client's health, for the review's overview and the clients table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct HealthRow {
    pub client_id: i64,
    pub client: String,
    pub band: Band,
    pub score: u8,
    pub max: u8,
    pub summary: String,
    pub mrr_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct WeeklyReview {
    pub as_of: NaiveDate,
    pub items: Vec<ReviewItem>,
    /// Items the owner marked done or snoozed (not shown).
    pub hidden: u32,
    /// Current clients, reddest first.
    pub health: Vec<HealthRow>,
}

/// Loads every current client (not archived, not ended or prospect) with its records.
pub fn current_clients(store: &Store) -> Result<Vec<ClientData>> {
    store
        .clients(false)?
        .into_iter()
        .filter(|c| matches!(c.status, ClientStatus::Onboarding | ClientStatus::Active | ClientStatus::Paused))
        .map(|c| client_page::load(store, c.id))
        .collect()
}

/// Every client that ever had a contract (archived ones too): what portfolio metrics need, since
/// a client who left still counts in the period they left.
pub fn current_and_past_clients(store: &Store) -> Result<Vec<ClientData>> {
    store.clients(true)?.into_iter().map(|c| client_page::load(store, c.id)).collect()
}

pub fn weekly_review(store: &Store, as_of: NaiveDate) -> Result<WeeklyReview> {
    let t = Thresholds::default();
    let mut all = Vec::new();
    let mut rows = Vec::new();
    for data in current_clients(store)? {
        let now = health::health(&data, as_of, &t);
        let week_ago = health::health(&data, as_of - Days::new(7), &t);
        let page = client_page::assemble(data, as_of);
        all.extend(items(&page, &now, &week_ago));
        rows.push(HealthRow { client_id: page.client.id, client: page.client.name.clone(), band: now.band, score: now.score, max: now.max, summary: now.summary, mrr_cents: page.mrr_cents });
    }
    rows.sort_by(|a, b| a.band.cmp(&b.band).then(a.client.cmp(&b.client)));
    let states = store.review_states()?;
    let total = all.len();
    let items = visible(all, &states, as_of);
    Ok(WeeklyReview { as_of, hidden: (total - items.len()) as u32, items, health: rows })
}
