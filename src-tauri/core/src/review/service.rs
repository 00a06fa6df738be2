//! The weekly review for the whole book, loaded from the store.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;
use specta::Type;

use super::{items, visible, ReviewItem};
use crate::book::ClientStatus;
use crate::client_page::{self, ClientData};
use crate::error::Result;
use crate::book::contract;
use crate::health::segment::{self, Segment};
use crate::health::{self, Band, HealthSettings};
use crate::metrics::{self, Period, PortfolioView};
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
    pub segment: Segment,
    /// The segment rule applied to this client, in words.
    pub segment_why: String,
}

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
}

/// Every client (archived ones when asked) with band, MRR, renewal, last contact and segment,
/// in the book's name order; the table sorts and filters what it is given.
pub fn client_table(store: &Store, as_of: NaiveDate, include_archived: bool) -> Result<Vec<ClientRow>> {
    let book = store.book()?;
    let current: Vec<&ClientData> = book.iter().filter(|c| is_current(c)).collect();
    let seg = Segmenter::new(store, &current, as_of)?;
    Ok(book
        .iter()
        .filter(|d| include_archived || d.client.archived_at.is_none())
        .map(|data| {
            let facts = client_page::facts(data, as_of);
            let judged = is_current(data).then(|| {
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
                last_contact: facts.last_two_way_contact,
            }
        })
        .collect())
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

/// Onboarding, active or paused, and not archived: the clients the review looks after.
pub fn is_current(c: &ClientData) -> bool {
    c.client.archived_at.is_none() && matches!(c.client.status, ClientStatus::Onboarding | ClientStatus::Active | ClientStatus::Paused)
}

/// What segments need: the health settings, the money format and the median MRR of the
/// clients active on the day (the line between high and low value).
struct Segmenter {
    settings: HealthSettings,
    currency: String,
    minor: u8,
    median_mrr: i64,
}

impl Segmenter {
    fn new(store: &Store, book: &[&ClientData], day: NaiveDate) -> Result<Segmenter> {
        let currency = store.studio()?.map_or_else(|| "EUR".to_owned(), |s| s.currency);
        let minor = crate::book::currency::minor_digits(&currency);
        let median_mrr = segment::median(book.iter().map(|c| contract::mrr_on(&c.contracts, day)).filter(|m| *m > 0).collect());
        Ok(Segmenter { settings: store.health_settings()?, currency, minor, median_mrr })
    }

    fn place(&self, data: &ClientData, health: &health::Health, day: NaiveDate) -> segment::Placement {
        segment::place(data, health, day, self.median_mrr, self.settings.drain_effort_hours, self.minor, |cents| crate::report::format::money(cents, &self.currency, self.minor))
    }
}

/// Portfolio metrics for a period with their breakdowns (segments as of the period's end).
pub fn portfolio(store: &Store, period: &Period, as_of: NaiveDate) -> Result<PortfolioView> {
    let book = store.book()?;
    let day = period.last_day().min(as_of);
    let refs: Vec<&ClientData> = book.iter().collect();
    let seg = Segmenter::new(store, &refs, day)?;
    // Health once per client, for both the segments and the distribution.
    let judged: HashMap<i64, (Band, Segment)> = book
        .iter()
        .map(|c| {
            let h = health::health(c, day, &seg.settings);
            (c.client.id, (h.band, seg.place(c, &h, day).segment))
        })
        .collect();
    let segment_of = |c: &ClientData| judged.get(&c.client.id).map_or(Segment::Steady, |j| j.1);
    let cac = store.metrics_settings()?.acquisition_cost_cents;
    let mut view = metrics::portfolio_view(&book, period, as_of, seg.settings.thresholds.payment_grace_days, cac, &segment_of);
    for c in book.iter().filter(|c| c.contracts.iter().any(|k| k.covers(day))) {
        match judged.get(&c.client.id).map_or(Band::Unknown, |j| j.0) {
            Band::Green => view.health.green += 1,
            Band::Amber => view.health.amber += 1,
            Band::Red => view.health.red += 1,
            Band::Unknown => view.health.unknown += 1,
        }
    }
    Ok(view)
}

pub fn weekly_review(store: &Store, as_of: NaiveDate) -> Result<WeeklyReview> {
    let book = store.book()?;
    let current: Vec<&ClientData> = book.iter().filter(|c| is_current(c)).collect();
    let seg = Segmenter::new(store, &current, as_of)?;
    let mut all = Vec::new();
    let mut rows = Vec::new();
    for data in current {
        let now = health::health(data, as_of, &seg.settings);
        let week_ago = health::health(data, as_of - Days::new(7), &seg.settings);
        let placement = seg.place(data, &now, as_of);
        all.extend(items(data, &client_page::facts(data, as_of), as_of, &now, &week_ago));
        rows.push(HealthRow {
            client_id: data.client.id,
            client: data.client.name.clone(),
            band: now.band,
            score: now.score,
            max: now.max,
            summary: now.summary,
            mrr_cents: contract::mrr_on(&data.contracts, as_of),
            segment: placement.segment,
            segment_why: placement.why,
        });
    }
    rows.sort_by(|a, b| a.band.cmp(&b.band).then(a.client.cmp(&b.client)));
    let states = store.review_states()?;
    let total = all.len();
    let items = visible(all, &states, as_of);
    Ok(WeeklyReview { as_of, hidden: (total - items.len()) as u32, items, health: rows })
}
