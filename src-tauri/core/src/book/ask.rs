//! What the studio needs from the client to keep the work moving — content, access, approvals,
//! a decision — with who at the client, by when, and what slips if it is late. An ask is
//! client-facing: every open ask is carried to the client's next monthly summary and QBR until
//! it is marked done. And the owner's words for why a result moved in a period.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::text;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Ask {
    pub id: i64,
    pub client_id: i64,
    /// "Approve the spring campaign's copy".
    pub what: String,
    /// Who at the client ("Jonas Weber"), or empty when not named.
    pub who: String,
    pub asked_on: NaiveDate,
    pub due_on: NaiveDate,
    /// What slips when it is late ("the campaign starts a week later").
    pub if_late: String,
    pub done_on: Option<NaiveDate>,
}

impl Ask {
    /// Asked on or before `day` and not done by then: it belongs on a document of that day.
    pub fn open_on(&self, day: NaiveDate) -> bool {
        self.asked_on <= day && self.done_on.is_none_or(|done| done > day)
    }

    /// Open on `day` and past the day it was needed by.
    pub fn late_on(&self, day: NaiveDate) -> bool {
        self.open_on(day) && self.due_on < day
    }

    /// "Jonas Weber · by 15 Dec 2026 · if late: the campaign starts a week later".
    pub fn detail(&self, date: impl Fn(NaiveDate) -> String) -> String {
        let mut parts = Vec::new();
        if !self.who.is_empty() {
            parts.push(self.who.clone());
        }
        parts.push(format!("by {}", date(self.due_on)));
        if !self.if_late.is_empty() {
            parts.push(format!("if late: {}", self.if_late));
        }
        parts.join(" · ")
    }
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct AskInput {
    pub what: String,
    pub who: String,
    pub asked_on: String,
    pub due_on: String,
    pub if_late: String,
    pub done_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskFields {
    pub what: String,
    pub who: String,
    pub asked_on: NaiveDate,
    pub due_on: NaiveDate,
    pub if_late: String,
    pub done_on: Option<NaiveDate>,
}

impl AskInput {
    pub fn validate(&self) -> Result<AskFields> {
        let asked_on = text::date("asked_on", "Asked on", &self.asked_on)?;
        let due_on = text::date("due_on", "Needed by", &self.due_on)?;
        text::not_before("due_on", "It cannot be needed before it was asked for.", asked_on, Some(due_on))?;
        let done_on = text::optional_date("done_on", "Done on", &self.done_on)?;
        text::not_before("done_on", "It cannot be done before it was asked for.", asked_on, done_on)?;
        Ok(AskFields {
            what: one_line("what", "What you need", &self.what, 1, 160)?,
            who: one_line("who", "Who at the client", &self.who, 0, 80)?,
            asked_on,
            due_on,
            if_late: one_line("if_late", "What slips if it is late", &self.if_late, 0, 160)?,
            done_on,
        })
    }
}

/// Text that goes on one line of a client's document: no line breaks.
fn one_line(field: &str, label: &str, value: &str, min: usize, max: usize) -> Result<String> {
    let value = text::text(field, label, value, min, max)?;
    if value.contains(['\n', '\r']) {
        return Err(Error::validation(field, format!("{label} must fit on one line.")));
    }
    Ok(value)
}

/// The owner's words for why a result moved in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct KpiNote {
    pub kpi_id: i64,
    /// A month ("2026-10") for the monthly summary, a fiscal quarter ("2027-Q2") for the QBR.
    pub period: String,
    pub why: String,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct KpiNoteInput {
    /// "2026-10" or "2027-Q2".
    pub period: String,
    /// Empty removes the note.
    pub why: String,
}

impl KpiNoteInput {
    /// The period and the words (None when the note is to be removed).
    pub fn validate(&self) -> Result<(String, Option<String>)> {
        let period = text::period_key("period", &self.period)?;
        let why = one_line("why", "Why it moved", &self.why, 0, 240)?;
        Ok((period, (!why.is_empty()).then_some(why)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> AskInput {
        AskInput { what: "Approve the spring copy".into(), who: "Jonas Weber".into(), asked_on: "2026-11-02".into(), due_on: "2026-11-20".into(), if_late: "the campaign starts a week later".into(), done_on: String::new() }
    }

    #[test]
    fn an_ask_needs_what_and_a_due_day_not_before_it_was_asked() {
        assert!(input().validate().is_ok());
        let err = |i: AskInput| i.validate().unwrap_err().field;
        assert_eq!(err(AskInput { what: "  ".into(), ..input() }), Some("what".into()));
        assert_eq!(err(AskInput { due_on: "2026-11-01".into(), ..input() }), Some("due_on".into()));
        assert_eq!(err(AskInput { done_on: "2026-10-01".into(), ..input() }), Some("done_on".into()));
        assert_eq!(err(AskInput { if_late: "two\nlines".into(), ..input() }), Some("if_late".into()));
    }

    #[test]
    fn an_ask_stays_on_the_documents_until_it_is_done() {
        let f = input().validate().unwrap();
        let ask = Ask { id: 1, client_id: 1, what: f.what, who: f.who, asked_on: f.asked_on, due_on: f.due_on, if_late: f.if_late, done_on: None };
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(!ask.open_on(d("2026-11-01")), "not yet asked");
        assert!(ask.open_on(d("2026-12-31")), "still open past its due day");
        assert!(!ask.late_on(d("2026-11-20")) && ask.late_on(d("2026-11-21")), "late from the day after it was needed by");
        let done = Ask { done_on: Some(d("2026-11-15")), ..ask.clone() };
        assert!(done.open_on(d("2026-11-14")) && !done.open_on(d("2026-11-15")));
        assert_eq!(ask.detail(|d| d.to_string()), "Jonas Weber · by 2026-11-20 · if late: the campaign starts a week later");
    }

    #[test]
    fn a_note_is_for_a_month_or_a_fiscal_quarter_and_empty_words_remove_it() {
        assert_eq!(KpiNoteInput { period: "2026-10".into(), why: "Lunch menu launched".into() }.validate().unwrap(), ("2026-10".into(), Some("Lunch menu launched".into())));
        assert_eq!(KpiNoteInput { period: "2027-q2".into(), why: " ".into() }.validate().unwrap(), ("2027-Q2".into(), None));
        assert_eq!(KpiNoteInput { period: "October".into(), why: "x".into() }.validate().unwrap_err().field, Some("period".into()));
    }
}
