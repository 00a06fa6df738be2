//! `clientwell write-loop`, for the crash test only.

use std::io::Write;

use clientwell_core::{book, Result, Store};

/// For the crash test: each record is printed only after the call that saved it returned, i.e.
/// after its transaction committed, so every printed line must survive a kill.
pub fn write_loop(store: &mut Store, out: &mut impl Write) -> Result<()> {
    use book::invoice::{InvoiceInput, InvoiceLineInput};
    use book::kpi::{Direction, KpiInput, MeasurementInput};
    use book::{ClientInput, ClientStatus};
    let start = store.clients(true)?.len();
    for i in start.. {
        let name = format!("Crash Client {i:06}");
        let client = store.create_client(&ClientInput {
            name: name.clone(),
            status: ClientStatus::Active,
            goal: "Survive".into(),
            start_date: "2026-01-01".into(),
            notes: String::new(),
        })?;
        writeln!(out, "client {name}")?;
        out.flush()?;
        let kpi = store.save_kpi(client.id, None, &KpiInput {
            name: "Orders".into(),
            unit: "orders".into(),
            direction: Direction::Up,
            baseline: "10".into(),
            target: "20".into(),
            baseline_date: "2026-01-01".into(),
            target_date: "2026-12-31".into(),
            value_per_unit: String::new(),
            worth_counts: book::kpi::WorthCounts::Monthly,
            share: String::new(),
            below_baseline_counts: false,
        })?;
        store.save_measurement(kpi.id, None, &MeasurementInput { measured_on: "2026-02-01".into(), value: format!("{}", i % 97), note: String::new() })?;
        writeln!(out, "value {name} {}", i % 97)?;
        out.flush()?;
        let number = format!("C-{i:06}");
        store.save_invoice(client.id, None, &InvoiceInput {
            number: number.clone(),
            issued_on: "2026-02-01".into(),
            due_on: "2026-03-01".into(),
            paid_on: String::new(),
            void: false,
            lines: vec![InvoiceLineInput { description: "Retainer".into(), amount: format!("{}.{:02}", 1000 + i, i % 100), kpi_id: None, deliverable_id: None }],
        })?;
        writeln!(out, "invoice {number} {}", 100_000 + i * 100 + i % 100)?;
        out.flush()?;
    }
    Ok(())
}
