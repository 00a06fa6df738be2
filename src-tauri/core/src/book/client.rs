//! A client of the studio: who they are, where they are in their journey, and the goal they
//! agreed at onboarding, in their own words.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::check::Check;
use super::text;
use crate::error::Result;

pub const NAME_MAX: usize = 120;
pub const GOAL_MAX: usize = 500;
pub const NOTES_MAX: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ClientStatus {
    /// Talking, not signed yet.
    Prospect,
    /// Signed; goal, KPIs and first value being set up.
    Onboarding,
    Active,
    /// Work on hold, relationship kept.
    Paused,
    /// The engagement has ended.
    Ended,
}

impl ClientStatus {
    pub const ALL: [ClientStatus; 5] =
        [Self::Prospect, Self::Onboarding, Self::Active, Self::Paused, Self::Ended];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Prospect => "prospect",
            Self::Onboarding => "onboarding",
            Self::Active => "active",
            Self::Paused => "paused",
            Self::Ended => "ended",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Client {
    pub id: i64,
    pub name: String,
    pub status: ClientStatus,
    /// The primary goal in the client's own words.
    pub goal: String,
    pub start_date: NaiveDate,
    /// Internal notes: never shown in a client document.
    pub notes: String,
    /// When the owner archived the client (hidden from lists, restorable); None when in use.
    pub archived_at: Option<String>,
    pub plan: SuccessPlan,
    pub created_at: String,
    pub updated_at: String,
}

impl Client {
    /// Onboarding, active or paused, and not archived: the clients the review, the monthly
    /// summaries and the calendar look after (one rule, for every screen and the CLI).
    pub fn is_current(&self) -> bool {
        self.archived_at.is_none() && matches!(self.status, ClientStatus::Onboarding | ClientStatus::Active | ClientStatus::Paused)
    }
}

/// How the studio and the client agreed to work toward the goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SuccessPlan {
    /// Agreed days between value check-ins (e.g. 14), if agreed.
    pub cadence_days: Option<i64>,
    /// Who at the studio owns the relationship.
    pub owner: String,
    /// The written recap of the plan, to share with the client.
    pub recap: String,
    /// Month (1-12) the client's fiscal year starts; QBR quarters follow it.
    pub fiscal_year_start: i64,
    /// What the client budgets for the studio's work in a fiscal year (minor units), if they
    /// shared it: the QBR sets what was invested so far this year against it.
    pub annual_budget_cents: Option<i64>,
}

impl SuccessPlan {
    /// The month the fiscal year starts, as quarters take it (a stored value out of range reads
    /// as its nearest month).
    pub fn year_starts(&self) -> u32 {
        self.fiscal_year_start.clamp(1, 12) as u32
    }
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct SuccessPlanInput {
    pub cadence_days: String,
    pub owner: String,
    pub recap: String,
    pub fiscal_year_start: i64,
    /// Optional, as typed ("60,000").
    pub annual_budget: String,
}

impl SuccessPlanInput {
    pub fn validate(&self, minor_digits: u8) -> Result<SuccessPlan> {
        let mut c = Check::default();
        let plan = self.fields(minor_digits, &mut c);
        c.first(plan)
    }

    /// The plan with every field checked into `c` (stand-ins where a field failed).
    pub fn fields(&self, minor_digits: u8, c: &mut Check) -> SuccessPlan {
        if !(1..=12).contains(&self.fiscal_year_start) {
            c.field::<()>(Err(crate::Error::validation("fiscal_year_start", "The fiscal year starts in a month from 1 (January) to 12 (December).")));
        }
        SuccessPlan {
            cadence_days: c.field(text::optional_whole("cadence_days", "Check-in cadence (days)", &self.cadence_days, 1..=365)),
            owner: c.field(text::text("owner", "Owner", &self.owner, 0, 120)),
            recap: c.field(text::text("recap", "Recap", &self.recap, 0, NOTES_MAX)),
            fiscal_year_start: self.fiscal_year_start,
            annual_budget_cents: if self.annual_budget.trim().is_empty() { None } else { c.field(super::money::parse_amount("annual_budget", "Annual budget", &self.annual_budget, minor_digits).map(Some)) },
        }
    }
}

/// The client form as typed, before validation. Dates come as text so a bad one gets a
/// message naming the field instead of failing deserialisation.
#[derive(Debug, Clone, Deserialize, Type)]
pub struct ClientInput {
    pub name: String,
    pub status: ClientStatus,
    pub goal: String,
    pub start_date: String,
    pub notes: String,
}

/// A validated client input, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientFields {
    pub name: String,
    pub status: ClientStatus,
    pub goal: String,
    pub start_date: NaiveDate,
    pub notes: String,
}

impl ClientInput {
    pub fn validate(&self) -> Result<ClientFields> {
        let mut c = Check::default();
        let fields = self.fields(&mut c);
        c.first(fields)
    }

    /// The fields with every one checked into `c` (stand-ins where a field failed).
    pub fn fields(&self, c: &mut Check) -> ClientFields {
        ClientFields {
            name: c.field(text::text("name", "Client name", &self.name, 1, NAME_MAX)),
            status: self.status,
            goal: c.field(text::text("goal", "Goal", &self.goal, 0, GOAL_MAX)),
            start_date: c.field(text::date("start_date", "Start date", &self.start_date)),
            notes: c.field(text::text("notes", "Notes", &self.notes, 0, NOTES_MAX)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ClientInput {
        ClientInput {
            name: "Harbour Bakery".into(),
            status: ClientStatus::Active,
            goal: "More weekday orders".into(),
            start_date: "2026-02-01".into(),
            notes: String::new(),
        }
    }

    #[test]
    fn a_valid_input_becomes_typed_fields() {
        let fields = input().validate().unwrap();
        assert_eq!(fields.start_date, NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
        assert_eq!(fields.name, "Harbour Bakery");
    }

    #[test]
    fn each_bad_field_is_named() {
        let cases: [(fn(&mut ClientInput), &str); 4] = [
            (|i| i.name = " ".into(), "name"),
            (|i| i.goal = "g".repeat(GOAL_MAX + 1), "goal"),
            (|i| i.start_date = "next week".into(), "start_date"),
            (|i| i.notes = "n".repeat(NOTES_MAX + 1), "notes"),
        ];
        for (spoil, field) in cases {
            let mut bad = input();
            spoil(&mut bad);
            assert_eq!(bad.validate().unwrap_err().field.as_deref(), Some(field));
        }
    }

    #[test]
    fn statuses_round_trip_through_their_stored_names() {
        for status in ClientStatus::ALL {
            assert_eq!(ClientStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(ClientStatus::parse("churned"), None);
    }

    #[test]
    fn current_clients_are_onboarding_active_or_paused_and_not_archived() {
        let client = |status, archived: bool| Client {
            id: 1,
            name: "Harbour Bakery".into(),
            status,
            goal: String::new(),
            start_date: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            notes: String::new(),
            archived_at: archived.then(|| "2026-11-01 10:00:00".to_owned()),
            plan: SuccessPlan { cadence_days: None, owner: String::new(), recap: String::new(), fiscal_year_start: 1, annual_budget_cents: None },
            created_at: String::new(),
            updated_at: String::new(),
        };
        let current: Vec<ClientStatus> = ClientStatus::ALL.into_iter().filter(|s| client(*s, false).is_current()).collect();
        assert_eq!(current, vec![ClientStatus::Onboarding, ClientStatus::Active, ClientStatus::Paused]);
        assert!(!client(ClientStatus::Active, true).is_current(), "archived");
    }
}
