//! The `referral` table: one row per new client, naming who introduced them.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::records::require_client;
use super::{date_at, day, Store};
use crate::book::referral::{Referral, ReferralInput};
use crate::error::{Error, Result};

const REFERRAL: &str = "SELECT r.id, r.from_client_id, f.name, r.to_client_id, t.name, r.referred_on
    FROM referral r JOIN client f ON f.id = r.from_client_id JOIN client t ON t.id = r.to_client_id";

fn referral_from_row(r: &Row<'_>) -> rusqlite::Result<Referral> {
    Ok(Referral { id: r.get(0)?, from_client_id: r.get(1)?, from_client: r.get(2)?, to_client_id: r.get(3)?, to_client: r.get(4)?, referred_on: date_at(r, 5)? })
}

impl Store {
    /// Referrals the client made or came from, oldest first.
    pub fn referrals(&self, client_id: i64) -> Result<Vec<Referral>> {
        self.rows(&format!("{REFERRAL} WHERE r.from_client_id = ?1 OR r.to_client_id = ?1 ORDER BY r.referred_on, r.id"), client_id, referral_from_row)
    }

    /// Records that `from_client_id` referred the client `input.to_client_id`.
    pub fn save_referral(&mut self, from_client_id: i64, input: &ReferralInput) -> Result<Referral> {
        let referred_on = input.validate(from_client_id)?;
        let id = self.write(|tx| {
            require_client(tx, from_client_id)?;
            require_client(tx, input.to_client_id).map_err(|_| Error::validation("to_client_id", format!("There is no client number {}.", input.to_client_id)))?;
            let earlier: Option<String> = tx
                .prepare_cached("SELECT f.name FROM referral r JOIN client f ON f.id = r.from_client_id WHERE r.to_client_id = ?1")?
                .query_row([input.to_client_id], |r| r.get(0))
                .optional()?;
            if let Some(by) = earlier {
                return Err(Error::conflict(Some("to_client_id"), format!("That client was already referred by {by}.")));
            }
            upsert(tx, None, from_client_id, input.to_client_id, referred_on)
        })?;
        self.one(&format!("{REFERRAL} WHERE r.id = ?1"), id, referral_from_row)
    }
}

/// Records (or, given its id, corrects) who introduced `to_client_id` and when.
pub(crate) fn upsert(tx: &Transaction<'_>, id: Option<i64>, from_client_id: i64, to_client_id: i64, referred_on: NaiveDate) -> Result<i64> {
    match id {
        Some(id) => {
            tx.prepare_cached("UPDATE referral SET from_client_id = ?2, referred_on = ?3 WHERE id = ?1")?.execute(params![id, from_client_id, day(referred_on)])?;
            Ok(id)
        }
        None => {
            tx.prepare_cached("INSERT INTO referral (from_client_id, to_client_id, referred_on) VALUES (?1, ?2, ?3)")?.execute(params![from_client_id, to_client_id, day(referred_on)])?;
            Ok(tx.last_insert_rowid())
        }
    }
}
