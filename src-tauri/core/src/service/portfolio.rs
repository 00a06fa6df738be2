//! Portfolio metrics for a period, with health and segments as of its end.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::segments::Segmenter;
use crate::book::records::ClientData;
use crate::error::Result;
use crate::health::segment::Segment;
use crate::health::{self, Band};
use crate::metrics::{self, Period, PortfolioView};
use crate::store::Store;

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
    // Health on another day (a lost client's, a month before they left) is computed when asked.
    let band_on = |c: &ClientData, on: NaiveDate| match judged.get(&c.client.id) {
        Some(j) if on == day => j.0,
        _ => health::health(c, on, &seg.settings).band,
    };
    let mut view = metrics::portfolio_view(&book, period, as_of, seg.settings.thresholds.payment_grace_days, cac, &segment_of, &band_on);
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

