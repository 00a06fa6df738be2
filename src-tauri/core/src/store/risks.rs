//! The `account_risk` table: the account plan's risks.

use rusqlite::{params, Row, Transaction};

use super::activity::prepare;
use super::{date_at, day, now_stamp, optional_date_at, optional_day, Store};
use crate::book::risk::{Risk, RiskFields, RiskInput};
use crate::error::Result;

const RISK: &str = "SELECT id, client_id, title, mitigation, owner, raised_on, closed_on, show_client FROM account_risk";

fn risk_from_row(r: &Row<'_>) -> rusqlite::Result<Risk> {
    Ok(Risk {
        id: r.get(0)?,
        client_id: r.get(1)?,
        title: r.get(2)?,
        mitigation: r.get(3)?,
        owner: r.get(4)?,
        raised_on: date_at(r, 5)?,
        closed_on: optional_date_at(r, 6)?,
        show_client: r.get(7)?,
    })
}

impl Store {
    /// A client's risks, open ones first, newest first.
    pub fn risks(&self, client_id: i64) -> Result<Vec<Risk>> {
        self.rows(&format!("{RISK} WHERE client_id = ?1 ORDER BY closed_on IS NOT NULL, raised_on DESC, id DESC"), client_id, risk_from_row)
    }

    pub fn save_risk(&mut self, client_id: i64, id: Option<i64>, input: &RiskInput) -> Result<Risk> {
        let f = input.validate()?;
        let now = now_stamp();
        let id = self.write(|tx| {
            prepare(tx, "account_risk", "risk", client_id, id)?;
            upsert_risk(tx, client_id, id, &f, &now)
        })?;
        self.one(&format!("{RISK} WHERE id = ?1"), id, risk_from_row)
    }
}

pub(crate) fn upsert_risk(tx: &Transaction<'_>, client_id: i64, id: Option<i64>, f: &RiskFields, now: &str) -> Result<i64> {
    let (raised, closed) = (day(f.raised_on), optional_day(f.closed_on));
    if let Some(id) = id {
        tx.prepare_cached("UPDATE account_risk SET title = ?2, mitigation = ?3, owner = ?4, raised_on = ?5, closed_on = ?6, show_client = ?7 WHERE id = ?1")?
            .execute(params![id, f.title, f.mitigation, f.owner, raised, closed, f.show_client])?;
        return Ok(id);
    }
    tx.prepare_cached(
        "INSERT INTO account_risk (client_id, title, mitigation, owner, raised_on, closed_on, show_client, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![client_id, f.title, f.mitigation, f.owner, raised, closed, f.show_client, now])?;
    Ok(tx.last_insert_rowid())
}
