//! The `health_override` table: a health signal set by hand, with a reason, until a date.

use chrono::NaiveDate;
use rusqlite::{params, Row};

use super::records::require_client;
use super::{bad_column, date_at, day, now_stamp, Store};
use crate::book::overrides::{HealthOverride, HealthOverrideInput, Signal};
use crate::error::Result;

const OVERRIDE: &str = "SELECT id, client_id, signal, score, reason, set_on, expires_on FROM health_override";
fn override_from_row(r: &Row<'_>) -> rusqlite::Result<HealthOverride> {
    let signal: String = r.get(2)?;
    Ok(HealthOverride {
        id: r.get(0)?,
        client_id: r.get(1)?,
        signal: Signal::parse(&signal).ok_or_else(|| bad_column(2, &signal))?,
        score: r.get(3)?,
        reason: r.get(4)?,
        set_on: date_at(r, 5)?,
        expires_on: date_at(r, 6)?,
    })
}

impl Store {
    pub fn health_overrides(&self, client_id: i64) -> Result<Vec<HealthOverride>> {
        self.rows(&format!("{OVERRIDE} WHERE client_id = ?1 ORDER BY id"), client_id, override_from_row)
    }

    /// Sets a signal's score by hand until a date, replacing that signal's current override.
    pub fn save_override(&mut self, client_id: i64, input: &HealthOverrideInput, today: NaiveDate) -> Result<HealthOverride> {
        let (signal, score, reason, expires_on) = input.validate(today)?;
        let id = self.write(|tx| {
            require_client(tx, client_id)?;
            // An override still in force is ended today, so history keeps what applied when.
            tx.execute("UPDATE health_override SET expires_on = ?3 WHERE client_id = ?1 AND signal = ?2 AND expires_on > ?3", params![client_id, signal.as_str(), day(today)])?;
            tx.execute(
                "INSERT INTO health_override (client_id, signal, score, reason, set_on, expires_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![client_id, signal.as_str(), score, reason, day(today), day(expires_on), now_stamp()],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        self.one(&format!("{OVERRIDE} WHERE id = ?1"), id, override_from_row)
    }

    /// Ends today the override of `signal` still in force, so the measured score applies again.
    pub fn end_override(&mut self, client_id: i64, signal: Signal, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            require_client(tx, client_id)?;
            tx.execute("UPDATE health_override SET expires_on = ?3 WHERE client_id = ?1 AND signal = ?2 AND expires_on > ?3", params![client_id, signal.as_str(), day(today)])?;
            Ok(())
        })
    }
}
