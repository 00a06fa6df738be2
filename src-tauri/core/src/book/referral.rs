//! Referrals: which existing client sent us which new one. The referral rate of a period is the
//! share of its new clients that came this way.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::text;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Referral {
    pub id: i64,
    /// The client who made the introduction.
    pub from_client_id: i64,
    pub from_client: String,
    /// The client who came from it.
    pub to_client_id: i64,
    pub to_client: String,
    pub referred_on: NaiveDate,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct ReferralInput {
    /// The new client they referred.
    pub to_client_id: i64,
    pub referred_on: String,
}

impl ReferralInput {
    pub fn validate(&self, from_client_id: i64) -> Result<NaiveDate> {
        if self.to_client_id == from_client_id {
            return Err(Error::validation("to_client_id", "A client cannot refer themselves."));
        }
        text::date("referred_on", "Referred on", &self.referred_on)
    }
}
