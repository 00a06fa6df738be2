//! The weekly review for the whole book: every current client's items, minus what the owner
//! marked done or snoozed, and the health overview.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Days, NaiveDate};
use serde::Serialize;
use specta::Type;

use super::segments::Segmenter;
use crate::book::contract;
use crate::book::playbook::PlaybookSettings;
use crate::book::records::{self, ClientData, ReadStamp};
use crate::error::Result;
use crate::health::segment::Segment;
use crate::health::{self, Band, Health, HealthSettings};
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

/// Each client's part of the review (its items and health now) depends only on its records, the
/// day and the two settings, so it is kept between reviews: a client is worked out again only
/// when the store read it again (a new `ReadStamp`), or the day or the settings changed.
#[derive(Default)]
struct Kept {
    on: Option<(NaiveDate, HealthSettings, PlaybookSettings)>,
    clients: HashMap<i64, (ReadStamp, Arc<ClientReview>)>,
}

struct ClientReview {
    items: Vec<ReviewItem>,
    now: Health,
}

pub fn weekly_review(store: &Store, as_of: NaiveDate) -> Result<WeeklyReview> {
    let book = store.book()?;
    let current: Vec<&ClientData> = book.iter().filter(|c| c.is_current()).collect();
    let seg = Segmenter::new(store, &current, as_of)?;
    let rules = store.playbook_settings()?;
    let on = Some((as_of, seg.settings.clone(), rules.clone()));
    let mut reviews: Vec<Option<Arc<ClientReview>>> = store.remembered(|kept: &mut Kept| {
        if kept.on != on {
            *kept = Kept { on: on.clone(), clients: HashMap::new() };
        }
        current.iter().map(|d| kept.clients.get(&d.client.id).filter(|(stamp, _)| *stamp == d.stamp).map(|(_, r)| Arc::clone(r))).collect()
    });
    // The clients not kept are worked out now, each on its own (health now and a week ago, its
    // items): they are shared among the computer's cores, and the parts joined in order.
    let missing: Vec<(usize, &ClientData)> = current.iter().enumerate().filter(|(i, _)| reviews[*i].is_none()).map(|(i, d)| (i, *d)).collect();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let chunk = missing.len().div_ceil(cores).max(1);
    let worked: Vec<Vec<(usize, ClientReview)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = missing.chunks(chunk).map(|part| scope.spawn(|| part.iter().map(|(i, data)| (*i, client_review(data, &seg, &rules, as_of))).collect())).collect();
        workers.into_iter().map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    store.remembered(|kept: &mut Kept| {
        for (i, review) in worked.into_iter().flatten() {
            let review = Arc::new(review);
            kept.clients.insert(current[i].client.id, (current[i].stamp, Arc::clone(&review)));
            reviews[i] = Some(review);
        }
        // Clients no longer current are let go.
        if kept.clients.len() > current.len() {
            let ids: std::collections::HashSet<i64> = current.iter().map(|d| d.client.id).collect();
            kept.clients.retain(|id, _| ids.contains(id));
        }
    });
    let mut all = Vec::new();
    let mut rows = Vec::new();
    for (data, review) in current.iter().zip(reviews) {
        let Some(review) = review else { continue };
        all.extend(review.items.iter().cloned());
        rows.push(health_row(data, &review.now, &seg, as_of));
    }
    rows.sort_by(|a, b| a.band.cmp(&b.band).then(a.client.cmp(&b.client)));
    let states = store.review_states()?;
    let total = all.len();
    let items = visible(all, &states, as_of);
    Ok(WeeklyReview { as_of, hidden: (total - items.len()) as u32, items, health: rows })
}

/// One client's review items and health now.
fn client_review(data: &ClientData, seg: &Segmenter, rules: &PlaybookSettings, as_of: NaiveDate) -> ClientReview {
    let now = health::health(data, as_of, &seg.settings);
    let week_ago = health::health(data, as_of - Days::new(7), &seg.settings);
    let facts = records::facts(data, as_of);
    let mut found = items(data, &facts, as_of, &now, &week_ago, rules);
    let amber_since = playbook::amber_since_for(data, &facts, as_of, &now, &week_ago, &seg.settings);
    found.extend(playbook::items(data, &facts, as_of, &now, &week_ago, amber_since, rules));
    ClientReview { items: found, now }
}

/// The health overview's row: the segment is placed afresh each time, as it depends on the
/// other clients' revenue.
fn health_row(data: &ClientData, now: &Health, seg: &Segmenter, as_of: NaiveDate) -> HealthRow {
    let placement = seg.place(data, now, as_of);
    HealthRow {
        client_id: data.client.id,
        client: data.client.name.clone(),
        band: now.band,
        score: now.score,
        max: now.max,
        summary: now.summary.clone(),
        mrr_cents: contract::mrr_on(&data.contracts, as_of),
        segment: placement.segment,
        segment_why: placement.why,
    }
}
