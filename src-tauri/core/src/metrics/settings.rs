//! The studio's settings for portfolio metrics: when its fiscal year starts (for quarters) and
//! what winning a client costs (for projected lifetime value).

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::book::money;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MetricsSettings {
    /// Month (1-12) the studio's fiscal year starts; portfolio quarters follow it.
    pub fiscal_year_start: u32,
    /// The average cost of acquiring a client, in minor units (0 when not known).
    pub acquisition_cost_cents: i64,
}

impl Default for MetricsSettings {
    fn default() -> Self {
        MetricsSettings { fiscal_year_start: 1, acquisition_cost_cents: 0 }
    }
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct MetricsSettingsInput {
    pub fiscal_year_start: u32,
    /// As typed: "1,500" or "" for none.
    pub acquisition_cost: String,
}

impl MetricsSettingsInput {
    pub fn validate(&self, minor_digits: u8) -> Result<MetricsSettings> {
        if !(1..=12).contains(&self.fiscal_year_start) {
            return Err(Error::validation("fiscal_year_start", "The fiscal year starts in a month from 1 (January) to 12 (December)."));
        }
        let cost = if self.acquisition_cost.trim().is_empty() { 0 } else { money::parse_amount("acquisition_cost", "Acquisition cost", &self.acquisition_cost, minor_digits)? };
        Ok(MetricsSettings { fiscal_year_start: self.fiscal_year_start, acquisition_cost_cents: cost })
    }
}
