use super::*;
use crate::Store;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn the_calendar_holds_renewals_notice_deadlines_check_ins_and_qbrs_for_current_clients() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("cal.sqlite3")).unwrap();
    let today = d("2026-11-26");
    crate::demo::seed(&mut store, 1, today).unwrap();
    let (ics, count) = crate::service::calendar(&store, today).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR") && ics.trim_end().ends_with("END:VCALENDAR"));
    let book = store.book().unwrap();
    let current: Vec<_> = book.iter().filter(|c| c.is_current()).collect();
    let events = ics.matches("BEGIN:VEVENT").count();
    let expected: usize = current.iter().map(|c| due(c, today).len()).sum();
    assert_eq!((events, count as usize), (expected, expected));
    assert!(events >= current.len(), "at least a QBR per current client");
    for c in &current {
        assert!(ics.contains(&format!("UID:qbr-{}@clientwell", c.client.id)), "{}", c.client.name);
    }
    let lost: Vec<_> = book.iter().filter(|c| !c.is_current()).collect();
    assert!(!lost.is_empty());
    for c in lost {
        assert!(!ics.contains(&format!("UID:qbr-{}@clientwell", c.client.id)), "{} is not current", c.client.name);
    }
    assert!(ics.contains("DTSTART;VALUE=DATE:"), "all-day events");
    assert!(ics.contains("SUMMARY:Renewal: "));
}

#[test]
fn renewal_notice_and_overdue_dates_fall_where_the_contract_says() {
    use crate::book::contract::{Contract, ContractKind};
    let mut data = ClientData::sample(9, "Harbour Bakery");
    data.contracts = vec![Contract {
        id: 1,
        client_id: 9,
        kind: ContractKind::Retainer,
        service_line: String::new(),
        monthly_cents: 100_000,
        fixed_cents: 0,
        start_date: d("2026-01-05"),
        end_date: None,
        renewal_date: Some(d("2027-01-05")),
        notice_days: 30,
        included_hundredths: 0,
        unused_hours: crate::book::contract::UnusedHours::NotAgreed,
    }];
    let due = due(&data, d("2026-11-26"));
    let on = |prefix: &str| due.iter().find(|x| x.uid.starts_with(prefix)).map(|x| x.on);
    assert_eq!(on("renewal-"), Some(d("2027-01-05")));
    assert_eq!(on("notice-"), Some(d("2026-12-06")), "30 days before");
    assert_eq!(on("check-in-"), Some(d("2026-11-26")), "never contacted: overdue, so today");
    assert_eq!(on("qbr-"), Some(d("2026-11-26")), "no QBR in 90+ days: due today");
}
