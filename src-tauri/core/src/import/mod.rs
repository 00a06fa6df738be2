//! Importing spreadsheets into the book, all or nothing.
//!
//! A file is read into text cells ([`table`]); its columns are matched to the kind's fields —
//! as the owner chose, as remembered for the same header, or guessed ([`mapping`], [`sources`]
//! for the tools Clientwell knows) — and read into Clientwell's own columns ([`prepare`]). Then
//! every row goes through the same validation as the app's forms and is written inside one
//! transaction ([`rows`], [`invoices`]). Any bad row, or a preview, rolls the whole transaction
//! back, so the report of a preview is exactly what an import would do.

mod aliases;
mod calendar;
pub mod columns;
mod convert;
mod dates;
pub mod export;
pub mod fields;
mod files;
mod invoices;
pub mod memory;
pub mod mapping;
pub mod metrics;
mod people;
mod prepare;
mod responses;
mod rows;
pub mod sources;
mod table;
mod values;
mod xlsx_limits;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

pub use columns::{documentation, kinds, Column, ImportKind, KindDoc};
pub use dates::{DateOrder, DatesRead};
pub use files::{export_to, import_path, save_template};
pub use mapping::{FileColumn, Mapping};
pub use metrics::{MetricAsk, MetricChoice, MonthFrom};
pub use prepare::Skipped;
pub use aliases::ClientAlias;
pub use rows::{ClientSuggestion, Outcome};
pub use sources::Source;

use crate::error::{Error, Result};
use crate::store::{now_stamp, Store};
use rows::{Cells, Ctx};
pub(crate) use table::misaligned;

/// At most this many rows are described one by one in a report (all are counted).
const LISTED_ROWS: usize = 200;
const LISTED_ERRORS: usize = 500;
/// Progress is reported (and a stop honoured) after every this many rows.
const PROGRESS_EVERY: usize = 100;

/// Told `(rows done, rows in the file)` as an import goes; returning false stops it, and then
/// nothing is written.
pub type Progress<'a> = &'a (dyn Fn(u32, u32) -> bool + Sync);

#[derive(Debug, Clone, Deserialize, Type)]
pub struct ImportOptions {
    /// The owner's answer to how 01/02/2026 reads in this file; null: as the file's own dates
    /// show (a day above 12), else as `usual`. Dots are always day first.
    pub dates: Option<DateOrder>,
    /// The app's date format: how dates are read when neither the owner nor the file says.
    pub usual: DateOrder,
    /// The owner's column choices; null: those remembered for a file with this header, else the
    /// best guess.
    pub mapping: Option<Mapping>,
    /// The tool the file comes from, when the owner says so; null: recognised from the header.
    pub source: Option<Source>,
    /// Names in the file the owner said are a client's ("Harbour Bakery Ltd" is Harbour Bakery):
    /// read as that client, and kept as another name for them when the import is written.
    #[serde(default)]
    pub aliases: Vec<ClientAlias>,
    /// Adds the rule "a paid invoice without a payment date is paid on its due date" to the
    /// column choices, whichever they are (the CLI's `--paid-on-due-date`).
    #[serde(default)]
    pub paid_on_due_date: bool,
    /// For a file of daily figures (GA4, Search Console, Shopify): the client, KPI and column.
    #[serde(default)]
    pub metric: Option<MetricChoice>,
}

impl ImportOptions {
    /// Dates read as the file shows, else in `usual` order; columns remembered or guessed.
    pub fn usual(usual: DateOrder) -> ImportOptions {
        ImportOptions { dates: None, usual, mapping: None, source: None, aliases: Vec::new(), paid_on_due_date: false, metric: None }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct RowError {
    /// The row as a spreadsheet numbers it (the header is row 1).
    pub row: usize,
    /// The column at fault, when one is.
    pub column: Option<String>,
    pub message: String,
}

impl RowError {
    fn from_error(row: usize, e: Error) -> RowError {
        // Input fields of invoice lines are "lines.N.amount"; the file's column is "amount".
        let column = e.field.map(|f| f.rsplit('.').next().unwrap_or(&f).to_owned());
        RowError { row, column, message: e.message }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct RowPlan {
    pub row: usize,
    pub outcome: Outcome,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ImportReport {
    pub kind: ImportKind,
    /// True when the rows were written; false for a preview or when any row was refused.
    pub committed: bool,
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// The first rows, with what happens to each.
    pub rows: Vec<RowPlan>,
    pub errors: Vec<RowError>,
    /// All errors, including any beyond those listed.
    pub error_count: u32,
    /// True when the owner stopped it part way: nothing was written and the counts are partial.
    pub stopped: bool,
    /// The tool the file was read as coming from, and its name.
    pub source: Source,
    pub source_label: String,
    /// The file's columns with example values, for the owner to match.
    pub columns: Vec<FileColumn>,
    /// What each column can be read as.
    pub fields: Vec<fields::FieldDoc>,
    /// True when the file says which invoices are paid but not when: the owner is asked whether
    /// to count them as paid on their due date.
    pub asks_paid_on_due_date: bool,
    /// The column choices used; null when the file could not be read that far.
    pub mapping: Option<Mapping>,
    /// The name of the remembered choices used, if any.
    pub remembered: Option<String>,
    /// How values are read, in plain words (a status rule, where amounts come from…).
    pub rules: Vec<String>,
    /// How the file's dates were read.
    pub dates: Option<DatesRead>,
    /// Rows left out on purpose (drafts, a report's total line, internal time), with why.
    pub skipped: Vec<Skipped>,
    /// Names no client has that look like one, for the owner to confirm.
    pub suggestions: Vec<ClientSuggestion>,
    /// For a file of daily figures: which client's KPI they are, from which column, and how a
    /// month is made — asked before anything can be previewed.
    pub metric: Option<MetricAsk>,
}

/// Imports `bytes` (CSV or XLSX) as `kind`. With `commit` false, or when any row is refused,
/// nothing is written and the report says what would happen or what is wrong.
pub fn import(store: &mut Store, kind: ImportKind, file_name: &str, bytes: &[u8], options: ImportOptions, commit: bool, today: NaiveDate) -> Result<ImportReport> {
    import_watched(store, kind, file_name, bytes, options, commit, today, &|_, _| true)
}

/// [`import`], telling `progress` how far it has come; when `progress` returns false the import
/// stops, everything is rolled back, and the report says `stopped`.
#[allow(clippy::too_many_arguments)]
pub fn import_watched(
    store: &mut Store,
    kind: ImportKind,
    file_name: &str,
    bytes: &[u8],
    options: ImportOptions,
    commit: bool,
    today: NaiveDate,
    progress: Progress<'_>,
) -> Result<ImportReport> {
    let convert::Converted { table, skipped: converted, kind, options, metric } = convert::convert(store, file_name, bytes, kind, options, today)?;
    let is_converted = converted.is_some();
    let columns: Vec<FileColumn> = table
        .headers
        .iter()
        .enumerate()
        .map(|(i, header)| FileColumn { header: header.clone(), samples: table.rows.iter().take(mapping::SAMPLE_ROWS).map(|(_, v)| v.get(i).cloned().unwrap_or_default()).collect() })
        .collect();
    let samples: Vec<Vec<String>> = table.rows.iter().take(mapping::SAMPLE_ROWS).map(|(_, v)| v.clone()).collect();
    let header_key = mapping::headers_key(&table.headers);
    let remembered = if options.mapping.is_none() && options.source.is_none() { store.remembered_mapping(&header_key)? } else { None };
    let remembered = remembered.and_then(|stored| mapping::from_stored(&stored).map(|m| (stored.name, m)));
    let (remembered, mapping) = match (options.mapping, remembered) {
        (Some(m), _) => (None, m),
        (None, Some((name, m))) => (Some(name), m),
        (None, None) => {
            let source = options.source.unwrap_or_else(|| Source::detect(&table.headers));
            (None, mapping::guess(source.kind().unwrap_or(kind), source, &table.headers, &samples))
        }
    };
    let mut mapping = mapping;
    mapping.paid_on_due_date |= options.paid_on_due_date;
    let kind = mapping.kind;
    let mut report = ImportReport {
        kind,
        committed: false,
        created: 0,
        updated: 0,
        unchanged: 0,
        rows: Vec::new(),
        errors: Vec::new(),
        error_count: 0,
        stopped: false,
        source: mapping.source,
        source_label: mapping.source.label().to_owned(),
        columns,
        fields: fields::docs(kind),
        asks_paid_on_due_date: kind == ImportKind::Invoices && mapping.column_of("paid_on").is_none() && (mapping.column_of("status").is_some() || mapping.column_of("amount_due").is_some()),
        mapping: Some(mapping.clone()),
        remembered,
        rules: dates::rules(&mapping, &table.headers),
        dates: None,
        skipped: Vec::new(),
        suggestions: Vec::new(),
        metric,
    };
    if let Some(e) = repeated_column(&table.headers, &mapping) {
        report.errors = vec![e];
        report.error_count = 1;
        return Ok(report);
    }
    if let Err(e) = mapping.check(&table.headers) {
        report.errors = vec![RowError { row: 1, column: None, message: e.message }];
        report.error_count = 1;
        return Ok(report);
    }
    if let Some(ask) = report.metric.as_ref().filter(|m| !m.is_answered() || table.rows.is_empty()) {
        let message = if ask.is_answered() { "The file holds no whole month: export it from the first day of a month to the last." } else { "Choose the client and the KPI these figures are for." };
        report.skipped = converted.unwrap_or_default();
        report.errors = vec![RowError { row: 1, column: None, message: message.to_owned() }];
        report.error_count = 1;
        return Ok(report);
    }
    if table.rows.is_empty() {
        return Err(Error::validation("file", "The file has a header but no rows to import."));
    }
    let dates = dates::read_order(&table, &mapping, options.dates, options.usual);
    let day_first = dates.order == DateOrder::DayFirst;
    report.dates = Some(dates);
    // A row that does not line up with the header would put values in the wrong columns (an
    // unquoted "1,250.00" is two cells): `prepare` makes it an error, never a row with cells dropped.
    // Amounts are read in the studio's currency: without one, 1,000.00 would be read with two
    // decimals and shown as 100,000 after `init --currency JPY`.
    let Some(studio) = store.studio()? else {
        return Err(Error::validation("file", "Set up the studio first (its name and currency): amounts are read in the studio's currency. Nothing was imported."));
    };
    let facts = prepare::Studio { name: &studio.name, currency: &studio.currency, minor_digits: store.minor_digits()?, today, day_first };
    let prepared = prepare::prepare(&table, &mapping, &facts);
    report.skipped = converted.unwrap_or_default().into_iter().chain(prepared.skipped).collect();
    let mut shape_errors = prepared.errors;
    let index: HashMap<&'static str, usize> = prepared.headers.iter().enumerate().map(|(i, h)| (*h, i)).collect();
    let table = table::Table { headers: prepared.headers.iter().map(|h| (*h).to_owned()).collect(), rows: prepared.rows };
    let remember = (!is_converted && mapping.source != Source::Clientwell || !mapping::is_plain(&mapping, &columns_of(&report))).then(|| (header_key.clone(), mapping.clone()));
    let total = table.rows.len() as u32;
    // Rows done so far; true while the owner has not pressed Stop.
    let go_on = |done: usize| done % PROGRESS_EVERY != 0 || progress(done as u32, total);
    if !progress(0, total) {
        report.stopped = true;
        return Ok(report);
    }
    let minor_digits = facts.minor_digits;
    let now = now_stamp();
    let people = people::People::of(&store.book()?);
    // A preview runs the rows on a copy in memory: it never takes the book's write lock.
    let mut copy = if commit { None } else { Some(store.copy_in_memory()?) };
    let target = copy.as_mut().unwrap_or(store);
    target.write_if(|tx| {
        let (clients, similar) = aliases::client_names(tx, &options.aliases)?;
        let mut cx = Ctx { tx, now: &now, today, minor_digits, day_first, clients, similar, people, suggestions: Default::default(), hours_written: HashMap::new() };
        let mut errors = std::mem::take(&mut shape_errors);
        let record = |report: &mut ImportReport, row: usize, outcome: Outcome, summary: String| {
            match outcome {
                Outcome::Created => report.created += 1,
                Outcome::Updated => report.updated += 1,
                Outcome::Unchanged => report.unchanged += 1,
            }
            if report.rows.len() < LISTED_ROWS {
                report.rows.push(RowPlan { row, outcome, summary });
            }
        };
        let cells: Vec<(usize, Cells<'_>)> = table.rows.iter().map(|(row, values)| (*row, Cells { values, index: &index })).collect();
        let mut done = 0;
        if kind == ImportKind::Invoices {
            for group in invoices::group(cells) {
                match invoices::apply(&mut cx, &group) {
                    Ok((row, outcome, summary)) => record(&mut report, row, outcome, summary),
                    Err(mut row_errors) => errors.append(&mut row_errors),
                }
                // An invoice's lines are several rows: count each, so progress stays in rows.
                for _ in 0..group.rows.len() {
                    done += 1;
                    if !go_on(done) {
                        report.stopped = true;
                        return Ok((report, false));
                    }
                }
            }
        } else {
            let apply = match kind {
                ImportKind::Clients => rows::client,
                ImportKind::Contracts => rows::contract,
                ImportKind::Stakeholders => rows::stakeholder,
                ImportKind::Kpis => rows::kpi,
                ImportKind::KpiValues => rows::kpi_value,
                ImportKind::Touchpoints => rows::touchpoint,
                ImportKind::SurveyAnswers => rows::survey_answer,
                ImportKind::Hours => rows::hours,
                ImportKind::Milestones => rows::milestone,
                ImportKind::Deliverables => rows::deliverable,
                ImportKind::Issues => rows::issue,
                ImportKind::Opportunities => rows::opportunity,
                ImportKind::Risks => rows::risk,
                ImportKind::Testimonials => rows::testimonial,
                ImportKind::Referrals => rows::referral,
                ImportKind::Invoices => unreachable!("handled above"),
            };
            for (row, cells) in &cells {
                match apply(&mut cx, cells) {
                    Ok((outcome, summary)) => record(&mut report, *row, outcome, summary),
                    Err(found) => {
                        for e in found {
                            // Storage failures are not the file's fault: stop and report them as such.
                            if !e.is_user_error() {
                                return Err(e);
                            }
                            errors.push(RowError::from_error(*row, e));
                        }
                    }
                }
                done += 1;
                if !go_on(done) {
                    report.stopped = true;
                    return Ok((report, false));
                }
            }
        }
        progress(total, total);
        errors.sort_by_key(|e| e.row);
        report.error_count = errors.len() as u32;
        errors.truncate(LISTED_ERRORS);
        report.errors = errors;
        report.suggestions = aliases::with_rows(cx.suggestions.take(), &report.errors);
        report.committed = commit && report.errors.is_empty();
        if report.committed {
            aliases::remember(tx, &options.aliases, &now)?;
        }
        if let (true, Some((key, mapping))) = (report.committed, &remember) {
            let name = report.remembered.clone().unwrap_or_else(|| mapping::default_name(mapping, file_name));
            let name = crate::store::mappings::remember(tx, key, &name, mapping.kind.as_str(), mapping.source.as_str(), &mapping.fields, mapping.paid_on_due_date, &now)?;
            report.remembered = Some(name);
        }
        let keep = report.committed;
        Ok((report, keep))
    })
}

/// Two columns with the same name, one of them read: which one the owner meant is unknown.
fn repeated_column(headers: &[String], mapping: &Mapping) -> Option<RowError> {
    let keys: Vec<String> = headers.iter().map(|h| fields::header_key(h)).collect();
    keys.iter().enumerate().find_map(|(i, key)| {
        let twin = keys[..i].iter().position(|k| k == key && !k.is_empty())?;
        let read = mapping.fields.get(i).is_some_and(Option::is_some) || mapping.fields.get(twin).is_some_and(Option::is_some);
        read.then(|| RowError { row: 1, column: Some(headers[i].clone()), message: format!("The column '{}' appears twice; rename or remove one.", headers[i]) })
    })
}

fn columns_of(report: &ImportReport) -> Vec<String> {
    report.columns.iter().map(|c| c.header.clone()).collect()
}


#[cfg(test)]
mod tests;
#[cfg(test)]
mod source_tests;
#[cfg(test)]
mod name_tests;
#[cfg(test)]
mod kind_tests;
#[cfg(test)]
mod calendar_tests;
#[cfg(test)]
mod responses_tests;
#[cfg(test)]
mod metrics_tests;
