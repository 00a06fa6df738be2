//! The tools whose export files Clientwell reads as they come: which kind each file is, how it is
//! recognised from its header, and which of its columns fill which field. Their fixtures, and the
//! help pages their columns were taken from, are in `tests/fixtures/imports`.

use super::columns::ImportKind;
use super::fields::header_key;
use crate::book::stored_enum::stored_enum;

stored_enum!(Source {
    Clientwell = "clientwell",
    Xero = "xero",
    Quickbooks = "quickbooks",
    Freshbooks = "freshbooks",
    Stripe = "stripe",
    Harvest = "harvest",
    Toggl = "toggl",
    Clockify = "clockify",
    Calendar = "calendar",
    Typeform = "typeform",
    GoogleForms = "google_forms",
    Tally = "tally",
    Ga4 = "ga4",
    SearchConsole = "search_console",
    Shopify = "shopify",
});

impl Source {
    pub fn label(self) -> &'static str {
        match self {
            Self::Clientwell => "Clientwell's own columns",
            Self::Xero => "Xero invoices",
            Self::Quickbooks => "QuickBooks Online invoice list",
            Self::Freshbooks => "FreshBooks invoices",
            Self::Stripe => "Stripe invoices",
            Self::Harvest => "Harvest time report",
            Self::Toggl => "Toggl Track detailed report",
            Self::Clockify => "Clockify detailed report",
            Self::Calendar => "Calendar file (.ics from Google Calendar, Outlook or Apple Calendar)",
            Self::Typeform => "Typeform responses",
            Self::GoogleForms => "Google Forms responses",
            Self::Tally => "Tally submissions",
            Self::Ga4 => "Google Analytics 4 report",
            Self::SearchConsole => "Search Console performance (dates)",
            Self::Shopify => "Shopify sales over time",
        }
    }

    /// The kind of record the tool's export holds; None for Clientwell's own files.
    pub fn kind(self) -> Option<ImportKind> {
        match self {
            Self::Clientwell => None,
            Self::Xero | Self::Quickbooks | Self::Freshbooks | Self::Stripe => Some(ImportKind::Invoices),
            Self::Harvest | Self::Toggl | Self::Clockify => Some(ImportKind::Hours),
            Self::Calendar => Some(ImportKind::Touchpoints),
            Self::Typeform | Self::GoogleForms | Self::Tally => Some(ImportKind::SurveyAnswers),
            Self::Ga4 | Self::SearchConsole | Self::Shopify => Some(ImportKind::KpiValues),
        }
    }

    /// Headers that together say a file came from this tool.
    fn signature(self) -> &'static [&'static str] {
        match self {
            Self::Clientwell => &[],
            Self::Xero => &["contactname", "invoicenumber", "invoicedate", "duedate"],
            Self::Quickbooks => &["transactiontype", "num", "duedate", "openbalance"],
            Self::Freshbooks => &["clientname", "invoice", "dateissued", "datedue", "datepaid"],
            Self::Stripe => &["id", "customername", "amountdue", "amountpaid", "status"],
            Self::Harvest => &["date", "client", "project", "task", "hours", "firstname", "lastname"],
            Self::Toggl => &["user", "client", "project", "startdate", "starttime", "duration"],
            Self::Clockify => &["project", "client", "startdate", "durationdecimal"],
            // Told from the file itself (BEGIN:VCALENDAR), its questions (`responses::tool`) or
            // its daily figures (`metrics::tool`).
            Self::Calendar | Self::Typeform | Self::GoogleForms | Self::Tally | Self::Ga4 | Self::SearchConsole | Self::Shopify => &[],
        }
    }

    /// The tool's own header for a field, where its name alone would be guessed wrong.
    pub fn preset(self) -> &'static [(&'static str, &'static str)] {
        match self {
            // Xero's export has no payment date (FullyPaidOnDate is in its API only).
            Self::Xero => &[("contactname", "client"), ("invoicenumber", "number"), ("invoicedate", "issued_on"), ("duedate", "due_on"), ("lineamount", "amount"), ("invoiceamountdue", "amount_due"), ("total", ""), ("type", "type"), ("currency", "currency")],
            Self::Quickbooks => &[("customerfullname", "client"), ("customer", "client"), ("num", "number"), ("date", "issued_on"), ("duedate", "due_on"), ("amount", "amount"), ("openbalance", "amount_due"), ("memodescription", "description"), ("transactiontype", "type")],
            Self::Freshbooks => &[("clientname", "client"), ("invoice", "number"), ("dateissued", "issued_on"), ("datedue", "due_on"), ("invoicestatus", "status"), ("datepaid", "paid_on"), ("itemdescription", "description"), ("linetotal", "amount"), ("tax1amount", "tax"), ("tax2amount", "tax_2"), ("linesubtotal", ""), ("itemname", ""), ("currency", "currency")],
            // Stripe's "Amount Due" is the invoice's whole total, not what is still owed.
            Self::Stripe => &[("customername", "client"), ("number", "number"), ("dateutc", "issued_on"), ("duedateutc", "due_on"), ("paidatutc", "paid_on"), ("total", "amount"), ("tax", "tax"), ("subtotal", ""), ("amountdue", ""), ("customer", ""), ("id", ""), ("currency", "currency")],
            Self::Toggl => &[("startdate", "month"), ("duration", "hours")],
            Self::Clockify => &[("startdate", "month"), ("durationdecimal", "hours"), ("durationh", "")],
            Self::Harvest => &[("date", "month"), ("hours", "hours"), ("hoursrounded", "")],
            Self::Clientwell | Self::Calendar | Self::Typeform | Self::GoogleForms | Self::Tally | Self::Ga4 | Self::SearchConsole | Self::Shopify => &[],
        }
    }

    /// What the owner should know about the amounts this tool exports.
    pub fn amount_note(self) -> Option<&'static str> {
        match self {
            Self::Xero => Some("In Xero a line amount is before tax when the invoice's amounts are tax exclusive (as usual), after tax when they are tax inclusive."),
            Self::Quickbooks => Some("QuickBooks' Amount is the invoice's total, tax included."),
            Self::Freshbooks => Some("FreshBooks' Line Total, less its taxes: each line after its discount, before tax."),
            Self::Stripe => Some("Stripe's Total, less its Tax: what the customer pays after discounts, before tax. Its dates are in UTC and read as written."),
            _ => None,
        }
    }

    /// The tool a header comes from: the one whose signature it holds most completely.
    pub fn detect(headers: &[String]) -> Source {
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        Source::ALL
            .iter()
            .copied()
            .filter(|s| !s.signature().is_empty() && s.signature().iter().all(|k| keys.iter().any(|h| h == k)))
            .max_by_key(|s| s.signature().len())
            .unwrap_or(Source::Clientwell)
    }

    /// Every tool with its kind, for `clientwell help import` and the import dialog.
    pub fn listing() -> String {
        Source::ALL
            .iter()
            .filter_map(|s| s.kind().map(|k| format!("  {:<12} {} → {}\n", s.as_str(), s.label(), k.title().to_lowercase())))
            .collect()
    }
}
