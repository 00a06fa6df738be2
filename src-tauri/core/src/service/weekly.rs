//! The weekly review for the whole book: every current client's items, minus what the owner
//! marked done or snoozed, and the health overview.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use specta::Type;

use super::segments::Segmenter;
use crate::book::contract;
use crate::book::records::{self, ClientData};
use crate::error::Result;
use crate::health::segment::Segment;
use crate::health::{self, Band};
use crate::review::{items, playbook, visible, ReviewItem};
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct WeeklyReview {
    pub as_of: NaiveDate,
    pub items: Vec<ReviewItem>,
    /// Items the owner marked done or snoozed (not shown).
    pub hidden: u32,
    /// Current clients, reddest first.
    pub health: Vec<HealthRow>,
}

pub fn weekly_review(store: &Store, as_of: NaiveDate) -> Result<WeeklyReview> {
    let book = store.book()?;
    let current: Vec<&ClientData> = book.iter().filter(|c| c.is_current()).collect();
    let seg = Segmenter::new(store, &current, as_of)?;
    let rules = store.playbook_settings()?;
    // Each client's review is its own (health now and a week ago, its items): the clients are
    // shared among the computer's cores, and the parts joined in the book's order.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let chunk = current.len().div_ceil(cores).max(1);
    let parts: Vec<(Vec<Vec<ReviewItem>>, Vec<HealthRow>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = current.chunks(chunk).map(|part| scope.spawn(|| part.iter().map(|data| client_review(data, &seg, &rules, as_of)).unzip::<_, _, Vec<_>, Vec<_>>())).collect();
        workers.into_iter().map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    let mut all = Vec::new();
    let mut rows = Vec::new();
    for (found, health) in parts {
        all.extend(found.into_iter().flatten());
        rows.extend(health);
    }
    rows.sort_by(|a, b| a.band.cmp(&b.band).then(a.client.cmp(&b.client)));
    let states = store.review_states()?;
    let total = all.len();
    let items = visible(all, &states, as_of);
    Ok(WeeklyReview { as_of, hidden: (total - items.len()) as u32, items, health: rows })
}

/// One client's review items and health row.
fn client_review(data: &ClientData, seg: &Segmenter, rules: &crate::book::playbook::PlaybookSettings, as_of: NaiveDate) -> (Vec<ReviewItem>, HealthRow) {
    let now = health::health(data, as_of, &seg.settings);
    let week_ago = health::health(data, as_of - Days::new(7), &seg.settings);
    let placement = seg.place(data, &now, as_of);
    let facts = records::facts(data, as_of);
    let mut found = items(data, &facts, as_of, &now, &week_ago, rules);
    let amber_since = playbook::amber_since_for(data, &facts, as_of, &now, &week_ago, &seg.settings);
    found.extend(playbook::items(data, &facts, as_of, &now, &week_ago, amber_since, rules));
    let row = HealthRow {
        client_id: data.client.id,
        client: data.client.name.clone(),
        band: now.band,
        score: now.score,
        max: now.max,
        summary: now.summary,
        mrr_cents: contract::mrr_on(&data.contracts, as_of),
        segment: placement.segment,
        segment_why: placement.why,
    };
    (found, row)
}
