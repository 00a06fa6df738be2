//! The owner's word over a measured health signal: which signal, the score, a reason, until a
//! date. Stored with the client's records; applied by `health`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::text;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    Engagement,
    Outcome,
    Payment,
    Sentiment,
}

impl Signal {
    pub const ALL: [Signal; 4] = [Signal::Engagement, Signal::Outcome, Signal::Payment, Signal::Sentiment];

    pub fn as_str(self) -> &'static str {
        match self {
            Signal::Engagement => "engagement",
            Signal::Outcome => "outcome",
            Signal::Payment => "payment",
            Signal::Sentiment => "sentiment",
        }
    }

    pub fn parse(text: &str) -> Option<Signal> {
        Signal::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            Signal::Engagement => "Engagement",
            Signal::Outcome => "Progress toward the goal",
            Signal::Payment => "Payments",
            Signal::Sentiment => "Sentiment",
        }
    }
}

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

