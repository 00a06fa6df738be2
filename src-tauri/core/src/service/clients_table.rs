//! The clients table: every client with band, MRR, renewal, last contact and segment.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use super::segments::Segmenter;
use crate::book::contract;
use crate::book::records::{self, ClientData};
use crate::error::Result;
use crate::health::lifecycle::{lifecycle, Lifecycle};
use crate::health::segment::Segment;
use crate::health::{self, Band};
use crate::store::Store;

/// One line of the clients table: who, how they are doing, what they are worth, what is next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ClientRow {
    pub client: crate::book::Client,
    /// Health and segment for current clients (onboarding, active, paused); none for the others.
    pub band: Option<Band>,
    pub score: Option<u8>,
    pub max: Option<u8>,
    pub segment: Option<Segment>,
    pub segment_why: Option<String>,
    pub mrr_cents: i64,
    pub renewal_date: Option<NaiveDate>,
    pub last_contact: Option<NaiveDate>,
    /// Where they are in their journey with the studio, and why.
    pub lifecycle: Lifecycle,
}

/// Every client (archived ones when asked) with band, MRR, renewal, last contact and segment,
/// in the book's name order; the table sorts and filters what it is given.
pub fn client_table(store: &Store, as_of: NaiveDate, include_archived: bool) -> Result<Vec<ClientRow>> {
    let book = store.book()?;
    let current: Vec<&ClientData> = book.iter().filter(|c| c.is_current()).collect();
    let seg = Segmenter::new(store, &current, as_of)?;
    let rules = store.playbook_settings()?;
    Ok(book
        .iter()
        .filter(|d| include_archived || d.client.archived_at.is_none())
        .map(|data| {
            let facts = records::facts(data, as_of);
            let stage = lifecycle(data, &facts, as_of, &rules);
            let judged = data.is_current().then(|| {
                let h = health::health(data, as_of, &seg.settings);
                let p = seg.place(data, &h, as_of);
                (h, p)
            });
            ClientRow {
                client: data.client.clone(),
                band: judged.as_ref().map(|(h, _)| h.band),
                score: judged.as_ref().map(|(h, _)| h.score),
                max: judged.as_ref().map(|(h, _)| h.max),
                segment: judged.as_ref().map(|(_, p)| p.segment),
                segment_why: judged.map(|(_, p)| p.why),
                mrr_cents: contract::mrr_on(&data.contracts, as_of),
                renewal_date: facts.renewal.map(|r| r.date),
                lifecycle: stage,
                last_contact: facts.last_two_way_contact,
            }
        })
        .collect())
}

