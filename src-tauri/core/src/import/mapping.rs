//! Which of a file's columns fills which field: guessed from the header (the tool's own names,
//! then other names for the field, then the shape of the values), shown to the owner to adjust,
//! and remembered for the next file with the same header.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::columns::{Column, ImportKind};
use super::fields::{self, header_key, rank};
use super::sources::Source;
use crate::error::{Error, Result};

/// How many rows' values the guess looks at (and the dialog shows as examples).
pub const SAMPLE_ROWS: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Mapping {
    pub kind: ImportKind,
    pub source: Source,
    /// For each column of the file, in order: the field it fills, or null when it is not needed.
    pub fields: Vec<Option<String>>,
    /// The owner's rule for a file without payment dates (Xero's and QuickBooks' exports): a
    /// paid invoice counts as paid on its due date. Without it such an invoice is refused.
    #[serde(default)]
    pub paid_on_due_date: bool,
}

/// One of the file's columns as the mapping step shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct FileColumn {
    pub header: String,
    /// The first few values, as examples.
    pub samples: Vec<String>,
}

/// The key two files share when their headers are the same (any case, spacing or marks).
pub fn headers_key(headers: &[String]) -> String {
    headers.iter().map(|h| header_key(h)).collect::<Vec<_>>().join("\u{1f}")
}

/// The best guess for `headers` as `kind` from `source`.
pub fn guess(kind: ImportKind, source: Source, headers: &[String], samples: &[Vec<String>]) -> Mapping {
    let mut chosen: Vec<Option<String>> = vec![None; headers.len()];
    let mut taken: Vec<bool> = vec![false; headers.len()];
    let all = fields::fields(kind);
    // The tool's own names first: "" marks a column the tool exports that must not be guessed.
    for (i, h) in headers.iter().enumerate() {
        let key = header_key(h);
        if let Some((_, field)) = source.preset().iter().find(|(k, _)| *k == key) {
            taken[i] = true;
            if !field.is_empty() && all.iter().any(|c| c.name == *field) && !chosen.iter().flatten().any(|f| f == field) {
                chosen[i] = Some((*field).to_owned());
            }
        }
    }
    for field in &all {
        if chosen.iter().flatten().any(|f| f == field.name) {
            continue;
        }
        let shape = fields::shape(field.name);
        let best = headers
            .iter()
            .enumerate()
            .filter(|(i, _)| !taken[*i])
            .filter_map(|(i, h)| rank(kind, field.name, h).map(|r| (r, i)))
            // A column named as the field is taken whatever its values: the rows' checks explain them.
            .filter(|(r, i)| *r == 0 || samples.iter().filter_map(|row| row.get(*i)).all(|v| fields::fits(shape, v)))
            .min();
        if let Some((_, i)) = best {
            taken[i] = true;
            chosen[i] = Some(field.name.to_owned());
        }
    }
    Mapping { kind, source, fields: chosen, paid_on_due_date: false }
}

impl Mapping {
    /// Refuses a mapping that does not fit the file or the kind: another number of columns, a
    /// field that does not exist, a field filled twice, or a required field left out.
    pub fn check(&self, headers: &[String]) -> Result<()> {
        if self.fields.len() != headers.len() {
            return Err(Error::validation(
                "mapping",
                format!("The saved column choices are for a file with {} columns; this file has {}. Choose the columns again.", self.fields.len(), headers.len()),
            ));
        }
        let all = fields::fields(self.kind);
        let mut seen: Vec<&str> = Vec::new();
        for (field, header) in self.fields.iter().zip(headers) {
            let Some(field) = field else { continue };
            let Some(known) = all.iter().find(|c| c.name == field) else {
                return Err(Error::validation("mapping", format!("'{field}' is not something {} can hold (column '{header}').", self.kind.title().to_lowercase())));
            };
            if seen.contains(&known.name) {
                return Err(Error::validation("mapping", format!("Two columns are read as {}; choose one.", known.name)));
            }
            seen.push(known.name);
        }
        let missing: Vec<String> = self
            .required(&all)
            .into_iter()
            .filter(|f| !seen.contains(f))
            .map(|f| all.iter().find(|c| c.name == f).map_or(f.to_owned(), |c| format!("{f} ({})", c.help.trim_end_matches('.').to_lowercase())))
            .collect();
        if !missing.is_empty() {
            let many = if missing.len() == 1 { "the column that holds" } else { "the columns that hold" };
            return Err(Error::validation("mapping", format!("Choose {many} {}: required.", missing.join("; "))));
        }
        Ok(())
    }

    /// The required fields, less those a tool's export may give another way: an invoice from a
    /// tool without lines gets its number as its description.
    fn required(&self, all: &[Column]) -> Vec<&'static str> {
        all.iter().filter(|c| c.required).map(|c| c.name).filter(|f| !(self.kind == ImportKind::Invoices && *f == "description")).collect()
    }

    /// The column that fills `field`, if any.
    pub fn column_of(&self, field: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.as_deref() == Some(field))
    }
}

/// Remembered choices in a form the import can use; None when this build does not know the
/// kind or source they name (then the file is guessed afresh).
pub fn from_stored(stored: &crate::store::mappings::StoredMapping) -> Option<Mapping> {
    Some(Mapping { kind: ImportKind::parse(&stored.kind)?, source: Source::parse(&stored.source)?, fields: stored.fields.clone(), paid_on_due_date: stored.paid_on_due_date })
}

/// The choices saved under `name` (any case), for the CLI's `--mapping`.
pub fn named(store: &crate::store::Store, name: &str) -> Result<Mapping> {
    let saved = store.saved_mappings()?;
    let key = crate::book::text::name_key(name);
    let found = saved.iter().find(|s| crate::book::text::name_key(&s.name) == key);
    match found.and_then(from_stored) {
        Some(m) => Ok(m),
        None => {
            let names: Vec<&str> = saved.iter().map(|s| s.name.as_str()).collect();
            let known = if names.is_empty() { "none are saved yet (an import saves its column choices)".to_owned() } else { format!("the saved ones are: {}", names.join(", ")) };
            Err(Error::validation("mapping", format!("No column choices are saved as '{}'; {known}.", name.trim())))
        }
    }
}

/// The name new choices are remembered under: the tool's, or the kind and the file's.
pub fn default_name(mapping: &Mapping, file_name: &str) -> String {
    match mapping.source {
        Source::Clientwell => format!("{} ({file_name})", mapping.kind.title()),
        source => source.label().to_owned(),
    }
}

/// True when every column is read as the field of its own name: a file in Clientwell's columns,
/// which needs nothing remembered.
pub fn is_plain(mapping: &Mapping, headers: &[String]) -> bool {
    mapping.fields.iter().zip(headers).all(|(f, h)| f.as_deref().is_some_and(|f| header_key(f) == header_key(h)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_tools_header_is_guessed_with_its_own_names_first() {
        let headers = strings(&["*ContactName", "EmailAddress", "*InvoiceNumber", "*InvoiceDate", "*DueDate", "Total", "*Description", "LineAmount", "InvoiceAmountDue", "Status"]);
        let samples = vec![strings(&["Harbour Bakery", "a@b.c", "INV-1", "01/11/2026", "15/11/2026", "1500.00", "Retainer", "1250.00", "0.00", "PAID"])];
        let m = guess(ImportKind::Invoices, Source::Xero, &headers, &samples);
        let got: Vec<Option<&str>> = m.fields.iter().map(|f| f.as_deref()).collect();
        // The email address is read only to suggest a client when the name matches none.
        assert_eq!(got, [Some("client"), Some("client_email"), Some("number"), Some("issued_on"), Some("due_on"), None, Some("description"), Some("amount"), Some("amount_due"), Some("status")]);
        assert!(m.check(&headers).is_ok());
    }

    #[test]
    fn a_column_whose_values_have_the_wrong_shape_is_not_guessed() {
        let headers = strings(&["Client", "Date", "Hours"]);
        let samples = vec![strings(&["Harbour Bakery", "last week", "2.5"])];
        let m = guess(ImportKind::Hours, Source::Clientwell, &headers, &samples);
        assert_eq!(m.fields, [Some("client".to_owned()), None, Some("hours".to_owned())]);
        let err = m.check(&headers).unwrap_err();
        assert!(err.message.contains("holds month (the month worked"), "{}", err.message);
    }

    #[test]
    fn a_mapping_that_does_not_fit_the_file_is_refused() {
        let headers = strings(&["Client", "Month", "Hours"]);
        let mut m = guess(ImportKind::Hours, Source::Clientwell, &headers, &[]);
        assert!(m.check(&strings(&["Client", "Month"])).unwrap_err().message.contains("3 columns"));
        m.fields[2] = Some("month".into());
        assert!(m.check(&headers).unwrap_err().message.contains("Two columns"));
        m.fields[2] = Some("colour".into());
        assert!(m.check(&headers).unwrap_err().message.contains("'colour'"));
    }

    #[test]
    fn headers_that_differ_only_in_case_and_marks_share_a_key() {
        assert_eq!(headers_key(&strings(&["*ContactName", "Invoice Number"])), headers_key(&strings(&["contactname", "invoice_number"])));
        assert_ne!(headers_key(&strings(&["a", "b"])), headers_key(&strings(&["b", "a"])));
    }
}
