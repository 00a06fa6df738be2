use super::*;
use crate::book::invoice::{InvoiceInput, InvoiceLineInput};
use crate::book::kpi::{Direction, KpiInput, MeasurementInput};
use crate::book::{ClientInput, ClientStatus};
use crate::error::ErrorKind;
use crate::store::RecordRef;

fn book() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("trash.sqlite3")).unwrap();
    let client = store
        .create_client(&ClientInput { name: "Harbour Bakery".into(), status: ClientStatus::Active, goal: String::new(), start_date: "2026-01-01".into(), notes: String::new() })
        .unwrap()
        .id;
    (dir, store, client)
}

fn invoice(number: &str) -> InvoiceInput {
    InvoiceInput {
        number: number.into(),
        issued_on: "2026-10-01".into(),
        due_on: "2026-10-31".into(),
        paid_on: String::new(),
        void: false,
        lines: vec![
            InvoiceLineInput { description: "Retainer".into(), amount: "2,500.00".into(), kpi_id: None, deliverable_id: None },
            InvoiceLineInput { description: "Ads budget".into(), amount: "300".into(), kpi_id: None, deliverable_id: None },
        ],
    }
}

fn page(store: &Store, client: i64) -> String {
    serde_json::to_string(&crate::client_page::load(store, client).unwrap()).unwrap()
}

#[test]
fn an_undone_delete_brings_back_the_record_and_what_went_with_it_exactly() {
    let (_dir, mut store, client) = book();
    let kpi = store
        .save_kpi(client, None, &KpiInput { name: "Orders".into(), unit: String::new(), direction: Direction::Up, baseline: "1".into(), target: "2".into(), baseline_date: "2026-01-01".into(), target_date: "2026-12-31".into(), value_per_unit: String::new() })
        .unwrap();
    for (day, value) in [("2026-02-01", "1.5"), ("2026-03-01", "1.75")] {
        store.save_measurement(kpi.id, None, &MeasurementInput { measured_on: day.into(), value: value.into(), note: "é 🥐".into() }).unwrap();
    }
    let inv = store.save_invoice(client, None, &invoice("2026-041")).unwrap();
    let before = page(&store, client);
    store.book().unwrap();

    let gone_kpi = store.delete_record(RecordRef::Kpi(kpi.id)).unwrap();
    let gone_invoice = store.delete_record(RecordRef::Invoice(inv.id)).unwrap();
    assert!(store.measurements(client).unwrap().is_empty(), "the KPI's values went with it");
    store.undo_delete(gone_invoice.token).unwrap();
    store.undo_delete(gone_kpi.token).unwrap();
    assert_eq!(page(&store, client), before, "same ids, same values, lines and values included");
    assert_eq!(serde_json::to_string(&store.book().unwrap().iter().find(|d| d.client.id == client).unwrap()).unwrap(), before);

    let again = store.undo_delete(gone_kpi.token).unwrap_err();
    assert_eq!(again.kind, ErrorKind::NotFound, "an undo happens once");
}

#[test]
fn an_undo_that_would_clash_changes_nothing() {
    let (_dir, mut store, client) = book();
    let inv = store.save_invoice(client, None, &invoice("2026-041")).unwrap();
    let gone = store.delete_record(RecordRef::Invoice(inv.id)).unwrap();
    store.save_invoice(client, None, &invoice("2026-041")).unwrap();
    let before = page(&store, client);
    let err = store.undo_delete(gone.token).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert_eq!(page(&store, client), before);
}
