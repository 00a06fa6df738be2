//! The judgement calls of the weekly review's playbook, as the owner sets them: when a first
//! result is expected, how often the NPS question is asked, and how early the renewal
//! conversation starts. Customer-success practice's defaults until changed.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PlaybookSettings {
    /// A first result is expected within this many days of the start of work (default 30).
    #[serde(default = "first_value_days")]
    pub first_value_days: i64,
    /// The NPS question is asked when the last answer is this old (default 90: quarterly).
    #[serde(default = "nps_every_days")]
    pub nps_every_days: i64,
    /// The renewal conversation starts this many days before the last day to give notice
    /// (default 90), and the item comes back at 60 and 30 days while no conversation is logged.
    #[serde(default = "renewal_lead_days")]
    pub renewal_lead_days: i64,
    /// The owner's own name, signing every draft above the studio's (a client's account owner,
    /// when one is set, signs theirs instead). Empty: the studio's name alone.
    #[serde(default)]
    pub signed_by: String,
}

fn first_value_days() -> i64 {
    30
}
fn nps_every_days() -> i64 {
    90
}
fn renewal_lead_days() -> i64 {
    90
}

impl Default for PlaybookSettings {
    fn default() -> Self {
        PlaybookSettings { first_value_days: first_value_days(), nps_every_days: nps_every_days(), renewal_lead_days: renewal_lead_days(), signed_by: String::new() }
    }
}

/// The reminders before the last day to give notice: the lead, then 60 and 30 days when they
/// fall after it.
pub fn renewal_steps(lead: i64) -> Vec<i64> {
    std::iter::once(lead).chain([60, 30].into_iter().filter(|d| *d < lead)).collect()
}

impl PlaybookSettings {
    pub fn validate(mut self) -> Result<PlaybookSettings> {
        self.signed_by = super::text::text("signed_by", "Your name", &self.signed_by, 0, 80)?;
        if !(7..=180).contains(&self.first_value_days) {
            return Err(Error::validation("first_value_days", "A first result is expected within 7 to 180 days."));
        }
        if !(30..=365).contains(&self.nps_every_days) {
            return Err(Error::validation("nps_every_days", "Ask the NPS question every 30 to 365 days."));
        }
        if !(14..=365).contains(&self.renewal_lead_days) {
            return Err(Error::validation("renewal_lead_days", "Start the renewal conversation 14 to 365 days before the last day to give notice."));
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_practices_and_out_of_range_values_are_named() {
        assert_eq!(PlaybookSettings::default(), PlaybookSettings { first_value_days: 30, nps_every_days: 90, renewal_lead_days: 90, signed_by: String::new() });
        let saved_before: PlaybookSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(saved_before, PlaybookSettings::default(), "a setting missing from the stored JSON reads its default");
        assert_eq!(PlaybookSettings { first_value_days: 3, ..Default::default() }.validate().unwrap_err().field.as_deref(), Some("first_value_days"));
        assert_eq!(PlaybookSettings { nps_every_days: 400, ..Default::default() }.validate().unwrap_err().field.as_deref(), Some("nps_every_days"));
        assert_eq!(PlaybookSettings { renewal_lead_days: 7, ..Default::default() }.validate().unwrap_err().field.as_deref(), Some("renewal_lead_days"));
        let named = PlaybookSettings { signed_by: "  Mia Okafor ".into(), ..Default::default() }.validate().unwrap();
        assert_eq!(named.signed_by, "Mia Okafor");
        assert_eq!(PlaybookSettings { signed_by: "M".repeat(81), ..Default::default() }.validate().unwrap_err().field.as_deref(), Some("signed_by"));
        assert_eq!(renewal_steps(90), vec![90, 60, 30]);
        assert_eq!(renewal_steps(45), vec![45, 30]);
        assert_eq!(renewal_steps(120), vec![120, 60, 30]);
    }
}
