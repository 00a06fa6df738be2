//! What placing clients in segments needs from the book: the health settings, the money format
//! and the value line (the top fifth by MRR of the clients active on the day, as set).

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
    line: segment::ValueLine,
}

impl Segmenter {
    pub fn new(store: &Store, book: &[&ClientData], day: NaiveDate) -> Result<Segmenter> {
        let currency = store.studio()?.map_or_else(|| "EUR".to_owned(), |s| s.currency);
        let minor = crate::book::currency::minor_digits(&currency);
        let settings = store.health_settings()?;
        let top_pct = settings.high_value_top_pct;
        let line = segment::ValueLine { cents: segment::value_line(book.iter().map(|c| contract::mrr_on(&c.contracts, day)).collect(), top_pct), top_pct };
        Ok(Segmenter { settings, currency, minor, line })
    }

    pub fn place(&self, data: &ClientData, health: &health::Health, day: NaiveDate) -> segment::Placement {
        segment::place(data, health, day, self.line, self.settings.drain_effort_hours, self.minor, |cents| crate::report::format::money(cents, &self.currency, self.minor))
    }
}

