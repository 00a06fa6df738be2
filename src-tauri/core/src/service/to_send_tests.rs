//! The month and quarter close on the demo book.

use chrono::NaiveDate;

use super::*;
use crate::book::sending::DocumentMark;

fn demo() -> (tempfile::TempDir, Store, NaiveDate) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    crate::demo::seed(&mut store, 1, today).unwrap();
    (dir, store, today)
}

const SEPTEMBER: Month = Month { year: 2026, month: 9 };
const OCTOBER: Month = Month { year: 2026, month: 10 };

#[test]
fn every_current_client_has_a_summary_to_send_and_a_qbr_when_its_quarter_ends() {
    let (_dir, store, today) = demo();
    let current = store.book().unwrap().iter().filter(|d| d.is_current() && d.client.start_date <= OCTOBER.last_day()).count();
    let november_starters = store.book().unwrap().iter().filter(|d| d.is_current() && d.client.start_date > OCTOBER.last_day()).count();
    assert!(november_starters > 0, "the demo has clients who started in November");
    let october = to_send(&store, OCTOBER, today).unwrap();
    let monthly = october.rows.iter().filter(|r| r.kind == DocumentKind::Monthly).count();
    assert_eq!(monthly, current, "one summary per current client");
    assert!(october.rows.iter().all(|r| r.kind == DocumentKind::Monthly), "October ends no calendar quarter, and the demo's fiscal years start in January");
    let september = to_send(&store, SEPTEMBER, today).unwrap();
    let qbrs: Vec<&ToSendRow> = september.rows.iter().filter(|r| r.kind == DocumentKind::Qbr).collect();
    assert_eq!(qbrs.len(), store.book().unwrap().iter().filter(|d| d.is_current() && d.client.start_date <= SEPTEMBER.last_day()).count(), "the quarter closes with September");
    assert_eq!((qbrs[0].period.as_str(), qbrs[0].period_label.as_str()), ("2026-Q3", "Q3 2026"));
}

#[test]
fn the_cover_note_goes_to_finance_from_the_documents_own_words_and_nothing_internal() {
    let (_dir, store, today) = demo();
    let close = to_send(&store, OCTOBER, today).unwrap();
    let book = store.book().unwrap();
    for row in &close.rows {
        let data = book.iter().find(|d| d.client.id == row.client_id).unwrap();
        if let Some(finance) = data.stakeholders.iter().find(|s| s.role == crate::book::stakeholder::StakeholderRole::Finance && !s.email.is_empty()) {
            assert_eq!(row.to_email, finance.email, "{}: the finance contact", row.client);
        }
        assert!(row.body.starts_with("Hello ") && row.body.contains("results summary for October 2026"), "{}", row.body);
        let summary = crate::report::monthly::build(&store.require_studio().unwrap(), &Brand::default(), data, OCTOBER, today);
        assert!(row.body.contains(&summary.headline), "the verdict of the document itself");
        // Nothing but the document's own words: no internal note, complaint or exit note, and
        // no word of the health model.
        let internal = data.complaints.iter().map(|c| c.summary.as_str()).chain([data.client.notes.as_str()]).chain(data.ending.iter().map(|e| e.notes.as_str()));
        for text in internal.filter(|t| !t.is_empty()) {
            assert!(!row.body.contains(text), "{}: “{text}” in {}", row.client, row.body);
        }
        for word in ["health", "amber", "segment", "complaint", "detractor"] {
            assert!(!row.body.to_lowercase().contains(word), "{}: “{word}” in {}", row.client, row.body);
        }
    }
    let with_asks = close.rows.iter().find(|r| r.body.contains("What we need from you:")).expect("an open ask in the demo");
    assert!(with_asks.body.contains("\n- "), "{}", with_asks.body);
}

#[test]
fn reviewed_documents_are_saved_at_once_marked_sent_and_remembered() {
    let (dir, mut store, today) = demo();
    let close = to_send(&store, SEPTEMBER, today).unwrap();
    let (monthly, qbr) = (&close.rows[0], close.rows.iter().find(|r| r.kind == DocumentKind::Qbr).unwrap());
    store.mark_document(monthly.client_id, DocumentKind::Monthly, &monthly.period, DocumentMark::Reviewed, today).unwrap();
    store.mark_document(qbr.client_id, DocumentKind::Qbr, &qbr.period, DocumentMark::Reviewed, today).unwrap();
    let folder = dir.path().join("close");
    std::fs::create_dir_all(&folder).unwrap();
    let batch = save_reviewed(&mut store, SEPTEMBER, today, &folder, Existing::Keep).unwrap();
    // Only the two reviewed ones: the monthly summary, and the QBR with its slides beside it.
    assert_eq!((batch.saved.len(), batch.failed.len()), (3, 0), "{:?}", batch.failed);
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 3);
    assert!(batch.saved.iter().any(|s| s.path.ends_with("QBR slides.pdf")), "{:?}", batch.saved);
    let qbr_row = store.document_states(qbr.client_id).unwrap().into_iter().find(|d| d.kind == DocumentKind::Qbr).unwrap();
    assert!(qbr_row.saved_to.ends_with(" QBR.pdf"), "the row sends the written QBR: {}", qbr_row.saved_to);
    // Saving again keeps the files and says why each was not written.
    let again = save_reviewed(&mut store, SEPTEMBER, today, &folder, Existing::Keep).unwrap();
    assert_eq!((again.saved.len(), again.failed.len()), (0, 3));

    let sent = store.mark_document(monthly.client_id, DocumentKind::Monthly, &monthly.period, DocumentMark::Sent, today).unwrap();
    assert_eq!(sent.sent_on, Some(today));
    let after = to_send(&store, SEPTEMBER, today).unwrap();
    let row = after.rows.iter().find(|r| r.client_id == monthly.client_id && r.kind == DocumentKind::Monthly).unwrap();
    assert_eq!((row.reviewed_on, row.sent_on), (Some(today), Some(today)));
    assert!(row.saved_to.ends_with("Monthly summary.pdf"), "{}", row.saved_to);
    store.mark_document(monthly.client_id, DocumentKind::Monthly, &monthly.period, DocumentMark::NotSent, today).unwrap();
    assert_eq!(store.document_states(monthly.client_id).unwrap()[0].sent_on, None, "a mistaken mark can be taken back");
    assert_eq!(store.mark_document(monthly.client_id, DocumentKind::Monthly, "September", DocumentMark::Sent, today).unwrap_err().field.as_deref(), Some("period"));
}

#[test]
fn two_clients_whose_names_make_the_same_file_name_get_their_own_files() {
    let (dir, mut store, today) = demo();
    let book = store.book().unwrap();
    let (a, b) = (book.iter().find(|d| d.client.name == "Harbour Bakery").unwrap().client.id, book.iter().find(|d| d.client.name == "Cobalt Accounting").unwrap().client.id);
    drop(book);
    for (id, name) in [(a, "A/B Studio"), (b, "A:B Studio")] {
        let c = store.client(id).unwrap();
        let input = crate::book::ClientInput { name: name.into(), status: c.status, goal: c.goal.clone(), start_date: c.start_date.to_string(), notes: c.notes.clone() };
        store.update_client(id, &input).unwrap();
        store.mark_document(id, DocumentKind::Monthly, "2026-10", DocumentMark::Reviewed, today).unwrap();
    }
    let folder = dir.path().join("close");
    std::fs::create_dir_all(&folder).unwrap();
    let batch = save_reviewed(&mut store, OCTOBER, today, &folder, Existing::Keep).unwrap();
    assert_eq!((batch.saved.len(), batch.failed.len()), (2, 0), "{:?}", batch.failed);
    let paths: Vec<String> = [a, b].iter().map(|id| store.document_states(*id).unwrap()[0].saved_to.clone()).collect();
    assert_ne!(paths[0], paths[1], "each client's file is its own");
}
