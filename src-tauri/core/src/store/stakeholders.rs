//! The `stakeholder` and `primary_contact_change` tables.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::records::{require_client, require_owned};
use super::{day, enum_at, now_stamp, Store};
use crate::book::stakeholder::{PrimaryContactChange, Stakeholder, StakeholderFields, StakeholderInput, StakeholderRole};
use crate::error::Result;

const COLUMNS: &str = "id, client_id, name, role, email, phone, is_primary";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Stakeholder> {
    Ok(Stakeholder {
        id: r.get(0)?,
        client_id: r.get(1)?,
        name: r.get(2)?,
        role: enum_at(r, 3, StakeholderRole::parse)?,
        email: r.get(4)?,
        phone: r.get(5)?,
        is_primary: r.get(6)?,
    })
}

impl Store {
    pub fn stakeholders(&self, client_id: i64) -> Result<Vec<Stakeholder>> {
        let mut stmt = self
            .read()
            .prepare_cached(&format!("SELECT {COLUMNS} FROM stakeholder WHERE client_id = ?1 ORDER BY is_primary DESC, name"))?;
        let rows = stmt.query_map([client_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn primary_contact_changes(&self, client_id: i64) -> Result<Vec<PrimaryContactChange>> {
        let mut stmt = self
            .read()
            .prepare_cached("SELECT name, changed_on FROM primary_contact_change WHERE client_id = ?1 ORDER BY changed_on, id")?;
        let rows = stmt.query_map([client_id], |r| Ok(PrimaryContactChange { name: r.get(0)?, changed_on: super::date_at(r, 1)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds (id None) or edits a stakeholder. Making someone primary demotes the previous
    /// primary contact and records the change with its date (`changed_on`, default `today`).
    pub fn save_stakeholder(&mut self, client_id: i64, id: Option<i64>, input: &StakeholderInput, today: NaiveDate) -> Result<Stakeholder> {
        let fields = input.validate()?;
        let now = now_stamp();
        let id = self.write(|tx| {
            require_client(tx, client_id)?;
            if let Some(id) = id {
                require_owned(tx, "stakeholder", "stakeholder", id, client_id, None)?;
            }
            if fields.is_primary {
                demote_primary(tx, client_id, id, &fields, today)?;
            }
            upsert(tx, client_id, id, &fields, &now)
        })?;
        Ok(self.read().prepare_cached(&format!("SELECT {COLUMNS} FROM stakeholder WHERE id = ?1"))?.query_row([id], from_row)?)
    }
}

pub(crate) fn demote_primary(tx: &Transaction<'_>, client_id: i64, keep: Option<i64>, fields: &StakeholderFields, today: NaiveDate) -> Result<()> {
    let previous: Option<i64> = tx
        .prepare_cached("SELECT id FROM stakeholder WHERE client_id = ?1 AND is_primary = 1")?
        .query_row([client_id], |r| r.get(0))
        .optional()?;
    match previous {
        Some(prev) if Some(prev) != keep => {
            tx.prepare_cached("UPDATE stakeholder SET is_primary = 0 WHERE id = ?1")?.execute([prev])?;
            tx.prepare_cached(
                "INSERT INTO primary_contact_change (client_id, stakeholder_id, name, changed_on) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![client_id, keep, fields.name, day(fields.changed_on.unwrap_or(today))])?;
        }
        _ => {}
    }
    Ok(())
}

pub(crate) fn upsert(tx: &Transaction<'_>, client_id: i64, id: Option<i64>, f: &StakeholderFields, now: &str) -> Result<i64> {
    match id {
        Some(id) => {
            tx.prepare_cached(
                "UPDATE stakeholder SET name = ?2, role = ?3, email = ?4, phone = ?5, is_primary = ?6, updated_at = ?7 WHERE id = ?1",
            )?
            .execute(params![id, f.name, f.role.as_str(), f.email, f.phone, f.is_primary, now])?;
            Ok(id)
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO stakeholder (client_id, name, role, email, phone, is_primary, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            )?
            .execute(params![client_id, f.name, f.role.as_str(), f.email, f.phone, f.is_primary, now])?;
            let new_id = tx.last_insert_rowid();
            // A new primary contact recorded above without an id: point the change at them.
            tx.prepare_cached(
                "UPDATE primary_contact_change SET stakeholder_id = ?1 WHERE client_id = ?2 AND stakeholder_id IS NULL AND name = ?3",
            )?
            .execute(params![new_id, client_id, f.name])?;
            Ok(new_id)
        }
    }
}
