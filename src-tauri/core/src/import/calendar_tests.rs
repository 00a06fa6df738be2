//! Calendars read as touchpoints: matched by people's emails or their client's domain, each
//! event once, status and sequence read, repeats met up to today.

use super::tests::{empty_book, run, CLIENTS};
use super::*;

const CALENDAR: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n\
BEGIN:VEVENT\r\nDTSTART:20261014T093000Z\r\nUID:a1@google.com\r\nSEQUENCE:0\r\nSTATUS:CONFIRMED\r\nSUMMARY:Monthly review\\, October\r\n\
ORGANIZER;CN=Maya Okafor:mailto:maya@brightline.studio\r\nATTENDEE;CN=Ana Ribeiro;PARTSTAT=ACCEPTED:mailto:\r\n ANA@harbourbakery.co.uk\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;TZID=Europe/London:20261021T150000\r\nUID:a2@google.com\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\nSUMMARY:Menu shoot planning\r\n\
ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:ana@harbourbakery.co.uk\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART:20261022T100000Z\r\nUID:a3@google.com\r\nSEQUENCE:2\r\nSUMMARY:Campaign check-in\r\n\
ATTENDEE:mailto:marc.petit@lumendental.com\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART:20261023T100000Z\r\nUID:a4@google.com\r\nSUMMARY:Studio stand-up\r\nATTENDEE:mailto:tomasz@brightline.studio\r\nATTENDEE:mailto:someone@gmail.com\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261005\r\nUID:a5@google.com\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:Weekly numbers\r\nATTENDEE:mailto:ana@harbourbakery.co.uk\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART:20261214T093000Z\r\nUID:a6@google.com\r\nSUMMARY:Year plan\r\nATTENDEE:mailto:ana@harbourbakery.co.uk\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART:20261014T093000Z\r\nUID:a1@google.com\r\nSEQUENCE:0\r\nSUMMARY:Monthly review\\, October\r\nATTENDEE:mailto:ana@harbourbakery.co.uk\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

fn book_with_people() -> (tempfile::TempDir, crate::store::Store) {
    let (d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    let people = "client,name,role,email\nHarbour Bakery,Ana Ribeiro,day_to_day,ana@harbourbakery.co.uk\nLumen Dental,Joana Reis,finance,joana@lumendental.com\n";
    let report = run(&mut store, ImportKind::Stakeholders, people);
    assert!(report.committed, "{:?}", report.errors);
    (d, store)
}

fn import_calendar(store: &mut crate::store::Store, name: &str, text: &str) -> ImportReport {
    import(store, ImportKind::Clients, name, text.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), true, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()).unwrap()
}

#[test]
fn meetings_with_a_clients_people_become_touchpoints_once_with_what_happened() {
    let (_d, mut store) = book_with_people();
    let report = import_calendar(&mut store, "calendar.ics", CALENDAR);
    assert!(report.committed, "{:?}", report.errors);
    assert_eq!((report.kind, report.source), (ImportKind::Touchpoints, Source::Calendar));
    // Review, cancelled shoot, domain-matched check-in, three weekly meetings: 6 (the repeated
    // UID is one event; the stand-up and the December plan are left out).
    assert_eq!(report.created, 6, "{:?}", report.rows);
    let reasons: Vec<(&str, u32)> = report.skipped.iter().map(|s| (s.reason.as_str(), s.count)).collect();
    assert_eq!(reasons, [("Nobody from a client among its guests", 1), ("Still to come", 1)]);

    let harbour = store.find_client("Harbour Bakery").unwrap().id;
    let seen: Vec<(String, String, bool, bool, Option<i64>)> =
        store.touchpoints(harbour).unwrap().into_iter().map(|t| (t.happened_on.to_string(), t.summary, t.attended, t.rescheduled, t.stakeholder_id)).collect();
    let ana = store.stakeholders(harbour).unwrap()[0].id;
    assert!(seen.contains(&("2026-10-14".into(), "Monthly review, October".into(), true, false, Some(ana))), "{seen:?}");
    assert!(seen.contains(&("2026-10-21".into(), "Menu shoot planning".into(), false, false, Some(ana))), "cancelled: {seen:?}");
    let weekly: Vec<&str> = seen.iter().filter(|t| t.1 == "Weekly numbers").map(|t| t.0.as_str()).collect();
    assert_eq!(weekly.len(), 3, "{weekly:?}");
    let lumen = store.find_client("Lumen Dental").unwrap().id;
    let check_in = &store.touchpoints(lumen).unwrap()[0];
    assert_eq!((check_in.summary.as_str(), check_in.rescheduled, check_in.stakeholder_id), ("Campaign check-in", true, None), "moved, matched by domain");

    let again = import_calendar(&mut store, "calendar.ics", CALENDAR);
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 6), "the same events imported twice change nothing");
}

#[test]
fn a_calendar_with_no_clients_people_says_so_and_writes_nothing() {
    let (_d, mut store) = book_with_people();
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261014T093000Z\r\nUID:x\r\nSUMMARY:Dentist\r\nATTENDEE:mailto:me@gmail.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let err = import(&mut store, ImportKind::Touchpoints, "me.ics", text.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), true, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("file"));
    assert!(err.message.contains("nobody from a client among its guests (1)"), "{}", err.message);
    let harbour = store.find_client("Harbour Bakery").unwrap().id;
    assert!(store.touchpoints(harbour).unwrap().is_empty());
    let bad = import(&mut store, ImportKind::Touchpoints, "broken.ics", b"BEGIN:VCALENDAR\r\nthis is not ical", ImportOptions::usual(DateOrder::DayFirst), true, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    assert_eq!(bad.unwrap_err().field.as_deref(), Some("file"));
}

/// The fixture people (tests/fixtures/imports/SOURCES.md, "Common data" and sections 8–10).
pub(super) fn fixture_book() -> (tempfile::TempDir, crate::store::Store) {
    let (d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, "name,start_date\nHarbour Bakery,2025-01-01\nCafé Łódź,2025-01-01\nÉcole Lumière,2025-01-01\n");
    let people = "client,name,role,email\n\
        Harbour Bakery,Ana Ribeiro,day_to_day,ana@harbourbakery.co.uk\n\
        Harbour Bakery,Tom Lee,finance,tom.lee@harbourbakery.co.uk\n\
        Café Łódź,Piotr Nowak,day_to_day,piotr@cafelodz.pl\n\
        École Lumière,Claire Dubois,day_to_day,claire.dubois@ecole-lumiere.fr\n";
    assert!(run(&mut store, ImportKind::Stakeholders, people).committed);
    (d, store)
}

pub(super) fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/imports").join(name)).unwrap()
}

fn touchpoints_by_client(store: &crate::store::Store) -> Vec<(String, usize, usize)> {
    store.book().unwrap().iter().map(|d| (d.client.name.clone(), d.touchpoints.len(), d.touchpoints.iter().filter(|t| !t.attended).count())).collect()
}

#[test]
fn google_outlook_and_apple_exports_import_as_the_fixtures_say_and_a_shared_invitation_counts_once() {
    let (_d, mut store) = fixture_book();
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mut seen = Vec::new();
    for file in ["google-calendar.ics", "outlook-calendar.ics", "apple-calendar.ics"] {
        let report = import(&mut store, ImportKind::Touchpoints, file, &fixture(file), ImportOptions::usual(DateOrder::DayFirst), true, today).unwrap();
        assert!(report.committed, "{file}: {:?}", report.errors);
        seen.push((file, report.created, report.unchanged, report.skipped.iter().map(|s| s.count).sum::<u32>()));
    }
    // SOURCES.md §8–10 lists 7 + 5 + 5 meetings held; each file also has one cancelled meeting
    // with a client (Google and Apple by STATUS, Outlook by its "Canceled: " title), which is
    // recorded as not attended. The kick-off is in both Google's and Apple's export: once.
    assert_eq!(seen, [("google-calendar.ics", 8, 0, 2), ("outlook-calendar.ics", 6, 0, 2), ("apple-calendar.ics", 5, 1, 2)]);
    assert_eq!(
        touchpoints_by_client(&store),
        [("Café Łódź".to_owned(), 5, 1), ("Harbour Bakery".to_owned(), 8, 1), ("École Lumière".to_owned(), 6, 1)],
        "(client, touchpoints, of which not attended)"
    );
    let book = store.book().unwrap();
    let harbour = book.iter().find(|d| d.client.name == "Harbour Bakery").unwrap();
    let weekly: Vec<String> = harbour.touchpoints.iter().filter(|t| t.summary == "Harbour Bakery weekly check-in").map(|t| t.happened_on.to_string()).collect();
    assert_eq!(weekly.len(), 3, "a weekly repeat of 3: {weekly:?}");
    let cancelled = harbour.touchpoints.iter().find(|t| !t.attended).unwrap();
    assert_eq!(cancelled.summary, "Harbour Bakery – Q4 invoice review", "Outlook's prefix is read, not kept");
    let ecole = book.iter().find(|d| d.client.name == "École Lumière").unwrap();
    let marc = ecole.touchpoints.iter().find(|t| t.summary == "Signage quote – call with Marc Petit").unwrap();
    assert_eq!(marc.stakeholder_id, None, "matched by the school's domain, not a person in the book");
    let moved = ecole.touchpoints.iter().find(|t| t.summary == "ÉCOLE LUMIÈRE – open day poster review").unwrap();
    assert!(moved.rescheduled && moved.attended, "SEQUENCE 2: moved, then held");
    drop(book);
    let again = import(&mut store, ImportKind::Touchpoints, "google-calendar.ics", &fixture("google-calendar.ics"), ImportOptions::usual(DateOrder::DayFirst), true, today).unwrap();
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 8), "the same file twice adds nothing");
}

#[test]
fn a_calendar_that_is_not_icalendar_imports_nothing_and_says_why() {
    let (_d, mut store) = fixture_book();
    let text = String::from_utf8(fixture("google-calendar.ics")).unwrap();
    // Cut off mid-event, as a failed download leaves it.
    let broken = &text[..text.find("END:VEVENT").unwrap()];
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let err = import(&mut store, ImportKind::Touchpoints, "cal.ics", broken.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), true, today).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("file"));
    assert!(err.message.starts_with("The calendar file could not be read"), "{}", err.message);
    assert!(store.book().unwrap().iter().all(|d| d.touchpoints.is_empty()));
}
