use chrono::NaiveDate;

use super::*;
use crate::service::{client_table, weekly_review};
use crate::book::activity::{Touchpoint, TouchpointKind};
use crate::book::survey::{SurveyAnswer, SurveyKind};
use crate::client_page::assemble;
use crate::health::{health, HealthSettings};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const FROM: drafts::Sender<'static> = drafts::Sender { studio: "Brightside Studio", owner: "Priya", currency: "EUR", minor_digits: 2 };

fn today() -> NaiveDate {
    d("2026-11-26")
}

fn demo_store() -> (tempfile::TempDir, crate::store::Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = crate::store::Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    crate::demo::seed(&mut store, 1, today()).unwrap();
    (dir, store)
}

#[test]
fn the_demo_book_gives_a_review_most_urgent_first() {
    let (_d, store) = demo_store();
    let review = weekly_review(&store, today()).unwrap();
    let kinds: std::collections::BTreeSet<ItemKind> = review.items.iter().map(|i| i.kind).collect();
    // The demo shows every kind of item the review has, on its own as-of date (issue 16).
    use ItemKind::*;
    let every = [
        Red, DroppedBand, AmberFollowThrough, OpenIssue, Detractor, OverdueInvoice, CheckInDue, Renewal, AskReferral, ContactChanged, DecisionMaker,
        IssueCheck, NoFirstValue, QbrDue, SurveyDue, Expansion, RiskWithoutPlan,
    ];
    for expected in every {
        assert!(kinds.contains(&expected), "{expected:?} missing from {kinds:?}");
    }
    assert!(review.items.windows(2).all(|w| w[0].urgency <= w[1].urgency), "most urgent first");
    assert!(review.items.iter().all(|i| !i.reason.is_empty() && !i.action_label.is_empty()));
    let keys: std::collections::HashSet<&str> = review.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys.len(), review.items.len(), "keys are unique");
    assert!(review.health.windows(2).all(|w| w[0].band <= w[1].band), "reddest first");
    let segments: std::collections::BTreeSet<_> = review.health.iter().map(|h| h.segment).collect();
    assert!(segments.len() >= 3, "the demo shows several segments: {segments:?}");
    assert!(review.health.iter().all(|h| !h.segment_why.is_empty()));
}

#[test]
fn done_and_snoozed_items_are_remembered() {
    let (_d, mut store) = demo_store();
    let before = weekly_review(&store, today()).unwrap();
    let (first, second) = (before.items[0].key.clone(), before.items[1].key.clone());
    store.mark_done(&first, today()).unwrap();
    store.snooze(&second, "2026-12-01", today()).unwrap();
    let after = weekly_review(&store, today()).unwrap();
    assert_eq!(after.items.len(), before.items.len() - 2);
    assert_eq!(after.hidden, 2);
    assert!(after.items.iter().all(|i| i.key != first && i.key != second));
    assert!(visible(before.items.clone(), &store.review_states().unwrap(), d("2026-12-01")).iter().any(|i| i.key == second), "shown again when the snooze ends");
    store.reopen(&first).unwrap();
    assert!(weekly_review(&store, today()).unwrap().items.iter().any(|i| i.key == first));
    assert_eq!(store.snooze(&first, "2026-11-26", today()).unwrap_err().field.as_deref(), Some("until"));
}

#[test]
fn a_detractor_and_silence_become_items_with_drafts() {
    let (_d, store) = demo_store();
    let client = store.clients(false).unwrap().into_iter().find(|c| c.status == crate::book::ClientStatus::Active).unwrap();
    let mut data = store.client_data(client.id).unwrap();
    data.client.plan.cadence_days = Some(14);
    data.touchpoints = vec![Touchpoint { id: 1, client_id: client.id, kind: TouchpointKind::Call, happened_on: d("2026-10-01"), summary: String::new(), client_replied: true, attended: true, rescheduled: false, no_show: false, reply_days: None, stakeholder_id: None }];
    data.survey_answers = vec![SurveyAnswer { id: 9, client_id: client.id, stakeholder_id: None, kind: SurveyKind::Nps, score: 4, answered_on: d("2026-11-20"), comment: "Slow lately".into(), followed_up_on: None }];
    let t = HealthSettings::default();
    let (now, week_ago) = (health(&data, today(), &t), health(&data, d("2026-11-19"), &t));
    let got = items(&data, &crate::book::records::facts(&data, today()), today(), &now, &week_ago, &Default::default());
    let page = assemble(data, today());
    let detractor = got.iter().find(|i| i.kind == ItemKind::Detractor).unwrap();
    assert_eq!(detractor.reason, "Answered on 20 Nov 2026: “Slow lately”");
    assert_eq!(detractor.next_step, NextStep::DraftMessage { script: Script::NpsFollowUp });
    let checkin = got.iter().find(|i| i.kind == ItemKind::CheckInDue).unwrap();
    assert_eq!(checkin.key, format!("checkin:{}:2026-10-15", client.id));
    assert!(got.iter().any(|i| i.kind == ItemKind::Red || i.kind == ItemKind::DroppedBand), "sentiment fell this week");

    for script in Script::ALL {
        let draft = draft(&default_template(script), &page, &FROM, None).unwrap();
        assert!(draft.body.contains("Priya\nBrightside Studio"), "{script:?} is signed");
        let body = draft.body.to_lowercase();
        for internal in ["health", "amber", "segment", "risk"] {
            assert!(!body.contains(internal), "{script:?} mentions {internal}");
        }
        assert!(page.client.notes.is_empty() || !draft.body.contains(&page.client.notes), "{script:?} leaks the internal notes");
    }
    let checkin = draft(&default_template(Script::ValueCheckIn), &page, &FROM, None).unwrap();
    assert!(!checkin.body.contains('{'), "every field filled");
    assert!(checkin.body.contains(&page.client.goal) && checkin.body.contains("Where we are:"));
}

#[test]
fn a_win_brings_the_referral_ask_and_asking_for_a_testimonial_takes_it_off_the_list() {
    let (_d, mut store) = demo_store();
    let before = weekly_review(&store, today()).unwrap();
    let green = before.health.iter().find(|h| h.band == crate::health::Band::Green).expect("a green demo client").client_id;
    assert!(!before.items.iter().any(|i| i.kind == ItemKind::AskReferral && i.client_id == green), "no win yet, no ask");
    let win = crate::book::activity::MilestoneInput { title: "Spring campaign live".into(), due_on: "2026-11-20".into(), done_on: "2026-11-20".into(), first_value: false };
    store.save_milestone(green, None, &win).unwrap();
    let after_win = weekly_review(&store, today()).unwrap();
    let ask = after_win.items.iter().find(|i| i.kind == ItemKind::AskReferral && i.client_id == green).expect("asked right after the win");
    assert_eq!(ask.key, format!("referral:{green}:2026-11-20"));
    let input = crate::book::growth::TestimonialInput { asked_on: "2026-11-24".into(), received_on: String::new(), quote: String::new() };
    store.save_testimonial(green, None, &input).unwrap();
    let after = weekly_review(&store, today()).unwrap();
    assert!(!after.items.iter().any(|i| i.kind == ItemKind::AskReferral && i.client_id == green));
}

#[test]
fn the_clients_table_has_band_mrr_renewal_contact_and_segment_for_current_clients_only() {
    let (_d, store) = demo_store();
    let rows = client_table(&store, today(), true).unwrap();
    let review = weekly_review(&store, today()).unwrap();
    assert_eq!(rows.len(), store.clients(true).unwrap().len(), "every client, archived too when asked");
    for row in &rows {
        match review.health.iter().find(|h| h.client_id == row.client.id) {
            Some(h) => {
                assert_eq!((row.band, row.score, row.segment, row.mrr_cents), (Some(h.band), Some(h.score), Some(h.segment), h.mrr_cents), "{}", row.client.name);
            }
            None => assert_eq!((row.band, row.segment), (None, None), "{} is not current: no health", row.client.name),
        }
        let facts = crate::book::records::facts(&store.book().unwrap().iter().find(|d| d.client.id == row.client.id).unwrap().clone(), today());
        assert_eq!(row.last_contact, facts.last_two_way_contact);
        assert_eq!(row.renewal_date, facts.renewal.map(|r| r.date));
    }
    assert!(rows.iter().any(|r| r.band.is_none()), "the demo's lost client has no band");
    assert!(rows.iter().any(|r| r.renewal_date.is_some()) && rows.iter().any(|r| r.last_contact.is_some()));
    assert!(client_table(&store, today(), false).unwrap().iter().all(|r| r.client.archived_at.is_none()));
}

/// A client renewing on `renews` with `notice` days' notice and no renewal talk yet.
fn renewing(renews: &str, notice: i64) -> crate::book::records::ClientData {
    let mut data = crate::book::records::ClientData::sample(1, "Harbour Bakery");
    data.contracts = vec![crate::book::contract::Contract {
        id: 1,
        client_id: 1,
        kind: crate::book::contract::ContractKind::Retainer,
        service_line: String::new(),
        monthly_cents: 300_000,
        fixed_cents: 0,
        start_date: d("2026-01-05"),
        end_date: None,
        renewal_date: Some(d(renews)),
        notice_days: notice,
        included_hundredths: 0,
        unused_hours: crate::book::contract::UnusedHours::NotAgreed,
    }];
    data
}

fn renewal_item(data: &crate::book::records::ClientData, on: NaiveDate) -> Option<ReviewItem> {
    let t = HealthSettings::default();
    let (now, week_ago) = (health(data, on, &t), health(data, on - chrono::Days::new(7), &t));
    items(data, &crate::book::records::facts(data, on), on, &now, &week_ago, &Default::default()).into_iter().find(|i| i.kind == ItemKind::Renewal)
}

#[test]
fn the_renewal_item_counts_from_the_last_day_to_give_notice_not_from_the_renewal() {
    // 90 days' notice before 1 Jun 2027: the client decides by 3 Mar 2027.
    let data = renewing("2027-06-01", 90);
    assert!(renewal_item(&data, d("2026-12-02")).is_none(), "91 days before the notice day: not yet");
    let early = renewal_item(&data, d("2026-12-03")).expect("90 days before the notice day");
    assert_eq!(early.title, "Last day to give notice in 90 days, no renewal conversation yet");
    assert!(early.reason.contains("decided by 3 Mar 2027"), "{}", early.reason);
    assert_eq!(early.urgency, 3);
    let close = renewal_item(&data, d("2027-02-10")).unwrap();
    assert_eq!((close.title.as_str(), close.urgency), ("Last day to give notice in 21 days, no renewal conversation yet", 1));
    let late = renewal_item(&data, d("2027-03-10")).unwrap();
    assert!(late.title.ends_with("the last day to give notice has passed"), "{}", late.title);
    // Counted from the renewal date, this client would only have appeared on 3 Mar 2027.
}

#[test]
fn a_first_result_is_expected_within_30_days() {
    let data = crate::book::records::ClientData::sample(1, "Harbour Bakery");
    let t = HealthSettings::default();
    let on = |day: &str| {
        let day = d(day);
        items(&data, &crate::book::records::facts(&data, day), day, &health(&data, day, &t), &health(&data, day - chrono::Days::new(7), &t), &Default::default()).into_iter().any(|i| i.kind == ItemKind::NoFirstValue)
    };
    // Work started on 5 Jan 2026.
    assert!(!on("2026-02-04"), "30 days: still within");
    assert!(on("2026-02-05"), "31 days without a first result");
}

#[test]
fn the_renewal_item_comes_back_at_60_and_30_days_and_the_lead_is_a_setting() {
    let data = renewing("2027-06-01", 90); // decided by 3 Mar 2027
    let key = |on: &str| renewal_item(&data, d(on)).map(|i| i.key);
    assert_eq!(key("2026-12-03").as_deref(), Some(format!("renewal:{}:2027-06-01:90", data.client.id).as_str()));
    assert_eq!(key("2027-01-02").as_deref(), Some(format!("renewal:{}:2027-06-01:60", data.client.id).as_str()), "done at 90 days, it is asked again at 60");
    assert_eq!(key("2027-02-01").as_deref(), Some(format!("renewal:{}:2027-06-01:30", data.client.id).as_str()));
    assert_eq!(key("2027-03-10").as_deref(), Some(format!("renewal:{}:2027-06-01:30", data.client.id).as_str()), "past the notice day: the last step");

    let t = HealthSettings::default();
    let early = crate::book::playbook::PlaybookSettings { renewal_lead_days: 120, ..Default::default() };
    let on = d("2026-11-10"); // 113 days before the notice day
    let found = items(&data, &crate::book::records::facts(&data, on), on, &health(&data, on, &t), &health(&data, on - chrono::Days::new(7), &t), &early).into_iter().find(|i| i.kind == ItemKind::Renewal).expect("a 120-day lead");
    assert!(found.reason.ends_with("The talk starts 120 days before it (Settings → Weekly review)."), "{}", found.reason);
}

#[test]
fn the_first_result_expected_is_a_setting_named_in_the_reason() {
    let data = crate::book::records::ClientData::sample(1, "Harbour Bakery");
    let t = HealthSettings::default();
    let rules = crate::book::playbook::PlaybookSettings { first_value_days: 45, ..Default::default() };
    let day = d("2026-02-15"); // 41 days after the start
    let found = |rules| items(&data, &crate::book::records::facts(&data, day), day, &health(&data, day, &t), &health(&data, day - chrono::Days::new(7), &t), rules).into_iter().find(|i| i.kind == ItemKind::NoFirstValue);
    assert!(found(&rules).is_none(), "within the 45 days set");
    let default = found(&Default::default()).expect("past the default 30");
    assert!(default.reason.contains("within 30 days (Settings → Weekly review)"), "{}", default.reason);
}

fn risk_items(data: &crate::book::records::ClientData, on: NaiveDate) -> Vec<ReviewItem> {
    let t = HealthSettings::default();
    let (now, week_ago) = (health(data, on, &t), health(data, on - chrono::Days::new(7), &t));
    items(data, &crate::book::records::facts(data, on), on, &now, &week_ago, &Default::default()).into_iter().filter(|i| i.kind == ItemKind::RiskWithoutPlan).collect()
}

#[test]
fn an_open_risk_without_a_mitigation_or_an_owner_asks_for_its_plan_until_it_has_one() {
    let mut data = crate::book::records::ClientData::sample(1, "Harbour Bakery");
    let risk = crate::book::risk::Risk {
        id: 4,
        client_id: 1,
        title: "Their marketing lead leaves in January".into(),
        mitigation: String::new(),
        owner: String::new(),
        raised_on: d("2026-11-02"),
        closed_on: None,
        show_client: false,
    };
    data.risks = vec![risk.clone()];
    assert!(risk_items(&data, d("2026-11-01")).is_empty(), "not raised yet");
    let got = risk_items(&data, d("2026-11-26"));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].title, "A risk without a plan: Their marketing lead leaves in January");
    assert!(got[0].reason.starts_with("Raised on 2 Nov 2026. Write what you will do about it and who does it"), "{}", got[0].reason);
    data.risks = vec![crate::book::risk::Risk { mitigation: "Hand-over call with her successor".into(), ..risk.clone() }];
    assert!(risk_items(&data, d("2026-11-26"))[0].reason.contains("Write who does it"));
    data.risks = vec![crate::book::risk::Risk { mitigation: "Hand-over call".into(), owner: "Ana".into(), ..risk.clone() }];
    assert!(risk_items(&data, d("2026-11-26")).is_empty(), "a plan with an owner: nothing to do");
    data.risks = vec![crate::book::risk::Risk { closed_on: Some(d("2026-11-20")), ..risk }];
    assert!(risk_items(&data, d("2026-11-26")).is_empty(), "a closed risk needs no plan");
}

/// The demo is made for the day it is opened, so every kind of item must show whatever that
/// day is, not only on the fixed day the other tests use.
#[test]
fn the_demo_shows_every_kind_of_item_whatever_day_it_is_opened() {
    use ItemKind::*;
    for day in ["2026-12-04", "2027-01-02", "2027-03-31", "2027-07-15", "2028-02-29"] {
        let on = d(day);
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::store::Store::open(&dir.path().join("demo.sqlite3")).unwrap();
        crate::demo::seed(&mut store, 1, on).unwrap();
        let kinds: std::collections::BTreeSet<ItemKind> = weekly_review(&store, on).unwrap().items.iter().map(|i| i.kind).collect();
        let missing: Vec<_> = [Red, DroppedBand, AmberFollowThrough, OpenIssue, Detractor, OverdueInvoice, CheckInDue, AskReferral, DecisionMaker, IssueCheck, NoFirstValue, QbrDue, SurveyDue, Expansion, RiskWithoutPlan]
            .into_iter()
            .filter(|k| !kinds.contains(k))
            .collect();
        assert!(missing.is_empty(), "{day}: {missing:?} missing from {kinds:?}");
    }
}

/// The review keeps each client's part between calls; after any change it must equal the review
/// of a store that kept nothing (the same file opened afresh).
#[test]
fn a_kept_review_follows_every_change_to_a_client_the_settings_and_the_day() {
    let (dir, mut store) = demo_store();
    let fresh = || weekly_review(&crate::store::Store::open(&dir.path().join("demo.sqlite3")).unwrap(), today()).unwrap();
    let first = weekly_review(&store, today()).unwrap();
    assert_eq!(first, fresh());
    let due = first.items.iter().find(|i| i.kind == ItemKind::CheckInDue).expect("a check-in due in the demo").client_id;
    let talk = crate::book::activity::TouchpointInput {
        kind: TouchpointKind::Call,
        happened_on: today().to_string(),
        summary: "Went through the month's figures".into(),
        client_replied: true,
        attended: true,
        rescheduled: false,
        no_show: false,
        reply_days: String::new(),
        stakeholder_id: None,
    };
    store.save_touchpoint(due, None, &talk).unwrap();
    let after_call = weekly_review(&store, today()).unwrap();
    assert!(!after_call.items.iter().any(|i| i.client_id == due && i.kind == ItemKind::CheckInDue), "the call is seen");
    assert_eq!(after_call, fresh());

    // A first result expected within 7 days: the clients signed this month are now late too.
    let late = |r: &crate::service::WeeklyReview| r.items.iter().filter(|i| i.kind == ItemKind::NoFirstValue).count();
    let mut rules = store.playbook_settings().unwrap();
    rules.first_value_days = 7;
    store.save_playbook_settings(rules).unwrap();
    let stricter = weekly_review(&store, today()).unwrap();
    assert!(late(&stricter) > late(&after_call), "the setting is seen");
    assert_eq!(stricter, fresh());

    let next_week = today() + chrono::Days::new(7);
    let fresh_next = weekly_review(&crate::store::Store::open(&dir.path().join("demo.sqlite3")).unwrap(), next_week).unwrap();
    assert_eq!(weekly_review(&store, next_week).unwrap(), fresh_next, "another day is worked out for that day");
}
