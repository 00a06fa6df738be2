//! The `invoice` and `invoice_line` tables. Lines are replaced as a whole on every save.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::activity::prepare;
use super::records::require_owned;
use super::{date_at, day, now_stamp, optional_date_at, optional_day, Store};
use crate::book::invoice::{Invoice, InvoiceFields, InvoiceInput, InvoiceLine};
use crate::error::{Error, Result};

const COLUMNS: &str = "id, client_id, number, issued_on, due_on, paid_on, void";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Invoice> {
    Ok(Invoice {
        id: r.get(0)?,
        client_id: r.get(1)?,
        number: r.get(2)?,
        issued_on: date_at(r, 3)?,
        due_on: date_at(r, 4)?,
        paid_on: optional_date_at(r, 5)?,
        void: r.get(6)?,
        lines: Vec::new(),
    })
}

impl Store {
    /// A client's invoices with their lines, newest first.
    pub fn invoices(&self, client_id: i64) -> Result<Vec<Invoice>> {
        let mut stmt = self
            .read()
            .prepare_cached(&format!("SELECT {COLUMNS} FROM invoice WHERE client_id = ?1 ORDER BY issued_on DESC, id DESC"))?;
        let mut invoices: Vec<Invoice> = stmt.query_map([client_id], from_row)?.collect::<rusqlite::Result<_>>()?;
        let mut lines = self.read().prepare_cached(
            "SELECT l.invoice_id, l.description, l.amount_cents, l.kpi_id, l.deliverable_id FROM invoice_line l
             JOIN invoice i ON i.id = l.invoice_id WHERE i.client_id = ?1 ORDER BY l.invoice_id, l.position",
        )?;
        let index: HashMap<i64, usize> = invoices.iter().enumerate().map(|(i, inv)| (inv.id, i)).collect();
        let rows = lines.query_map([client_id], |r| {
            Ok((r.get::<_, i64>(0)?, InvoiceLine { description: r.get(1)?, amount_cents: r.get(2)?, kpi_id: r.get(3)?, deliverable_id: r.get(4)? }))
        })?;
        for row in rows {
            let (invoice_id, line) = row?;
            if let Some(&i) = index.get(&invoice_id) {
                invoices[i].lines.push(line);
            }
        }
        Ok(invoices)
    }

    pub fn save_invoice(&mut self, client_id: i64, id: Option<i64>, input: &InvoiceInput) -> Result<Invoice> {
        let fields = input.validate(self.minor_digits()?)?;
        let now = now_stamp();
        let id = self.write(|tx| {
            prepare(tx, "invoice", "invoice", client_id, id)?;
            upsert(tx, client_id, id, &fields, &now)
        })?;
        self.invoices(client_id)?
            .into_iter()
            .find(|i| i.id == id)
            .ok_or_else(|| Error::internal("The saved invoice could not be read back."))
    }
}

pub(crate) fn upsert(tx: &Transaction<'_>, client_id: i64, id: Option<i64>, f: &InvoiceFields, now: &str) -> Result<i64> {
    let clash: Option<String> = tx
        .prepare_cached("SELECT number FROM invoice WHERE number = ?1 COLLATE NOCASE AND id IS NOT ?2")?
        .query_row(params![f.number, id], |r| r.get(0))
        .optional()?;
    if let Some(existing) = clash {
        return Err(Error::conflict(Some("number"), format!("Invoice number {existing} is already used; each invoice needs its own number.")));
    }
    for (i, line) in f.lines.iter().enumerate() {
        if let Some(kpi) = line.kpi_id {
            require_owned(tx, "kpi", "KPI", kpi, client_id, Some(&format!("lines.{i}.kpi_id")))?;
        }
        if let Some(deliverable) = line.deliverable_id {
            require_owned(tx, "deliverable", "deliverable", deliverable, client_id, Some(&format!("lines.{i}.deliverable_id")))?;
        }
    }
    let (issued, due, paid) = (day(f.issued_on), day(f.due_on), optional_day(f.paid_on));
    let id = match id {
        Some(id) => {
            tx.prepare_cached("UPDATE invoice SET number = ?2, issued_on = ?3, due_on = ?4, paid_on = ?5, void = ?6, updated_at = ?7 WHERE id = ?1")?
                .execute(params![id, f.number, issued, due, paid, f.void, now])?;
            tx.prepare_cached("DELETE FROM invoice_line WHERE invoice_id = ?1")?.execute([id])?;
            id
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO invoice (client_id, number, issued_on, due_on, paid_on, void, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            )?
            .execute(params![client_id, f.number, issued, due, paid, f.void, now])?;
            tx.last_insert_rowid()
        }
    };
    let mut insert = tx.prepare_cached(
        "INSERT INTO invoice_line (invoice_id, position, description, amount_cents, kpi_id, deliverable_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (position, line) in f.lines.iter().enumerate() {
        insert.execute(params![id, position as i64, line.description, line.amount_cents, line.kpi_id, line.deliverable_id])?;
    }
    Ok(id)
}
