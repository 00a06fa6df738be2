//! The people on the client's side: who decides, who pays, who we talk to every week.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::stored_enum::stored_enum;
use super::check::Check;
use super::text;
use crate::error::Result;

stored_enum!(StakeholderRole {
    DayToDay = "day_to_day",
    Champion = "champion",
    ExecutiveSponsor = "executive_sponsor",
    Finance = "finance",
    Other = "other",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Stakeholder {
    pub id: i64,
    pub client_id: i64,
    pub name: String,
    pub role: StakeholderRole,
    pub email: String,
    pub phone: String,
    pub is_primary: bool,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct StakeholderInput {
    pub name: String,
    pub role: StakeholderRole,
    pub email: String,
    pub phone: String,
    pub is_primary: bool,
    /// The day a change of primary contact happened (default: today).
    pub changed_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StakeholderFields {
    pub name: String,
    pub role: StakeholderRole,
    pub email: String,
    pub phone: String,
    pub is_primary: bool,
    pub changed_on: Option<NaiveDate>,
}

impl StakeholderInput {
    pub fn validate(&self) -> Result<StakeholderFields> {
        let mut c = Check::default();
        let fields = self.fields(&mut c);
        c.first(fields)
    }

    /// The fields with every one checked into `c` (stand-ins where a field failed).
    pub fn fields(&self, c: &mut Check) -> StakeholderFields {
        StakeholderFields {
            name: c.field(text::text("name", "Name", &self.name, 1, 120)),
            role: self.role,
            email: c.field(text::email("email", &self.email)),
            phone: c.field(text::text("phone", "Phone", &self.phone, 0, 40)),
            is_primary: self.is_primary,
            changed_on: c.field(text::optional_date("changed_on", "Date of the change", &self.changed_on)),
        }
    }
}

/// A recorded change of the client's primary contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PrimaryContactChange {
    pub name: String,
    pub changed_on: NaiveDate,
}
