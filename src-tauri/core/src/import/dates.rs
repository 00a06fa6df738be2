//! How a file's dates are read, and the rules of a mapping, in the words the preview shows.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::columns::ImportKind;
use super::fields;
use super::mapping::Mapping;
use super::table::Table;
use super::values::{self, OrderEvidence};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// 01/02/2026 is 1 February.
    DayFirst,
    /// 01/02/2026 is January 2.
    MonthFirst,
}

impl DateOrder {
    /// The order a display locale writes dates in (en-US writes the month first).
    pub fn of_locale(tag: &str) -> DateOrder {
        let tag = tag.replace('_', "-").to_lowercase();
        if tag.starts_with("en-us") {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        }
    }

    fn words(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "day first",
            DateOrder::MonthFirst => "month first",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct DatesRead {
    pub order: DateOrder,
    /// True when the file's dates could be read either way and nobody chose: the dialog asks.
    pub ambiguous: bool,
    /// What was read and why, e.g. "Dates are read day first, as 31/10/2026 in the file shows."
    pub note: String,
}

/// Reads the order from the owner's choice, else the file's dates, else the app's format.
pub fn read_order(table: &Table, mapping: &Mapping, chosen: Option<DateOrder>, usual: DateOrder) -> DatesRead {
    let mut evidence = OrderEvidence::default();
    for field in fields::date_fields(mapping.kind) {
        if let Some(i) = mapping.column_of(field) {
            for (_, row) in &table.rows {
                evidence.add(row.get(i).map_or("", String::as_str));
            }
        }
    }
    let shown = |text: &str, order: DateOrder| {
        let iso = values::date(text, order == DateOrder::DayFirst);
        chrono::NaiveDate::parse_from_str(&iso, "%Y-%m-%d").map_or(text.to_owned(), |d| format!("{text} is {}", d.format("%-d %B %Y")))
    };
    if let Some(order) = chosen {
        let example = evidence.either.as_deref().map(|e| format!(" ({})", shown(e, order))).unwrap_or_default();
        return DatesRead { order, ambiguous: false, note: format!("Dates are read {}, as you chose{example}.", order.words()) };
    }
    match (&evidence.day_first, &evidence.month_first, &evidence.either) {
        (Some(d), Some(m), _) => DatesRead {
            order: usual,
            ambiguous: true,
            note: format!("This file has dates written both ways ({d} and {m}); they are read {}, and the rows that cannot be read so are listed.", usual.words()),
        },
        (Some(d), None, _) => DatesRead { order: DateOrder::DayFirst, ambiguous: false, note: format!("Dates are read day first, as {d} in the file shows.") },
        (None, Some(m), _) => DatesRead { order: DateOrder::MonthFirst, ambiguous: false, note: format!("Dates are read month first, as {m} in the file shows.") },
        (None, None, Some(e)) => DatesRead {
            order: usual,
            ambiguous: true,
            note: format!("Dates like {e} could be read either way: they are read {}, as your date format is ({}). Say if they are the other way round.", usual.words(), shown(e, usual)),
        },
        (None, None, None) => DatesRead { order: usual, ambiguous: false, note: "Every date in the file reads only one way.".into() },
    }
}

/// The rules a mapping reads values by, for the preview.
pub fn rules(mapping: &Mapping, headers: &[String]) -> Vec<String> {
    let header = |field: &str| mapping.column_of(field).and_then(|i| headers.get(i)).map(|h| h.trim().trim_start_matches('*').to_owned());
    let mut out = Vec::new();
    match mapping.kind {
        ImportKind::Invoices => {
            if let Some(h) = header("amount") {
                let note = mapping.source.amount_note().map(|n| format!(" {n}")).unwrap_or_default();
                out.push(format!("Amounts are read from “{h}”.{note}"));
            }
            if let Some(h) = header("status") {
                out.push(format!("“{h}”: paid is paid (on the payment date), void or deleted is cancelled, drafts are left out, any other status is awaiting payment."));
            }
            if let Some(h) = header("amount_due") {
                out.push(format!("An invoice with “{h}” above 0 is not paid yet."));
            }
            if let Some(h) = header("tax") {
                let more = header("tax_2").map(|t| format!(" and “{t}”")).unwrap_or_default();
                out.push(format!("“{h}”{more} is taken off each amount, so amounts are before tax."));
            }
            if let Some(h) = header("currency") {
                out.push(format!("An invoice whose “{h}” is not the studio's currency is refused."));
            }
            if let Some(h) = header("type") {
                out.push(format!("Only invoices are read: other kinds in “{h}” (credit notes, estimates, receipts) are left out."));
            }
            if mapping.paid_on_due_date {
                out.push("Paid invoices without a payment date count as paid on their due date (today, if that is still ahead).".into());
            }
            if mapping.source == super::sources::Source::Quickbooks {
                out.push("An invoice whose memo says Voided is cancelled.".into());
            }
            if header("description").is_none() {
                out.push("The file has no line descriptions: each invoice is described by its number.".into());
            }
        }
        ImportKind::Hours => {
            if let Some(h) = header("hours") {
                out.push(format!("Time entries are added up per client and month; “{h}” like 1:30 or 1.5 is an hour and a half. Entries without a client, or filed under the studio's own name, are left out; each month's total replaces the hours recorded for it."));
            }
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::mapping::guess;
    use crate::import::sources::Source;

    fn order(text: &str, chosen: Option<DateOrder>, usual: DateOrder) -> DatesRead {
        let t = crate::import::table::read("t.csv", text.as_bytes()).unwrap();
        let m = guess(ImportKind::Hours, Source::Clientwell, &t.headers, &[]);
        read_order(&t, &m, chosen, usual)
    }

    #[test]
    fn a_day_above_twelve_decides_else_the_app_format_and_the_file_is_called_ambiguous() {
        let us = "client,month,hours\nA,11/30/2026,1\nA,11/01/2026,1\n";
        let read = order(us, None, DateOrder::DayFirst);
        assert_eq!((read.order, read.ambiguous), (DateOrder::MonthFirst, false));
        assert!(read.note.contains("11/30/2026"), "{}", read.note);
        let unsure = order("client,month,hours\nA,11/01/2026,1\n", None, DateOrder::DayFirst);
        assert_eq!((unsure.order, unsure.ambiguous), (DateOrder::DayFirst, true));
        assert!(unsure.note.contains("11/01/2026 is 11 January 2026"), "{}", unsure.note);
        let chosen = order("client,month,hours\nA,11/01/2026,1\n", Some(DateOrder::MonthFirst), DateOrder::DayFirst);
        assert_eq!((chosen.order, chosen.ambiguous), (DateOrder::MonthFirst, false));
        assert!(chosen.note.contains("1 November 2026"), "{}", chosen.note);
    }

    #[test]
    fn the_app_format_follows_the_locale() {
        assert_eq!(DateOrder::of_locale("en-US"), DateOrder::MonthFirst);
        assert_eq!(DateOrder::of_locale("en_US.UTF-8"), DateOrder::MonthFirst);
        assert_eq!(DateOrder::of_locale("en-GB"), DateOrder::DayFirst);
        assert_eq!(DateOrder::of_locale("de-DE"), DateOrder::DayFirst);
    }
}
