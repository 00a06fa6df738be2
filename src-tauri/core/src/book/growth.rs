//! Growing a client and reviewing the quarter with them: expansion opportunities, retainer hours
//! used against the hours included, and the owner's own words for the QBR.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::check::Check;
use super::month::Month;
use super::stored_enum::stored_enum;
use super::{money, text};
use crate::error::Result;

stored_enum!(OpportunityKind { Upsell = "upsell", CrossSell = "cross_sell", NewProject = "new_project", PriceIncrease = "price_increase", Other = "other" });
stored_enum!(OpportunityStage { Idea = "idea", Proposed = "proposed", Won = "won", Lost = "lost" });

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Opportunity {
    pub id: i64,
    pub client_id: i64,
    pub kind: OpportunityKind,
    pub title: String,
    /// Expected value in minor units (0 when not estimated).
    pub value_cents: i64,
    pub stage: OpportunityStage,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    /// Whether the idea may be shown to the client (in the QBR's opportunities).
    pub show_client: bool,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct OpportunityInput {
    pub kind: OpportunityKind,
    pub title: String,
    pub value: String,
    pub stage: OpportunityStage,
    pub opened_on: String,
    pub closed_on: String,
    pub show_client: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpportunityFields {
    pub kind: OpportunityKind,
    pub title: String,
    pub value_cents: i64,
    pub stage: OpportunityStage,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub show_client: bool,
}

impl OpportunityInput {
    pub fn validate(&self, minor_digits: u8) -> Result<OpportunityFields> {
        let opened_on = text::date("opened_on", "Opened on", &self.opened_on)?;
        let closed_on = text::optional_date("closed_on", "Closed on", &self.closed_on)?;
        text::not_before("closed_on", "An opportunity cannot close before it was opened.", opened_on, closed_on)?;
        Ok(OpportunityFields {
            kind: self.kind,
            title: text::text("title", "Opportunity", &self.title, 1, 200)?,
            value_cents: if self.value.trim().is_empty() { 0 } else { money::parse_amount("value", "Value", &self.value, minor_digits)? },
            stage: self.stage,
            opened_on,
            closed_on,
            show_client: self.show_client,
        })
    }
}

/// A testimonial asked for (and, once given, the words to quote).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Testimonial {
    pub id: i64,
    pub client_id: i64,
    pub asked_on: NaiveDate,
    pub received_on: Option<NaiveDate>,
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct TestimonialInput {
    pub asked_on: String,
    pub received_on: String,
    pub quote: String,
}

impl TestimonialInput {
    pub fn validate(&self) -> Result<(NaiveDate, Option<NaiveDate>, String)> {
        let asked_on = text::date("asked_on", "Asked on", &self.asked_on)?;
        let received_on = text::optional_date("received_on", "Received on", &self.received_on)?;
        text::not_before("received_on", "A testimonial cannot arrive before it was asked for.", asked_on, received_on)?;
        Ok((asked_on, received_on, text::text("quote", "Quote", &self.quote, 0, 2_000)?))
    }
}

/// Hours of work used for a client in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct HoursUsed {
    pub id: i64,
    pub client_id: i64,
    pub month: Month,
    /// Hundredths of an hour (150 = 1.5 h).
    pub hundredths: i64,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct HoursInput {
    /// YYYY-MM.
    pub month: String,
    /// "12.5" or "12,5".
    pub hours: String,
}

impl HoursInput {
    pub fn validate(&self) -> Result<(Month, i64)> {
        let mut c = Check::default();
        let fields = self.fields(&mut c);
        c.first(fields)?.ok_or_else(|| crate::Error::internal("The month was not read."))
    }

    /// The month and hundredths of an hour, both checked into `c`; None when the month failed.
    pub fn fields(&self, c: &mut Check) -> Option<(Month, i64)> {
        let month = c.field(Month::parse("month", &self.month).map(Some));
        let hours = c.field(money::parse_hours("hours", "Hours used", &self.hours));
        month.map(|m| (m, hours))
    }
}

/// What the owner writes for a quarter's review: what works and what changes. Shown to the
/// client in the QBR, so it is written for them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct QbrNotes {
    pub client_id: i64,
    /// The fiscal quarter, "2027-Q2".
    pub quarter: String,
    pub working: String,
    /// What did not work this quarter, said plainly: a CFO trusts a review that names it.
    pub not_working: String,
    pub adjust: String,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct QbrNotesInput {
    pub working: String,
    pub not_working: String,
    pub adjust: String,
}

impl QbrNotesInput {
    /// What works, what did not, what we adjust — checked and trimmed, in that order.
    pub fn validate(&self) -> Result<[String; 3]> {
        Ok([
            text::text("working", "What is working", &self.working, 0, 2_000)?,
            text::text("not_working", "What did not work", &self.not_working, 0, 2_000)?,
            text::text("adjust", "What we adjust", &self.adjust, 0, 2_000)?,
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opportunity() -> OpportunityInput {
        OpportunityInput {
            kind: OpportunityKind::Upsell,
            title: "Add paid social".into(),
            value: "1.500,00".into(),
            stage: OpportunityStage::Idea,
            opened_on: "2026-10-01".into(),
            closed_on: String::new(),
            show_client: true,
        }
    }

    #[test]
    fn an_opportunity_is_checked_field_by_field() {
        assert_eq!(opportunity().validate(2).unwrap().value_cents, 150_000);
        let mut bad = opportunity();
        bad.closed_on = "2026-09-01".into();
        assert_eq!(bad.validate(2).unwrap_err().field.as_deref(), Some("closed_on"));
        let mut bad = opportunity();
        bad.title = "  ".into();
        assert_eq!(bad.validate(2).unwrap_err().field.as_deref(), Some("title"));
        let mut bad = opportunity();
        bad.value = "-5".into();
        assert_eq!(bad.validate(2).unwrap_err().field.as_deref(), Some("value"));
    }

    #[test]
    fn hours_need_a_month_and_a_number() {
        let ok = HoursInput { month: "2026-10".into(), hours: "12,5".into() }.validate().unwrap();
        assert_eq!(ok, (Month { year: 2026, month: 10 }, 1250));
        assert_eq!(HoursInput { month: "10/2026".into(), hours: "1".into() }.validate().unwrap_err().field.as_deref(), Some("month"));
        assert_eq!(HoursInput { month: "2026-10".into(), hours: "lots".into() }.validate().unwrap_err().field.as_deref(), Some("hours"));
    }

    #[test]
    fn qbr_notes_may_be_empty_but_not_endless() {
        assert!(QbrNotesInput { working: String::new(), not_working: String::new(), adjust: String::new() }.validate().is_ok());
        let long = QbrNotesInput { working: "x".repeat(2_001), not_working: String::new(), adjust: String::new() };
        assert_eq!(long.validate().unwrap_err().field.as_deref(), Some("working"));
    }
}
