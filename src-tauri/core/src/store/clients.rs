//! The `client` table.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::{date_at, enum_at, now_stamp, Store};
use crate::book::client::ClientFields;
use crate::book::{Client, ClientInput, ClientStatus, SuccessPlan, SuccessPlanInput};
use crate::error::{Error, Result};

const COLUMNS: &str = "id, name, status, goal, start_date, notes, archived_at, created_at, updated_at, \
                       cadence_days, owner, plan_recap, fiscal_year_start, annual_budget_cents";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Client> {
    Ok(Client {
        id: r.get(0)?,
        name: r.get(1)?,
        status: enum_at(r, 2, ClientStatus::parse)?,
        goal: r.get(3)?,
        start_date: date_at(r, 4)?,
        notes: r.get(5)?,
        archived_at: r.get(6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
        plan: SuccessPlan { cadence_days: r.get(9)?, owner: r.get(10)?, recap: r.get(11)?, fiscal_year_start: r.get(12)?, annual_budget_cents: r.get(13)? },
    })
}

pub(crate) fn get(conn: &rusqlite::Connection, id: i64) -> Result<Client> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM client WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(format!("There is no client number {id} in this book.")))
}

/// Refuses a name another client already uses (compared as `name_key` does: any case, any script).
fn check_name_free(tx: &Transaction<'_>, name: &str, except: Option<i64>) -> Result<()> {
    let clash: Option<(String, Option<String>)> = tx
        .prepare_cached("SELECT name, archived_at FROM client WHERE name_key = name_key(?1) AND id IS NOT ?2")?
        .query_row(params![name, except], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match clash {
        None => Ok(()),
        Some((existing, None)) => {
            Err(Error::conflict(Some("name"), format!("There is already a client called '{existing}'.")))
        }
        Some((existing, Some(_))) => Err(Error::conflict(
            Some("name"),
            format!("There is already an archived client called '{existing}'; restore it instead of adding it again."),
        )),
    }
}

impl Store {
    /// Clients sorted by name; archived ones only when asked for.
    pub fn clients(&self, include_archived: bool) -> Result<Vec<Client>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM client WHERE (?1 OR archived_at IS NULL) ORDER BY name COLLATE NOCASE, id"
        );
        let mut stmt = self.read().prepare_cached(&sql)?;
        let rows = stmt.query_map([include_archived], from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn client(&self, id: i64) -> Result<Client> {
        get(self.read(), id)
    }

    /// A client by number or by name (any case), as typed on the command line.
    /// The client a person names on the command line: by name first (in any case, accents
    /// compared as written: "École" is "école"), so a client called "7" is found by its name;
    /// a number (or "#7") that is no client's name is a client number.
    pub fn find_client(&self, id_or_name: &str) -> Result<Client> {
        let wanted = id_or_name.trim();
        let key = crate::book::text::name_key(wanted);
        if let Some(found) = self.clients(true)?.into_iter().find(|c| crate::book::text::name_key(&c.name) == key) {
            return Ok(found);
        }
        match wanted.strip_prefix('#').unwrap_or(wanted).parse::<i64>() {
            Ok(id) => self.client(id).map_err(|_| Error::not_found(format!("There is no client called '{wanted}', and no client number {id}."))),
            Err(_) => Err(Error::not_found(format!("There is no client called '{wanted}'."))),
        }
    }

    pub fn create_client(&mut self, input: &ClientInput) -> Result<Client> {
        let fields = input.validate()?;
        let now = now_stamp();
        let id = self.write(|tx| {
            check_name_free(tx, &fields.name, None)?;
            insert(tx, &fields, &now)
        })?;
        self.client(id)
    }

    pub fn update_client(&mut self, id: i64, input: &ClientInput) -> Result<Client> {
        let fields = input.validate()?;
        let now = now_stamp();
        self.write(|tx| {
            get(tx, id)?;
            check_name_free(tx, &fields.name, Some(id))?;
            update(tx, id, &fields, &now)
        })?;
        self.client(id)
    }

    pub fn save_success_plan(&mut self, id: i64, input: &SuccessPlanInput) -> Result<Client> {
        let plan = input.validate(self.minor_digits()?)?;
        let now = now_stamp();
        self.write(|tx| {
            get(tx, id)?;
            update_plan(tx, id, &plan, &now)
        })?;
        self.client(id)
    }

    /// Hides a client from the book's lists without deleting anything; `restore_client` undoes it.
    pub fn archive_client(&mut self, id: i64) -> Result<Client> {
        self.set_archived(id, Some(now_stamp()))
    }

    pub fn restore_client(&mut self, id: i64) -> Result<Client> {
        self.set_archived(id, None)
    }

    fn set_archived(&mut self, id: i64, archived_at: Option<String>) -> Result<Client> {
        let now = now_stamp();
        self.write(|tx| {
            let client = get(tx, id)?;
            // Archiving twice keeps the first date; restoring an active client changes nothing.
            if client.archived_at.is_some() != archived_at.is_some() {
                tx.prepare_cached("UPDATE client SET archived_at = ?2, updated_at = ?3 WHERE id = ?1")?
                    .execute(params![id, archived_at, now])?;
            }
            Ok(())
        })?;
        self.client(id)
    }
}

pub(crate) fn insert(tx: &Transaction<'_>, fields: &ClientFields, now: &str) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO client (name, status, goal, start_date, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![
        fields.name,
        fields.status.as_str(),
        fields.goal,
        fields.start_date.format("%Y-%m-%d").to_string(),
        fields.notes,
        now
    ])?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn update_plan(tx: &Transaction<'_>, id: i64, plan: &SuccessPlan, now: &str) -> Result<()> {
    tx.prepare_cached(
        "UPDATE client SET cadence_days = ?2, owner = ?3, plan_recap = ?4, fiscal_year_start = ?5, annual_budget_cents = ?6, updated_at = ?7 WHERE id = ?1",
    )?
    .execute(params![id, plan.cadence_days, plan.owner, plan.recap, plan.fiscal_year_start, plan.annual_budget_cents, now])?;
    Ok(())
}

pub(crate) fn update(tx: &Transaction<'_>, id: i64, fields: &ClientFields, now: &str) -> Result<()> {
    tx.prepare_cached(
        "UPDATE client SET name = ?2, status = ?3, goal = ?4, start_date = ?5, notes = ?6, updated_at = ?7 WHERE id = ?1",
    )?
    .execute(params![id, fields.name, fields.status.as_str(), fields.goal, fields.start_date.format("%Y-%m-%d").to_string(), fields.notes, now])?;
    Ok(())
}
