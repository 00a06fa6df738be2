use chrono::NaiveDate;

use super::*;
use crate::book::invoice::{Invoice, InvoiceLine};
use crate::book::records::ClientData;
use crate::book::stakeholder::Stakeholder;
use crate::book::templates::default_template;
use crate::client_page::assemble;

const FROM: Sender<'static> = Sender { studio: "Fox & Finch", owner: "Mia", currency: "EUR", minor_digits: 2 };

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Harbour Bakery with a main contact, a finance contact and a sponsor, and two overdue invoices.
fn page() -> ClientPage {
    let mut data = ClientData::sample(1, "Harbour Bakery");
    let person = |id, name: &str, role, email: &str, is_primary| Stakeholder { id, client_id: 1, name: name.into(), role, email: email.into(), phone: String::new(), is_primary };
    data.stakeholders = vec![
        person(1, "Ana Lopes", StakeholderRole::DayToDay, "ana@harbour.example", true),
        person(2, "Hugo Baptiste", StakeholderRole::Finance, "finance@harbour.example", false),
        person(3, "Jonas Weber", StakeholderRole::ExecutiveSponsor, "jonas@harbour.example", false),
    ];
    let invoice = |id, number: &str, due: &str, cents| Invoice { id, client_id: 1, number: number.into(), issued_on: d("2026-09-01"), due_on: d(due), paid_on: None, void: false, lines: vec![InvoiceLine { description: "Retainer".into(), amount_cents: cents, kpi_id: None, deliverable_id: None }] };
    data.invoices = vec![invoice(1, "2026-031", "2026-10-20", 300_000), invoice(2, "2026-036", "2026-11-20", 125_050)];
    assemble(data, d("2026-11-26"))
}

#[test]
fn a_payment_reminder_goes_to_the_finance_contact_and_lists_what_is_overdue() {
    let draft = draft(&default_template(Script::PaymentReminder), &page(), &FROM, None).unwrap();
    assert_eq!((draft.to.as_str(), draft.to_id), ("finance@harbour.example", Some(2)));
    assert!(draft.body.starts_with("Hi Hugo,"), "{}", draft.body);
    assert!(draft.body.contains("- Invoice 2026-031: €3,000.00, due on 20 October 2026 (37 days ago)\n- Invoice 2026-036: €1,250.50, due on 20 November 2026 (6 days ago)"), "{}", draft.body);
    assert_eq!(draft.recipients.iter().map(|r| r.id).collect::<Vec<_>>(), vec![2, 1, 3], "the chosen one first, then the others");
    let firm = super::draft(&default_template(Script::PaymentFirm), &page(), &FROM, None).unwrap();
    assert_eq!(firm.subject, "Overdue: €4,250.50 — Harbour Bakery");
}

#[test]
fn the_owner_can_send_a_draft_to_another_of_the_clients_people_and_only_to_them() {
    let draft = draft(&default_template(Script::PaymentReminder), &page(), &FROM, Some(1)).unwrap();
    assert_eq!((draft.to.as_str(), draft.body.starts_with("Hi Ana,")), ("ana@harbour.example", true), "the greeting follows the recipient");
    let e = super::draft(&default_template(Script::PaymentReminder), &page(), &FROM, Some(99)).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("to"));
    assert_eq!(e.message, "Harbour Bakery has no person number 99; choose one of their people.");
}

#[test]
fn the_renewal_goes_to_the_sponsor_and_the_qbr_agenda_copies_the_finance_contact() {
    let renewal = draft(&default_template(Script::Renewal), &page(), &FROM, None).unwrap();
    assert_eq!(renewal.to, "jonas@harbour.example");
    let agenda = draft(&default_template(Script::QbrAgenda), &page(), &FROM, None).unwrap();
    assert_eq!((agenda.to.as_str(), agenda.cc.clone()), ("ana@harbour.example", vec!["finance@harbour.example".to_owned()]));
    let checkin = draft(&default_template(Script::ValueCheckIn), &page(), &FROM, None).unwrap();
    assert!(checkin.cc.is_empty() && checkin.to == "ana@harbour.example");
}

#[test]
fn the_survey_questions_are_written_out_for_the_right_person() {
    let nps = draft(&default_template(Script::NpsRequest), &page(), &FROM, None).unwrap();
    assert_eq!(nps.to, "jonas@harbour.example", "the whole relationship: the sponsor");
    assert!(nps.body.contains("On a scale of 0 to 10, how likely are you to recommend Fox & Finch to a friend or colleague?"), "{}", nps.body);
    let expansion = draft(&default_template(Script::Expansion), &page(), &FROM, None).unwrap();
    assert_eq!(expansion.to, "jonas@harbour.example", "more work is the sponsor's decision");

    let mut data = ClientData::sample(1, "Harbour Bakery");
    let done = |id, title: &str, on: &str| crate::book::activity::Milestone { id, client_id: 1, title: title.into(), due_on: d(on), done_on: Some(d(on)), first_value: false };
    data.milestones = vec![done(1, "Menu shoot", "2026-11-21"), done(2, "Old launch", "2026-06-01"), done(3, "Not yet", "2026-12-10")];
    let csat = draft(&default_template(Script::CsatRequest), &assemble(data, d("2026-11-26")), &FROM, None).unwrap();
    assert_eq!(csat.subject, "How did it go? — Menu shoot", "the latest delivery, not one in the future");
    assert!(csat.body.contains("We have just delivered “Menu shoot” (21 November). While it is fresh:\n\nHow satisfied are you with it, from 1 to 5?"), "{}", csat.body);
}
