//! `clientwell bench`: times the core work behind every screen and document on a generated demo
//! book, so performance is measured, not asserted in tests. Run it on a release build.

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use serde::Serialize;

use crate::demo::{self, DemoSize};
use crate::error::Result;
use crate::health;
use crate::metrics::Period;
use crate::report::{self, Month, Quarter};
use crate::store::Store;
use crate::{client_page, import, service};

#[derive(Debug, Clone, Serialize)]
pub struct Timing {
    pub work: String,
    /// Median over the runs, in milliseconds.
    pub median_ms: f64,
    pub runs: u32,
}

fn time<T>(work: &str, runs: u32, mut f: impl FnMut() -> Result<T>) -> Result<Timing> {
    let mut samples = Vec::with_capacity(runs as usize);
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        f()?;
        samples.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    Ok(Timing { work: work.to_owned(), median_ms: samples[samples.len() / 2], runs: runs.max(1) })
}

/// Builds a demo book of `size` in `dir` and times each piece of work `runs` times (batch once).
pub fn run(dir: &Path, size: DemoSize, seed: u64, runs: u32, today: NaiveDate) -> Result<Vec<Timing>> {
    let mut store = Store::open(&dir.join("bench.sqlite3"))?;
    let mut out = Vec::new();
    let started = Instant::now();
    demo::seed_sized(&mut store, seed, today, size)?;
    out.push(Timing { work: format!("generate the demo book ({} clients × {} years)", size.clients, size.years), median_ms: started.elapsed().as_secs_f64() * 1000.0, runs: 1 });

    let clients = store.clients(false)?;
    let sample = clients.iter().find(|c| c.status == crate::book::ClientStatus::Active).map_or(clients[0].id, |c| c.id);
    let t = store.health_settings()?;
    let month = Month::of(today).previous();
    let quarter = Quarter::containing(today, 1).previous();
    out.push(time("clients table", runs, || store.clients(false))?);
    out.push(time("one client page", runs, || client_page::client_page(&store, sample, today))?);
    out.push(time("weekly review, cold: every record read from the file (after any change)", runs.min(5), || Store::open(&dir.join("bench.sqlite3")).and_then(|fresh| service::weekly_review(&fresh, today)))?);
    out.push(time("weekly review (all clients, health now and a week ago)", runs, || service::weekly_review(&store, today))?);
    out.push(time("health of every client", runs, || {
        store.book().map(|book| book.iter().filter(|d| d.is_current()).map(|d| u32::from(health::health(d, today, &t).score)).sum::<u32>())
    })?);
    // The same work at every book size: if this stays flat while the line above grows faster
    // than the book, the extra is the larger book not fitting in the CPU's caches.
    out.push(time("health of 50 clients (the same work at every size)", runs, || {
        store.book().map(|book| book.iter().filter(|d| d.is_current()).take(50).map(|d| u32::from(health::health(d, today, &t).score)).sum::<u32>())
    })?);
    out.push(time("portfolio metrics for a quarter, with trend and breakdowns", runs, || service::portfolio(&store, &Period::quarter(quarter), today))?);
    out.push(time("value to date of every client's results (each month since each baseline)", runs, || {
        let currency = store.require_studio()?.currency;
        let minor = crate::book::currency::minor_digits(&currency);
        store.book().map(|book| book.iter().map(|d| report::value::value_to_date(d, today, &currency, minor).low_cents).fold(0i64, i64::saturating_add))
    })?);
    out.push(time("one monthly summary PDF (data + drawing)", runs, || report::monthly_summary(&store, sample, month, today).and_then(|s| report::render_monthly(&s)))?);
    out.push(time("one QBR PDF (data + drawing)", runs, || report::qbr_report(&store, sample, quarter, today).and_then(|r| report::render_qbr(&r)))?);
    out.push(time("one QBR pre-read and its 16:9 slides (data + drawing, target ≤ 40 ms)", runs, || {
        let r = report::qbr_report(&store, sample, quarter, today)?;
        report::render_qbr(&r).and_then(|_| report::render_qbr_deck(&r))
    })?);
    let folder = dir.join("batch");
    std::fs::create_dir_all(&folder)?;
    let batch = time("batch: every current client's monthly summary, written to disk", 1, || report::save_monthly_batch(&store, month, today, &folder, crate::output::Existing::Keep, &|_, _| true))?;
    let written = std::fs::read_dir(&folder)?.count();
    out.push(Timing { work: format!("{} ({written} PDFs)", batch.work), ..batch });
    out.push(time("whole book exported as JSON", runs, || import::export::export_json(&store))?);
    out.push(time("log a touchpoint, then the weekly review (one client read again)", runs, || {
        store.save_touchpoint(sample, None, &bench_touchpoint(today))?;
        service::weekly_review(&store, today)
    })?);
    out.push(time("tick off a review item, then the weekly review (nothing read again)", runs, || {
        store.mark_done("bench:item", today)?;
        service::weekly_review(&store, today)
    })?);
    let renamed = store.client(sample)?;
    let named = |name: String| crate::book::ClientInput { name, status: renamed.status, goal: renamed.goal.clone(), start_date: renamed.start_date.to_string(), notes: renamed.notes.clone() };
    let mut flip = false;
    out.push(time("rename a client, then the weekly review (that client read again)", runs, || {
        flip = !flip;
        let name = if flip { format!("{} (renamed)", renamed.name) } else { renamed.name.clone() };
        store.update_client(sample, &named(name))?;
        service::weekly_review(&store, today)
    })?);
    if flip {
        // The import below finds clients by name.
        store.update_client(sample, &named(renamed.name.clone()))?;
    }

    // 10,000 invoice rows (one line each) for the book's clients, as a studio's accounting export.
    let names: Vec<String> = clients.iter().map(|c| c.name.clone()).collect();
    let mut csv = String::from("client,number,issued_on,due_on,paid_on,description,amount\n");
    for i in 0..10_000 {
        let name = import::export::csv_cell(&names[i % names.len()]);
        csv.push_str(&format!("{name},BENCH-{i:05},2026-03-01,2026-03-31,2026-03-20,Retainer,\"1,234.50\"\n"));
    }
    let options = import::ImportOptions::usual(import::DateOrder::MonthFirst);
    out.push(time("CSV import of 10,000 invoice rows: check and preview", runs.min(5), || import::import(&mut store, import::ImportKind::Invoices, "bench.csv", csv.as_bytes(), options.clone(), false, today))?);
    let imported = time("CSV import of 10,000 invoice rows, written (all or nothing)", 1, || {
        let report = import::import(&mut store, import::ImportKind::Invoices, "bench.csv", csv.as_bytes(), options.clone(), true, today)?;
        match report.errors.first() {
            None if report.committed => Ok(report),
            first => Err(crate::Error::internal(format!("the benchmark's import was refused: {first:?}"))),
        }
    })?;
    out.push(imported);
    out.extend(bench_sources(&mut store, &names, runs, today)?);
    Ok(out)
}

/// Other tools' exports: a Toggl Track report of 50,000 time entries (read as it comes, added up
/// per client and month), and the guess for a 30-column header.
fn bench_sources(store: &mut Store, names: &[String], runs: u32, today: NaiveDate) -> Result<Vec<Timing>> {
    let mut toggl = String::from("User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\n");
    for i in 0..50_000 {
        let name = import::export::csv_cell(&names[i % names.len()]);
        let day = 1 + (i / names.len()) % 28;
        toggl.push_str(&format!("Mia Okafor,mia@studio.example,{name},Retainer,Design,Entry {i},Yes,2026-10-{day:02},09:00:00,2026-10-{day:02},10:30:00,01:30:00,,127.50\n"));
    }
    let options = import::ImportOptions::usual(import::DateOrder::DayFirst);
    let preview = time("Toggl report of 50,000 time entries: read, added up and previewed", runs.min(5), || import::import(store, import::ImportKind::Hours, "toggl.csv", toggl.as_bytes(), options.clone(), false, today))?;
    let written = time("Toggl report of 50,000 time entries, written (all or nothing)", 1, || {
        let report = import::import(store, import::ImportKind::Hours, "toggl.csv", toggl.as_bytes(), options.clone(), true, today)?;
        match report.errors.first() {
            None if report.committed => Ok(report),
            first => Err(crate::Error::internal(format!("the benchmark's time import was refused: {first:?}"))),
        }
    })?;
    // A calendar of 5,000 meetings over the last year, each with one of the book's people.
    let emails: Vec<String> = store.book()?.iter().flat_map(|d| d.stakeholders.iter().map(|s| s.email.clone())).filter(|e| !e.is_empty()).collect();
    let mut ics = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Clientwell bench//EN\r\n");
    for i in 0..5_000 {
        let day = today - chrono::Days::new(1 + (i % 360) as u64);
        let email = emails.get(i % emails.len().max(1)).map_or("nobody@example.org", String::as_str);
        ics.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:bench-{i}@example.org\r\nDTSTART:{}T100000Z\r\nSEQUENCE:{}\r\nSUMMARY:Check-in {i}\r\nORGANIZER:mailto:mia@studio.example\r\nATTENDEE;CN=Guest;PARTSTAT=ACCEPTED:mailto:{email}\r\nEND:VEVENT\r\n",
            day.format("%Y%m%d"),
            i % 3
        ));
    }
    ics.push_str("END:VCALENDAR\r\n");
    let calendar = time("calendar of 5,000 meetings (.ics): read, matched to people and previewed", runs.min(5), || import::import(store, import::ImportKind::Touchpoints, "calendar.ics", ics.as_bytes(), options.clone(), false, today))?;
    let calendar_written = time("calendar of 5,000 meetings, written (all or nothing)", 1, || import::import(store, import::ImportKind::Touchpoints, "calendar.ics", ics.as_bytes(), options.clone(), true, today))?;
    let headers: Vec<String> = ["ContactName", "EmailAddress", "POAddressLine1", "POCity", "POCountry", "InvoiceNumber", "Reference", "InvoiceDate", "DueDate", "Total", "TaxTotal", "InvoiceAmountPaid", "InvoiceAmountDue", "InventoryItemCode", "Description", "Quantity", "UnitAmount", "Discount", "LineAmount", "AccountCode", "TaxType", "TaxAmount", "TrackingName1", "TrackingOption1", "TrackingName2", "TrackingOption2", "Currency", "Type", "Sent", "Status"].iter().map(|h| (*h).to_owned()).collect();
    let samples = vec![vec!["Harbour Bakery".to_owned(); headers.len()]; import::mapping::SAMPLE_ROWS];
    let guess = time("column guess for a 30-column header (tool recognised, each column matched)", runs.max(20), || {
        let source = import::Source::detect(&headers);
        Ok(import::mapping::guess(import::ImportKind::Invoices, source, &headers, &samples))
    })?;
    Ok(vec![preview, written, calendar, calendar_written, guess])
}

fn bench_touchpoint(today: NaiveDate) -> crate::book::activity::TouchpointInput {
    crate::book::activity::TouchpointInput {
        kind: crate::book::activity::TouchpointKind::Email,
        happened_on: today.format("%Y-%m-%d").to_string(),
        summary: "Benchmark email".into(),
        client_replied: true,
        attended: false,
        rescheduled: false,
        no_show: false,
        reply_days: "1".into(),
        stakeholder_id: None,
    }
}
