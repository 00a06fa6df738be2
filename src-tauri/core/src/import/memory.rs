//! What imports remember, for the owner to see and undo: the column choices kept per header
//! (so next month's export imports in one click) and the other names a client goes by in other
//! tools' files (so "Harbour Bakery Ltd" finds Harbour Bakery). Forgetting either never changes a
//! record: the next file is guessed, or its name asked about, again.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use specta::Type;

use super::{ImportKind, Source};
use crate::book::text::name_key;
use crate::error::{Error, Result};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct RememberedColumns {
    pub name: String,
    /// What the file holds and the tool it came from, in words.
    pub holds: String,
    pub source: String,
    /// How many of the file's columns are read.
    pub columns_read: u32,
    /// YYYY-MM-DD.
    pub saved_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct OtherName {
    /// As the owner confirmed it in a file.
    pub written: String,
    pub client_id: i64,
    pub client: String,
    pub saved_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ImportMemory {
    pub columns: Vec<RememberedColumns>,
    /// By client, then name.
    pub other_names: Vec<OtherName>,
}

/// Everything imports remember.
pub fn remembered(store: &Store) -> Result<ImportMemory> {
    let columns = store
        .saved_mappings()?
        .into_iter()
        .map(|m| RememberedColumns {
            holds: ImportKind::parse(&m.kind).map(|k| k.title().to_owned()).unwrap_or_else(|| m.kind.clone()),
            source: Source::parse(&m.source).map(|s| s.label().to_owned()).unwrap_or_else(|| m.source.clone()),
            columns_read: m.fields.iter().filter(|f| f.is_some()).count() as u32,
            saved_on: m.saved_at.chars().take(10).collect(),
            name: m.name,
        })
        .collect();
    let mut stmt = store.read().prepare_cached(
        "SELECT a.written, a.client_id, c.name, a.saved_at FROM client_alias a JOIN client c ON c.id = a.client_id ORDER BY name_key(c.name), name_key(a.written)",
    )?;
    let other_names = stmt
        .query_map([], |r| Ok(OtherName { written: r.get(0)?, client_id: r.get(1)?, client: r.get(2)?, saved_on: r.get::<_, String>(3)?.chars().take(10).collect() }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ImportMemory { columns, other_names })
}

/// Forgets the column choices saved as `name` (any case).
pub fn forget_columns(store: &mut Store, name: &str) -> Result<ImportMemory> {
    let gone = store.write(|tx| Ok(tx.execute("DELETE FROM import_mapping WHERE name_key = ?1", params![name_key(name)])?))?;
    if gone == 0 {
        return Err(Error::not_found(format!("No column choices are saved as '{}'.", name.trim())));
    }
    remembered(store)
}

/// Forgets that `written` is one of a client's names: files using it are asked about again.
pub fn forget_other_name(store: &mut Store, written: &str) -> Result<ImportMemory> {
    let found: Option<String> = store.read().prepare_cached("SELECT key FROM client_alias WHERE key = ?1")?.query_row([name_key(written)], |r| r.get(0)).optional()?;
    let Some(key) = found else {
        return Err(Error::not_found(format!("'{}' is not kept as another name of a client.", written.trim())));
    };
    store.write(|tx| Ok(tx.execute("DELETE FROM client_alias WHERE key = ?1", [key])?))?;
    remembered(store)
}

#[cfg(test)]
mod tests {
    use super::super::calendar_tests::fixture_book;
    use super::super::*;
    use super::*;

    #[test]
    fn what_an_import_remembers_is_listed_and_forgetting_it_asks_again_without_touching_a_record() {
        let (_d, mut store) = fixture_book();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let harbour = store.find_client("Harbour Bakery").unwrap().id;
        run_kpis(&mut store, today);
        let file = "Customer,KPI,Date,Value\nHarbour Bakery Ltd,Online orders,2026-10-31,288\n";
        let options = ImportOptions { aliases: vec![ClientAlias { written: "Harbour Bakery Ltd".to_owned(), client_id: harbour }], ..ImportOptions::usual(DateOrder::DayFirst) };
        let report = import(&mut store, ImportKind::KpiValues, "orders.csv", file.as_bytes(), options, true, today).unwrap();
        assert!(report.committed, "{:?}", report.errors);

        let memory = remembered(&store).unwrap();
        assert_eq!(memory.other_names.iter().map(|n| (n.written.as_str(), n.client.as_str())).collect::<Vec<_>>(), [("Harbour Bakery Ltd", "Harbour Bakery")]);
        assert_eq!(memory.columns.len(), 1);
        let saved = &memory.columns[0];
        assert_eq!((saved.name.as_str(), saved.holds.as_str(), saved.columns_read), ("KPI values (orders.csv)", "KPI values", 4));

        let again = import(&mut store, ImportKind::KpiValues, "orders.csv", file.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), false, today).unwrap();
        assert_eq!((again.remembered.as_deref(), again.unchanged), (Some("KPI values (orders.csv)"), 1), "both used by the next file");

        let memory = forget_other_name(&mut store, "HARBOUR BAKERY LTD").unwrap();
        assert!(memory.other_names.is_empty());
        let memory = forget_columns(&mut store, "kpi values (orders.csv)").unwrap();
        assert!(memory.columns.is_empty());
        let asked = import(&mut store, ImportKind::KpiValues, "orders.csv", file.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), false, today).unwrap();
        assert_eq!(asked.remembered, None);
        assert_eq!(asked.suggestions.iter().map(|s| s.client.as_str()).collect::<Vec<_>>(), ["Harbour Bakery"], "the name is asked about again");
        let book = store.book().unwrap();
        assert_eq!(book.iter().find(|d| d.client.id == harbour).unwrap().measurements.len(), 1, "the imported value stays");

        let err = forget_columns(&mut store, "Xero invoices").unwrap_err();
        assert_eq!(err.message, "No column choices are saved as 'Xero invoices'.");
        assert!(forget_other_name(&mut store, "Nobody Ltd").unwrap_err().message.contains("not kept"));
    }

    fn run_kpis(store: &mut Store, today: NaiveDate) {
        let kpis = "client,name,baseline,target,baseline_date,target_date\nHarbour Bakery,Online orders,200,300,2026-01-01,2026-12-31\n";
        assert!(import(store, ImportKind::Kpis, "kpis.csv", kpis.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), true, today).unwrap().committed);
    }
}
