//! Segments: where a client sits by value (MRR), health and effort, with the rule in words.
//! Champions (high value, healthy, a promoter or a won expansion: protect and expand), Steady
//! (healthy, not growing: look for expansion), At risk (amber or red: intervene), Drains (low
//! value, high effort: fix, reprice or offboard gracefully).

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Band, Health};
use crate::book::contract;
use crate::book::growth::OpportunityStage;
use crate::book::survey::SurveyKind;
use crate::book::records::ClientData;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Champion,
    Steady,
    AtRisk,
    Drain,
}

impl Segment {
    pub fn label(self) -> &'static str {
        match self {
            Segment::Champion => "Champion",
            Segment::Steady => "Steady",
            Segment::AtRisk => "At risk",
            Segment::Drain => "Drain",
        }
    }
}

/// Hours of effort counted for each touchpoint and each issue raised, on top of hours recorded.
const HOURS_PER_TOUCHPOINT: f64 = 1.0;
const HOURS_PER_ISSUE: f64 = 4.0;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Placement {
    pub segment: Segment,
    /// The rule applied to this client, in words.
    pub why: String,
    /// Hours of effort per 1,000 of revenue over the last 3 months; None without revenue.
    #[specta(type = Option<f64>)]
    pub effort_per_thousand: Option<f64>,
}

/// Effort over the 3 months before `as_of`: recorded hours, plus an hour per touchpoint and four
/// per issue raised, per 1,000 of the revenue of those months.
pub fn effort_per_thousand(data: &ClientData, as_of: NaiveDate, minor_digits: u8) -> Option<f64> {
    let since = as_of.checked_sub_months(Months::new(3)).unwrap_or(as_of);
    let hours: f64 = data.hours_used.iter().filter(|h| h.month.first_day() >= since && h.month.first_day() <= as_of).map(|h| h.hundredths as f64 / 100.0).sum();
    let touchpoints = data.touchpoints.iter().filter(|t| since < t.happened_on && t.happened_on <= as_of).count() as f64;
    let issues = data.complaints.iter().filter(|c| since < c.opened_on && c.opened_on <= as_of).count() as f64;
    let effort = hours + touchpoints * HOURS_PER_TOUCHPOINT + issues * HOURS_PER_ISSUE;
    let revenue_cents = crate::book::money::sum_cents((0..3).map(|m| contract::mrr_on(&data.contracts, as_of - Days::new(30 * m))));
    let thousands = revenue_cents as f64 / 10f64.powi(i32::from(minor_digits)) / 1000.0;
    (thousands > 0.0).then(|| effort / thousands)
}

/// Where high value starts: the monthly revenue of the client at the edge of the top `top_pct`
/// percent of the clients who pay (at least one client is high value); 0 when nobody pays.
pub fn value_line(mut mrrs: Vec<i64>, top_pct: u8) -> i64 {
    mrrs.retain(|m| *m > 0);
    mrrs.sort_unstable_by(|a, b| b.cmp(a));
    let n = mrrs.len();
    let top = (n * usize::from(top_pct)).div_ceil(100).max(1);
    mrrs.get(top.min(n).saturating_sub(1)).copied().unwrap_or(0)
}

/// The line between high and low value, with the share it was drawn at (for the words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueLine {
    pub cents: i64,
    pub top_pct: u8,
}

/// Places a client: high value is at or above the value line, high effort above `drain_hours`
/// hours per 1,000 of revenue.
pub fn place(data: &ClientData, health: &Health, as_of: NaiveDate, line: ValueLine, drain_hours: u32, minor_digits: u8, money: impl Fn(i64) -> String) -> Placement {
    let mrr = contract::mrr_on(&data.contracts, as_of);
    let high_value = mrr >= line.cents && mrr > 0;
    let value_words = format!("{} a month, {} the top-{}% line of {}", money(mrr), if high_value { "at or above" } else { "below" }, line.top_pct, money(line.cents));
    let effort = effort_per_thousand(data, as_of, minor_digits);
    let high_effort = effort.is_some_and(|e| e > f64::from(drain_hours));
    let effort_words = effort.map_or("no revenue to set effort against".to_owned(), |e| format!("{e:.1} hours of effort per 1,000 of revenue"));
    let year_ago = as_of.checked_sub_months(Months::new(12)).unwrap_or(as_of);
    let promoter = data.survey_answers.iter().filter(|a| a.kind == SurveyKind::Nps && year_ago < a.answered_on && a.answered_on <= as_of).max_by_key(|a| a.answered_on).is_some_and(|a| a.score >= 9);
    let expanded = data.opportunities.iter().any(|o| o.stage == OpportunityStage::Won && o.closed_on.is_some_and(|d| year_ago < d && d <= as_of));
    let referred = data.referrals.iter().any(|r| r.from_client_id == data.client.id && year_ago < r.referred_on && r.referred_on <= as_of);
    let (segment, why) = if matches!(health.band, Band::Red | Band::Amber) {
        (Segment::AtRisk, format!("{}: intervene before it turns worse.", health.band.label()))
    } else if !high_value && high_effort {
        (Segment::Drain, format!("Low value ({value_words}) for high effort ({effort_words}, above {drain_hours}): fix, reprice or offboard gracefully."))
    } else if high_value && health.band == Band::Green && (promoter || expanded || referred) {
        let because = if promoter {
            "an NPS promoter"
        } else if referred {
            "introduced a client in the last year"
        } else {
            "bought more in the last year"
        };
        (Segment::Champion, format!("Green, high value ({value_words}) and {because}: protect and expand."))
    } else {
        let health_words = if health.band == Band::Unknown { "no warning signs recorded yet" } else { "healthy" };
        (Segment::Steady, format!("{} ({value_words}): look for expansion.", crate::book::text::capitalised(health_words)))
    };
    Placement { segment, why, effort_per_thousand: effort }
}

