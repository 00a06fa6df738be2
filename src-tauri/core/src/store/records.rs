//! What every client record shares: it belongs to one client, and it can be deleted.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::Store;
use crate::error::{Error, Result};

/// A record of the client book, by kind and id (for deletion).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum RecordRef {
    Stakeholder(i64),
    Contract(i64),
    Kpi(i64),
    Measurement(i64),
    Milestone(i64),
    Touchpoint(i64),
    Deliverable(i64),
    Invoice(i64),
    Complaint(i64),
    SurveyAnswer(i64),
    Opportunity(i64),
    HoursUsed(i64),
    Referral(i64),
    Testimonial(i64),
    Ask(i64),
    Risk(i64),
}

impl RecordRef {
    /// The table and the words for the record; table names come only from this match.
    fn table(self) -> (&'static str, &'static str, i64) {
        match self {
            Self::Stakeholder(id) => ("stakeholder", "stakeholder", id),
            Self::Contract(id) => ("contract", "contract", id),
            Self::Kpi(id) => ("kpi", "KPI", id),
            Self::Measurement(id) => ("kpi_measurement", "KPI value", id),
            Self::Milestone(id) => ("milestone", "milestone", id),
            Self::Touchpoint(id) => ("touchpoint", "touchpoint", id),
            Self::Deliverable(id) => ("deliverable", "deliverable", id),
            Self::Invoice(id) => ("invoice", "invoice", id),
            Self::Complaint(id) => ("complaint", "issue", id),
            Self::SurveyAnswer(id) => ("survey_answer", "survey answer", id),
            Self::Opportunity(id) => ("opportunity", "opportunity", id),
            Self::HoursUsed(id) => ("hours_used", "month of hours", id),
            Self::Referral(id) => ("referral", "referral", id),
            Self::Testimonial(id) => ("testimonial", "testimonial", id),
            Self::Ask(id) => ("client_ask", "ask", id),
            Self::Risk(id) => ("account_risk", "risk", id),
        }
    }
}

impl Store {
    /// Deletes one record (and what hangs off it: a KPI's values, an invoice's lines), keeping a
    /// copy for 30 days so the delete can be undone (`undo_delete` with the returned token).
    pub fn delete_record(&mut self, record: RecordRef) -> Result<super::trash::Deleted> {
        let (table, what, id) = record.table();
        // The client the copy is kept under; a referral belongs to two clients, so to neither alone.
        let owner: Option<i64> = match record {
            RecordRef::Referral(_) => None,
            RecordRef::Measurement(_) => self.read().query_row("SELECT k.client_id FROM kpi_measurement m JOIN kpi k ON k.id = m.kpi_id WHERE m.id = ?1", [id], |r| r.get(0)).optional()?,
            _ => self.read().query_row(&format!("SELECT client_id FROM {table} WHERE id = ?1"), [id], |r| r.get(0)).optional()?,
        };
        let delete = |tx: &Transaction<'_>| {
            let kept = super::trash::keep(tx, table, id, owner, what)?;
            let deleted = tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
            if deleted == 0 {
                return Err(Error::not_found(format!("There is no {what} number {id}.")));
            }
            Ok(kept)
        };
        self.write(delete)
    }
}

/// Fails with not-found unless the client exists.
pub(crate) fn require_client(tx: &Transaction<'_>, client_id: i64) -> Result<()> {
    super::clients::get(tx, client_id).map(|_| ())
}

/// Fails unless row `id` of `table` exists and belongs to `client_id`. `field` names the input
/// that pointed at it, when one did (a KPI chosen on an invoice line...).
pub(crate) fn require_owned(
    tx: &Transaction<'_>,
    table: &'static str,
    what: &str,
    id: i64,
    client_id: i64,
    field: Option<&str>,
) -> Result<()> {
    let owner: Option<i64> = tx
        .prepare_cached(&format!("SELECT client_id FROM {table} WHERE id = ?1"))?
        .query_row(params![id], |r| r.get(0))
        .optional()?;
    match (owner, field) {
        (Some(owner), _) if owner == client_id => Ok(()),
        (Some(_), Some(field)) => Err(Error::validation(field, format!("That {what} belongs to another client."))),
        (None, Some(field)) => Err(Error::validation(field, format!("There is no {what} number {id}."))),
        (_, None) => Err(Error::not_found(format!("This client has no {what} number {id}."))),
    }
}
