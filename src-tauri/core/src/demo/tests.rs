use chrono::NaiveDate;

use super::*;
use crate::book::ClientStatus;
use crate::client_page::client_page;
use crate::ErrorKind;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn demo(seed_value: u64) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    seed(&mut store, seed_value, today()).unwrap();
    (dir, store)
}

/// Every row that matters, as text, for comparing two books.
fn fingerprint(store: &Store) -> Vec<String> {
    let mut rows = Vec::new();
    for c in store.clients(true).unwrap() {
        let page = client_page(store, c.id, today()).unwrap();
        let mut json = serde_json::to_value(&page).unwrap();
        for key in ["created_at", "updated_at"] {
            json["client"][key] = serde_json::Value::Null;
        }
        rows.push(json.to_string());
    }
    rows
}

#[test]
fn the_same_seed_gives_the_same_book() {
    let (_a, one) = demo(7);
    let (_b, two) = demo(7);
    assert_eq!(fingerprint(&one), fingerprint(&two));
    let (_c, other) = demo(8);
    assert_ne!(fingerprint(&one), fingerprint(&other));
}

#[test]
fn the_demo_book_shows_every_situation() {
    let (_dir, store) = demo(DEFAULT_SEED);
    assert_eq!(store.studio().unwrap().unwrap().currency, "EUR");
    let clients = store.clients(true).unwrap();
    assert!(clients.len() >= 15, "{} clients", clients.len());
    let pages: Vec<_> = clients.iter().map(|c| client_page(&store, c.id, today()).unwrap()).collect();

    let oldest = clients.iter().map(|c| c.start_date).min().unwrap();
    assert!((today() - oldest).num_days() > 2 * 365, "history over two years");
    assert!(clients.iter().any(|c| c.status == ClientStatus::Ended), "one lost");
    for lost in pages.iter().filter(|p| p.client.status == ClientStatus::Ended) {
        let ending = lost.ending.as_ref().expect("a lost demo client says why it left");
        assert!(lost.contracts.iter().all(|c| c.end_date.is_some_and(|end| end <= ending.ended_on)), "its work ended on its last day");
    }
    assert!(clients.iter().any(|c| c.start_date.format("%Y-%m").to_string() == "2026-11"), "one new this month");
    assert!(clients.iter().any(|c| c.name.contains('û') || c.name.contains('ü')), "accents in names");
    assert!(pages.iter().any(|p| p.invoices.iter().any(|i| i.days_overdue > 0)), "an overdue invoice");
    assert!(pages.iter().any(|p| p.invoices.iter().filter_map(|i| i.invoice.days_late()).any(|d| d > 7)), "a late payer");
    assert!(pages.iter().any(|p| p.survey_answers.iter().any(|a| a.score <= 6 && a.followed_up_on.is_none())), "a detractor");
    assert!(pages.iter().any(|p| !p.primary_contact_changes.is_empty()), "a change of main contact");
    assert!(pages.iter().any(|p| p.contracts.iter().any(|c| c.fixed_cents > 0)), "a project");
    assert!(pages.iter().any(|p| p.mrr_cents > 0), "retainers");
    assert!(pages.iter().any(|p| p.kpis.iter().any(|k| k.measurements.len() >= 6)), "KPI history");
    assert!(pages.iter().any(|p| p.time_to_first_value_days.is_some()), "first value reached");
    assert!(pages.iter().any(|p| !p.complaints.is_empty()), "complaints");
    assert!(pages.iter().all(|p| !p.stakeholders.is_empty() && !p.contracts.is_empty()));
    assert!(pages.iter().any(|p| p.opportunities.iter().any(|o| o.show_client)), "an idea to show the client");
    assert!(pages.iter().any(|p| p.risks.iter().any(|r| r.show_client && !r.mitigation.is_empty())), "a risk shared in the QBR, with its answer");
    assert!(pages.iter().any(|p| p.risks.iter().any(|r| r.lacks_a_plan())), "a risk still without a plan");
    assert!(pages.iter().any(|p| p.hours_used.len() >= 6), "months of retainer hours");
    for rule in crate::book::contract::UnusedHours::ALL {
        assert!(pages.iter().any(|p| p.contracts.iter().any(|c| c.unused_hours == *rule)), "a retainer whose unused hours are {rule:?}");
    }
    let quarter = crate::book::quarter::Quarter::containing(today(), 1).previous();
    let noted = clients.iter().filter(|c| c.plan.fiscal_year_start == 1).any(|c| {
        let notes = store.qbr_notes(c.id, quarter).unwrap();
        !notes.working.is_empty() && !notes.not_working.is_empty()
    });
    assert!(noted, "QBR notes written for last quarter, what did not work included");
    assert!(pages.iter().any(|p| !p.referrals.is_empty()), "a referral");
    let open_asks = |p: &crate::client_page::ClientPage| p.asks.iter().filter(|a| a.done_on.is_none()).count();
    assert!(pages.iter().any(|p| open_asks(p) > 0 && p.asks.iter().any(|a| a.done_on.is_some())), "an open ask beside a done one");
    assert!(pages.iter().any(|p| p.asks.iter().any(|a| a.done_on.is_none() && a.due_on < today())), "a late ask");
    assert!(clients.iter().any(|c| !store.kpi_notes(c.id).unwrap().is_empty()), "why a result moved, in the owner's words");
    let named = |id: Option<i64>, p: &crate::client_page::ClientPage| id.is_some_and(|id| p.stakeholders.iter().any(|s| s.id == id));
    assert!(pages.iter().all(|p| p.survey_answers.iter().all(|a| named(a.stakeholder_id, p))), "every answer says who gave it");
    assert!(pages.iter().all(|p| p.touchpoints.iter().all(|t| named(t.stakeholder_id, p))), "every touchpoint says whom it was with");
}

#[test]
fn a_book_in_use_is_never_overwritten_by_the_demo() {
    let (_dir, mut store) = demo(1);
    let before = fingerprint(&store);
    let err = seed(&mut store, 2, today()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert_eq!(fingerprint(&store), before);
}

#[test]
fn bigger_demo_books_repeat_the_mix_with_numbered_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("big.sqlite3")).unwrap();
    seed_sized(&mut store, 3, today(), DemoSize { clients: 40, years: 5 }).unwrap();
    let clients = store.clients(true).unwrap();
    assert_eq!(clients.len(), 40);
    assert!(clients.iter().any(|c| c.name == "Harbour Bakery 2"));
}
