//! From a file as it came to rows in Clientwell's own columns: title, note and total lines left
//! out, each column read as the mapping says, and the rules a tool's export needs applied (an
//! invoice's status, time entries added up per client and month). Rows keep the numbers the
//! spreadsheet shows, so every error still points at the owner's file.

use std::collections::HashMap;

use serde::Serialize;
use specta::Type;

use super::columns::ImportKind;
use super::fields;
use super::mapping::Mapping;
use super::sources::Source;
use super::table::Table;
use super::values;
use super::RowError;
use crate::book::{money, text::name_key};

/// Rows of one reason left out, counted, with the first few row numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Skipped {
    pub reason: String,
    pub count: u32,
    pub rows: Vec<u32>,
}

pub struct Prepared {
    /// Field names, then a column Clientwell adds ("entries": how many time entries a row sums).
    pub headers: Vec<&'static str>,
    pub rows: Vec<(usize, Vec<String>)>,
    pub skipped: Vec<Skipped>,
    pub errors: Vec<RowError>,
}

const LISTED_SKIPPED_ROWS: usize = 20;

/// What the rules need to know about the book.
pub struct Studio<'a> {
    /// The studio's name: a time tracker that needs a client on every project files the
    /// studio's own time under it.
    pub name: &'a str,
    /// Its currency: an invoice in another one is refused, never read as if it were this one.
    pub currency: &'a str,
    pub minor_digits: u8,
    pub today: chrono::NaiveDate,
    pub day_first: bool,
}

/// Counts one more row left out for `reason`, keeping the first few row numbers.
pub(super) fn skip(skipped: &mut Vec<Skipped>, reason: &str, row: usize) {
    let entry = match skipped.iter_mut().position(|s| s.reason == reason) {
        Some(i) => &mut skipped[i],
        None => {
            skipped.push(Skipped { reason: reason.to_owned(), count: 0, rows: Vec::new() });
            skipped.last_mut().expect("just pushed")
        }
    };
    entry.count += 1;
    if entry.rows.len() < LISTED_SKIPPED_ROWS {
        entry.rows.push(u32::try_from(row).unwrap_or(u32::MAX));
    }
}

/// A line a report prints around its table: "# GA4 export", "Invoice List", "TOTAL", a date.
/// A "Total…" line counts only when its key cell (`key`: the invoice number, the month) is
/// empty, so a client called "Total Fitness" is a client.
fn is_note_line(source: Source, values: &[String], key: Option<usize>) -> bool {
    let filled: Vec<&String> = values.iter().filter(|v| !v.trim().is_empty()).collect();
    let first = filled.first().map(|v| v.trim().to_lowercase()).unwrap_or_default();
    let keyless = key.is_none_or(|k| values.get(k).is_none_or(|v| v.trim().is_empty()));
    first.starts_with('#') || (source != Source::Clientwell && (filled.len() <= 1 || (keyless && (first == "total" || first.starts_with("total ")))))
}

pub fn prepare(table: &Table, mapping: &Mapping, studio: &Studio<'_>) -> Prepared {
    let mut out = Prepared { headers: Vec::new(), rows: Vec::new(), skipped: Vec::new(), errors: Vec::new() };
    let all = fields::fields(mapping.kind);
    let columns: Vec<(&'static str, usize)> = mapping
        .fields
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.as_deref().and_then(|f| all.iter().find(|c| c.name == f)).map(|c| (c.name, i)))
        .collect();
    out.headers = columns.iter().map(|(f, _)| *f).collect();
    let key = mapping.column_of(match mapping.kind {
        ImportKind::Invoices => "number",
        ImportKind::Hours => "month",
        _ => "client",
    });
    for (row, values) in &table.rows {
        if is_note_line(mapping.source, values, key) {
            skip(&mut out.skipped, "Title, note or total lines of the report", *row);
            continue;
        }
        if let Some(e) = super::misaligned(&table.headers, *row, values) {
            out.errors.push(e);
            continue;
        }
        out.rows.push((*row, columns.iter().map(|(_, i)| values.get(*i).cloned().unwrap_or_default()).collect()));
    }
    match mapping.kind {
        ImportKind::Invoices => invoice_rules(&mut out, mapping, studio),
        ImportKind::Hours => add_up_time(&mut out, studio.day_first, studio.name),
        _ => {}
    }
    out
}

/// The index of `field` in the prepared rows, adding the column (empty) when the file has none.
fn column(out: &mut Prepared, field: &'static str) -> usize {
    if let Some(i) = out.headers.iter().position(|h| *h == field) {
        return i;
    }
    out.headers.push(field);
    for (_, cells) in &mut out.rows {
        cells.push(String::new());
    }
    out.headers.len() - 1
}

fn remove(out: &mut Prepared, field: &str) -> Option<Vec<String>> {
    let i = out.headers.iter().position(|h| *h == field)?;
    out.headers.remove(i);
    Some(out.rows.iter_mut().map(|(_, cells)| cells.remove(i)).collect())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Paid,
    Void,
    Draft,
    Open,
}

fn state_of(status: &str) -> Option<State> {
    Some(match status.trim().to_lowercase().as_str() {
        "paid" | "fully paid" | "closed" | "deposited" | "auto-paid" | "auto paid" | "autopaid" => State::Paid,
        "void" | "voided" | "deleted" | "cancelled" | "canceled" | "written off" | "uncollectible" => State::Void,
        "draft" | "drafts" | "awaiting approval" => State::Draft,
        "open" | "authorised" | "authorized" | "awaiting payment" | "submitted" | "sent" | "overdue" | "partial" | "partially paid" | "viewed" | "outstanding" | "due"
        | "unpaid" | "pending" | "disputed" | "retry" | "failed" => State::Open,
        _ => return None,
    })
}

/// What a status and the amount still due say about each invoice row: drafts are left out, a
/// void status marks it cancelled, and an invoice with anything still owed is unpaid (its paid
/// date, if the tool gave one for a part payment, is not a payment of the whole).
fn invoice_rules(out: &mut Prepared, mapping: &Mapping, studio: &Studio<'_>) {
    let status = remove(out, "status");
    let due = remove(out, "amount_due");
    let document = remove(out, "type");
    let currency = remove(out, "currency");
    let taxes = [remove(out, "tax"), remove(out, "tax_2")];
    let amount = column(out, "amount");
    let described = out.headers.contains(&"description");
    let paid_on = column(out, "paid_on");
    let void = column(out, "void");
    let number = column(out, "number");
    let description = column(out, "description");
    let due_on = column(out, "due_on");
    let mut keep = Vec::with_capacity(out.rows.len());
    for (i, (row, mut cells)) in std::mem::take(&mut out.rows).into_iter().enumerate() {
        if document.as_ref().is_some_and(|d| !d[i].trim().is_empty() && !d[i].to_lowercase().contains("invoice")) {
            skip(&mut out.skipped, "Credit notes, estimates, receipts and other documents that are not invoices", row);
            continue;
        }
        if let Some(code) = currency.as_ref().map(|c| c[i].trim().to_uppercase()).filter(|c| !c.is_empty()) {
            // "EUR", "eur", "Euro - EUR": the code is the last three letters.
            let code: String = code.chars().rev().take_while(|c| c.is_ascii_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
            if code != studio.currency {
                out.errors.push(RowError {
                    row,
                    column: Some("currency".into()),
                    message: format!("This invoice is in {code}, the studio's currency is {}: Clientwell keeps one currency, so it is not read as {} (leave it out of the file).", studio.currency, studio.currency),
                });
                continue;
            }
        }
        // Amounts before tax: a tool that gives the total and its tax gives the difference.
        if taxes.iter().any(Option::is_some) {
            let read = |field: &str, text: &str| money::parse_money(field, "The amount", text, studio.minor_digits).map_err(|e| RowError { row, column: Some(field.into()), message: e.message });
            let net = read("amount", &cells[amount]).and_then(|gross| {
                taxes.iter().zip(["tax", "tax_2"]).try_fold(gross, |net, (tax, field)| match tax.as_ref().map(|t| t[i].trim()).filter(|t| !t.is_empty()) {
                    None => Ok(net),
                    Some(t) => Ok(net - read(field, t)?),
                })
            });
            match net {
                Ok(net) => cells[amount] = money::plain(net, studio.minor_digits),
                Err(e) => {
                    out.errors.push(e);
                    continue;
                }
            }
        }
        if !described {
            cells[description] = format!("Invoice {}", cells[number].trim());
        }
        // QuickBooks lists a voided invoice with its amount set to 0 and "Voided" as its memo.
        let voided_memo = mapping.source == Source::Quickbooks && cells[description].trim().eq_ignore_ascii_case("voided");
        // A blank status says nothing: the file's payment date (or its absence) stands.
        let said = status.as_ref().map(|s| s[i].clone()).filter(|s| !s.trim().is_empty());
        let state = match said.as_deref().map(|s| (s, state_of(s))) {
            None => None,
            Some((_, Some(state))) => Some(state),
            Some((text, None)) => {
                out.errors.push(RowError {
                    row,
                    column: Some("status".into()),
                    message: format!("The status '{}' is not one Clientwell reads: paid, void (or deleted), draft, or open (awaiting payment, sent, overdue…).", text.trim()),
                });
                continue;
            }
        };
        if state == Some(State::Draft) {
            skip(&mut out.skipped, "Draft invoices (not sent to the client yet)", row);
            continue;
        }
        // Read with four decimals: only "is anything owed" matters here, not the currency's digits.
        let owed = match due.as_ref().map(|d| d[i].trim().to_owned()).filter(|d| !d.is_empty()) {
            None => None,
            Some(text) => match money::parse_money("amount_due", "The amount due", &text, 4) {
                Ok(units) => Some(units > 0),
                Err(e) => {
                    out.errors.push(RowError { row, column: Some("amount_due".into()), message: e.message });
                    continue;
                }
            },
        };
        let state = if voided_memo { Some(State::Void) } else { state };
        match state {
            Some(State::Void) => cells[void] = "yes".into(),
            Some(State::Paid) if owed == Some(true) => {
                out.errors.push(RowError { row, column: Some("amount_due".into()), message: "The status says paid but an amount is still due; check the invoice in your accounting tool.".into() });
                continue;
            }
            Some(State::Open) => cells[paid_on].clear(),
            _ => {}
        }
        if owed == Some(true) {
            cells[paid_on].clear();
        }
        let settled = state == Some(State::Paid) || (owed == Some(false) && state != Some(State::Void) && state != Some(State::Open));
        if settled && cells[paid_on].trim().is_empty() {
            let due = chrono::NaiveDate::parse_from_str(&values::date(&cells[due_on], studio.day_first), "%Y-%m-%d").ok();
            if let (true, Some(due)) = (mapping.paid_on_due_date, due) {
                // Never a payment in the future: paid before its due date, it was paid by today.
                cells[paid_on] = due.min(studio.today).format("%Y-%m-%d").to_string();
            } else {
                out.errors.push(RowError {
                    row,
                    column: Some("paid_on".into()),
                    message: "This invoice is paid but the file gives no payment date: choose the column that holds it, or count paid invoices as paid on their due date.".into(),
                });
                continue;
            }
        }
        keep.push((row, cells));
    }
    if mapping.source != Source::Clientwell {
        refuse_repeated_invoices(out, &keep, number);
    }
    out.rows = keep;
}

/// A tool lists an invoice's lines together; a number that comes back after other invoices is
/// the export pasted twice (its lines would count twice), so the row is refused.
fn refuse_repeated_invoices(out: &mut Prepared, rows: &[(usize, Vec<String>)], number: usize) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut previous: Option<String> = None;
    for (row, cells) in rows {
        let key = cells[number].trim().to_lowercase();
        if previous.as_deref() != Some(key.as_str()) {
            if let Some(first) = seen.get(&key) {
                out.errors.push(RowError {
                    row: *row,
                    column: Some("number".into()),
                    message: format!("Invoice {} comes again here after other invoices (first on row {first}): is the export in the file twice? Its lines would count twice.", cells[number].trim()),
                });
            } else {
                seen.insert(key.clone(), *row);
            }
        }
        previous = Some(key);
    }
}

/// Seconds in "1:30", "01:30:00" or a decimal number of hours ("1.5", "1,5").
fn seconds(text: &str) -> Option<i64> {
    let text = text.trim();
    if text.contains(':') {
        let parts: Vec<i64> = text.split(':').map(|p| p.trim().parse::<i64>().ok().filter(|n| *n >= 0)).collect::<Option<_>>()?;
        return match parts.as_slice() {
            [h, m] if *h < 1_000_000 && *m < 60 => Some(h * 3600 + m * 60),
            [h, m, s] if *h < 1_000_000 && *m < 60 && *s < 60 => Some(h * 3600 + m * 60 + s),
            _ => None,
        };
    }
    let hours = money::parse_number("hours", "Hours", text).ok().filter(|h| *h >= 0.0 && *h < 1e6)?;
    Some((hours * 3600.0).round() as i64)
}

/// A time report lists entries; Clientwell keeps hours per client and month, so entries are
/// added up (in seconds, rounded to hundredths of an hour once, at the end). Entries with no
/// client are the studio's own time and are left out.
fn add_up_time(out: &mut Prepared, day_first: bool, studio: &str) {
    let studio = name_key(studio);
    let (Some(client), Some(month), Some(hours)) = (out.headers.iter().position(|h| *h == "client"), out.headers.iter().position(|h| *h == "month"), out.headers.iter().position(|h| *h == "hours")) else {
        return;
    };
    let mut groups: Vec<(usize, Vec<String>, i64, u32)> = Vec::new();
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    for (row, cells) in std::mem::take(&mut out.rows) {
        if cells[client].trim().is_empty() || (!studio.is_empty() && name_key(&cells[client]) == studio) {
            skip(&mut out.skipped, "Time with no client (the studio's own work)", row);
            continue;
        }
        let Some(secs) = seconds(&cells[hours]) else {
            out.errors.push(RowError { row, column: Some("hours".into()), message: format!("'{}' is not a number of hours, like 1.5 or 1:30.", cells[hours].trim()) });
            continue;
        };
        let read = values::month(&cells[month], day_first);
        let key_month: String = match read.get(..7) {
            Some(m) if read.len() == 7 || read.len() == 10 => m.to_owned(),
            // Unreadable: kept on its own so the month check names this row.
            _ => format!("{row}:{read}"),
        };
        let key = (name_key(&cells[client]), key_month.clone());
        match at.get(&key) {
            Some(&i) => {
                groups[i].2 += secs;
                groups[i].3 += 1;
            }
            None => {
                at.insert(key, groups.len());
                let mut first = cells.clone();
                if read.len() == 7 || read.len() == 10 {
                    first[month] = key_month;
                }
                groups.push((row, first, secs, 1));
            }
        }
    }
    let entries = column(out, "entries");
    out.rows = groups
        .into_iter()
        .map(|(row, mut cells, secs, count)| {
            // Hundredths of an hour, rounded half up: 36 seconds each.
            cells[hours] = money::plain((secs + 18) / 36, 2);
            if cells.len() <= entries {
                cells.resize(entries + 1, String::new());
            }
            cells[entries] = count.to_string();
            (row, cells)
        })
        .collect();
}

#[cfg(test)]
#[path = "prepare_tests.rs"]
mod tests;
