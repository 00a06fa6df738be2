//! Store tests for opportunities, hours used and QBR notes.

use super::{RecordRef, Store};
use crate::book::growth::*;
use crate::book::month::Month;
use crate::book::quarter::Quarter;
use crate::book::{ClientInput, ClientStatus};
use crate::error::ErrorKind;

/// A new book with two clients, Harbour Bakery and Lumen Dental.
pub(super) fn book() -> (tempfile::TempDir, Store, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("book.sqlite3")).unwrap();
    let mut add = |name: &str| {
        let input = ClientInput { name: name.into(), status: ClientStatus::Active, goal: String::new(), start_date: "2026-01-01".into(), notes: String::new() };
        store.create_client(&input).unwrap().id
    };
    let (a, b) = (add("Harbour Bakery"), add("Lumen Dental"));
    (dir, store, a, b)
}

fn idea(title: &str) -> OpportunityInput {
    OpportunityInput { kind: OpportunityKind::CrossSell, title: title.into(), value: "900".into(), stage: OpportunityStage::Idea, opened_on: "2026-10-02".into(), closed_on: String::new(), show_client: true }
}

#[test]
fn opportunities_are_added_edited_kept_to_their_client_and_deleted() {
    let (_d, mut store, a, b) = book();
    let saved = store.save_opportunity(a, None, &idea("Email newsletter")).unwrap();
    assert_eq!((saved.value_cents, saved.show_client), (90_000, true));
    let mut won = idea("Email newsletter");
    won.stage = OpportunityStage::Won;
    won.closed_on = "2026-11-01".into();
    let edited = store.save_opportunity(a, Some(saved.id), &won).unwrap();
    assert_eq!((edited.stage, edited.closed_on.map(|d| d.to_string())), (OpportunityStage::Won, Some("2026-11-01".into())));
    let other = store.save_opportunity(b, Some(saved.id), &won).unwrap_err();
    assert_eq!(other.kind, ErrorKind::NotFound, "another client's opportunity cannot be edited through this one");
    assert!(store.opportunities(b).unwrap().is_empty());
    store.delete_record(RecordRef::Opportunity(saved.id)).unwrap();
    assert!(store.opportunities(a).unwrap().is_empty());
}

#[test]
fn a_month_of_hours_is_recorded_once_and_replaced_when_entered_again() {
    let (_d, mut store, a, _) = book();
    store.save_hours(a, &HoursInput { month: "2026-10".into(), hours: "12.5".into() }).unwrap();
    let again = store.save_hours(a, &HoursInput { month: "2026-10".into(), hours: "14".into() }).unwrap();
    store.save_hours(a, &HoursInput { month: "2026-09".into(), hours: "8".into() }).unwrap();
    let hours = store.hours_used(a).unwrap();
    assert_eq!(hours.iter().map(|h| (h.month, h.hundredths)).collect::<Vec<_>>(), [(Month { year: 2026, month: 9 }, 800), (Month { year: 2026, month: 10 }, 1400)]);
    assert_eq!(again.id, hours[1].id, "the same row, updated");
    let bad = store.save_hours(a, &HoursInput { month: "2026-13".into(), hours: "1".into() }).unwrap_err();
    assert_eq!(bad.field.as_deref(), Some("month"));
    assert_eq!(store.hours_used(a).unwrap().len(), 2, "a bad input changes nothing");
}

#[test]
fn qbr_notes_are_kept_per_client_and_quarter() {
    let (_d, mut store, a, b) = book();
    let q = Quarter { fiscal_year: 2027, number: 2, year_starts: 4 };
    assert_eq!(store.qbr_notes(a, q).unwrap().working, "", "empty until written");
    store.save_qbr_notes(a, q, &QbrNotesInput { working: "Lunch menu page converts".into(), not_working: "Flyers".into(), adjust: "Fewer posts, better ones".into() }).unwrap();
    assert_eq!(store.qbr_notes(a, q).unwrap().not_working, "Flyers");
    store.save_qbr_notes(a, q, &QbrNotesInput { working: "Lunch menu page converts well".into(), not_working: String::new(), adjust: String::new() }).unwrap();
    let notes = store.qbr_notes(a, q).unwrap();
    assert_eq!((notes.quarter.as_str(), notes.working.as_str(), notes.adjust.as_str()), ("2027-Q2", "Lunch menu page converts well", ""));
    assert_eq!(store.qbr_notes(b, q).unwrap().working, "");
    assert_eq!(store.qbr_notes(a, q.next()).unwrap().working, "");
    assert_eq!(store.save_qbr_notes(999, q, &QbrNotesInput { working: String::new(), not_working: String::new(), adjust: String::new() }).unwrap_err().kind, ErrorKind::NotFound);
}

#[test]
fn branding_keeps_a_readable_accent_and_a_checked_logo() {
    let (_d, mut store, _, _) = book();
    let input = crate::book::branding::BrandingInput { accent: "#8A1538".into() };
    assert_eq!(store.save_accent(&input).unwrap_err().kind, ErrorKind::NotFound, "a studio first");
    store.save_studio(&crate::book::StudioInput { name: "Fox".into(), currency: "EUR".into(), paper_size: crate::book::PaperSize::A4 }).unwrap();
    assert_eq!(store.branding().unwrap(), crate::book::branding::Branding { accent: "#1f6f6b".into(), logo_data_url: None }, "defaults");
    assert_eq!(store.save_accent(&input).unwrap().accent, "#8a1538");
    let pale = store.save_accent(&crate::book::branding::BrandingInput { accent: "#fafafa".into() }).unwrap_err();
    assert_eq!(pale.field.as_deref(), Some("accent"));
    assert_eq!(store.branding().unwrap().accent, "#8a1538", "a refused colour changes nothing");

    let png = crate::book::branding::tests::tiny_png();
    let saved = store.save_logo(&png).unwrap();
    assert!(saved.logo_data_url.unwrap().starts_with("data:image/png;base64,iVBORw0KGgo"));
    assert_eq!(store.branding_raw().unwrap().1, Some(png));
    assert_eq!(store.save_logo(b"not an image").unwrap_err().field.as_deref(), Some("logo"));
    assert!(store.branding().unwrap().logo_data_url.is_some(), "a refused logo keeps the old one");
    assert_eq!(store.clear_logo().unwrap().logo_data_url, None);
}

#[test]
fn overrides_and_health_settings_are_kept() {
    use crate::health::{HealthOverrideInput, HealthSettings, Signal};
    let (_d, mut store, a, _) = book();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let input = HealthOverrideInput { signal: Signal::Sentiment, score: 2, reason: "Great call with the CEO".into(), expires_on: "2026-12-31".into() };
    let first = store.save_override(a, &input, today).unwrap();
    assert_eq!((first.set_on, first.score), (today, 2));
    let again = store.save_override(a, &HealthOverrideInput { score: 1, ..input.clone() }, today).unwrap();
    let all = store.health_overrides(a).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].expires_on, today, "the earlier one ends today");
    assert_eq!(all[1].id, again.id);
    let past = store.save_override(a, &HealthOverrideInput { expires_on: "2026-11-26".into(), ..input.clone() }, today).unwrap_err();
    assert_eq!(past.field.as_deref(), Some("expires_on"));
    assert_eq!(store.save_override(a, &HealthOverrideInput { reason: " ".into(), ..input }, today).unwrap_err().field.as_deref(), Some("reason"));
    store.end_override(a, Signal::Sentiment, today).unwrap();
    assert!(store.health_overrides(a).unwrap().iter().all(|o| o.expires_on <= today));

    assert_eq!(store.health_settings().unwrap(), HealthSettings::default());
    let chosen = HealthSettings { signals: vec![Signal::Payment, Signal::Engagement], green_eighths: 6, ..HealthSettings::default() };
    let saved = store.save_health_settings(chosen).unwrap();
    assert_eq!(saved.signals, vec![Signal::Engagement, Signal::Payment], "kept in the signals' order");
    assert_eq!(store.health_settings().unwrap(), saved);
    assert!(store.save_health_settings(HealthSettings { signals: vec![], ..HealthSettings::default() }).is_err());
    assert_eq!(store.health_settings().unwrap(), saved, "a refused change leaves the settings as they were");
}

#[test]
fn a_referral_names_both_clients_and_each_new_client_is_referred_once() {
    use crate::book::referral::ReferralInput;
    let (_d, mut store, a, b) = book();
    let r = store.save_referral(a, &ReferralInput { to_client_id: b, referred_on: "2026-03-01".into() }).unwrap();
    assert_eq!((r.from_client.as_str(), r.to_client.as_str()), ("Harbour Bakery", "Lumen Dental"));
    assert_eq!(store.referrals(b).unwrap(), vec![r.clone()], "listed on both clients");
    let twice = store.save_referral(a, &ReferralInput { to_client_id: b, referred_on: "2026-04-01".into() }).unwrap_err();
    assert_eq!((twice.kind, twice.message.as_str()), (ErrorKind::Conflict, "That client was already referred by Harbour Bakery."));
    assert_eq!(store.save_referral(a, &ReferralInput { to_client_id: a, referred_on: "2026-04-01".into() }).unwrap_err().field.as_deref(), Some("to_client_id"));
    assert_eq!(store.save_referral(a, &ReferralInput { to_client_id: 999, referred_on: "2026-04-01".into() }).unwrap_err().field.as_deref(), Some("to_client_id"));
    store.delete_record(RecordRef::Referral(r.id)).unwrap();
    assert!(store.referrals(a).unwrap().is_empty());
}

#[test]
fn the_owner_rewrites_a_template_and_can_go_back_to_ours() {
    use crate::review::{default_template, Script, TemplateInput};
    let (_d, mut store, _, _) = book();
    let scripts: Vec<Script> = store.templates().unwrap().iter().map(|t| t.script).collect();
    assert_eq!(scripts, Script::ALL.to_vec(), "one template per message, the two payment reminders and the expansion opener included");
    assert_eq!(scripts.len(), 11);
    let mine = store.save_template(Script::Renewal, &TemplateInput { subject: "Renewal {renewal_date}".into(), body: "{hello}\nShall we carry on?\n{signature}".into() }).unwrap();
    assert!(mine.custom);
    assert_eq!(store.template(Script::Renewal).unwrap(), mine);
    assert!(!store.template(Script::ReferralAsk).unwrap().custom, "the others keep our wording");
    assert!(store.save_template(Script::Renewal, &TemplateInput { subject: "x".into(), body: "{nope}".into() }).is_err());
    assert_eq!(store.template(Script::Renewal).unwrap(), mine, "a refused template changes nothing");
    assert_eq!(store.reset_template(Script::Renewal).unwrap(), default_template(Script::Renewal));
    assert_eq!(store.template(Script::Renewal).unwrap(), default_template(Script::Renewal));
}

#[test]
fn the_book_in_memory_follows_every_change_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let add = |store: &mut Store, name: &str| {
        store.create_client(&ClientInput { name: name.into(), status: ClientStatus::Active, goal: String::new(), start_date: "2026-01-01".into(), notes: String::new() }).unwrap();
    };
    add(&mut store, "Harbour Bakery");
    let first = store.book().unwrap();
    assert_eq!(first.len(), 1);
    assert!(std::sync::Arc::ptr_eq(&first, &store.book().unwrap()), "unchanged book: served from memory");
    add(&mut store, "Lumen Dental");
    assert_eq!(store.book().unwrap().len(), 2, "our own write is seen");
    // Another connection (the CLI, say) writes to the same file.
    let mut other = Store::open(&path).unwrap();
    add(&mut other, "Orbit Logistics");
    assert_eq!(store.book().unwrap().len(), 3, "another connection's write is seen");
}

#[test]
fn a_client_gets_a_copy_of_the_checklist_template_to_tick_off() {
    use crate::book::onboarding::{Checklist::*, ChecklistTemplateInput};
    let (_d, mut store, a, b) = book();
    assert_eq!(store.checklist_template(Onboarding).unwrap().len(), 6, "the default template");
    let steps = store.save_checklist_template(Onboarding, &ChecklistTemplateInput { steps: "Kick-off call\n\n  Goal agreed  \nAccess to analytics".into() }).unwrap();
    assert_eq!(steps, ["Kick-off call", "Goal agreed", "Access to analytics"]);
    assert!(store.save_checklist_template(Onboarding, &ChecklistTemplateInput { steps: " \n".into() }).is_err());
    let list = store.start_checklist(a, Onboarding).unwrap();
    assert_eq!(list.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["Kick-off call", "Goal agreed", "Access to analytics"]);
    assert_eq!(store.start_checklist(a, Onboarding).unwrap(), list, "started once");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let ticked = store.set_step_done(a, list[0].id, Some(today)).unwrap();
    assert_eq!(ticked[0].done_on, Some(today));
    assert_eq!(store.set_step_done(b, list[0].id, None).unwrap_err().field.as_deref(), Some("item_id"), "another client's step");
    store.save_checklist_template(Onboarding, &ChecklistTemplateInput { steps: "Something else".into() }).unwrap();
    assert_eq!(store.checklist(a, Onboarding).unwrap().len(), 3, "a started checklist keeps its steps");
}

#[test]
fn the_offboarding_checklist_is_its_own_list_beside_onboarding() {
    use crate::book::onboarding::{Checklist::*, ChecklistTemplateInput};
    let (_d, mut store, a, _b) = book();
    let template = store.checklist_template(Offboarding).unwrap();
    assert_eq!((template.len(), template[2].as_str()), (5, "Final invoice sent"), "the default offboarding steps");
    store.start_checklist(a, Onboarding).unwrap();
    assert!(store.checklist(a, Offboarding).unwrap().is_empty(), "onboarding's steps are not offboarding's");
    let leaving = store.start_checklist(a, Offboarding).unwrap();
    assert_eq!(leaving.len(), 5);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let ticked = store.set_step_done(a, leaving[2].id, Some(today)).unwrap();
    assert_eq!((ticked.len(), ticked[2].done_on), (5, Some(today)), "ticking a step answers with its own list");
    store.save_checklist_template(Offboarding, &ChecklistTemplateInput { steps: "Files handed over".into() }).unwrap();
    assert_eq!(store.checklist_template(Onboarding).unwrap().len(), 6, "saving one list leaves the other");
    assert_eq!(store.checklist(a, Onboarding).unwrap().len(), 6);
}

#[test]
fn a_testimonial_is_asked_then_received_and_kept_to_its_client() {
    let (_d, mut store, a, b) = book();
    let asked = store.save_testimonial(a, None, &TestimonialInput { asked_on: "2026-11-01".into(), received_on: String::new(), quote: String::new() }).unwrap();
    let got = store.save_testimonial(a, Some(asked.id), &TestimonialInput { asked_on: "2026-11-01".into(), received_on: "2026-11-10".into(), quote: "They doubled our weekday orders.".into() }).unwrap();
    assert_eq!((got.id, got.quote.as_str()), (asked.id, "They doubled our weekday orders."));
    let early = store.save_testimonial(a, None, &TestimonialInput { asked_on: "2026-11-01".into(), received_on: "2026-10-01".into(), quote: String::new() }).unwrap_err();
    assert_eq!(early.field.as_deref(), Some("received_on"));
    assert_eq!(store.save_testimonial(b, Some(asked.id), &TestimonialInput { asked_on: "2026-11-01".into(), received_on: String::new(), quote: String::new() }).unwrap_err().kind, ErrorKind::NotFound);
    assert_eq!(store.testimonials(a).unwrap().len(), 1);
    store.delete_record(RecordRef::Testimonial(asked.id)).unwrap();
    assert!(store.testimonials(a).unwrap().is_empty());
}

#[test]
fn the_annual_budget_is_optional_money_kept_with_the_plan() {
    let (_d, mut store, a, _) = book();
    let plan = |budget: &str| crate::book::SuccessPlanInput { cadence_days: "14".into(), owner: "Mia".into(), recap: String::new(), fiscal_year_start: 4, annual_budget: budget.into() };
    assert_eq!(store.save_success_plan(a, &plan("62,400")).unwrap().plan.annual_budget_cents, Some(6_240_000));
    let bad = store.save_success_plan(a, &plan("lots")).unwrap_err();
    assert_eq!(bad.field.as_deref(), Some("annual_budget"));
    assert_eq!(store.client(a).unwrap().plan.annual_budget_cents, Some(6_240_000), "the refused plan changed nothing");
    assert_eq!(store.save_success_plan(a, &plan("")).unwrap().plan.annual_budget_cents, None, "empty takes it away");
}

#[test]
fn a_clients_file_that_updates_a_client_keeps_the_budget_the_owner_entered() {
    use crate::import::{import, DateOrder, ImportKind, ImportOptions};
    let (_d, mut store, a, _) = book();
    store.save_studio(&crate::book::StudioInput { name: "Fox".into(), currency: "EUR".into(), paper_size: crate::book::PaperSize::A4 }).unwrap();
    let plan = crate::book::SuccessPlanInput { cadence_days: "14".into(), owner: "Mia".into(), recap: String::new(), fiscal_year_start: 1, annual_budget: "62,400".into() };
    store.save_success_plan(a, &plan).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let file = "name,status,goal,start_date,cadence_days,owner\nHarbour Bakery,active,More weekday orders,2026-01-01,21,Sam\n";
    import(&mut store, ImportKind::Clients, "clients.csv", file.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), true, today).unwrap();
    let client = store.client(a).unwrap();
    assert_eq!((client.plan.cadence_days, client.plan.owner.as_str()), (Some(21), "Sam"), "the file updated the plan");
    assert_eq!(client.plan.annual_budget_cents, Some(6_240_000), "and kept the budget it has no column for");
}
