//! Invoices and their lines. Each line may say what it bought (a KPI or a deliverable), so the
//! client's finance team sees what each amount was for. Status and lateness are derived from the
//! dates as of a day, never stored.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::check::Check;
use super::{money, text};
use crate::error::{Error, Result};

pub const MAX_LINES: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct InvoiceLine {
    pub description: String,
    pub amount_cents: i64,
    pub kpi_id: Option<i64>,
    pub deliverable_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Invoice {
    pub id: i64,
    pub client_id: i64,
    pub number: String,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    pub paid_on: Option<NaiveDate>,
    /// Cancelled: kept for the record, counted nowhere.
    pub void: bool,
    pub lines: Vec<InvoiceLine>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    Open,
    Overdue,
    Paid,
    Void,
}

impl Invoice {
    pub fn total_cents(&self) -> i64 {
        super::money::sum_cents(self.lines.iter().map(|l| l.amount_cents))
    }

    /// Status on `day`: paid once a payment date on or before it is recorded.
    pub fn status_on(&self, day: NaiveDate) -> InvoiceStatus {
        if self.void {
            InvoiceStatus::Void
        } else if self.paid_on.is_some_and(|paid| paid <= day) {
            InvoiceStatus::Paid
        } else if day > self.due_on {
            InvoiceStatus::Overdue
        } else {
            InvoiceStatus::Open
        }
    }

    /// Days past due on `day` for an unpaid invoice (0 when not overdue).
    pub fn days_overdue_on(&self, day: NaiveDate) -> i64 {
        match self.status_on(day) {
            InvoiceStatus::Overdue => (day - self.due_on).num_days(),
            _ => 0,
        }
    }

    /// Days paid after the due date (negative or zero when on time); None while unpaid.
    pub fn days_late(&self) -> Option<i64> {
        self.paid_on.map(|paid| (paid - self.due_on).num_days())
    }
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct InvoiceLineInput {
    pub description: String,
    pub amount: String,
    pub kpi_id: Option<i64>,
    pub deliverable_id: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct InvoiceInput {
    pub number: String,
    pub issued_on: String,
    pub due_on: String,
    pub paid_on: String,
    pub void: bool,
    pub lines: Vec<InvoiceLineInput>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceFields {
    pub number: String,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    pub paid_on: Option<NaiveDate>,
    pub void: bool,
    pub lines: Vec<InvoiceLine>,
}

impl InvoiceInput {
    pub fn validate(&self, minor_digits: u8) -> Result<InvoiceFields> {
        let mut c = Check::default();
        let fields = self.fields(minor_digits, &mut c);
        c.first(fields)
    }

    /// The fields with every one checked into `c`, every line included (stand-ins where a field
    /// failed).
    pub fn fields(&self, minor_digits: u8, c: &mut Check) -> InvoiceFields {
        let number = c.field(text::text("number", "Invoice number", &self.number, 1, 40));
        let issued_on = c.field(text::date("issued_on", "Issue date", &self.issued_on));
        let due_on = c.field(text::date("due_on", "Due date", &self.due_on));
        c.rule(|| text::not_before("due_on", "The due date is before the issue date.", issued_on, Some(due_on)));
        let paid_on = c.field(text::optional_date("paid_on", "Paid on", &self.paid_on));
        c.rule(|| text::not_before("paid_on", "The payment date is before the issue date.", issued_on, paid_on));
        if self.lines.is_empty() {
            c.field::<()>(Err(Error::validation("lines", "An invoice needs at least one line.")));
        }
        if self.lines.len() > MAX_LINES {
            c.field::<()>(Err(Error::validation("lines", format!("An invoice can have at most {MAX_LINES} lines."))));
        }
        let lines = self
            .lines
            .iter()
            .take(MAX_LINES)
            .enumerate()
            .map(|(i, line)| {
                let n = i + 1;
                let description = c.field(text::text(&format!("lines.{i}.description"), &format!("Line {n} description"), &line.description, 1, 300));
                let amount_cents = c.field(money::parse_money(&format!("lines.{i}.amount"), &format!("Line {n} amount"), &line.amount, minor_digits));
                InvoiceLine { description, amount_cents, kpi_id: line.kpi_id, deliverable_id: line.deliverable_id }
            })
            .collect();
        InvoiceFields { number, issued_on, due_on, paid_on, void: self.void, lines }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn invoice(paid: Option<&str>) -> Invoice {
        Invoice {
            id: 1,
            client_id: 1,
            number: "2026-014".into(),
            issued_on: d("2026-10-01"),
            due_on: d("2026-10-31"),
            paid_on: paid.map(d),
            void: false,
            lines: vec![
                InvoiceLine { description: "Retainer".into(), amount_cents: 250_000, kpi_id: None, deliverable_id: None },
                InvoiceLine { description: "Discount".into(), amount_cents: -10_000, kpi_id: None, deliverable_id: None },
            ],
        }
    }

    #[test]
    fn status_and_lateness_follow_the_dates() {
        let unpaid = invoice(None);
        assert_eq!(unpaid.status_on(d("2026-10-31")), InvoiceStatus::Open, "due day itself is not late");
        assert_eq!(unpaid.status_on(d("2026-11-12")), InvoiceStatus::Overdue);
        assert_eq!(unpaid.days_overdue_on(d("2026-11-12")), 12);
        let paid = invoice(Some("2026-11-05"));
        assert_eq!(paid.status_on(d("2026-11-04")), InvoiceStatus::Overdue, "not yet paid on that day");
        assert_eq!(paid.status_on(d("2026-11-05")), InvoiceStatus::Paid);
        assert_eq!(paid.days_late(), Some(5));
        assert_eq!(paid.total_cents(), 240_000);
    }

    #[test]
    fn each_bad_line_is_named_by_its_position() {
        let input = InvoiceInput {
            number: "A-1".into(),
            issued_on: "2026-10-01".into(),
            due_on: "2026-10-31".into(),
            paid_on: "".into(),
            void: false,
            lines: vec![
                InvoiceLineInput { description: "Design".into(), amount: "1,200.00".into(), kpi_id: None, deliverable_id: None },
                InvoiceLineInput { description: "SEO".into(), amount: "twelve".into(), kpi_id: None, deliverable_id: None },
            ],
        };
        let err = input.validate(2).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("lines.1.amount"));
        assert!(err.message.starts_with("Line 2 amount"), "{}", err.message);
    }
}
