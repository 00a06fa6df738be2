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

/// The settings as the form shows and sends them: the cost as typed, in the studio's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MetricsSettingsInput {
    pub fiscal_year_start: u32,
    /// As typed: "1,500" or "" for none.
    pub acquisition_cost: String,
}

impl MetricsSettings {
    /// What the settings form shows: the cost as an exact plain amount ("1500.00"), empty for none.
    pub fn form(&self, minor_digits: u8) -> MetricsSettingsInput {
        let cost = if self.acquisition_cost_cents == 0 { String::new() } else { money::plain(self.acquisition_cost_cents, minor_digits) };
        MetricsSettingsInput { fiscal_year_start: self.fiscal_year_start, acquisition_cost: cost }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_shows_the_cost_exactly_and_reads_it_back() {
        let yen = MetricsSettings { fiscal_year_start: 4, acquisition_cost_cents: 150_000 };
        assert_eq!(yen.form(0).acquisition_cost, "150000", "no decimals for yen");
        let euro = MetricsSettings { fiscal_year_start: 4, acquisition_cost_cents: 150_050 };
        assert_eq!(euro.form(2).validate(2).unwrap(), euro);
        assert_eq!(MetricsSettings::default().form(2).acquisition_cost, "");
    }
}
