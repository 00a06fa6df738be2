//! The record kinds added for other tools' data: milestones (with the first-value mark), deliverables, issues, opportunities, risks, testimonials and referrals, and a contract's rule for unused hours.

use super::tests::{empty_book, run, CLIENTS};
use super::*;

#[test]
fn milestones_import_and_the_first_value_mark_moves_to_the_row_that_has_it() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    let text = "client,title,due_on,done_on,first_value\n\
        Harbour Bakery,Kick-off,2025-03-05,2025-03-05,no\n\
        HARBOUR BAKERY,First campaign live,15/04/2025,10/04/2025,yes\n";
    let report = run(&mut store, ImportKind::Milestones, text);
    assert!(report.committed, "{:?}", report.errors);
    assert_eq!(report.rows[1].summary, "Harbour Bakery (written “HARBOUR BAKERY”): First campaign live (done 2025-04-10) · first value");
    let id = store.find_client("Harbour Bakery").unwrap().id;
    let marked: Vec<(String, bool)> = store.milestones(id).unwrap().into_iter().map(|m| (m.title, m.first_value)).collect();
    assert_eq!(marked, [("Kick-off".to_owned(), false), ("First campaign live".to_owned(), true)]);
    // A later file marks another one: it takes the mark, and re-reading the same row changes nothing.
    let moved = run(&mut store, ImportKind::Milestones, "client,title,due_on,first_value\nHarbour Bakery,kick-off,2025-03-05,yes\n");
    assert_eq!(moved.updated, 1, "{:?}", moved.errors);
    let marked: Vec<bool> = store.milestones(id).unwrap().into_iter().map(|m| m.first_value).collect();
    assert_eq!(marked, [true, false]);
    let bad = run(&mut store, ImportKind::Milestones, "client,title,due_on\nHarbour Bakery,,2025-03-05\nHarbour Bakery,Launch,someday\n");
    let at: Vec<(usize, Option<&str>)> = bad.errors.iter().map(|e| (e.row, e.column.as_deref())).collect();
    assert_eq!(at, [(2, Some("title")), (3, Some("due_on"))]);
}

#[test]
fn a_contracts_rule_for_unused_hours_is_read_kept_when_the_column_is_blank_and_refused_when_unknown() {
    use crate::book::contract::UnusedHours;
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    let report = run(&mut store, ImportKind::Contracts, "client,kind,value,start_date,included_hours,unused_hours\nHarbour Bakery,retainer,2500,2025-03-01,20,Next month\n");
    assert!(report.committed, "{:?}", report.errors);
    let id = store.find_client("Harbour Bakery").unwrap().id;
    assert_eq!(store.contracts(id).unwrap()[0].unused_hours, UnusedHours::NextMonth);
    // Another tool's file has no such column: the rule the app holds stays, and nothing changed.
    let again = run(&mut store, ImportKind::Contracts, "client,kind,value,start_date,included_hours\nHarbour Bakery,retainer,2500,2025-03-01,20\n");
    assert_eq!((again.unchanged, again.updated), (1, 0), "{:?}", again.errors);
    assert_eq!(store.contracts(id).unwrap()[0].unused_hours, UnusedHours::NextMonth);
    let bad = run(&mut store, ImportKind::Contracts, "client,kind,value,start_date,included_hours,unused_hours\nHarbour Bakery,retainer,2500,2025-03-01,20,forever\nHarbour Bakery,retainer,900,2026-03-01,,lapse\n");
    let at: Vec<(usize, Option<&str>)> = bad.errors.iter().map(|e| (e.row, e.column.as_deref())).collect();
    assert_eq!(at, [(2, Some("unused_hours")), (3, Some("unused_hours"))]);
    assert_eq!(store.contracts(id).unwrap().len(), 1, "a refused file writes nothing");
}

#[test]
fn deliverables_import_with_the_kpi_they_work_toward_by_name_and_keep_the_apps_link_when_the_file_has_none() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    run(&mut store, ImportKind::Kpis, "client,name,unit,baseline,target,baseline_date,target_date\nHarbour Bakery,Online orders,orders,60,120,2025-03-01,2026-12-31\n");
    let report = run(&mut store, ImportKind::Deliverables, "client,title,delivered_on,kpi\nharbour bakery,Landing page,08/09/2026,ONLINE ORDERS\nHarbour Bakery,Photography,16/08/2026,\n");
    assert!(report.committed, "{:?}", report.errors);
    assert_eq!(report.rows[0].summary, "Harbour Bakery (written “harbour bakery”): Landing page (delivered 2026-09-08) · for ONLINE ORDERS");
    let id = store.find_client("Harbour Bakery").unwrap().id;
    let kpi = store.kpis(id).unwrap()[0].id;
    let linked = |store: &crate::store::Store| store.client_data(id).unwrap().deliverables.iter().map(|d| (d.title.clone(), d.kpi_id)).collect::<Vec<_>>();
    assert_eq!(linked(&store), [("Landing page".to_owned(), Some(kpi)), ("Photography".to_owned(), None)], "newest first");
    // A file without the column leaves the link as it is: unchanged, not unlinked.
    let again = run(&mut store, ImportKind::Deliverables, "client,title,delivered_on\nHarbour Bakery,Landing page,2026-09-08\n");
    assert_eq!((again.unchanged, again.updated), (1, 0), "{:?}", again.errors);
    assert_eq!(linked(&store)[0].1, Some(kpi));
    let bad = run(&mut store, ImportKind::Deliverables, "client,title,delivered_on,kpi\nHarbour Bakery,Menu,2026-09-30,Footfall\nHarbour Bakery,,2026-09-30,\n");
    let at: Vec<(usize, Option<&str>)> = bad.errors.iter().map(|e| (e.row, e.column.as_deref())).collect();
    assert_eq!(at, [(2, Some("kpi")), (3, Some("title"))]);
    assert!(bad.errors[0].message.contains("no KPI called 'Footfall'"), "{}", bad.errors[0].message);
    assert_eq!(linked(&store).len(), 2, "a refused file writes nothing");
}

#[test]
fn issues_opportunities_and_testimonials_import_update_on_their_keys_and_name_bad_cells() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    let id = store.find_client("Harbour Bakery").unwrap().id;
    let issues = run(&mut store, ImportKind::Issues, "client,opened_on,summary,tag,closed_on\nHarbour Bakery,2026-10-02,Newsletter had old prices,Quality,\nHarbour Bakery,2026-10-20,Invoice sent twice,,2026-10-21\n");
    assert_eq!((issues.created, issues.error_count), (2, 0), "{:?}", issues.errors);
    let closed = run(&mut store, ImportKind::Issues, "client,opened_on,summary,tag,closed_on\nHarbour Bakery,2026-10-02,newsletter had old prices,quality,2026-10-05\n");
    assert_eq!(closed.updated, 1, "{:?}", closed.errors);
    let data = store.client_data(id).unwrap();
    let tags: Vec<(&str, Option<String>)> = data.complaints.iter().map(|c| (c.tag.as_str(), c.closed_on.map(|d| d.to_string()))).collect();
    assert!(tags.contains(&("quality", Some("2026-10-05".to_owned()))) && tags.contains(&("other", Some("2026-10-21".to_owned()))), "{tags:?}");

    let ideas = run(&mut store, ImportKind::Opportunities, "client,title,opened_on,kind,stage,value,show_client\nHarbour Bakery,Add paid social,2026-09-15,cross sell,Proposed,\"1,500.00\",yes\nHarbour Bakery,Loyalty app,2026-10-01,,,,\n");
    assert_eq!((ideas.created, ideas.error_count), (2, 0), "{:?}", ideas.errors);
    let data = store.client_data(id).unwrap();
    let social = data.opportunities.iter().find(|o| o.title == "Add paid social").unwrap();
    assert_eq!((social.kind.as_str(), social.stage.as_str(), social.value_cents, social.show_client), ("cross_sell", "proposed", 150_000, true));
    let app = data.opportunities.iter().find(|o| o.title == "Loyalty app").unwrap();
    assert_eq!((app.kind.as_str(), app.stage.as_str(), app.show_client), ("other", "idea", false), "defaults, never shown to the client unless said");

    let said = run(&mut store, ImportKind::Testimonials, "client,asked_on,received_on,quote\nHarbour Bakery,2026-10-01,,\n");
    assert_eq!(said.created, 1);
    let given = run(&mut store, ImportKind::Testimonials, "client,asked_on,received_on,quote\nHarbour Bakery,01/10/2026,09/10/2026,They doubled our weekday orders.\n");
    assert_eq!(given.updated, 1, "{:?}", given.errors);
    assert_eq!(store.client_data(id).unwrap().testimonials[0].quote, "They doubled our weekday orders.");

    let bad = run(&mut store, ImportKind::Opportunities, "client,title,opened_on,stage,value\nHarbour Bakery,Menu shoot,2026-10-01,maybe,lots\n");
    let at: Vec<Option<&str>> = bad.errors.iter().map(|e| e.column.as_deref()).collect();
    assert_eq!(at, [Some("stage"), Some("value")], "every bad cell of the row: {:?}", bad.errors);
    let bad = run(&mut store, ImportKind::Issues, "client,opened_on,summary,closed_on\nHarbour Bakery,2026-10-02,Late files,2026-09-01\n");
    assert_eq!(bad.errors[0].column.as_deref(), Some("closed_on"));
    let bad = run(&mut store, ImportKind::Testimonials, "client,asked_on,received_on\nHarbour Bakery,2026-10-09,2026-10-01\n");
    assert_eq!(bad.errors[0].column.as_deref(), Some("received_on"));
}

#[test]
fn a_referral_names_who_introduced_a_client_once_and_never_the_client_itself() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    let report = run(&mut store, ImportKind::Referrals, "client,referred_by,referred_on\nLUMEN DENTAL,Harbour Bakery,2026-01-20\n");
    assert!(report.committed, "{:?}", report.errors);
    assert_eq!(report.rows[0].summary, "Lumen Dental (written “LUMEN DENTAL”): introduced by Harbour Bakery on 2026-01-20");
    let moved = run(&mut store, ImportKind::Referrals, "client,referred_by,referred_on\nLumen Dental,Harbour Bakery,2026-01-25\n");
    assert_eq!((moved.created, moved.updated), (0, 1), "one referral per client, corrected");
    let lumen = store.find_client("Lumen Dental").unwrap().id;
    let refs = store.referrals(lumen).unwrap();
    assert_eq!((refs.len(), refs[0].from_client.as_str(), refs[0].referred_on.to_string()), (1, "Harbour Bakery", "2026-01-25".to_owned()));
    let bad = run(&mut store, ImportKind::Referrals, "client,referred_by,referred_on\nLumen Dental,Lumen Dental,2026-01-25\nHarbour Bakery,Nobody Ltd,2026-01-25\n");
    let at: Vec<(usize, Option<&str>)> = bad.errors.iter().map(|e| (e.row, e.column.as_deref())).collect();
    assert_eq!(at, [(2, Some("referred_by")), (3, Some("referred_by"))]);
    assert_eq!(store.referrals(lumen).unwrap()[0].referred_on.to_string(), "2026-01-25", "a refused file writes nothing");
}

#[test]
fn the_account_plans_risks_import_update_on_their_title_and_a_shared_risk_needs_its_answer() {
    let (_d, mut store) = empty_book();
    run(&mut store, ImportKind::Clients, CLIENTS);
    let text = "client,title,raised_on,mitigation,owner,show_client\n\
        Harbour Bakery,Their marketing lead leaves in January,2026-11-02,,,no\n\
        Harbour Bakery,Budget review in Q1,2026-10-05,We share the year's results first,Mia,yes\n";
    let report = run(&mut store, ImportKind::Risks, text);
    assert!(report.committed, "{:?}", report.errors);
    assert_eq!(report.rows[1].summary, "Harbour Bakery: risk “Budget review in Q1” · shown to the client");
    let id = store.find_client("Harbour Bakery").unwrap().id;
    assert_eq!(store.risks(id).unwrap().len(), 2);
    let planned = run(&mut store, ImportKind::Risks, "client,title,raised_on,mitigation,owner\nHarbour Bakery,their marketing lead leaves in january,2026-11-02,A hand-over call,Mia\n");
    assert_eq!((planned.created, planned.updated), (0, 1), "matched on its title, any case: {:?}", planned.errors);
    assert!(store.risks(id).unwrap().iter().all(|r| !r.lacks_a_plan()));
    let bad = run(&mut store, ImportKind::Risks, "client,title,raised_on,show_client\nHarbour Bakery,Launch slips,2026-11-10,yes\n");
    assert_eq!((bad.errors[0].row, bad.errors[0].column.as_deref()), (2, Some("mitigation")), "{:?}", bad.errors);
    assert_eq!(store.risks(id).unwrap().len(), 2, "a refused file writes nothing");
}
