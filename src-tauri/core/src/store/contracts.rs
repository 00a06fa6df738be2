//! The `contract` table.

use rusqlite::{params, Row, Transaction};

use super::records::{require_client, require_owned};
use super::{date_at, day, enum_at, now_stamp, optional_date_at, optional_day, Store};
use crate::book::contract::{Contract, ContractFields, ContractInput, ContractKind, UnusedHours};
use crate::error::Result;

const COLUMNS: &str = "id, client_id, kind, service_line, monthly_cents, fixed_cents, start_date, end_date, \
                       renewal_date, notice_days, included_hundredths, unused_hours";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Contract> {
    Ok(Contract {
        id: r.get(0)?,
        client_id: r.get(1)?,
        kind: enum_at(r, 2, ContractKind::parse)?,
        service_line: r.get(3)?,
        monthly_cents: r.get(4)?,
        fixed_cents: r.get(5)?,
        start_date: date_at(r, 6)?,
        end_date: optional_date_at(r, 7)?,
        renewal_date: optional_date_at(r, 8)?,
        notice_days: r.get(9)?,
        included_hundredths: r.get(10)?,
        unused_hours: enum_at(r, 11, UnusedHours::parse)?,
    })
}

impl Store {
    pub fn contracts(&self, client_id: i64) -> Result<Vec<Contract>> {
        let mut stmt =
            self.read().prepare_cached(&format!("SELECT {COLUMNS} FROM contract WHERE client_id = ?1 ORDER BY start_date, id"))?;
        let rows = stmt.query_map([client_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every contract in the book, for portfolio-wide work.
    pub fn all_contracts(&self) -> Result<Vec<Contract>> {
        let mut stmt = self.read().prepare_cached(&format!("SELECT {COLUMNS} FROM contract ORDER BY client_id, start_date, id"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn save_contract(&mut self, client_id: i64, id: Option<i64>, input: &ContractInput) -> Result<Contract> {
        let minor_digits = self.minor_digits()?;
        let fields = input.validate(minor_digits)?;
        let now = now_stamp();
        let id = self.write(|tx| {
            require_client(tx, client_id)?;
            if let Some(id) = id {
                require_owned(tx, "contract", "contract", id, client_id, None)?;
            }
            upsert(tx, client_id, id, &fields, &now)
        })?;
        Ok(self.read().prepare_cached(&format!("SELECT {COLUMNS} FROM contract WHERE id = ?1"))?.query_row([id], from_row)?)
    }
}

pub(crate) fn upsert(tx: &Transaction<'_>, client_id: i64, id: Option<i64>, f: &ContractFields, now: &str) -> Result<i64> {
    let id = match id {
        Some(id) => id,
        None => {
            tx.prepare_cached(
                "INSERT INTO contract (client_id, kind, start_date, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            )?
            .execute(params![client_id, f.kind.as_str(), day(f.start_date), now])?;
            tx.last_insert_rowid()
        }
    };
    tx.prepare_cached(
        "UPDATE contract SET kind = ?2, service_line = ?3, monthly_cents = ?4, fixed_cents = ?5, start_date = ?6,
         end_date = ?7, renewal_date = ?8, notice_days = ?9, included_hundredths = ?10, updated_at = ?11, unused_hours = ?12
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        f.kind.as_str(),
        f.service_line,
        f.monthly_cents,
        f.fixed_cents,
        day(f.start_date),
        optional_day(f.end_date),
        optional_day(f.renewal_date),
        f.notice_days,
        f.included_hundredths,
        now,
        f.unused_hours.as_str()
    ])?;
    Ok(id)
}
