//! Which signals count and where the bands start: the owner's settings, DOMAIN.md's defaults.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Signal, Thresholds};
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct HealthSettings {
    /// The signals that count, in the order shown.
    pub signals: Vec<Signal>,
    /// Green from this many eighths of the maximum score (default 7: 7 of 8).
    pub green_eighths: u8,
    /// Amber from this many eighths (default 4); below is red.
    pub amber_eighths: u8,
    pub thresholds: Thresholds,
    /// Segments: a client below the median MRR with more than this many hours of effort per
    /// 1,000 of revenue is a drain (default 10).
    #[serde(default = "default_drain_hours")]
    pub drain_effort_hours: u32,
    /// Segments: the top this-many percent of clients by monthly revenue are high value
    /// (default 20: customer-success practice's "top fifth"). Books saved before it read 20.
    #[serde(default = "default_high_value_pct")]
    pub high_value_top_pct: u8,
}

fn default_drain_hours() -> u32 {
    10
}

fn default_high_value_pct() -> u8 {
    20
}

impl Default for HealthSettings {
    fn default() -> Self {
        HealthSettings { signals: Signal::ALL.to_vec(), green_eighths: 7, amber_eighths: 4, thresholds: Thresholds::default(), drain_effort_hours: default_drain_hours(), high_value_top_pct: default_high_value_pct() }
    }
}

impl HealthSettings {
    /// Checks what the owner set; the first problem is named by its field.
    pub fn validate(mut self) -> Result<HealthSettings> {
        self.signals.sort();
        self.signals.dedup();
        if self.signals.is_empty() {
            return Err(Error::validation("signals", "Keep at least one signal: health needs something to judge by."));
        }
        if !(2..=8).contains(&self.green_eighths) {
            return Err(Error::validation("green_eighths", "Green must start between 2 and 8 eighths of the maximum score."));
        }
        if !(1..self.green_eighths).contains(&self.amber_eighths) {
            return Err(Error::validation("amber_eighths", "Amber must start below green and above zero."));
        }
        if !(1..=200).contains(&self.drain_effort_hours) {
            return Err(Error::validation("drain_effort_hours", "The drain line is between 1 and 200 hours per 1,000 of revenue."));
        }
        if !(5..=50).contains(&self.high_value_top_pct) {
            return Err(Error::validation("high_value_top_pct", "High value is the top 5% to 50% of clients by monthly revenue."));
        }
        let t = &self.thresholds;
        if !(1..=365).contains(&t.default_cadence_days) {
            return Err(Error::validation("default_cadence_days", "The default check-in cadence is between 1 and 365 days."));
        }
        if !(0..=60).contains(&t.payment_grace_days) {
            return Err(Error::validation("payment_grace_days", "The payment grace is between 0 and 60 days."));
        }
        if !(1..=24).contains(&t.invoices_judged) {
            return Err(Error::validation("invoices_judged", "Judge between 1 and 24 of the latest invoices."));
        }
        if !(1..=36).contains(&t.survey_months) {
            return Err(Error::validation("survey_months", "Survey answers count for between 1 and 36 months."));
        }
        Ok(self)
    }
}
