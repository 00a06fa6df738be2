//! The month and quarter close: each client's document for a period is drafted, reviewed by
//! the owner, saved and sent. What was done, and when, is kept per client, document and period.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use super::stored_enum::stored_enum;

stored_enum!(DocumentKind { Monthly = "monthly", Qbr = "qbr" });
stored_enum!(DocumentMark { Reviewed = "reviewed", NotReviewed = "not_reviewed", Sent = "sent", NotSent = "not_sent" });

/// Where one document stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct DocumentState {
    pub client_id: i64,
    pub kind: DocumentKind,
    /// "2026-10" (monthly) or "2027-Q2" (QBR, the client's fiscal quarter).
    pub period: String,
    pub reviewed_on: Option<NaiveDate>,
    /// The file it was last saved to, or empty.
    pub saved_to: String,
    pub sent_on: Option<NaiveDate>,
}

/// A document that was sent: "Monthly summary for October 2026", and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SentDocument {
    pub label: String,
    pub sent_on: NaiveDate,
}

impl DocumentState {
    /// What was sent, named for the owner; `year_starts` names a fiscal quarter.
    pub fn sent(&self, year_starts: u32) -> Option<SentDocument> {
        let period = match self.kind {
            DocumentKind::Monthly => super::month::Month::parse("period", &self.period).map(super::month::Month::label),
            DocumentKind::Qbr => super::quarter::Quarter::parse("period", &self.period, year_starts).map(super::quarter::Quarter::label),
        }
        .unwrap_or_else(|_| self.period.clone());
        self.sent_on.map(|sent_on| SentDocument { label: format!("{} for {period}", self.kind.label()), sent_on })
    }
}

impl DocumentKind {
    /// "Monthly summary", "QBR".
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Monthly => "Monthly summary",
            DocumentKind::Qbr => "QBR",
        }
    }
}
