//! The owner's word over a measured signal: a score with a reason, until a date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Signal, SignalScore};
use crate::book::text;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct HealthOverride {
    pub id: i64,
    pub client_id: i64,
    pub signal: Signal,
    pub score: u8,
    pub reason: String,
    /// The day the owner set it: earlier weeks keep their measured score.
    pub set_on: NaiveDate,
    /// The first day the override no longer applies.
    pub expires_on: NaiveDate,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct HealthOverrideInput {
    pub signal: Signal,
    pub score: u8,
    pub reason: String,
    /// YYYY-MM-DD, after today.
    pub expires_on: String,
}

impl HealthOverrideInput {
    pub fn validate(&self, today: NaiveDate) -> Result<(Signal, u8, String, NaiveDate)> {
        if self.score > 2 {
            return Err(Error::validation("score", "A signal scores 0 (critical), 1 (at risk) or 2 (healthy)."));
        }
        let reason = text::text("reason", "Reason", &self.reason, 1, 500)?;
        let expires_on = text::date("expires_on", "Until", &self.expires_on)?;
        if expires_on <= today {
            return Err(Error::validation("expires_on", "An override must last until a day after today."));
        }
        Ok((self.signal, self.score, reason, expires_on))
    }
}

/// The measured signal, or the owner's override of it while one is in force on `as_of`.
pub fn apply(measured: SignalScore, overrides: &[HealthOverride], as_of: NaiveDate) -> SignalScore {
    let active = overrides.iter().filter(|o| o.signal == measured.signal && o.set_on <= as_of && as_of < o.expires_on).max_by_key(|o| o.id);
    match active {
        None => measured,
        Some(o) => SignalScore {
            score: Some(o.score),
            reason: format!("Set by you until {}: {} (measured: {})", o.expires_on.format("%-d %b %Y"), o.reason.trim_end_matches('.'), measured.reason),
            overridden: true,
            ..measured
        },
    }
}
