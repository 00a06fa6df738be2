//! The month and quarter close, on the Reports screen's "To send" list: every current client's
//! monthly summary for the month and, for clients whose fiscal quarter ends with it, their QBR;
//! each with what it is missing, whether the owner reviewed, saved and sent it, and a short cover
//! note to the client's finance contact drawn from the document's own verdict.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use crate::book::month::Month;
use crate::book::quarter::Quarter;
use crate::book::records::ClientData;
use crate::book::sending::DocumentKind;
use crate::error::Result;
use crate::output::Existing;
use crate::report::monthly::Line;
use crate::report::{self, qbr, BatchReport, Brand, FailedReport, QbrFormat, SavedReport};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ToSendRow {
    pub client_id: i64,
    pub client: String,
    pub kind: DocumentKind,
    /// "2026-10" or "2027-Q2": what to send back to mark it.
    pub period: String,
    /// "October 2026", "Q3 FY2027".
    pub period_label: String,
    /// What the document will show as missing (the preview lists the same).
    pub missing: Vec<String>,
    pub reviewed_on: Option<NaiveDate>,
    /// The file it was last saved to, or empty.
    pub saved_to: String,
    pub sent_on: Option<NaiveDate>,
    /// Whom it goes to: the finance contact, else the main contact (as a payment reminder).
    pub to_name: String,
    /// Empty when that person has no email address on record.
    pub to_email: String,
    pub subject: String,
    /// A short cover note, from the document's own verdict and asks (client-facing only).
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ToSend {
    pub month: Month,
    pub month_label: String,
    pub rows: Vec<ToSendRow>,
}

/// The quarter of `data`'s fiscal year that ends with `month`, if one does.
fn quarter_ending(data: &ClientData, month: Month) -> Option<Quarter> {
    let q = Quarter::containing(month.last_day(), data.client.plan.year_starts());
    (q.last_day() == month.last_day()).then_some(q)
}

/// Whom a document goes to, as a payment reminder does: (name, email).
fn recipient(data: &ClientData) -> (String, String) {
    crate::review::drafts::for_money(&data.stakeholders).map_or_else(|| (String::new(), String::new()), |s| (s.name.clone(), s.email.trim().to_owned()))
}

fn cover_note(to: &str, opening: &str, verdict: &[String], asks: &[Line], sender: &str) -> String {
    let hello = to.split_whitespace().next().map_or_else(|| "Hello,".to_owned(), |first| format!("Hello {first},"));
    let mut parts = vec![hello, opening.to_owned()];
    parts.extend(verdict.iter().filter(|v| !v.is_empty()).cloned());
    if !asks.is_empty() {
        let mut list: Vec<String> = asks.iter().take(5).map(|a| if a.detail.is_empty() { format!("- {}", a.text) } else { format!("- {} ({})", a.text, a.detail) }).collect();
        if asks.len() > 5 {
            list.push(format!("- and {} more, in the report", asks.len() - 5));
        }
        parts.push(format!("What we need from you:\n{}", list.join("\n")));
    }
    parts.push(format!("Best regards,\n{sender}"));
    parts.join("\n\n")
}

/// The close for `month`: a row per current client's monthly summary (those who started by the
/// month's end), and a QBR row for each whose fiscal quarter ends with the month; in the book's
/// name order.
pub fn to_send(store: &Store, month: Month, today: NaiveDate) -> Result<ToSend> {
    let studio = store.require_studio()?;
    // The documents are built for their words only (nothing is drawn): no look needed.
    let brand = Brand::default();
    let mut rows = Vec::new();
    // Current clients who were already clients in the month: nothing to report before the start.
    for data in store.book()?.iter().filter(|d| d.is_current() && d.client.start_date <= month.last_day()) {
        let (to_name, to_email) = recipient(data);
        let owner = data.client.plan.owner.trim();
        let sender = if owner.is_empty() { studio.name.clone() } else { format!("{owner}\n{}", studio.name) };
        let state = |kind: DocumentKind, period: &str| data.documents.iter().find(|d| d.kind == kind && d.period == period);
        let row = |kind, period: String, period_label: String, missing, subject, body| {
            let s = state(kind, &period);
            ToSendRow {
                client_id: data.client.id,
                client: data.client.name.clone(),
                kind,
                reviewed_on: s.and_then(|s| s.reviewed_on),
                saved_to: s.map(|s| s.saved_to.clone()).unwrap_or_default(),
                sent_on: s.and_then(|s| s.sent_on),
                period,
                period_label,
                missing,
                to_name: to_name.clone(),
                to_email: to_email.clone(),
                subject,
                body,
            }
        };
        let summary = report::monthly::build(&studio, &brand, data, month, today);
        let opening = format!("Please find attached your results summary for {}.", month.label());
        let body = cover_note(&to_name, &opening, std::slice::from_ref(&summary.headline), &summary.asks, &sender);
        let subject = format!("{} — results for {}", data.client.name, month.label());
        rows.push(row(DocumentKind::Monthly, month.key(), month.label(), qbr::monthly_missing(&summary), subject, body));
        if let Some(q) = quarter_ending(data, month) {
            let report = qbr::build(&studio, &brand, data, &store.qbr_notes(data.client.id, q)?, q, today);
            let opening = format!("Please find attached our quarterly review for {}, to read before we meet.", q.label());
            let verdict: Vec<String> = report.summary.iter().take(2).cloned().collect();
            let body = cover_note(&to_name, &opening, &verdict, &report.asks, &sender);
            let subject = format!("{} — quarterly review {}", data.client.name, q.label());
            rows.push(row(DocumentKind::Qbr, q.key(), q.label(), qbr::missing(&report), subject, body));
        }
    }
    Ok(ToSend { month, month_label: month.label(), rows })
}

/// Saves every reviewed document of the close into `folder` (each under its usual file name) and
/// notes where each went. A file that cannot be written is listed with why; the others are saved.
pub fn save_reviewed(store: &mut Store, month: Month, today: NaiveDate, folder: &Path, existing: Existing) -> Result<BatchReport> {
    let close = to_send(store, month, today)?;
    let mut batch = BatchReport { saved: Vec::new(), failed: Vec::new(), not_started: Vec::new() };
    // Two clients whose names make the same file name get their own files ("… (2).pdf").
    let mut taken = std::collections::HashSet::new();
    for row in close.rows.iter().filter(|r| r.reviewed_on.is_some()) {
        // (file, what saving it did, whether it is the document the row sends)
        let files: Vec<(PathBuf, Result<SavedReport>, bool)> = match row.kind {
            DocumentKind::Monthly => {
                let path = folder.join(report::unique_name(report::monthly_file_name(&row.client, month), &mut taken));
                let saved = report::save_monthly(store, row.client_id, month, today, &path, existing);
                vec![(path, saved, true)]
            }
            // The written QBR is what goes to the client; its slides are saved beside it for the meeting.
            DocumentKind::Qbr => match report::client_quarter(store, row.client_id, Some(&row.period), today) {
                Ok(quarter) => [QbrFormat::Report, QbrFormat::Slides]
                    .into_iter()
                    .map(|format| {
                        let path = folder.join(report::unique_name(report::qbr_file_name(&row.client, quarter, format), &mut taken));
                        let saved = report::save_qbr(store, row.client_id, quarter, today, &path, existing, format);
                        (path, saved, format == QbrFormat::Report)
                    })
                    .collect(),
                Err(e) => vec![(folder.to_path_buf(), Err(e), false)],
            },
        };
        for (path, result, sends) in files {
            // Noted as each file is written, so a later failure cannot lose where the earlier ones went.
            match result {
                Ok(saved) => {
                    if sends {
                        store.record_saved(row.client_id, row.kind, &row.period, &saved.path)?;
                    }
                    batch.saved.push(saved);
                }
                Err(e) => batch.failed.push(FailedReport { client: row.client.clone(), path: path.display().to_string(), reason: e.message }),
            }
        }
    }
    Ok(batch)
}

#[cfg(test)]
#[path = "to_send_tests.rs"]
mod tests;
