//! What a file's columns can be read as: each kind's own columns, plus the few a tool's export
//! carries that Clientwell reads through a rule (an invoice's status, the amount still due), and
//! the other names tools give each of them.

use super::columns::{Column, ImportKind};

/// Fields read only from other tools' exports, through the rules in `prepare`.
const INVOICE_EXTRAS: &[Column] = &[
    Column { name: "status", required: false, help: "The invoice's status in your accounting tool: paid, void/deleted, draft (left out) or open.", example: "PAID" },
    Column { name: "amount_due", required: false, help: "What is still owed: above 0 means the invoice is not paid yet.", example: "0.00" },
    Column { name: "type", required: false, help: "The kind of document: invoices are read, credit notes, estimates and receipts left out.", example: "Sales invoice" },
    Column { name: "currency", required: false, help: "The invoice's currency: one other than the studio's is refused.", example: "EUR" },
    Column { name: "tax", required: false, help: "Tax included in the amount: taken off, so amounts are before tax.", example: "240.00" },
    Column { name: "tax_2", required: false, help: "A second tax included in the amount, taken off too.", example: "0.00" },
    Column { name: "client_email", required: false, help: "The client's email address: when the name matches no client, the client whose people use its web domain is suggested.", example: "accounts@harbourbakery.co.uk" },
];

/// Every field a file's column can fill for `kind`.
pub fn fields(kind: ImportKind) -> Vec<Column> {
    let mut all = kind.columns().to_vec();
    if kind == ImportKind::Invoices {
        all.extend_from_slice(INVOICE_EXTRAS);
    }
    all
}

/// A field as the mapping step offers it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct FieldDoc {
    pub name: &'static str,
    /// In plain words, e.g. "Issue date".
    pub label: String,
    pub required: bool,
    pub help: &'static str,
}

/// The fields of `kind` with their labels.
pub fn docs(kind: ImportKind) -> Vec<FieldDoc> {
    fields(kind).into_iter().map(|c| FieldDoc { name: c.name, label: label(kind, c.name), required: c.required, help: c.help }).collect()
}

fn label(kind: ImportKind, name: &str) -> String {
    let fixed = match (kind, name) {
        (_, "kpi") => "KPI",
        (ImportKind::Invoices, "number") => "Invoice number",
        (ImportKind::Invoices, "issued_on") => "Issue date",
        (ImportKind::Invoices, "due_on") => "Due date",
        (ImportKind::Invoices, "paid_on") => "Payment date",
        (ImportKind::Invoices, "amount") => "Amount of the line",
        (_, "amount_due") => "Amount still due",
        (_, "tax") => "Tax in the amount",
        (_, "tax_2") => "Second tax in the amount",
        (_, "type") => "Kind of document",
        (ImportKind::Hours, "month") => "Month (or a date in it)",
        (ImportKind::Hours, "hours") => "Hours (or a duration)",
        _ => "",
    };
    if !fixed.is_empty() {
        return fixed.to_owned();
    }
    let words = name.replace('_', " ");
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A header as it is compared: case folded, accents kept, everything but letters and digits
/// dropped ("*InvoiceNumber", "Invoice number" and "invoice_number" are one).
pub fn header_key(header: &str) -> String {
    crate::book::text::name_key(header).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Other names a tool gives a field, best first (compared as [`header_key`] does).
fn synonyms(kind: ImportKind, field: &str) -> &'static [&'static str] {
    match (kind, field) {
        (_, "client") => &["client", "clientname", "customer", "customername", "contactname", "contact", "company", "organisation", "organization", "account"],
        (ImportKind::Invoices, "number") => &["invoicenumber", "invoiceno", "invoicenum", "number", "no", "num", "invoice"],
        (ImportKind::Invoices, "issued_on") => &["invoicedate", "issuedate", "dateissued", "issued", "date", "createdutc", "created"],
        (ImportKind::Invoices, "due_on") => &["duedate", "dueutc", "duedateutc", "due"],
        (ImportKind::Invoices, "paid_on") => &["paiddate", "datepaid", "paymentdate", "paidat", "paidatutc", "fullypaidondate", "lastpaymentdate", "datefullypaid"],
        (ImportKind::Invoices, "description") => &["description", "itemdescription", "lineitem", "item", "memo", "service", "product"],
        // Line amounts only: an invoice's total repeated on each of its lines would count it once a line.
        (ImportKind::Invoices, "amount") => &["lineamount", "linetotal", "amount", "lineamountexcltax", "linenet"],
        (ImportKind::Invoices, "currency") => &["currency", "currencycode"],
        (ImportKind::Invoices, "status") => &["status", "invoicestatus", "state"],
        (ImportKind::Invoices, "amount_due") => &["amountdue", "invoiceamountdue", "balancedue", "openbalance", "balance", "amountremaining", "outstanding", "amountoutstanding"],
        (ImportKind::Invoices, "type") => &["type", "transactiontype", "documenttype"],
        (ImportKind::Invoices, "client_email") => &["emailaddress", "customeremail", "clientemail", "contactemail", "email"],
        (ImportKind::Invoices, "void") => &["void", "voided", "cancelled", "canceled"],
        (ImportKind::Hours, "month") => &["month", "date", "startdate", "spentdate", "day", "entrydate"],
        (ImportKind::Hours, "hours") => &["hours", "durationdecimal", "hoursdecimal", "duration", "durationh", "time", "timespent", "hoursworked"],
        (ImportKind::KpiValues, "measured_on") => &["measuredon", "date", "month", "day", "week", "period"],
        (ImportKind::KpiValues, "value") => &["value", "count", "total", "sessions", "users", "clicks", "orders", "conversions"],
        (ImportKind::Touchpoints, "happened_on") => &["happenedon", "date", "start", "startdate", "when"],
        (ImportKind::Touchpoints, "summary") => &["summary", "subject", "title", "notes", "description"],
        (ImportKind::SurveyAnswers, "answered_on") => &["answeredon", "submittedat", "submitdate", "timestamp", "date", "submittedon"],
        (ImportKind::SurveyAnswers, "score") => &["score", "rating", "answer"],
        (ImportKind::Stakeholders, "email") => &["email", "emailaddress", "mail"],
        // A success plan as a studio's own spreadsheet words it.
        (ImportKind::Kpis, "name") => &["kpi", "kpiname", "metric", "measure", "name"],
        (ImportKind::Kpis, "baseline") => &["startingvalue", "startvalue", "baselinevalue", "start", "from", "before"],
        (ImportKind::Kpis, "target") => &["goal", "targetvalue", "aim", "to"],
        (ImportKind::Kpis, "baseline_date") => &["since", "baselineon", "measuredfrom", "startdate"],
        (ImportKind::Kpis, "target_date") => &["by", "targetdateby", "deadline", "targetby", "duedate", "enddate"],
        (_, "start_date") => &["startdate", "started", "since", "from"],
        (_, "name") => &["name", "fullname", "title"],
        _ => &[],
    }
}

/// How well `header` names `field`: 0 is its own name, then its synonyms in order.
pub fn rank(kind: ImportKind, field: &str, header: &str) -> Option<usize> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    if key == header_key(field) {
        return Some(0);
    }
    synonyms(kind, field).iter().position(|s| *s == key).map(|i| i + 1)
}

/// True when `header` names some field of some kind: used to find the header row under the
/// title lines some reports print first.
pub fn is_known_header(header: &str) -> bool {
    ImportKind::ALL.iter().any(|&kind| fields(kind).iter().any(|f| rank(kind, f.name, header).is_some()))
}

/// The shape a field's values must have for a column to be guessed as it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Date,
    Number,
    Text,
}

pub fn shape(field: &str) -> Shape {
    match field {
        "start_date" | "end_date" | "renewal_date" | "baseline_date" | "target_date" | "measured_on" | "happened_on" | "issued_on" | "due_on" | "paid_on" | "answered_on"
        | "followed_up_on" | "month" | "done_on" | "delivered_on" | "opened_on" | "closed_on" | "asked_on" | "received_on" | "referred_on" => Shape::Date,
        "value" | "amount" | "amount_due" | "tax" | "tax_2" | "hours" | "score" | "baseline" | "target" | "notice_days" | "included_hours" | "cadence_days" | "reply_days" | "value_per_unit" => Shape::Number,
        _ => Shape::Text,
    }
}

/// The date fields of `kind`, whose values are read day- or month-first.
pub fn date_fields(kind: ImportKind) -> Vec<&'static str> {
    fields(kind).into_iter().map(|c| c.name).filter(|f| shape(f) == Shape::Date).collect()
}

/// Whether `value` could be read as `shape` (an empty cell fits every shape).
pub fn fits(shape: Shape, value: &str) -> bool {
    let value = value.trim();
    if value.is_empty() {
        return true;
    }
    match shape {
        Shape::Text => true,
        Shape::Date => {
            let day = value.split([' ', 'T']).next().unwrap_or("");
            let parts: Vec<&str> = day.split(['-', '/', '.']).collect();
            let numeric = parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
            let year = |p: &str| p.len() == 4 && p.parse::<u32>().is_ok_and(|y| (1970..=2100).contains(&y));
            let month_of_year = parts.len() == 2 && (year(parts[0]) || year(parts[1]));
            (numeric && (parts.len() == 3 || month_of_year)) || super::values::named_month_date(value).is_some()
        }
        Shape::Number => {
            // A currency code or symbol may come before or after the figure ("EUR 1,250.00").
            let figure = value.trim_matches(|c: char| c.is_alphabetic() || c.is_whitespace() || "€$£¥%".contains(c));
            figure.bytes().any(|b| b.is_ascii_digit()) && figure.bytes().all(|b| b.is_ascii_digit() || b".,:-+' ".contains(&b))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_compare_without_case_spaces_or_marks() {
        assert_eq!(header_key("*InvoiceNumber"), "invoicenumber");
        assert_eq!(header_key("Invoice number"), header_key("invoice_number"));
        assert_eq!(rank(ImportKind::Invoices, "number", "*InvoiceNumber"), Some(1));
        assert_eq!(rank(ImportKind::Invoices, "issued_on", "issued_on"), Some(0));
        assert_eq!(rank(ImportKind::Invoices, "issued_on", "Colour"), None);
    }

    #[test]
    fn shapes_tell_dates_from_amounts() {
        assert!(fits(Shape::Date, "31/10/2026") && fits(Shape::Date, "2026-10-31 09:00:00"));
        assert!(!fits(Shape::Date, "Harbour Bakery") && !fits(Shape::Date, "1250.00"));
        assert!(fits(Shape::Date, "2026-10") && fits(Shape::Date, "1 Nov 2026") && fits(Shape::Date, "Nov 1, 2026"));
        assert!(fits(Shape::Number, "€1,250.00") && fits(Shape::Number, "1:30:00") && fits(Shape::Number, "12.5"));
        assert!(!fits(Shape::Number, "October retainer for the bakery"));
    }
}
