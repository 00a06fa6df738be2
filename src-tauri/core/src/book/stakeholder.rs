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

/// A decider not spoken with for this many days is flagged: about a quarter.
pub const QUIET_DAYS: i64 = 90;

impl StakeholderRole {
    /// Finance and the executive sponsor decide the renewal.
    pub fn decides(self) -> bool {
        matches!(self, StakeholderRole::Finance | StakeholderRole::ExecutiveSponsor)
    }
}

/// The last touchpoint logged with one person, up to `as_of`.
pub fn last_contact(stakeholder_id: i64, touchpoints: &[super::activity::Touchpoint], as_of: NaiveDate) -> Option<NaiveDate> {
    touchpoints.iter().filter(|t| t.stakeholder_id == Some(stakeholder_id) && t.happened_on <= as_of).map(|t| t.happened_on).max()
}

/// How recently the studio spoke with one of the client's people (internal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Contact {
    pub stakeholder_id: i64,
    pub last_on: Option<NaiveDate>,
    /// "Last contact 3 Sep 2026" or "No contact logged with them yet".
    pub said: String,
    /// For a decider not heard from in [`QUIET_DAYS`]: why it matters.
    pub quiet: Option<String>,
}

/// Who the studio talks to at the client, person by person, and which deciders have gone quiet.
pub fn contacts(people: &[Stakeholder], touchpoints: &[super::activity::Touchpoint], as_of: NaiveDate) -> Vec<Contact> {
    people
        .iter()
        .map(|s| {
            let last_on = last_contact(s.id, touchpoints, as_of);
            let said = last_on.map_or("No contact logged with them yet".to_owned(), |d| format!("Last contact {}", text::short_date(d)));
            let silent = last_on.is_none_or(|d| (as_of - d).num_days() >= QUIET_DAYS);
            let quiet = (s.role.decides() && silent).then(|| format!("Not heard from in {QUIET_DAYS} days: they decide the renewal"));
            Contact { stakeholder_id: s.id, last_on, said, quiet }
        })
        .collect()
}

/// When nobody recorded decides the renewal, what to do about it.
pub fn missing_deciders(people: &[Stakeholder]) -> Option<String> {
    (!people.iter().any(|s| s.role.decides()))
        .then(|| "No finance contact or executive sponsor is recorded: add who signs off the budget and the renewal.".to_owned())
}

#[cfg(test)]
mod tests {
    use super::super::activity::{Touchpoint, TouchpointKind};
    use super::*;

    fn person(id: i64, role: StakeholderRole) -> Stakeholder {
        Stakeholder { id, client_id: 1, name: format!("P{id}"), role, email: String::new(), phone: String::new(), is_primary: id == 1 }
    }

    fn met(id: i64, on: NaiveDate) -> Touchpoint {
        Touchpoint { id, client_id: 1, kind: TouchpointKind::Call, happened_on: on, summary: String::new(), client_replied: true, attended: true, rescheduled: false, no_show: false, reply_days: None, stakeholder_id: Some(id) }
    }

    #[test]
    fn a_decider_not_spoken_with_for_a_quarter_is_flagged_and_the_rest_only_dated() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let people = [person(1, StakeholderRole::DayToDay), person(2, StakeholderRole::Finance), person(3, StakeholderRole::ExecutiveSponsor)];
        // Day to day last week, finance 91 days ago, the sponsor 89 days ago; one in the future is not yet.
        let touchpoints = [met(1, day(11, 26)), met(2, day(9, 3)), met(3, day(9, 5)), met(2, day(12, 20))];
        let got = contacts(&people, &touchpoints, day(12, 3));
        assert_eq!(got.iter().map(|c| c.said.as_str()).collect::<Vec<_>>(), ["Last contact 26 Nov 2026", "Last contact 3 Sep 2026", "Last contact 5 Sep 2026"]);
        assert_eq!(got.iter().map(|c| c.quiet.is_some()).collect::<Vec<_>>(), [false, true, false], "only finance, 91 days quiet");
        let nobody = contacts(&[person(4, StakeholderRole::ExecutiveSponsor)], &[], day(12, 3));
        assert_eq!((nobody[0].said.as_str(), nobody[0].quiet.as_deref()), ("No contact logged with them yet", Some("Not heard from in 90 days: they decide the renewal")));
        assert!(missing_deciders(&people).is_none());
        assert!(missing_deciders(&people[..1]).is_some_and(|s| s.contains("No finance contact or executive sponsor")));
    }
}
