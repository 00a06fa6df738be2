//! The weekly review ("Monday, 15 minutes"): what needs doing this week, most urgent first, each
//! with its reason and a one-click next step. Items are derived from the records and health as of
//! a day; what the owner marked done or snoozed is remembered by each item's key.

pub mod calendar;
pub mod drafts;
pub mod expansion;
mod items;
pub mod playbook;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

pub use crate::book::templates::{default_template, Script, Template, TemplateInput, FIELDS};
pub use drafts::{draft, Draft};
pub use items::items;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Red,
    DroppedBand,
    /// Still amber, and the client has not answered since it turned.
    AmberFollowThrough,
    /// An issue the client raised, not yet resolved.
    OpenIssue,
    Detractor,
    OverdueInvoice,
    CheckInDue,
    Renewal,
    /// Right after a win: ask for a referral or testimonial.
    AskReferral,
    ContactChanged,
    /// Nobody has spoken to the finance contact or the executive sponsor this quarter.
    DecisionMaker,
    /// A resolved issue: check with the client that the fix held.
    IssueCheck,
    NoFirstValue,
    QbrDue,
    /// The quarterly NPS question, or a CSAT after a delivery.
    SurveyDue,
    /// Green and growing: a reason in the book to propose more work.
    Expansion,
    /// An open risk of the account plan with no mitigation or nobody to carry it out.
    RiskWithoutPlan,
}

/// What the one click does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NextStep {
    OpenClient,
    LogTouchpoint,
    DraftMessage { script: Script },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ReviewItem {
    /// Stable for one occurrence ("checkin:12:2026-11-20"), so done and snoozed stick to it.
    pub key: String,
    pub kind: ItemKind,
    pub client_id: i64,
    pub client: String,
    /// 0 is the most urgent.
    pub urgency: u8,
    pub title: String,
    pub reason: String,
    pub action_label: String,
    pub next_step: NextStep,
}

pub use crate::book::item_state::ItemState;

/// Drops done items and those snoozed past `as_of`, then sorts most urgent first.
pub fn visible(mut items: Vec<ReviewItem>, states: &[ItemState], as_of: NaiveDate) -> Vec<ReviewItem> {
    items.retain(|i| !states.iter().any(|s| s.key == i.key && (s.done_on.is_some() || s.snoozed_until.is_some_and(|until| until > as_of))));
    items.sort_by(|a, b| a.urgency.cmp(&b.urgency).then(a.kind.cmp(&b.kind)).then(a.client.cmp(&b.client)));
    items
}

#[cfg(test)]
mod tests;
