//! What an `.xlsx` may make the reader allocate, checked before the spreadsheet reader sees it.
//!
//! An `.xlsx` is a zip of XML files, and the reader trusts what they declare: a 1 KB file with
//! one cell at XFD1048576 (or a `<dimension>` saying so) makes it allocate a range of 17 billion
//! cells, a `uniqueCount` of a billion reserves a billion strings, and a zip bomb expands to
//! gigabytes. So every entry is decompressed here first, counting the bytes it really holds
//! (not the size its header claims) and stopping at the limit, and the sheets' cell positions and
//! declared counts are read to bound the area the reader will build.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

use crate::error::{Error, Result};

/// The most the files inside one `.xlsx` may hold, unzipped (a 10,000-row export is ~5 MB).
pub const MAX_UNZIPPED_BYTES: u64 = 200 * 1024 * 1024;
/// The largest sheet area (rows × columns from the first cell to the last) read: 100,000 rows
/// of 20 columns, or 10,000 rows of 200.
pub const MAX_CELLS: u64 = 2_000_000;

fn refuse(message: String) -> Error {
    Error::validation("file", format!("{message} Nothing was imported; save the sheet with only the rows and columns to import, or as CSV."))
}

/// Refuses a spreadsheet that would make the reader allocate beyond the limits above.
pub fn check(bytes: &[u8]) -> Result<()> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::validation("file", format!("The Excel file could not be opened: {e}")))?;
    let mut total = 0u64;
    for index in 0..zip.len() {
        let mut entry = zip.by_index(index).map_err(|e| Error::validation("file", format!("The Excel file could not be opened: {e}")))?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let left = MAX_UNZIPPED_BYTES - total;
        let mut xml = Vec::new();
        // One byte past what is left tells "exactly at the limit" from "beyond it".
        (&mut entry).take(left + 1).read_to_end(&mut xml).map_err(|e| Error::validation("file", format!("The Excel file is damaged ({name}: {e}).")))?;
        total += xml.len() as u64;
        if total > MAX_UNZIPPED_BYTES {
            return Err(refuse(format!("The Excel file unpacks to more than {} MB.", MAX_UNZIPPED_BYTES / 1024 / 1024)));
        }
        if name.starts_with("xl/worksheets/") && name.ends_with(".xml") {
            check_sheet(&name, &xml)?;
        } else if name == "xl/sharedStrings.xml" {
            check_counts(&xml)?;
        }
    }
    Ok(())
}

/// The area from the first to the last cell, and any `<dimension>`, within [`MAX_CELLS`].
fn check_sheet(name: &str, xml: &[u8]) -> Result<()> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let (mut rows, mut cols) = ((u64::MAX, 0u64), (u64::MAX, 0u64));
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let wanted = match e.local_name().as_ref() {
                    "c" => "r",
                    "dimension" => "ref",
                    _ => "",
                };
                if !wanted.is_empty() {
                    for attr in e.attributes().flatten().filter(|a| a.key.local_name().as_ref() == wanted) {
                        for cell in attr.value.split(':') {
                            if let Some((r, c)) = position(cell) {
                                rows = (rows.0.min(r), rows.1.max(r));
                                cols = (cols.0.min(c), cols.1.max(c));
                            }
                        }
                    }
                }
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(Error::validation("file", format!("The Excel file is damaged ({name}: {e})."))),
            _ => {}
        }
        buf.clear();
    }
    if rows.1 == 0 {
        return Ok(());
    }
    let area = (rows.1 - rows.0 + 1).saturating_mul(cols.1 - cols.0 + 1);
    if area > MAX_CELLS {
        return Err(refuse(format!(
            "The sheet reaches row {} and column {} ({area} cells); at most {MAX_CELLS} cells can be read.",
            rows.1,
            cols.1
        )));
    }
    Ok(())
}

/// The shared strings' declared counts, which the reader reserves room for up front.
fn check_counts(xml: &[u8]) -> Result<()> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                for attr in e.attributes().flatten() {
                    if matches!(attr.key.local_name().as_ref(), "count" | "uniqueCount") {
                        let n: u64 = attr.value.trim().parse().unwrap_or(u64::MAX);
                        if n > MAX_CELLS {
                            return Err(refuse(format!("The Excel file declares {n} texts; at most {MAX_CELLS} can be read.")));
                        }
                    }
                }
                return Ok(());
            }
            Ok(Event::Eof) => return Ok(()),
            Err(e) => return Err(Error::validation("file", format!("The Excel file is damaged (xl/sharedStrings.xml: {e})."))),
            _ => {}
        }
        buf.clear();
    }
}

/// "XFD1048576" as (row 1048576, column 16384), both from 1; None for anything else.
fn position(cell: &str) -> Option<(u64, u64)> {
    let cell = cell.as_bytes();
    let cell = cell.strip_prefix(b"$").unwrap_or(cell);
    let letters = cell.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let (col, row) = cell.split_at(letters);
    let row = row.strip_prefix(b"$").unwrap_or(row);
    if letters == 0 || letters > 3 || row.is_empty() || !row.iter().all(u8::is_ascii_digit) || row.len() > 7 {
        return None;
    }
    let col = col.iter().fold(0u64, |n, b| n * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1));
    let row: u64 = std::str::from_utf8(row).ok()?.parse().ok()?;
    Some((row, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_positions_read_as_rows_and_columns() {
        assert_eq!(position("A1"), Some((1, 1)));
        assert_eq!(position("XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(position("$B$7"), Some((7, 2)));
        assert_eq!(position("7"), None);
    }
}
