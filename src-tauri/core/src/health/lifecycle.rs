//! Where a client is in their journey with the studio, derived from the records and explained:
//! onboarding → first value → adoption → renewal window → advocate, or ended. The stage says
//! what the relationship needs now (a first result, a habit, a decision, an introduction).

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::book::playbook::PlaybookSettings;
use crate::book::records::{ClientData, Facts};
use crate::book::survey::SurveyKind;
use crate::book::text::short_date as short;
use crate::book::ClientStatus;

/// A first result is "new" this long: the client is still making it a habit.
pub const FIRST_VALUE_DAYS: i64 = 90;
/// A client still without a first result is onboarding this long after work began (later, they
/// are simply in the work, and the review's first-value item says the result is missing).
pub const ONBOARDING_DAYS: i64 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Prospect,
    Onboarding,
    FirstValue,
    Adoption,
    RenewalWindow,
    Advocate,
    Ended,
}

impl Stage {
    pub const ALL: [Stage; 7] = [Stage::Prospect, Stage::Onboarding, Stage::FirstValue, Stage::Adoption, Stage::RenewalWindow, Stage::Advocate, Stage::Ended];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Prospect => "Prospect",
            Stage::Onboarding => "Onboarding",
            Stage::FirstValue => "First value",
            Stage::Adoption => "Adoption",
            Stage::RenewalWindow => "Renewal window",
            Stage::Advocate => "Advocate",
            Stage::Ended => "Ended",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Lifecycle {
    pub stage: Stage,
    /// Why this stage, with the dates it rests on.
    pub why: String,
}

/// The stage of `data` on `as_of`, by the owner's settings (when a first result is expected,
/// how early the renewal talk starts). The renewal window comes before advocacy: a decision due
/// matters more than a good mood.
pub fn lifecycle(data: &ClientData, facts: &Facts, as_of: NaiveDate, rules: &PlaybookSettings) -> Lifecycle {
    let first_value_days = rules.first_value_days;
    let at = |stage, why: String| Lifecycle { stage, why };
    let c = &data.client;
    match c.status {
        ClientStatus::Ended => {
            return match &data.ending {
                Some(e) => at(Stage::Ended, format!("Ended on {}: {}.", short(e.ended_on), e.reason.label().to_lowercase())),
                None => at(Stage::Ended, "The work has ended; the reason is not recorded yet.".into()),
            }
        }
        ClientStatus::Prospect => return at(Stage::Prospect, "Not signed yet.".into()),
        _ => {}
    }
    let started = facts.work_started;
    let days_in = (as_of - started).num_days();
    let first_value = data.milestones.iter().find(|m| m.first_value).and_then(|m| m.done_on).filter(|d| *d <= as_of);
    let Some(first) = first_value else {
        if c.status == ClientStatus::Onboarding || days_in < ONBOARDING_DAYS {
            let expected = started + chrono::Days::new(first_value_days.max(0) as u64);
            let when = if as_of <= expected {
                format!("expected by {}", short(expected))
            } else {
                format!("{} days later than the {first_value_days} expected", (as_of - expected).num_days())
            };
            return at(Stage::Onboarding, format!("Work began on {}; no first result yet ({when}).", short(started)));
        }
        return at(Stage::Adoption, format!("In the work since {}; no first result has been marked.", short(started)));
    };

    if let Some(r) = facts.renewal.as_ref() {
        let notice_by = r.notice_by();
        let to_notice = (notice_by - as_of).num_days();
        if (0..=rules.renewal_lead_days).contains(&to_notice) {
            return at(Stage::RenewalWindow, format!("They decide by {} (notice before the renewal on {}).", short(notice_by), short(r.date)));
        }
        if to_notice < 0 && as_of <= r.date {
            return at(Stage::RenewalWindow, format!("Renews on {}; the last day to give notice was {}.", short(r.date), short(notice_by)));
        }
    }

    let year_ago = as_of.checked_sub_months(Months::new(12)).unwrap_or(as_of);
    let within = |d: NaiveDate| year_ago < d && d <= as_of;
    let referred = data.referrals.iter().filter(|r| r.from_client_id == c.id && within(r.referred_on)).map(|r| r.referred_on).max();
    let quoted = data.testimonials.iter().filter_map(|t| t.received_on).filter(|d| within(*d)).max();
    let promoter = data.survey_answers.iter().filter(|a| a.kind == SurveyKind::Nps && within(a.answered_on)).max_by_key(|a| (a.answered_on, a.id)).filter(|a| a.score >= 9);
    if let Some(d) = referred {
        return at(Stage::Advocate, format!("Introduced a new client on {}.", short(d)));
    }
    if let Some(d) = quoted {
        return at(Stage::Advocate, format!("Gave a testimonial on {}.", short(d)));
    }
    if let Some(a) = promoter {
        return at(Stage::Advocate, format!("Answered {} to “would you recommend us” on {}.", a.score, short(a.answered_on)));
    }

    if (as_of - first).num_days() < FIRST_VALUE_DAYS {
        return at(Stage::FirstValue, format!("First result on {}: now make it a habit.", short(first)));
    }
    at(Stage::Adoption, format!("First result on {}; in the work since {}.", short(first), short(started)))
}

#[cfg(test)]
#[path = "lifecycle_tests.rs"]
mod tests;
