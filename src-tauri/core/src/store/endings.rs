//! The `client_ending` table: why and when a client left. Ending a client is one transaction:
//! the status, the reason, and any contract still running after the last day ended on it (the
//! dialog says so before the owner confirms), so the portfolio counts the loss in that period.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::{date_at, day, enum_at, now_stamp, Store};
use crate::book::ending::{EndReason, Ending, EndingFields, EndingInput};
use crate::book::Client;
use crate::error::{Error, Result};

fn from_row(r: &Row<'_>) -> rusqlite::Result<Ending> {
    Ok(Ending { client_id: r.get(0)?, ended_on: date_at(r, 1)?, reason: enum_at(r, 2, EndReason::parse)?, notes: r.get(3)? })
}

impl Store {
    /// Why and when the client left, once the owner has said.
    pub fn ending(&self, client_id: i64) -> Result<Option<Ending>> {
        Ok(self
            .read()
            .prepare_cached("SELECT client_id, ended_on, reason, notes FROM client_ending WHERE client_id = ?1")?
            .query_row([client_id], from_row)
            .optional()?)
    }

    /// Ends the client: status "ended", the reason kept (replacing an earlier one), and every
    /// contract still running after the last day ended on it. A contract that starts after the
    /// last day is refused: it would make them a client again.
    pub fn end_client(&mut self, client_id: i64, input: &EndingInput, today: chrono::NaiveDate) -> Result<Client> {
        let client = self.client(client_id)?;
        let contracts = self.contracts(client_id)?;
        let started = contracts.iter().map(|c| c.start_date).min().map_or(client.start_date, |first| first.min(client.start_date));
        let fields = input.validate(started, today)?;
        if let Some(later) = contracts.iter().filter(|c| c.start_date > fields.ended_on).min_by_key(|c| c.start_date) {
            return Err(Error::validation(
                "ended_on",
                format!("A contract starts on {}, after the last day of work; delete it first or choose a later last day.", later.start_date.format("%-d %b %Y")),
            ));
        }
        let now = now_stamp();
        self.write(|tx| {
            tx.prepare_cached("UPDATE client SET status = 'ended', updated_at = ?2 WHERE id = ?1")?.execute(params![client_id, now])?;
            upsert(tx, client_id, &fields, &now)?;
            tx.prepare_cached("UPDATE contract SET end_date = ?2, updated_at = ?3 WHERE client_id = ?1 AND (end_date IS NULL OR end_date > ?2)")?
                .execute(params![client_id, day(fields.ended_on), now])?;
            Ok(())
        })?;
        self.client(client_id)
    }
}

/// Keeps why and when the client left, replacing what was kept before.
pub(crate) fn upsert(tx: &Transaction<'_>, client_id: i64, fields: &EndingFields, now: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO client_ending (client_id, ended_on, reason, notes, saved_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (client_id) DO UPDATE SET ended_on = excluded.ended_on, reason = excluded.reason, notes = excluded.notes, saved_at = excluded.saved_at",
    )?
    .execute(params![client_id, day(fields.ended_on), fields.reason.as_str(), fields.notes, now])?;
    Ok(())
}
