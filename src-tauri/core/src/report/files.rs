//! Saving documents where the owner chose: safe file names, whole files only, and the batch of
//! every current client's summary rendered on all cores.

use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use super::{monthly_summary, qbr_report, render_monthly, render_qbr, Month, Quarter};
use crate::book::ClientStatus;
use crate::error::{Error, Result};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SavedReport {
    pub client: String,
    pub path: String,
    /// The file's size in bytes.
    pub size: u32,
}

/// "2026-10 Acme Ltd — Monthly summary.pdf".
pub fn monthly_file_name(client: &str, month: Month) -> String {
    file_name(&month.key(), client, "Monthly summary")
}

/// "2027-Q2 Acme Ltd — QBR.pdf" (the client's fiscal quarter).
pub fn qbr_file_name(client: &str, quarter: Quarter) -> String {
    file_name(&quarter.key(), client, "QBR")
}

/// A file name that is safe on macOS, Windows and Linux whatever the client is called: no path
/// separators or reserved characters, no reserved Windows device names, at most 120 characters.
pub(super) fn file_name(prefix: &str, client: &str, what: &str) -> String {
    let safe: String = client.chars().map(|c| if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') { '_' } else { c }).collect();
    let safe: String = safe.trim().trim_matches('.').chars().take(80).collect();
    let name = [prefix, safe.trim(), "—", what].iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(" ");
    let stem = name.split(['.', ' ']).next().unwrap_or("").to_ascii_uppercase();
    let reserved = ["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str()) || ((stem.starts_with("COM") || stem.starts_with("LPT")) && stem.len() == 4);
    let name: String = if reserved { format!("Report {name}") } else { name }.chars().take(120).collect();
    format!("{}.pdf", name.trim_end())
}

/// Writes `bytes` to `path` through a temporary file renamed into place, so a failure never
/// leaves half a PDF where the owner expects a whole one.
fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !folder.is_dir() {
        return Err(Error::validation("path", format!("The folder {} does not exist.", folder.display())));
    }
    let tmp = folder.join(format!(".{}.part", path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()));
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::validation("path", format!("Could not save {}: {e}", path.display()))
    })
}

/// Saves the monthly summary of one client as a PDF at `path` (chosen by the owner).
pub fn save_monthly(store: &Store, client_id: i64, month: Month, today: NaiveDate, path: &Path) -> Result<SavedReport> {
    let summary = monthly_summary(store, client_id, month, today)?;
    let bytes = render_monthly(&summary)?.bytes;
    write_file(path, &bytes)?;
    Ok(SavedReport { client: summary.client, path: path.display().to_string(), size: bytes.len() as u32 })
}

pub fn save_qbr(store: &Store, client_id: i64, quarter: Quarter, today: NaiveDate, path: &Path) -> Result<SavedReport> {
    let report = qbr_report(store, client_id, quarter, today)?;
    let bytes = render_qbr(&report)?.bytes;
    write_file(path, &bytes)?;
    Ok(SavedReport { client: report.client, path: path.display().to_string(), size: bytes.len() as u32 })
}

/// Saves the monthly summary of every current client (onboarding, active or paused, not
/// archived) into `folder`. The summaries are read from the book first; then the PDFs are drawn
/// and written on every core. `progress(done, total)` is called after each file, from any thread;
/// when it returns false (the owner pressed Stop) no further file is started, and the files
/// already written are returned (each is whole: files are written then renamed into place).
pub fn save_monthly_batch(store: &Store, month: Month, today: NaiveDate, folder: &Path, progress: &(dyn Fn(u32, u32) -> bool + Sync)) -> Result<Vec<SavedReport>> {
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
    let total = summaries.len() as u32;
    let done = AtomicU32::new(0);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(summaries.len().max(1));
    let chunk = summaries.len().div_ceil(workers).max(1);
    let results: Vec<Result<Vec<SavedReport>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = summaries
            .chunks(chunk)
            .map(|part| {
                let (done, stop) = (&done, &stop);
                scope.spawn(move || {
                    part.iter()
                        .take_while(|_| !stop.load(Ordering::SeqCst))
                        .map(|s| {
                            let path = folder.join(monthly_file_name(&s.client, month));
                            let bytes = render_monthly(s)?.bytes;
                            write_file(&path, &bytes)?;
                            if !progress(done.fetch_add(1, Ordering::SeqCst) + 1, total) {
                                stop.store(true, Ordering::SeqCst);
                            }
                            Ok(SavedReport { client: s.client.clone(), path: path.display().to_string(), size: bytes.len() as u32 })
                        })
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err(Error::internal("A report could not be drawn (this is a bug); the other files were saved.")))).collect()
    });
    let mut saved = Vec::with_capacity(summaries.len());
    for part in results {
        saved.extend(part?);
    }
    Ok(saved)
}
