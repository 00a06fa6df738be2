//! How the CLI prints for a person: tables and short lines (`--json` prints the core's values).

use std::io::Write;

use chrono::NaiveDate;
use clientwell_core::import::{self, ImportReport};
use clientwell_core::{book, client_page, Error, Result};

pub fn to_json(value: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| Error::internal(format!("Could not write JSON: {e}")))
}

pub fn print_import(out: &mut impl Write, report: &ImportReport, preview: bool) -> Result<()> {
    if report.source != import::Source::Clientwell {
        writeln!(out, "Read as: {}", report.source.label())?;
    }
    if let Some(name) = &report.remembered {
        writeln!(out, "Columns: as saved in '{name}'")?;
    }
    if let Some(ask) = &report.metric {
        writeln!(out, "Figures from: {} (columns: {}); a month is the days' {}", ask.column, ask.columns.join(", "), ask.month.as_str())?;
        if !ask.is_answered() {
            for c in &ask.choices {
                writeln!(out, "  --client \"{}\" --kpi one of: {}", c.client, c.kpis.join(" | "))?;
            }
        }
    } else if let Some(m) = &report.mapping {
        let ignored: Vec<&str> = m.fields.iter().zip(&report.columns).filter(|(f, _)| f.is_none()).map(|(_, c)| c.header.as_str()).collect();
        if !ignored.is_empty() {
            writeln!(out, "Not needed: {}", ignored.join(", "))?;
        }
    }
    for rule in &report.rules {
        writeln!(out, "{rule}")?;
    }
    if let Some(d) = &report.dates {
        writeln!(out, "{}", d.note)?;
    }
    for s in &report.skipped {
        writeln!(out, "Left out: {} — {} row{}", s.reason, s.count, if s.count == 1 { "" } else { "s" })?;
    }
    for s in &report.suggestions {
        writeln!(out, "'{}' looks like {}: add --alias \"{}={}\" if it is", s.written, s.client, s.written, s.client)?;
    }
    for e in &report.errors {
        // Errors go to stdout with the report; the exit code and stderr say the import failed.
        writeln!(out, "row {}{}: {}", e.row, e.column.as_deref().map(|c| format!(", column {c}")).unwrap_or_default(), e.message)?;
    }
    if report.error_count as usize > report.errors.len() {
        writeln!(out, "... and {} more errors", report.error_count as usize - report.errors.len())?;
    }
    if report.error_count == 0 {
        let verb = if preview { "Would import" } else { "Imported" };
        writeln!(out, "{verb} {}: {} new, {} updated, {} unchanged", report.kind.as_str(), report.created, report.updated, report.unchanged)?;
    }
    Ok(())
}

pub fn print_client(out: &mut impl Write, page: &client_page::ClientPage) -> Result<()> {
    let c = &page.client;
    writeln!(out, "{} ({}), client since {}", c.name, c.status.as_str(), c.start_date)?;
    writeln!(out, "Goal: {}", if c.goal.is_empty() { "(none yet)" } else { &c.goal })?;
    writeln!(out, "MRR on {}: {} (minor units)", page.as_of, page.mrr_cents)?;
    for k in &page.kpis {
        let latest = k.progress.latest.as_ref().map_or("no value yet".to_owned(), |m| format!("{} on {}", m.value, m.measured_on));
        writeln!(out, "KPI {}: baseline {}, target {} by {}; latest {latest}", k.kpi.name, k.kpi.baseline, k.kpi.target, k.kpi.target_date)?;
    }
    for item in &page.open_items {
        writeln!(out, "Open: {}", item.text)?;
    }
    Ok(())
}

pub fn print_table(out: &mut impl Write, clients: &[book::Client]) -> Result<()> {
    let width = clients.iter().map(|c| c.name.chars().count()).max().unwrap_or(0).max(4);
    writeln!(out, "{:<5} {:<width$} {:<10} {:<10} {}", "ID", "NAME", "STATUS", "START", "ARCHIVED")?;
    for c in clients {
        let start: NaiveDate = c.start_date;
        let archived = if c.archived_at.is_some() { "yes" } else { "" };
        writeln!(out, "{:<5} {:<width$} {:<10} {:<10} {}", c.id, c.name, c.status.as_str(), start, archived)?;
    }
    Ok(())
}
