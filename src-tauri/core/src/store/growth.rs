//! The `opportunity`, `hours_used` and `qbr_note` tables.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::activity::prepare;
use super::records::require_client;
use super::{bad_column, date_at, day, enum_at, now_stamp, optional_date_at, optional_day, Store};
use crate::book::growth::*;
use crate::book::month::Month;
use crate::book::quarter::Quarter;
use crate::error::Result;

const OPPORTUNITY: &str = "SELECT id, client_id, kind, title, value_cents, stage, opened_on, closed_on, show_client FROM opportunity";
const HOURS: &str = "SELECT id, client_id, month, hundredths FROM hours_used";
const TESTIMONIAL: &str = "SELECT id, client_id, asked_on, received_on, quote FROM testimonial";

fn testimonial_from_row(r: &Row<'_>) -> rusqlite::Result<Testimonial> {
    Ok(Testimonial { id: r.get(0)?, client_id: r.get(1)?, asked_on: date_at(r, 2)?, received_on: optional_date_at(r, 3)?, quote: r.get(4)? })
}

fn opportunity_from_row(r: &Row<'_>) -> rusqlite::Result<Opportunity> {
    Ok(Opportunity {
        id: r.get(0)?,
        client_id: r.get(1)?,
        kind: enum_at(r, 2, OpportunityKind::parse)?,
        title: r.get(3)?,
        value_cents: r.get(4)?,
        stage: enum_at(r, 5, OpportunityStage::parse)?,
        opened_on: date_at(r, 6)?,
        closed_on: optional_date_at(r, 7)?,
        show_client: r.get(8)?,
    })
}

fn hours_from_row(r: &Row<'_>) -> rusqlite::Result<HoursUsed> {
    let text: String = r.get(2)?;
    let month = Month::parse("month", &text).map_err(|_| bad_column(2, &text))?;
    Ok(HoursUsed { id: r.get(0)?, client_id: r.get(1)?, month, hundredths: r.get(3)? })
}

impl Store {
    pub fn opportunities(&self, client_id: i64) -> Result<Vec<Opportunity>> {
        self.rows(&format!("{OPPORTUNITY} WHERE client_id = ?1 ORDER BY opened_on DESC, id DESC"), client_id, opportunity_from_row)
    }

    pub fn save_opportunity(&mut self, client_id: i64, id: Option<i64>, input: &OpportunityInput) -> Result<Opportunity> {
        let f = input.validate(self.minor_digits()?)?;
        let now = now_stamp();
        let id = self.write(|tx| {
            prepare(tx, "opportunity", "opportunity", client_id, id)?;
            upsert_opportunity(tx, client_id, id, &f, &now)
        })?;
        self.one(&format!("{OPPORTUNITY} WHERE id = ?1"), id, opportunity_from_row)
    }

    pub fn testimonials(&self, client_id: i64) -> Result<Vec<Testimonial>> {
        self.rows(&format!("{TESTIMONIAL} WHERE client_id = ?1 ORDER BY asked_on DESC, id DESC"), client_id, testimonial_from_row)
    }

    pub fn save_testimonial(&mut self, client_id: i64, id: Option<i64>, input: &TestimonialInput) -> Result<Testimonial> {
        let (asked, received, quote) = input.validate()?;
        let id = self.write(|tx| {
            prepare(tx, "testimonial", "testimonial", client_id, id)?;
            upsert_testimonial(tx, client_id, id, asked, received, &quote)
        })?;
        self.one(&format!("{TESTIMONIAL} WHERE id = ?1"), id, testimonial_from_row)
    }

    /// Hours used per month, oldest first.
    pub fn hours_used(&self, client_id: i64) -> Result<Vec<HoursUsed>> {
        self.rows(&format!("{HOURS} WHERE client_id = ?1 ORDER BY month"), client_id, hours_from_row)
    }

    /// Records the hours used in a month, replacing what was recorded for that month.
    pub fn save_hours(&mut self, client_id: i64, input: &HoursInput) -> Result<HoursUsed> {
        let (month, hundredths) = input.validate()?;
        let id = self.write(|tx| {
            require_client(tx, client_id)?;
            upsert_hours(tx, client_id, month, hundredths)
        })?;
        self.one(&format!("{HOURS} WHERE id = ?1"), id, hours_from_row)
    }

    /// The owner's notes for a quarter's review, empty until written.
    pub fn qbr_notes(&self, client_id: i64, quarter: Quarter) -> Result<QbrNotes> {
        let found: Option<(String, String, String)> = self
            .read()
            .prepare_cached("SELECT working, not_working, adjust FROM qbr_note WHERE client_id = ?1 AND quarter = ?2")?
            .query_row(params![client_id, quarter.key()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let (working, not_working, adjust) = found.unwrap_or_default();
        Ok(QbrNotes { client_id, quarter: quarter.key(), working, not_working, adjust })
    }

    pub fn save_qbr_notes(&mut self, client_id: i64, quarter: Quarter, input: &QbrNotesInput) -> Result<QbrNotes> {
        let [working, not_working, adjust] = input.validate()?;
        let now = now_stamp();
        self.write(|tx| {
            require_client(tx, client_id)?;
            tx.prepare_cached(
                "INSERT INTO qbr_note (client_id, quarter, working, not_working, adjust, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (client_id, quarter) DO UPDATE SET working = excluded.working, not_working = excluded.not_working,
                 adjust = excluded.adjust, updated_at = excluded.updated_at",
            )?
            .execute(params![client_id, quarter.key(), working, not_working, adjust, now])?;
            Ok(())
        })?;
        self.qbr_notes(client_id, quarter)
    }
}

pub(crate) fn upsert_testimonial(tx: &Transaction<'_>, client_id: i64, id: Option<i64>, asked: NaiveDate, received: Option<NaiveDate>, quote: &str) -> Result<i64> {
    match id {
        Some(id) => {
            tx.prepare_cached("UPDATE testimonial SET asked_on = ?2, received_on = ?3, quote = ?4 WHERE id = ?1")?.execute(params![id, day(asked), optional_day(received), quote])?;
            Ok(id)
        }
        None => {
            tx.prepare_cached("INSERT INTO testimonial (client_id, asked_on, received_on, quote) VALUES (?1, ?2, ?3, ?4)")?.execute(params![client_id, day(asked), optional_day(received), quote])?;
            Ok(tx.last_insert_rowid())
        }
    }
}

pub(crate) fn upsert_opportunity(tx: &Transaction<'_>, client_id: i64, id: Option<i64>, f: &OpportunityFields, now: &str) -> Result<i64> {
    let (opened, closed) = (day(f.opened_on), optional_day(f.closed_on));
    if let Some(id) = id {
        tx.prepare_cached("UPDATE opportunity SET kind = ?2, title = ?3, value_cents = ?4, stage = ?5, opened_on = ?6, closed_on = ?7, show_client = ?8 WHERE id = ?1")?
            .execute(params![id, f.kind.as_str(), f.title, f.value_cents, f.stage.as_str(), opened, closed, f.show_client])?;
        return Ok(id);
    }
    tx.prepare_cached(
        "INSERT INTO opportunity (client_id, kind, title, value_cents, stage, opened_on, closed_on, show_client, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![client_id, f.kind.as_str(), f.title, f.value_cents, f.stage.as_str(), opened, closed, f.show_client, now])?;
    Ok(tx.last_insert_rowid())
}

/// Sets the hours of a client's month, replacing what was recorded; returns the row's id.
pub(crate) fn upsert_hours(tx: &Transaction<'_>, client_id: i64, month: Month, hundredths: i64) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO hours_used (client_id, month, hundredths) VALUES (?1, ?2, ?3)
         ON CONFLICT (client_id, month) DO UPDATE SET hundredths = excluded.hundredths",
    )?
    .execute(params![client_id, month.key(), hundredths])?;
    Ok(tx.prepare_cached("SELECT id FROM hours_used WHERE client_id = ?1 AND month = ?2")?.query_row(params![client_id, month.key()], |r| r.get(0))?)
}
