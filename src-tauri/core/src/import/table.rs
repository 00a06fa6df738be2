//! Reading a spreadsheet file (CSV or XLSX) into rows of text cells, before any meaning is given
//! to them. CSV: UTF-8 with or without a BOM, separated by `,`, `;` or tabs (guessed from the
//! header line). XLSX: the first sheet; dates become YYYY-MM-DD, numbers their shortest form.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

use super::RowError;
use crate::error::{Error, Result};

/// Files larger than this are refused before reading (a studio's exports are far smaller).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    /// Data rows with their row number as a spreadsheet shows it (the header is row 1).
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Refuses a file over [`MAX_BYTES`], before it is read.
pub fn check_size(bytes: u64) -> Result<()> {
    if bytes > MAX_BYTES as u64 {
        return Err(Error::validation("file", format!("The file is {} MB; files up to {} MB can be imported.", bytes / 1_000_000, MAX_BYTES / 1_000_000)));
    }
    Ok(())
}

pub fn read(file_name: &str, bytes: &[u8]) -> Result<Table> {
    check_size(bytes.len() as u64)?;
    // XLSX files are zip archives: "PK" at the start.
    let table = if bytes.starts_with(b"PK") || file_name.to_ascii_lowercase().ends_with(".xlsx") {
        super::xlsx_limits::check(bytes)?;
        read_xlsx(bytes)?
    } else {
        read_csv(bytes)?
    };
    if table.headers.iter().all(|h| h.trim().is_empty()) {
        return Err(Error::validation("file", "The file is empty: it needs a header row naming the columns, then one row per record."));
    }
    Ok(table)
}

/// Some reports print a title, the company and the dates above their table: then the header is
/// the first of the first rows that names two fields or more, and the lines above it are dropped.
pub fn reheader(table: Table) -> Table {
    let known = |cells: &[String]| cells.iter().filter(|h| super::fields::is_known_header(h)).count();
    if known(&table.headers) >= 2 {
        return table;
    }
    let Some(at) = table.rows.iter().take(20).position(|(_, cells)| known(cells) >= 2) else { return table };
    let mut rows = table.rows;
    let (_, headers) = rows.remove(at);
    rows.drain(..at);
    Table { headers: headers.into_iter().map(|h| h.trim().to_owned()).collect(), rows }
}

fn read_csv(bytes: &[u8]) -> Result<Table> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::validation("file", format!("The file is not UTF-8 text (byte {}); save it as “CSV UTF-8” and try again.", e.valid_up_to()))
    })?;
    // Guessed from the header line: the first line with a separator (a report's title has none).
    let first_line = text.lines().take(20).find(|l| l.contains([',', ';', '\t'])).unwrap_or("");
    let delimiter = [b',', b';', b'\t'].into_iter().rev().max_by_key(|d| first_line.matches(*d as char).count()).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = reader.records();
    // Rows are numbered as a spreadsheet shows the file: a blank line is a row of its own, and
    // a cell with line breaks keeps its record one row. The reader skips blank lines silently; a
    // record's position is where the reader began looking for it, so the blank lines are the
    // line breaks between that position and the record's first cell.
    let headers = match records.next() {
        Some(record) => record.map_err(csv_error)?.iter().map(|h| h.trim().to_owned()).collect(),
        None => Vec::new(),
    };
    let mut rows = Vec::new();
    let mut row = 1usize;
    for record in records {
        let record = record.map_err(csv_error)?;
        let from = record.position().map_or(0, |p| p.byte() as usize);
        let blank = text.as_bytes().get(from..).unwrap_or_default().iter().take_while(|&&b| b == b'\n' || b == b'\r').filter(|&&b| b == b'\n').count();
        row += 1 + blank;
        let cells: Vec<String> = record.iter().map(|c| super::export::unescape_formula(c.trim()).to_owned()).collect();
        if cells.iter().all(String::is_empty) {
            continue; // blank lines are not records
        }
        rows.push((row, cells));
    }
    Ok(Table { headers, rows })
}

fn csv_error(e: csv::Error) -> Error {
    let row = e.position().map(|p| format!(" near line {}", p.line())).unwrap_or_default();
    Error::validation("file", format!("The CSV file could not be read{row}: {e}"))
}

fn read_xlsx(bytes: &[u8]) -> Result<Table> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| Error::validation("file", format!("The Excel file could not be opened: {e}")))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| Error::validation("file", "The Excel file has no sheets."))?
        .map_err(|e| Error::validation("file", format!("The first sheet could not be read: {e}")))?;
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let mut lines = range.rows().enumerate();
    let headers = match lines.next() {
        Some((_, row)) => row.iter().map(|c| cell_text(c).unwrap_or_default().trim().to_owned()).collect(),
        None => Vec::new(),
    };
    let mut rows = Vec::new();
    for (index, row) in lines {
        let number = first_row as usize + index + 1;
        let cells = row
            .iter()
            .map(|c| cell_text(c).map(|t| t.trim().to_owned()).ok_or_else(|| Error::validation("file", format!("Row {number} has a cell with an Excel error (#N/A, #REF!…); fix it and try again."))))
            .collect::<Result<Vec<_>>>()?;
        if cells.iter().all(String::is_empty) {
            continue;
        }
        rows.push((number, cells));
    }
    Ok(Table { headers, rows })
}

fn cell_text(cell: &Data) -> Option<String> {
    Some(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Shortest text that reads back as the same number: 1234.5, not 1234.50000000001.
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        Data::DateTime(d) => d.as_datetime().map(|dt| dt.date().format("%Y-%m-%d").to_string())?,
        Data::DateTimeIso(s) => s.chars().take(10).collect(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_numbered_as_the_spreadsheet_shows_them_blank_lines_and_line_breaks_included() {
        let t = read("x.csv", b"name,goal\nA,one\n\n\nB,\"two\nlines\"\nC,three\n").unwrap();
        let numbers: Vec<usize> = t.rows.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [2, 5, 6], "{:?}", t.rows);
    }

    #[test]
    fn the_header_is_found_under_a_reports_title_lines() {
        let t = reheader(read("x.csv", b"Invoice List\nFox & Finch\n\"October 1-November 30, 2026\"\n\nDate,Num,Customer,Amount\n10/01/2026,1001,Harbour Bakery,100.00\n").unwrap());
        assert_eq!(t.headers, ["Date", "Num", "Customer", "Amount"]);
        assert_eq!(t.rows, vec![(6, vec!["10/01/2026".to_owned(), "1001".to_owned(), "Harbour Bakery".to_owned(), "100.00".to_owned()])]);
    }

    #[test]
    fn semicolons_and_a_bom_are_handled() {
        let t = read("x.csv", "\u{feff}name;goal\nHarbour Bakery;\"More, better\"\n\n".as_bytes()).unwrap();
        assert_eq!(t.headers, ["name", "goal"]);
        assert_eq!(t.rows, vec![(2, vec!["Harbour Bakery".to_owned(), "More, better".to_owned()])]);
    }

    #[test]
    fn commas_and_tabs_are_guessed_from_the_header() {
        assert_eq!(read("x.csv", b"a,b\n1,2\n").unwrap().rows[0].1, ["1", "2"]);
        assert_eq!(read("x.csv", b"a\tb\n1\t2\n").unwrap().rows[0].1, ["1", "2"]);
    }

    #[test]
    fn empty_and_non_utf8_files_are_refused_with_a_reason() {
        assert!(read("x.csv", b"").unwrap_err().message.contains("empty"));
        assert!(read("x.csv", b"name\n\xff\xfe").unwrap_err().message.contains("UTF-8"));
    }

    #[test]
    fn a_broken_xlsx_is_a_validation_error_not_a_panic() {
        assert_eq!(read("x.xlsx", b"PK\x03\x04 not really a zip").unwrap_err().kind, crate::ErrorKind::Validation);
    }
}

/// Why a row does not line up with the header: another number of cells (CSV), or a value under a
/// column that has no name.
pub(crate) fn misaligned(headers: &[String], row: usize, values: &[String]) -> Option<RowError> {
    if values.len() != headers.len() {
        return Some(RowError {
            row,
            column: None,
            message: format!(
                "This row has {} cells but the header has {}: a comma inside a value (like 1,250.00 or a goal with a comma) needs the value in quotes.",
                values.len(),
                headers.len()
            ),
        });
    }
    let stray = values.iter().zip(headers).position(|(value, header)| !value.is_empty() && header.trim().is_empty())?;
    Some(RowError { row, column: None, message: format!("Cell {} of this row holds '{}', but its column has no name in the header.", stray + 1, values[stray]) })
}
