//! `clientwell report …`: the client documents, one core call each.

use std::io::Write;

use chrono::NaiveDate;
use clientwell_core::output::Existing;
use clientwell_core::{report, service, Error, ErrorKind, Result, Store};

use super::args::ReportCommand;
use super::as_of_date;

pub fn run_report(store: &Store, command: ReportCommand, out: &mut impl Write) -> Result<()> {
    let month_of = |text: Option<String>, today: NaiveDate| match text {
        Some(text) => report::Month::parse("month", &text),
        None => Ok(report::Month::of(today).previous()),
    };
    match command {
        ReportCommand::Monthly { client, month, out: path, as_of, force } => {
            let found = store.find_client(&client)?;
            let today = as_of_date(as_of)?;
            let month = month_of(month, today)?;
            let path = if path.is_dir() { path.join(report::monthly_file_name(&found.name, month)) } else { path };
            let saved = report::save_monthly(store, found.id, month, today, &path, Existing::replace_if(force)).map_err(with_force_hint)?;
            writeln!(out, "Wrote {} ({} bytes)", saved.path, saved.size)?;
            warn_unprintable(&saved);
        }
        ReportCommand::Qbr { client, quarter, out: path, as_of, force, deck } => {
            let found = store.find_client(&client)?;
            let today = as_of_date(as_of)?;
            let quarter = report::client_quarter(store, found.id, quarter.as_deref(), today)?;
            let format = if deck { report::QbrFormat::Slides } else { report::QbrFormat::Report };
            let path = if path.is_dir() { path.join(report::qbr_file_name(&found.name, quarter, format)) } else { path };
            let saved = report::save_qbr(store, found.id, quarter, today, &path, Existing::replace_if(force), format).map_err(with_force_hint)?;
            writeln!(out, "Wrote {} ({} bytes)", saved.path, saved.size)?;
            warn_unprintable(&saved);
        }
        ReportCommand::Value { client, as_of, json } => {
            let found = store.find_client(&client)?;
            let value = service::value_to_date(store, found.id, as_of_date(as_of)?)?;
            if json {
                writeln!(out, "{}", super::print::to_json(&value)?)?;
            } else {
                let studio = store.require_studio()?;
                let minor = clientwell_core::book::currency::minor_digits(&studio.currency);
                match report::value::value_sentence(&value, &studio.currency, minor) {
                    Some(sentence) => writeln!(out, "{}: {sentence}", found.name)?,
                    None => writeln!(out, "{}: no result has an agreed worth yet, so its value is not measured.", found.name)?,
                }
                for k in &value.kpis {
                    writeln!(out, "- {}", k.method)?;
                }
            }
        }
        ReportCommand::Batch { month, out: folder, as_of, force } => {
            let today = as_of_date(as_of)?;
            let month = month_of(month, today)?;
            let started = std::time::Instant::now();
            let batch = report::save_monthly_batch(store, month, today, &folder, Existing::replace_if(force), &|_, _| true).map_err(with_force_hint)?;
            let bytes: u64 = batch.saved.iter().map(|s| u64::from(s.size)).sum();
            writeln!(out, "Wrote {} monthly summaries for {} into {} ({} KB, {} ms)", batch.saved.len(), month.label(), folder.display(), bytes / 1024, started.elapsed().as_millis())?;
            batch.saved.iter().for_each(warn_unprintable);
            for failed in &batch.failed {
                writeln!(out, "Not written: {} ({}): {}", failed.path, failed.client, failed.reason)?;
            }
            if !batch.failed.is_empty() {
                return Err(Error::storage(format!("{} of {} summaries could not be written; they are listed above.", batch.failed.len(), batch.failed.len() + batch.saved.len())));
            }
        }
        ReportCommand::ToSend { month, as_of } => {
            let today = as_of_date(as_of)?;
            let close = service::to_send(store, month_of(month, today)?, today)?;
            writeln!(out, "To send for {}: {} reports", close.month_label, close.rows.len())?;
            for r in &close.rows {
                let state = match (r.reviewed_on, r.sent_on) {
                    (_, Some(sent)) => format!("sent {sent}"),
                    (Some(reviewed), None) => format!("reviewed {reviewed}"),
                    (None, None) => "to review".to_owned(),
                };
                let to = if r.to_email.is_empty() { "no email on record".to_owned() } else { format!("to {} <{}>", r.to_name, r.to_email) };
                writeln!(out, "- {} · {} {} · {state} · {to} · {} to check", r.client, r.kind.label(), r.period_label, r.missing.len())?;
            }
        }
    }
    Ok(())
}

/// Text the documents' font cannot draw prints as '?': say which, never silently.
pub fn warn_unprintable(saved: &report::SavedReport) {
    for text in &saved.unprintable {
        eprintln!("Warning: {} has text the report font cannot print; its unsupported characters show as '?': \"{text}\"", saved.path);
    }
}

/// A file that is already there is replaced only with `--force`: say so where the app would ask.
pub fn with_force_hint(mut e: Error) -> Error {
    if e.kind == ErrorKind::Conflict && e.message.contains("agree to replace") {
        e.message.push_str(" Add --force to replace.");
    }
    e
}
