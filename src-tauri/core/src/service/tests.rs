use chrono::NaiveDate;

use super::*;
use crate::demo;
use crate::ErrorKind;

fn seeded() -> (tempfile::TempDir, Store, NaiveDate) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.sqlite3")).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    demo::seed(&mut store, 1, today).unwrap();
    (dir, store, today)
}

#[test]
fn a_clients_health_is_the_health_model_applied_to_its_records_with_the_studios_settings() {
    let (_dir, store, today) = seeded();
    let id = store.clients(false).unwrap()[0].id;
    let got = client_health(&store, id, today, 12).unwrap();
    let settings = store.health_settings().unwrap();
    let data = store.client_data(id).unwrap();
    assert_eq!(got.health, health::health(&data, today, &settings));
    assert_eq!(got.history.len(), 12);
    assert_eq!(client_health(&store, id, today, 0).unwrap().history.len(), 1, "at least one week");
}

#[test]
fn the_book_health_lists_current_clients_only_unless_one_is_asked_for() {
    let (_dir, store, today) = seeded();
    let book = store.book().unwrap();
    let current = book.iter().filter(|d| d.is_current()).count();
    assert!(current < book.len(), "the demo has clients who left");
    assert_eq!(health_of_book(&store, None, today, 4).unwrap().len(), current);
    let gone = book.iter().find(|d| !d.is_current()).unwrap().client.id;
    assert_eq!(health_of_book(&store, Some(gone), today, 4).unwrap()[0].client_id, gone);
}

#[test]
fn a_period_uses_the_studios_financial_year_unless_told_otherwise() {
    let (_dir, mut store, _) = seeded();
    let mut settings = store.metrics_settings().unwrap().form(2);
    settings.fiscal_year_start = 4;
    store.save_metrics_settings(&settings).unwrap();
    let q1 = period(&store, "2026-Q1", None).unwrap();
    assert_eq!(q1, Period::parse("period", "2026-Q1", 4).unwrap());
    assert_ne!(q1.start, Period::parse("period", "2026-Q1", 1).unwrap().start, "April and January years differ");
    assert_eq!(period(&store, "2026-Q1", Some(1)).unwrap().start, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    let refused = period(&store, "2026-Q1", Some(13)).unwrap_err();
    assert_eq!((refused.kind, refused.field.as_deref()), (ErrorKind::Validation, Some("fiscal_year_start")));
}

#[test]
fn as_of_is_the_given_day_or_today_and_names_the_field_when_unreadable() {
    assert_eq!(as_of("as_of", "--as-of", Some("2026-02-03")).unwrap(), NaiveDate::from_ymd_opt(2026, 2, 3).unwrap());
    assert_eq!(as_of("as_of", "--as-of", None).unwrap(), today());
    assert_eq!(as_of("as_of", "--as-of", Some("3 Feb")).unwrap_err().field.as_deref(), Some("as_of"));
}

#[test]
fn a_draft_is_signed_by_the_clients_account_owner_else_by_the_owners_name_from_settings() {
    let (_dir, mut store, today) = seeded();
    let ids: Vec<i64> = store.book().unwrap().iter().filter(|d| !d.stakeholders.is_empty()).map(|d| d.client.id).take(2).collect();
    let [unowned, owned] = ids[..] else { panic!("the demo has two clients with people") };
    store.write(|tx| Ok(tx.execute("UPDATE client SET owner = CASE id WHEN ?1 THEN '' ELSE 'Sam Reyes' END WHERE id IN (?1, ?2)", [unowned, owned])?)).unwrap();
    let owner = "Sam Reyes";
    let studio = store.require_studio().unwrap().name;
    let body = |store: &Store, id| draft_message(store, id, Script::ValueCheckIn, None, today).unwrap().body;
    assert!(body(&store, unowned).ends_with(&format!("Best,\n{studio}")), "no name set: the studio alone");
    store.save_playbook_settings(crate::book::playbook::PlaybookSettings { signed_by: "Mia Okafor".into(), ..Default::default() }).unwrap();
    assert!(body(&store, unowned).ends_with(&format!("Best,\nMia Okafor\n{studio}")), "{}", body(&store, unowned));
    assert!(body(&store, owned).ends_with(&format!("Best,\n{owner}\n{studio}")), "the account owner signs their client's drafts");
}
