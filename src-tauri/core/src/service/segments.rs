//! What placing clients in segments needs from the book: the health settings, the money format
//! and the median MRR of the clients active on the day (the line between high and low value).

use chrono::NaiveDate;

use crate::book::contract;
use crate::book::records::ClientData;
use crate::error::Result;
use crate::health::segment;
use crate::health::{self, HealthSettings};
use crate::store::Store;

pub(super) struct Segmenter {
    pub settings: HealthSettings,
    currency: String,
    minor: u8,
    median_mrr: i64,
}

impl Segmenter {
    pub fn new(store: &Store, book: &[&ClientData], day: NaiveDate) -> Result<Segmenter> {
        let currency = store.studio()?.map_or_else(|| "EUR".to_owned(), |s| s.currency);
        let minor = crate::book::currency::minor_digits(&currency);
        let median_mrr = segment::median(book.iter().map(|c| contract::mrr_on(&c.contracts, day)).filter(|m| *m > 0).collect());
        Ok(Segmenter { settings: store.health_settings()?, currency, minor, median_mrr })
    }

    pub fn place(&self, data: &ClientData, health: &health::Health, day: NaiveDate) -> segment::Placement {
        segment::place(data, health, day, self.median_mrr, self.settings.drain_effort_hours, self.minor, |cents| crate::report::format::money(cents, &self.currency, self.minor))
    }
}

