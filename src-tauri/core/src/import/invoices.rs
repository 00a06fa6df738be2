//! Invoice import: one row per invoice line, rows sharing a number make one invoice.

use rusqlite::types::Value;

use super::rows::{Cells, Ctx, Outcome};
use super::values::{date, yes_no};
use super::RowError;
use crate::book::check::Check;
use crate::book::invoice::{InvoiceInput, InvoiceLineInput};
use crate::error::{Error, Result};
use crate::store::invoices;

/// The columns every line of one invoice must agree on.
const HEADER: [&str; 6] = ["client", "issued_on", "due_on", "paid_on", "void", "number"];

pub struct Group<'a> {
    pub number: String,
    pub rows: Vec<(usize, Cells<'a>)>,
}

/// Groups rows by invoice number, keeping the order of first appearance.
pub fn group<'a>(rows: Vec<(usize, Cells<'a>)>) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    // Numbers match case-insensitively; a map keeps 10,000 rows from being compared pairwise.
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (row, cells) in rows {
        let number = cells.get("number");
        match at.get(&number.to_ascii_lowercase()) {
            Some(&i) => groups[i].rows.push((row, cells)),
            None => {
                at.insert(number.to_ascii_lowercase(), groups.len());
                groups.push(Group { number, rows: vec![(row, cells)] });
            }
        }
    }
    groups
}

fn at(row: usize, e: Error) -> RowError {
    RowError::from_error(row, e)
}

pub fn apply(cx: &mut Ctx<'_>, group: &Group<'_>) -> std::result::Result<(usize, Outcome, String), Vec<RowError>> {
    let (first_row, first) = &group.rows[0];
    let mut errors = Vec::new();
    for (row, cells) in &group.rows[1..] {
        for column in HEADER {
            if !cells.get(column).eq_ignore_ascii_case(&first.get(column)) {
                errors.push(RowError {
                    row: *row,
                    column: Some(column.to_owned()),
                    message: format!("Invoice {} has a different {column} on row {first_row}; all lines of one invoice must agree.", group.number),
                });
            }
        }
    }
    // Every problem of every line is reported, each on its own row.
    let found = super::rows::client_for(cx, first).map_err(|e| errors.push(at(*first_row, e))).ok();
    // What the owner tied each stored line to in the app (a KPI, a deliverable): an accounting
    // tool's file knows nothing of it, so a re-import keeps it, line by line.
    let kept = stored_links(cx, &group.number).map_err(|e| vec![at(*first_row, e)])?;
    let file_has_kpis = first.index.contains_key("kpi");
    let mut lines = Vec::new();
    for (i, (row, cells)) in group.rows.iter().enumerate() {
        let (kept_kpi, kept_deliverable) = kept.get(i).copied().unwrap_or((None, None));
        let kpi = cells.get("kpi");
        let kpi_id = match &found {
            Some((client_id, client)) if !kpi.is_empty() => super::rows::kpi_for(cx, *client_id, client, &kpi).map_err(|e| errors.push(at(*row, e))).ok(),
            _ if !file_has_kpis => kept_kpi,
            _ => None,
        };
        lines.push(InvoiceLineInput { description: cells.get("description"), amount: cells.get("amount"), kpi_id, deliverable_id: kept_deliverable });
    }
    let void = yes_no("void", &first.get("void"), false).map_err(|e| errors.push(at(*first_row, e))).unwrap_or(false);
    let input = InvoiceInput {
        number: group.number.clone(),
        issued_on: date(&first.get("issued_on"), cx.day_first),
        due_on: date(&first.get("due_on"), cx.day_first),
        paid_on: date(&first.get("paid_on"), cx.day_first),
        void,
        lines,
    };
    let mut check = Check::default();
    let f = input.fields(cx.minor_digits, &mut check);
    if let Err(found) = check.done(()) {
        for e in found {
            // "lines.2.amount" points at the third row of this invoice.
            let line = e.field.as_deref().and_then(|f| f.strip_prefix("lines.")).and_then(|rest| rest.split('.').next()?.parse::<usize>().ok());
            let row = line.and_then(|i| group.rows.get(i)).map_or(*first_row, |(r, _)| *r);
            errors.push(at(row, e));
        }
    }
    let Some((client_id, client)) = found.filter(|_| errors.is_empty()) else {
        errors.sort_by_key(|e| e.row);
        return Err(errors);
    };
    let existing = existing(cx, &f.number).map_err(|e| vec![at(*first_row, e)])?;
    if let Some((_, owner, _)) = &existing {
        if *owner != client_id {
            return Err(vec![at(*first_row, Error::validation("number", format!("Invoice {} belongs to another client, not {client}.", f.number)))]);
        }
    }
    let new: Vec<Value> = vec![
        Value::Text(f.issued_on.to_string()),
        Value::Text(f.due_on.to_string()),
        f.paid_on.map_or(Value::Null, |d| Value::Text(d.to_string())),
        Value::Integer(i64::from(f.void)),
    ]
    .into_iter()
    .chain(f.lines.iter().flat_map(|l| [Value::Text(l.description.clone()), Value::Integer(l.amount_cents), l.kpi_id.map_or(Value::Null, Value::Integer)]))
    .collect();
    let outcome = match &existing {
        None => Outcome::Created,
        Some((_, _, old)) if *old == new => Outcome::Unchanged,
        Some(_) => Outcome::Updated,
    };
    if outcome != Outcome::Unchanged {
        invoices::upsert(cx.tx, client_id, existing.map(|e| e.0), &f, cx.now).map_err(|e| vec![at(*first_row, e)])?;
    }
    Ok((*first_row, outcome, format!("{client}: invoice {} ({} line{})", f.number, f.lines.len(), if f.lines.len() == 1 { "" } else { "s" })))
}

/// The KPI and deliverable of each stored line of the invoice with this number, in order.
fn stored_links(cx: &Ctx<'_>, number: &str) -> Result<Vec<(Option<i64>, Option<i64>)>> {
    let mut stmt = cx.tx.prepare_cached(
        "SELECT l.kpi_id, l.deliverable_id FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE i.number = ?1 COLLATE NOCASE ORDER BY l.position",
    )?;
    let rows = stmt.query_map([number.trim()], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The stored invoice with this number: id, client, and its compared values.
fn existing(cx: &Ctx<'_>, number: &str) -> Result<Option<(i64, i64, Vec<Value>)>> {
    use rusqlite::OptionalExtension;
    let head = cx
        .tx
        .prepare_cached("SELECT id, client_id, issued_on, due_on, paid_on, void FROM invoice WHERE number = ?1 COLLATE NOCASE")?
        .query_row([number], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, vec![r.get::<_, Value>(2)?, r.get(3)?, r.get(4)?, r.get(5)?])))
        .optional()?;
    let Some((id, client, mut values)) = head else { return Ok(None) };
    let mut stmt = cx.tx.prepare_cached("SELECT description, amount_cents, kpi_id FROM invoice_line WHERE invoice_id = ?1 ORDER BY position")?;
    let lines = stmt.query_map([id], |r| Ok([r.get::<_, Value>(0)?, r.get(1)?, r.get(2)?]))?;
    for line in lines {
        values.extend(line?);
    }
    Ok(Some((id, client, values)))
}
