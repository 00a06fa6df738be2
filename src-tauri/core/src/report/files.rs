//! Saving documents where the owner chose: safe file names, whole files only, and the batch of
//! every current client's summary rendered on all cores.

use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{monthly_summary, qbr_report, render_monthly, render_qbr, render_qbr_deck, Month, Quarter};
use crate::book::ClientStatus;
use super::MonthlySummary;
use crate::error::{Error, Result};
use crate::output::{self, Existing};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SavedReport {
    pub client: String,
    pub path: String,
    /// The file's size in bytes.
    pub size: u32,
    /// Texts in it that the font cannot print (they show as '?').
    pub unprintable: Vec<String>,
}

/// "2026-10 Acme Ltd — Monthly summary.pdf".
pub fn monthly_file_name(client: &str, month: Month) -> String {
    file_name(&month.key(), client, "Monthly summary")
}

/// Which QBR document: the written pre-read (A4 or Letter), or the 16:9 slides for the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum QbrFormat {
    Report,
    Slides,
}

/// "2027-Q2 Acme Ltd — QBR.pdf" or "… — QBR slides.pdf" (the client's fiscal quarter).
pub fn qbr_file_name(client: &str, quarter: Quarter, format: QbrFormat) -> String {
    file_name(&quarter.key(), client, if format == QbrFormat::Slides { "QBR slides" } else { "QBR" })
}

/// The longest file name written, in bytes: file systems allow 255, and the temporary name and
/// a " (2)" for a second client of the same file name need a little room.
const MAX_NAME_BYTES: usize = 200;

/// A file name that is safe on macOS, Windows and Linux whatever the client is called: no path
/// separators or reserved characters, no reserved Windows device names, at most 200 bytes (an
/// 80-character name in Chinese is 240 bytes; the name is cut at a character, never inside one).
pub(super) fn file_name(prefix: &str, client: &str, what: &str) -> String {
    let safe: String = client.chars().map(|c| if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') { '_' } else { c }).collect();
    let safe = safe.trim().trim_matches('.').trim();
    let stem = safe.split(['.', ' ']).next().unwrap_or("").to_ascii_uppercase();
    let reserved = prefix.is_empty() && (["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str()) || ((stem.starts_with("COM") || stem.starts_with("LPT")) && stem.len() == 4));
    let lead = if reserved { "Report" } else { prefix };
    let join = |client: &str| [lead, client, "—", what].iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(" ") + ".pdf";
    let mut client = safe.to_owned();
    while join(&client).len() > MAX_NAME_BYTES {
        client.pop();
    }
    join(client.trim_end())
}

/// `name` made different from every name in `taken` (compared as case-insensitive file systems
/// do), by " (2)", " (3)"... before the extension; the new name is added to `taken`.
pub(crate) fn unique_name(name: String, taken: &mut std::collections::HashSet<String>) -> String {
    let (stem, ext) = name.rsplit_once('.').map_or((name.as_str(), ""), |(s, e)| (s, e));
    let mut candidate = name.clone();
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        candidate = format!("{stem} ({n}).{ext}");
        n += 1;
    }
    candidate
}

/// Saves the monthly summary of one client as a PDF at `path` (chosen by the owner).
pub fn save_monthly(store: &Store, client_id: i64, month: Month, today: NaiveDate, path: &Path, existing: Existing) -> Result<SavedReport> {
    let summary = monthly_summary(store, client_id, month, today)?;
    output::check(Some(store.path()), path, existing, "path")?;
    let pdf = render_monthly(&summary)?;
    output::save(Some(store.path()), path, &pdf.bytes, existing, "path")?;
    Ok(SavedReport { client: summary.client, path: path.display().to_string(), size: pdf.bytes.len() as u32, unprintable: pdf.unprintable })
}

pub fn save_qbr(store: &Store, client_id: i64, quarter: Quarter, today: NaiveDate, path: &Path, existing: Existing, format: QbrFormat) -> Result<SavedReport> {
    let report = qbr_report(store, client_id, quarter, today)?;
    output::check(Some(store.path()), path, existing, "path")?;
    let pdf = match format {
        QbrFormat::Report => render_qbr(&report)?,
        QbrFormat::Slides => render_qbr_deck(&report)?,
    };
    output::save(Some(store.path()), path, &pdf.bytes, existing, "path")?;
    Ok(SavedReport { client: report.client, path: path.display().to_string(), size: pdf.bytes.len() as u32, unprintable: pdf.unprintable })
}

/// What a batch did, file by file: nothing is left unsaid when some files could not be written
/// or the owner stopped it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct BatchReport {
    pub saved: Vec<SavedReport>,
    /// Files that were tried and could not be written, each with why.
    pub failed: Vec<FailedReport>,
    /// Clients whose file was not started because the owner pressed Stop.
    pub not_started: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct FailedReport {
    pub client: String,
    pub path: String,
    pub reason: String,
}

/// Saves the monthly summary of every current client (onboarding, active or paused, not
/// archived) into `folder`, one file each under a name no other client of the batch has. Every
/// target is checked before the first file is written: when some already exist and the owner
/// has not agreed to replace them, nothing is written and the error names them. The PDFs are
/// then drawn and written on every core; `progress(done, total)` is called after each file, from
/// any thread, and when it returns false (the owner pressed Stop) no further file is started.
/// Each file is whole (written, then renamed into place); the report lists what was saved, what
/// failed and why, and what was not started.
pub fn save_monthly_batch(store: &Store, month: Month, today: NaiveDate, folder: &Path, existing: Existing, progress: &(dyn Fn(u32, u32) -> bool + Sync)) -> Result<BatchReport> {
    if !folder.is_dir() {
        return Err(Error::validation("folder", format!("The folder {} does not exist.", folder.display())));
    }
    let current = [ClientStatus::Onboarding, ClientStatus::Active, ClientStatus::Paused];
    let summaries = store
        .clients(false)?
        .into_iter()
        .filter(|c| current.contains(&c.status))
        .map(|c| monthly_summary(store, c.id, month, today))
        .collect::<Result<Vec<_>>>()?;
    let mut taken = std::collections::HashSet::new();
    let jobs: Vec<_> = summaries.iter().map(|s| (s, folder.join(unique_name(monthly_file_name(&s.client, month), &mut taken)))).collect();
    let mut present = Vec::new();
    for (_, path) in &jobs {
        match output::check(Some(store.path()), path, existing, "folder") {
            Ok(()) => {}
            Err(e) if e.kind == crate::ErrorKind::Conflict => present.push(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()),
            Err(e) => return Err(e),
        }
    }
    if !present.is_empty() {
        let shown: Vec<String> = present.iter().take(3).map(|n| format!("'{n}'")).collect();
        let more = if present.len() > 3 { format!(" and {} more", present.len() - 3) } else { String::new() };
        return Err(Error::conflict(
            Some("folder"),
            format!(
                "{} of the {} files are already in {} ({}{more}), so nothing was written. Choose an empty folder, or agree to replace them.",
                present.len(),
                jobs.len(),
                folder.display(),
                shown.join(", ")
            ),
        ));
    }
    let total = jobs.len() as u32;
    let done = AtomicU32::new(0);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(jobs.len().max(1));
    let chunk = jobs.len().div_ceil(workers).max(1);
    let book = store.path();
    let outcomes: Vec<Vec<Outcome>> = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                let (done, stop) = (&done, &stop);
                scope.spawn(move || {
                    part.iter()
                        .map(|(s, path)| {
                            if stop.load(Ordering::SeqCst) {
                                return Outcome::NotStarted(s.client.clone());
                            }
                            let written = render_monthly(s).and_then(|pdf| output::save(Some(book), path, &pdf.bytes, existing, "folder").map(|()| pdf));
                            if !progress(done.fetch_add(1, Ordering::SeqCst) + 1, total) {
                                stop.store(true, Ordering::SeqCst);
                            }
                            let shown = path.display().to_string();
                            match written {
                                Ok(pdf) => Outcome::Saved(SavedReport { client: s.client.clone(), path: shown, size: pdf.bytes.len() as u32, unprintable: pdf.unprintable }),
                                Err(e) => Outcome::Failed(FailedReport { client: s.client.clone(), path: shown, reason: e.message }),
                            }
                        })
                        .collect()
                })
            })
            .collect();
        let parts: Vec<&[(&MonthlySummary, std::path::PathBuf)]> = jobs.chunks(chunk).collect();
        handles
            .into_iter()
            .zip(parts)
            .map(|(h, part)| {
                h.join().unwrap_or_else(|_| {
                    // A drawing bug in one worker: its files are reported as not written, by name.
                    part.iter().map(|(s, path)| Outcome::Failed(FailedReport { client: s.client.clone(), path: path.display().to_string(), reason: "The report could not be drawn (this is a bug).".into() })).collect()
                })
            })
            .collect()
    });
    let mut report = BatchReport { saved: Vec::new(), failed: Vec::new(), not_started: Vec::new() };
    for outcome in outcomes.into_iter().flatten() {
        match outcome {
            Outcome::Saved(s) => report.saved.push(s),
            Outcome::Failed(f) => report.failed.push(f),
            Outcome::NotStarted(c) => report.not_started.push(c),
        }
    }
    Ok(report)
}

enum Outcome {
    Saved(SavedReport),
    Failed(FailedReport),
    NotStarted(String),
}
