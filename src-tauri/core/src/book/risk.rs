//! The quarterly account plan's risks: something that could cost the client's result or the
//! account, what the studio does about it (the mitigation) and who does it. Internal by default;
//! the QBR shows a risk only when the owner marks it for the client, and then only with its
//! mitigation, so a CFO never reads a worry without the answer to it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::text;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Risk {
    pub id: i64,
    pub client_id: i64,
    pub title: String,
    /// What we do about it; empty until written.
    pub mitigation: String,
    /// Who does it (a person at the studio); empty until named.
    pub owner: String,
    pub raised_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    /// The owner chose to show it, with its mitigation, in the client's QBR.
    pub show_client: bool,
}

impl Risk {
    /// Open on `as_of`: raised by then and not closed by then.
    pub fn open_on(&self, as_of: NaiveDate) -> bool {
        self.raised_on <= as_of && self.closed_on.is_none_or(|c| c > as_of)
    }

    /// Open with its plan unfinished: no mitigation written, or nobody named to carry it out.
    pub fn lacks_a_plan(&self) -> bool {
        self.mitigation.trim().is_empty() || self.owner.trim().is_empty()
    }

    /// Open at some point in [from, to): what the QBR of that quarter may show.
    pub fn open_during(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.raised_on < to && self.closed_on.is_none_or(|c| c > from)
    }
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct RiskInput {
    pub title: String,
    pub mitigation: String,
    pub owner: String,
    pub raised_on: String,
    pub closed_on: String,
    pub show_client: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskFields {
    pub title: String,
    pub mitigation: String,
    pub owner: String,
    pub raised_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub show_client: bool,
}

impl RiskInput {
    pub fn validate(&self) -> Result<RiskFields> {
        let raised_on = text::date("raised_on", "Raised on", &self.raised_on)?;
        let closed_on = text::optional_date("closed_on", "Closed on", &self.closed_on)?;
        text::not_before("closed_on", "A risk cannot be closed before it was raised.", raised_on, closed_on)?;
        let mitigation = text::text("mitigation", "What we do about it", &self.mitigation, 0, 500)?;
        if self.show_client && mitigation.is_empty() {
            return Err(Error::validation(
                "mitigation",
                "Write what you are doing about this risk before showing it in the client's QBR: a finance reader should see the answer with the worry.",
            ));
        }
        Ok(RiskFields {
            title: text::text("title", "Risk", &self.title, 1, 200)?,
            mitigation,
            owner: text::text("owner", "Who", &self.owner, 0, 80)?,
            raised_on,
            closed_on,
            show_client: self.show_client,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    fn input() -> RiskInput {
        RiskInput {
            title: "Their marketing lead leaves in January".into(),
            mitigation: String::new(),
            owner: String::new(),
            raised_on: "2026-11-02".into(),
            closed_on: String::new(),
            show_client: false,
        }
    }

    fn risk(mitigation: &str, owner: &str, closed_on: Option<&str>) -> Risk {
        Risk {
            id: 1,
            client_id: 1,
            title: "Budget review in Q1".into(),
            mitigation: mitigation.into(),
            owner: owner.into(),
            raised_on: d("2026-10-05"),
            closed_on: closed_on.map(d),
            show_client: false,
        }
    }

    #[test]
    fn a_risk_shown_to_the_client_must_carry_its_mitigation() {
        let err = RiskInput { show_client: true, ..input() }.validate().expect_err("refused");
        assert_eq!(err.field.as_deref(), Some("mitigation"));
        let ok = RiskInput { show_client: true, mitigation: "Hand-over call with her successor".into(), ..input() }.validate();
        assert!(ok.expect("accepted").show_client);
    }

    #[test]
    fn a_risk_cannot_close_before_it_was_raised_and_needs_a_title() {
        let err = RiskInput { closed_on: "2026-11-01".into(), ..input() }.validate().expect_err("refused");
        assert_eq!(err.field.as_deref(), Some("closed_on"));
        let err = RiskInput { title: "  ".into(), ..input() }.validate().expect_err("refused");
        assert_eq!(err.field.as_deref(), Some("title"));
    }

    #[test]
    fn a_plan_needs_both_what_we_do_and_who_does_it() {
        assert!(risk("", "", None).lacks_a_plan());
        assert!(risk("Show the Q4 results to the CFO early", "", None).lacks_a_plan());
        assert!(!risk("Show the Q4 results to the CFO early", "Ana", None).lacks_a_plan());
    }

    #[test]
    fn open_means_raised_and_not_yet_closed_on_the_day() {
        let closed = risk("x", "Ana", Some("2026-11-30"));
        assert!(!closed.open_on(d("2026-10-04")), "not raised yet");
        assert!(closed.open_on(d("2026-11-29")));
        assert!(!closed.open_on(d("2026-11-30")), "closed that day");
        // Quarter Oct–Dec: closed inside it, so the QBR of that quarter may show it; not the next one's.
        assert!(closed.open_during(d("2026-10-01"), d("2027-01-01")));
        assert!(!closed.open_during(d("2027-01-01"), d("2027-04-01")));
        // Closed on a quarter's first day: not open on that day, so not in that quarter.
        let closed_on_first_day = risk("x", "Ana", Some("2027-01-01"));
        assert!(!closed_on_first_day.open_during(d("2027-01-01"), d("2027-04-01")));
        assert!(closed_on_first_day.open_during(d("2026-10-01"), d("2027-01-01")));
    }
}
