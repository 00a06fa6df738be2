//! What `prepare` makes of a tool's rows: time added up, invoice rules, note lines.
use super::*;
use crate::import::mapping::guess;

fn table(text: &str) -> Table {
    super::super::table::read("t.csv", text.as_bytes()).unwrap()
}

fn prepared(kind: ImportKind, source: Source, text: &str) -> Prepared {
    let t = table(text);
    let m = guess(kind, source, &t.headers, &[]);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    prepare(&t, &m, &Studio { name: "Brightline Studio", currency: "EUR", minor_digits: 2, today, day_first: true })
}

#[test]
fn time_entries_are_added_up_per_client_and_month_and_internal_time_is_left_out() {
    let p = prepared(
        ImportKind::Hours,
        Source::Toggl,
        "Client,Project,Start date,Start time,Duration\nHarbour Bakery,Web,2026-10-01,09:00:00,01:30:00\n,Admin,2026-10-01,11:00:00,00:45:00\nHARBOUR BAKERY,Web,2026-10-20,09:00:00,00:20:00\nHarbour Bakery,Web,2026-11-02,09:00:00,02:00:00\n",
    );
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let rows: Vec<(usize, Vec<String>)> = p.rows.clone();
    let hours = p.headers.iter().position(|h| *h == "hours").unwrap();
    let month = p.headers.iter().position(|h| *h == "month").unwrap();
    assert_eq!(rows.iter().map(|(r, c)| (*r, c[month].as_str(), c[hours].as_str())).collect::<Vec<_>>(), [(2, "2026-10", "1.83"), (5, "2026-11", "2.00")]);
    assert_eq!((p.skipped[0].count, p.skipped[0].rows.clone()), (1, vec![3]));
}

#[test]
fn an_invoice_status_says_paid_void_or_draft_and_amount_due_says_unpaid() {
    let p = prepared(
        ImportKind::Invoices,
        Source::Xero,
        "ContactName,InvoiceNumber,InvoiceDate,DueDate,FullyPaidOnDate,LineAmount,InvoiceAmountDue,Status\n\
         A,1,2026-10-01,2026-10-31,2026-10-20,100,0,PAID\n\
         A,2,2026-10-01,2026-10-31,,100,100,AUTHORISED\n\
         A,3,2026-10-01,2026-10-31,,100,0,VOIDED\n\
         A,4,2026-10-01,2026-10-31,,100,100,DRAFT\n\
         A,5,2026-10-01,2026-10-31,,100,0,PAID\n\
         A,6,2026-10-01,2026-10-31,,100,0,Sparkly\n",
    );
    let col = |name: &str| p.headers.iter().position(|h| *h == name).unwrap();
    let got: Vec<(&str, &str, &str)> = p.rows.iter().map(|(_, c)| (c[col("number")].as_str(), c[col("paid_on")].as_str(), c[col("void")].as_str())).collect();
    assert_eq!(got, [("1", "2026-10-20", ""), ("2", "", ""), ("3", "", "yes")]);
    assert_eq!(p.rows[0].1[col("description")], "Invoice 1", "a tool without lines: the number describes it");
    assert_eq!(p.skipped[0].rows, [5]);
    let errors: Vec<(usize, &str)> = p.errors.iter().map(|e| (e.row, e.column.as_deref().unwrap_or(""))).collect();
    assert_eq!(errors, [(6, "paid_on"), (7, "status")]);
}

#[test]
fn an_export_pasted_twice_is_refused_not_counted_twice() {
    let once = "ContactName,InvoiceNumber,InvoiceDate,DueDate,LineAmount\nA,1,2026-10-01,2026-10-31,100\nA,1,2026-10-01,2026-10-31,50\nA,2,2026-10-01,2026-10-31,100\n";
    assert!(prepared(ImportKind::Invoices, Source::Xero, once).errors.is_empty());
    let twice = format!("{once}A,1,2026-10-01,2026-10-31,100\n");
    let p = prepared(ImportKind::Invoices, Source::Xero, &twice);
    assert_eq!(p.errors.iter().map(|e| (e.row, e.message.contains("first on row 2"))).collect::<Vec<_>>(), [(5, true)]);
}

#[test]
fn report_title_and_total_lines_are_left_out_of_a_tools_file_only() {
    let text = "Client,Date,Hours\nHarbour Bakery,2026-10-01,2\nTotal,,2\n# a note\n";
    let tool = prepared(ImportKind::Hours, Source::Harvest, text);
    assert_eq!((tool.rows.len(), tool.skipped[0].count), (1, 2));
    let own = prepared(ImportKind::Hours, Source::Clientwell, text);
    assert_eq!((own.rows.len(), own.skipped[0].count), (2, 1), "a Clientwell file keeps a row that says Total: its client check explains it");
}
