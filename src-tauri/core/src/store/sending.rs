//! The `document_send` table: each client's document for a period, reviewed, saved and sent.

use chrono::NaiveDate;
use rusqlite::{params, Row};

use super::records::require_client;
use super::{enum_at, now_stamp, optional_date_at, optional_day, Store};
use crate::book::sending::{DocumentKind, DocumentMark, DocumentState};
use crate::book::text;
use crate::error::Result;

const STATE: &str = "SELECT client_id, kind, period, reviewed_on, saved_to, sent_on FROM document_send";

fn state_from_row(r: &Row<'_>) -> rusqlite::Result<DocumentState> {
    Ok(DocumentState { client_id: r.get(0)?, kind: enum_at(r, 1, DocumentKind::parse)?, period: r.get(2)?, reviewed_on: optional_date_at(r, 3)?, saved_to: r.get(4)?, sent_on: optional_date_at(r, 5)? })
}

impl Store {
    /// Every document state of the client, newest period first.
    pub fn document_states(&self, client_id: i64) -> Result<Vec<DocumentState>> {
        self.rows(&format!("{STATE} WHERE client_id = ?1 ORDER BY period DESC, kind"), client_id, state_from_row)
    }

    /// Marks a client's document for a period reviewed or sent (on `today`), or takes the mark back.
    pub fn mark_document(&mut self, client_id: i64, kind: DocumentKind, period: &str, mark: DocumentMark, today: NaiveDate) -> Result<DocumentState> {
        let period = text::period_key("period", period)?;
        let (column, value) = match mark {
            DocumentMark::Reviewed => ("reviewed_on", Some(today)),
            DocumentMark::NotReviewed => ("reviewed_on", None),
            DocumentMark::Sent => ("sent_on", Some(today)),
            DocumentMark::NotSent => ("sent_on", None),
        };
        let now = now_stamp();
        self.write(|tx| {
            require_client(tx, client_id)?;
            // The column name comes from the match above, never from input.
            tx.execute(
                &format!("INSERT INTO document_send (client_id, kind, period, {column}, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (client_id, kind, period) DO UPDATE SET {column} = excluded.{column}, updated_at = excluded.updated_at"),
                params![client_id, kind.as_str(), period, optional_day(value), now],
            )?;
            Ok(())
        })?;
        self.document_state(client_id, kind, &period)
    }

    /// Notes where a client's document was saved.
    pub fn record_saved(&mut self, client_id: i64, kind: DocumentKind, period: &str, path: &str) -> Result<()> {
        let now = now_stamp();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO document_send (client_id, kind, period, saved_to, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (client_id, kind, period) DO UPDATE SET saved_to = excluded.saved_to, updated_at = excluded.updated_at",
                params![client_id, kind.as_str(), period, path, now],
            )?;
            Ok(())
        })
    }

    fn document_state(&self, client_id: i64, kind: DocumentKind, period: &str) -> Result<DocumentState> {
        let found = self.document_states(client_id)?.into_iter().find(|s| s.kind == kind && s.period == period);
        Ok(found.unwrap_or(DocumentState { client_id, kind, period: period.to_owned(), reviewed_on: None, saved_to: String::new(), sent_on: None }))
    }
}
