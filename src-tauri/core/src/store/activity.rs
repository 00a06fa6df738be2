//! The `milestone`, `touchpoint`, `deliverable` and `complaint` tables.

use rusqlite::{params, Row, Transaction};

use super::records::{require_client, require_owned};
use super::{date_at, day, enum_at, now_stamp, optional_date_at, optional_day, Store};
use crate::book::activity::*;
use crate::error::Result;

fn milestone_from_row(r: &Row<'_>) -> rusqlite::Result<Milestone> {
    Ok(Milestone {
        id: r.get(0)?,
        client_id: r.get(1)?,
        title: r.get(2)?,
        due_on: date_at(r, 3)?,
        done_on: optional_date_at(r, 4)?,
        first_value: r.get(5)?,
    })
}

fn touchpoint_from_row(r: &Row<'_>) -> rusqlite::Result<Touchpoint> {
    Ok(Touchpoint {
        id: r.get(0)?,
        client_id: r.get(1)?,
        kind: enum_at(r, 2, TouchpointKind::parse)?,
        happened_on: date_at(r, 3)?,
        summary: r.get(4)?,
        client_replied: r.get(5)?,
        attended: r.get(6)?,
        rescheduled: r.get(7)?,
        no_show: r.get(8)?,
        reply_days: r.get(9)?,
        stakeholder_id: r.get(10)?,
    })
}

fn deliverable_from_row(r: &Row<'_>) -> rusqlite::Result<Deliverable> {
    Ok(Deliverable { id: r.get(0)?, client_id: r.get(1)?, title: r.get(2)?, delivered_on: date_at(r, 3)?, kpi_id: r.get(4)? })
}

fn complaint_from_row(r: &Row<'_>) -> rusqlite::Result<Complaint> {
    Ok(Complaint {
        id: r.get(0)?,
        client_id: r.get(1)?,
        opened_on: date_at(r, 2)?,
        closed_on: optional_date_at(r, 3)?,
        tag: enum_at(r, 4, ComplaintTag::parse)?,
        summary: r.get(5)?,
    })
}

const MILESTONE: &str = "SELECT id, client_id, title, due_on, done_on, first_value FROM milestone";
const TOUCHPOINT: &str = "SELECT id, client_id, kind, happened_on, summary, client_replied, attended, rescheduled, no_show, reply_days, stakeholder_id FROM touchpoint";
const DELIVERABLE: &str = "SELECT id, client_id, title, delivered_on, kpi_id FROM deliverable";
const COMPLAINT: &str = "SELECT id, client_id, opened_on, closed_on, tag, summary FROM complaint";

impl Store {
    pub fn milestones(&self, client_id: i64) -> Result<Vec<Milestone>> {
        self.rows(&format!("{MILESTONE} WHERE client_id = ?1 ORDER BY due_on, id"), client_id, milestone_from_row)
    }

    pub fn touchpoints(&self, client_id: i64) -> Result<Vec<Touchpoint>> {
        self.rows(&format!("{TOUCHPOINT} WHERE client_id = ?1 ORDER BY happened_on DESC, id DESC"), client_id, touchpoint_from_row)
    }

    pub fn deliverables(&self, client_id: i64) -> Result<Vec<Deliverable>> {
        self.rows(&format!("{DELIVERABLE} WHERE client_id = ?1 ORDER BY delivered_on DESC, id DESC"), client_id, deliverable_from_row)
    }

    pub fn complaints(&self, client_id: i64) -> Result<Vec<Complaint>> {
        self.rows(&format!("{COMPLAINT} WHERE client_id = ?1 ORDER BY opened_on DESC, id DESC"), client_id, complaint_from_row)
    }

    pub fn save_milestone(&mut self, client_id: i64, id: Option<i64>, input: &MilestoneInput) -> Result<Milestone> {
        let f = input.validate()?;
        let now = now_stamp();
        let id = self.write(|tx| {
            prepare(tx, "milestone", "milestone", client_id, id)?;
            if f.first_value {
                // Only one milestone marks first value: the newly flagged one takes the flag.
                tx.prepare_cached("UPDATE milestone SET first_value = 0 WHERE client_id = ?1 AND id IS NOT ?2")?
                    .execute(params![client_id, id])?;
            }
            upsert_milestone(tx, client_id, id, &f, &now)
        })?;
        self.one(&format!("{MILESTONE} WHERE id = ?1"), id, milestone_from_row)
    }

    pub fn save_touchpoint(&mut self, client_id: i64, id: Option<i64>, input: &TouchpointInput) -> Result<Touchpoint> {
        let f = input.validate()?;
        let now = now_stamp();
        let id = self.write(|tx| {
            prepare(tx, "touchpoint", "touchpoint", client_id, id)?;
            if let Some(person) = f.stakeholder_id {
                require_owned(tx, "stakeholder", "person", person, client_id, Some("stakeholder_id"))?;
            }
            upsert_touchpoint(tx, client_id, id, &f, &now)
        })?;
        self.one(&format!("{TOUCHPOINT} WHERE id = ?1"), id, touchpoint_from_row)
    }

    pub fn save_deliverable(&mut self, client_id: i64, id: Option<i64>, input: &DeliverableInput) -> Result<Deliverable> {
        let f = input.validate()?;
        let now = now_stamp();
        let id = self.write(|tx| {
            prepare(tx, "deliverable", "deliverable", client_id, id)?;
            if let Some(kpi) = f.kpi_id {
                require_owned(tx, "kpi", "KPI", kpi, client_id, Some("kpi_id"))?;
            }
            upsert_deliverable(tx, client_id, id, &f, &now)
        })?;
        self.one(&format!("{DELIVERABLE} WHERE id = ?1"), id, deliverable_from_row)
    }

    pub fn save_complaint(&mut self, client_id: i64, id: Option<i64>, input: &ComplaintInput) -> Result<Complaint> {
        let f = input.validate()?;
        let now = now_stamp();
        let id = self.write(|tx| {
            prepare(tx, "complaint", "issue", client_id, id)?;
            upsert_complaint(tx, client_id, id, &f, &now)
        })?;
        self.one(&format!("{COMPLAINT} WHERE id = ?1"), id, complaint_from_row)
    }
}

/// The client must exist, and an edited record must be theirs.
pub(crate) fn prepare(tx: &Transaction<'_>, table: &'static str, what: &str, client_id: i64, id: Option<i64>) -> Result<()> {
    require_client(tx, client_id)?;
    match id {
        Some(id) => require_owned(tx, table, what, id, client_id, None),
        None => Ok(()),
    }
}

pub(crate) fn upsert_milestone(tx: &Transaction<'_>, client_id: i64, id: Option<i64>, f: &MilestoneFields, now: &str) -> Result<i64> {
    let (due, done) = (day(f.due_on), optional_day(f.done_on));
    if let Some(id) = id {
        tx.prepare_cached("UPDATE milestone SET title = ?2, due_on = ?3, done_on = ?4, first_value = ?5, updated_at = ?6 WHERE id = ?1")?
            .execute(params![id, f.title, due, done, f.first_value, now])?;
        return Ok(id);
    }
    tx.prepare_cached(
        "INSERT INTO milestone (client_id, title, due_on, done_on, first_value, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![client_id, f.title, due, done, f.first_value, now])?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn upsert_touchpoint(tx: &Transaction<'_>, client_id: i64, id: Option<i64>, f: &TouchpointFields, now: &str) -> Result<i64> {
    let happened = day(f.happened_on);
    if let Some(id) = id {
        tx.prepare_cached(
            "UPDATE touchpoint SET kind = ?2, happened_on = ?3, summary = ?4, client_replied = ?5, attended = ?6,
             rescheduled = ?7, no_show = ?8, reply_days = ?9, stakeholder_id = ?10 WHERE id = ?1",
        )?
        .execute(params![id, f.kind.as_str(), happened, f.summary, f.client_replied, f.attended, f.rescheduled, f.no_show, f.reply_days, f.stakeholder_id])?;
        return Ok(id);
    }
    tx.prepare_cached(
        "INSERT INTO touchpoint (client_id, kind, happened_on, summary, client_replied, attended, rescheduled, no_show,
           reply_days, stakeholder_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![client_id, f.kind.as_str(), happened, f.summary, f.client_replied, f.attended, f.rescheduled, f.no_show, f.reply_days, f.stakeholder_id, now])?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn upsert_deliverable(tx: &Transaction<'_>, client_id: i64, id: Option<i64>, f: &DeliverableFields, now: &str) -> Result<i64> {
    let delivered = day(f.delivered_on);
    if let Some(id) = id {
        tx.prepare_cached("UPDATE deliverable SET title = ?2, delivered_on = ?3, kpi_id = ?4 WHERE id = ?1")?
            .execute(params![id, f.title, delivered, f.kpi_id])?;
        return Ok(id);
    }
    tx.prepare_cached("INSERT INTO deliverable (client_id, title, delivered_on, kpi_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![client_id, f.title, delivered, f.kpi_id, now])?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn upsert_complaint(tx: &Transaction<'_>, client_id: i64, id: Option<i64>, f: &ComplaintFields, now: &str) -> Result<i64> {
    let (opened, closed) = (day(f.opened_on), optional_day(f.closed_on));
    if let Some(id) = id {
        tx.prepare_cached("UPDATE complaint SET opened_on = ?2, closed_on = ?3, tag = ?4, summary = ?5 WHERE id = ?1")?
            .execute(params![id, opened, closed, f.tag.as_str(), f.summary])?;
        return Ok(id);
    }
    tx.prepare_cached("INSERT INTO complaint (client_id, opened_on, closed_on, tag, summary, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?
        .execute(params![client_id, opened, closed, f.tag.as_str(), f.summary, now])?;
    Ok(tx.last_insert_rowid())
}
