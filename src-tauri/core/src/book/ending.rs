//! Why a client left, asked when the owner ends them: the reason, the last day of work and the
//! owner's exit notes (internal, never in a client document). The portfolio counts the reasons of
//! the clients a period lost, so the owner learns from every loss.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::check::Check;
use super::stored_enum::stored_enum;
use super::text;
use crate::error::{Error, Result};

stored_enum!(
    /// Why the client left, in the words of customer-success practice's usual exit reasons.
    EndReason {
        Results = "results",
        Price = "price",
        BudgetCut = "budget_cut",
        InHouse = "in_house",
        OtherStudio = "other_studio",
        Relationship = "relationship",
        ProjectEnded = "project_ended",
        Other = "other",
    }
);

impl EndReason {
    pub fn label(self) -> &'static str {
        match self {
            EndReason::Results => "Results fell short",
            EndReason::Price => "Price",
            EndReason::BudgetCut => "Their budget was cut",
            EndReason::InHouse => "Taken in-house",
            EndReason::OtherStudio => "Moved to another studio",
            EndReason::Relationship => "The relationship",
            EndReason::ProjectEnded => "The project ended",
            EndReason::Other => "Another reason",
        }
    }
}

pub const NOTES_MAX: usize = 10_000;

/// How a client's work with the studio ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Ending {
    pub client_id: i64,
    /// The last day of work.
    pub ended_on: NaiveDate,
    pub reason: EndReason,
    /// The owner's exit notes: internal.
    pub notes: String,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct EndingInput {
    /// The last day of work, YYYY-MM-DD.
    pub ended_on: String,
    /// One of the reasons' stored names ("budget_cut"…), as the form's select sends it.
    pub reason: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndingFields {
    pub ended_on: NaiveDate,
    pub reason: EndReason,
    pub notes: String,
}

impl EndingInput {
    /// The ending as stored; `started` is the client's first day of work (the last day cannot
    /// come before it) and `today` the day it is recorded (a last day still ahead would end a
    /// client who is still being served: the reviews and reminders of their last weeks would stop).
    pub fn validate(&self, started: NaiveDate, today: NaiveDate) -> Result<EndingFields> {
        let mut check = Check::default();
        let ended_on = check.field(text::date("ended_on", "Last day of work", &self.ended_on));
        let reason = check.field(
            EndReason::parse(self.reason.trim())
                .map(Some)
                .ok_or_else(|| Error::validation("reason", "Choose why they left from the list (or 'Another reason' and say more in the notes).")),
        );
        let notes = check.field(text::text("notes", "Exit notes", &self.notes, 0, NOTES_MAX));
        check.rule(|| text::not_before("ended_on", "The last day of work cannot be before the work started.", started, Some(ended_on)));
        check.rule(|| {
            if ended_on > today {
                Err(Error::validation("ended_on", "That day is still ahead: until their last day they are a client. End them on it (or on a later day)."))
            } else {
                Ok(())
            }
        });
        check.first(())?;
        // `reason` is Some whenever the check passed.
        let reason = reason.ok_or_else(|| Error::validation("reason", "Choose why they left."))?;
        Ok(EndingFields { ended_on, reason, notes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn input(ended_on: &str, reason: &str) -> EndingInput {
        EndingInput { ended_on: ended_on.into(), reason: reason.into(), notes: "Their new CFO cut every agency.".into() }
    }

    #[test]
    fn an_ending_needs_a_listed_reason_and_a_last_day_after_the_start() {
        let ok = input("2026-11-30", "budget_cut").validate(d("2025-02-01"), d("2026-12-03")).unwrap();
        assert_eq!((ok.ended_on, ok.reason), (d("2026-11-30"), EndReason::BudgetCut));
        assert_eq!(input("2026-11-30", "").validate(d("2025-02-01"), d("2026-12-03")).unwrap_err().field.as_deref(), Some("reason"));
        assert_eq!(input("2026-11-30", "bored").validate(d("2025-02-01"), d("2026-12-03")).unwrap_err().field.as_deref(), Some("reason"));
        assert_eq!(input("31/02/2026", "price").validate(d("2025-02-01"), d("2026-12-03")).unwrap_err().field.as_deref(), Some("ended_on"));
        let early = input("2025-01-31", "price").validate(d("2025-02-01"), d("2026-12-03")).unwrap_err();
        assert_eq!((early.field.as_deref(), early.message.as_str()), (Some("ended_on"), "The last day of work cannot be before the work started."));
        assert!(input("2025-02-01", "price").validate(d("2025-02-01"), d("2026-12-03")).is_ok(), "one day of work is a day");
        let ahead = input("2026-12-31", "price").validate(d("2025-02-01"), d("2026-12-03")).unwrap_err();
        assert_eq!(ahead.field.as_deref(), Some("ended_on"), "a last day still ahead is refused: they are still a client");
        assert!(input("2026-12-03", "price").validate(d("2025-02-01"), d("2026-12-03")).is_ok(), "today is a last day");
    }

    #[test]
    fn every_reason_reads_back_from_its_stored_name_and_has_a_label() {
        for r in EndReason::ALL {
            assert_eq!(EndReason::parse(r.as_str()), Some(*r));
            assert!(!r.label().is_empty());
        }
        assert_eq!(EndReason::ALL.len(), 8);
    }
}
