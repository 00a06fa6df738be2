//! What happens with a client over time: milestones, touchpoints, deliverables, complaints.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::stored_enum::stored_enum;
use super::check::Check;
use super::text;
use crate::error::{Error, Result};



#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Milestone {
    pub id: i64,
    pub client_id: i64,
    pub title: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    /// The milestone that marks the client's first meaningful result (time to first value).
    pub first_value: bool,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct MilestoneInput {
    pub title: String,
    pub due_on: String,
    pub done_on: String,
    pub first_value: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneFields {
    pub title: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub first_value: bool,
}

impl MilestoneInput {
    pub fn validate(&self) -> Result<MilestoneFields> {
        Ok(MilestoneFields {
            title: text::text("title", "Milestone", &self.title, 1, 200)?,
            due_on: text::date("due_on", "Due date", &self.due_on)?,
            done_on: text::optional_date("done_on", "Done on", &self.done_on)?,
            first_value: self.first_value,
        })
    }
}

stored_enum!(TouchpointKind { Call = "call", Meeting = "meeting", Email = "email", Message = "message", Qbr = "qbr", Other = "other" });

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Touchpoint {
    pub id: i64,
    pub client_id: i64,
    pub kind: TouchpointKind,
    pub happened_on: NaiveDate,
    pub summary: String,
    pub client_replied: bool,
    pub attended: bool,
    pub rescheduled: bool,
    pub no_show: bool,
    /// Days the client took to reply, where known.
    pub reply_days: Option<i64>,
    /// The person at the client it was with, where recorded.
    pub stakeholder_id: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct TouchpointInput {
    pub kind: TouchpointKind,
    pub happened_on: String,
    pub summary: String,
    pub client_replied: bool,
    pub attended: bool,
    pub rescheduled: bool,
    pub no_show: bool,
    pub reply_days: String,
    /// Who at the client it was with (one of their people), if anyone in particular.
    pub stakeholder_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TouchpointFields {
    pub kind: TouchpointKind,
    pub happened_on: NaiveDate,
    pub summary: String,
    pub client_replied: bool,
    pub attended: bool,
    pub rescheduled: bool,
    pub no_show: bool,
    pub reply_days: Option<i64>,
    pub stakeholder_id: Option<i64>,
}

impl TouchpointInput {
    pub fn validate(&self) -> Result<TouchpointFields> {
        let mut c = Check::default();
        let fields = self.fields(&mut c);
        c.first(fields)
    }

    /// The fields with every one checked into `c` (stand-ins where a field failed).
    pub fn fields(&self, c: &mut Check) -> TouchpointFields {
        c.rule(|| {
            if self.attended && self.no_show {
                return Err(Error::validation("no_show", "A touchpoint cannot be both attended and a no-show."));
            }
            Ok(())
        });
        TouchpointFields {
            kind: self.kind,
            happened_on: c.field(text::date("happened_on", "Date", &self.happened_on)),
            summary: c.field(text::text("summary", "Summary", &self.summary, 0, 2_000)),
            client_replied: self.client_replied,
            attended: self.attended,
            rescheduled: self.rescheduled,
            no_show: self.no_show,
            reply_days: c.field(text::optional_whole("reply_days", "Days to reply", &self.reply_days, 0..=365)),
            stakeholder_id: self.stakeholder_id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Deliverable {
    pub id: i64,
    pub client_id: i64,
    pub title: String,
    pub delivered_on: NaiveDate,
    /// The KPI this work was meant to move, if any.
    pub kpi_id: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct DeliverableInput {
    pub title: String,
    pub delivered_on: String,
    pub kpi_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliverableFields {
    pub title: String,
    pub delivered_on: NaiveDate,
    pub kpi_id: Option<i64>,
}

impl DeliverableInput {
    pub fn validate(&self) -> Result<DeliverableFields> {
        Ok(DeliverableFields {
            title: text::text("title", "Deliverable", &self.title, 1, 200)?,
            delivered_on: text::date("delivered_on", "Delivered on", &self.delivered_on)?,
            kpi_id: self.kpi_id,
        })
    }
}

stored_enum!(ComplaintTag { Billing = "billing", Quality = "quality", Deadline = "deadline", Scope = "scope", Other = "other" });

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Complaint {
    pub id: i64,
    pub client_id: i64,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub tag: ComplaintTag,
    pub summary: String,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct ComplaintInput {
    pub opened_on: String,
    pub closed_on: String,
    pub tag: ComplaintTag,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintFields {
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub tag: ComplaintTag,
    pub summary: String,
}

impl ComplaintInput {
    pub fn validate(&self) -> Result<ComplaintFields> {
        let opened_on = text::date("opened_on", "Opened on", &self.opened_on)?;
        let closed_on = text::optional_date("closed_on", "Closed on", &self.closed_on)?;
        text::not_before("closed_on", "The issue cannot be closed before it was opened.", opened_on, closed_on)?;
        Ok(ComplaintFields { opened_on, closed_on, tag: self.tag, summary: text::text("summary", "Summary", &self.summary, 1, 2_000)? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip() {
        for kind in TouchpointKind::ALL {
            assert_eq!(TouchpointKind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(ComplaintTag::parse("billing"), Some(ComplaintTag::Billing));
        assert_eq!(ComplaintTag::parse("Billing"), None);
    }

    #[test]
    fn a_touchpoint_cannot_be_attended_and_missed() {
        let input = TouchpointInput {
            kind: TouchpointKind::Call,
            happened_on: "2026-11-02".into(),
            summary: "".into(),
            client_replied: false,
            attended: true,
            rescheduled: false,
            no_show: true,
            reply_days: "".into(),
            stakeholder_id: None,
        };
        assert_eq!(input.validate().unwrap_err().field.as_deref(), Some("no_show"));
    }

    #[test]
    fn a_complaint_closes_after_it_opens() {
        let input = ComplaintInput { opened_on: "2026-05-10".into(), closed_on: "2026-05-01".into(), tag: ComplaintTag::Scope, summary: "x".into() };
        assert_eq!(input.validate().unwrap_err().field.as_deref(), Some("closed_on"));
    }
}
