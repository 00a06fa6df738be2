use chrono::NaiveDate;

use super::*;
use crate::book::activity::Milestone;
use crate::book::contract::{Contract, ContractKind};
use crate::book::ending::{EndReason, Ending};
use crate::book::growth::Testimonial;
use crate::book::records::facts;
use crate::book::survey::SurveyAnswer;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Work began on 1 Feb 2026 under a retainer renewing on 31 Jan 2027 with 60 days' notice (the
/// last day to give notice is 2 Dec 2026).
fn client() -> ClientData {
    let mut c = ClientData::sample(1, "Harbour Bakery");
    c.contracts = vec![Contract {
        id: 1,
        client_id: 1,
        kind: ContractKind::Retainer,
        service_line: "SEO".into(),
        monthly_cents: 250_000,
        fixed_cents: 0,
        start_date: d("2026-02-01"),
        end_date: None,
        renewal_date: Some(d("2027-01-31")),
        notice_days: 60,
        included_hundredths: 0,
        unused_hours: crate::book::contract::UnusedHours::NotAgreed,
    }];
    c
}

fn first_value(c: &mut ClientData, done: &str) {
    c.milestones = vec![Milestone { id: 1, client_id: 1, title: "First campaign live".into(), due_on: d("2026-03-01"), done_on: Some(d(done)), first_value: true }];
}

fn stage(c: &ClientData, on: &str) -> Lifecycle {
    lifecycle(c, &facts(c, d(on)), d(on), &Default::default())
}

#[test]
fn a_client_moves_from_onboarding_to_first_value_to_adoption() {
    let mut c = client();
    assert_eq!(stage(&c, "2026-02-20"), Lifecycle { stage: Stage::Onboarding, why: "Work began on 1 Feb 2026; no first result yet (expected by 3 Mar 2026).".into() });
    assert_eq!(stage(&c, "2026-03-13").why, "Work began on 1 Feb 2026; no first result yet (10 days later than the 30 expected).");
    assert_eq!(stage(&c, "2026-06-01").stage, Stage::Adoption, "long in the work without a marked first result: not onboarding for ever");
    first_value(&mut c, "2026-03-10");
    assert_eq!(stage(&c, "2026-03-20"), Lifecycle { stage: Stage::FirstValue, why: "First result on 10 Mar 2026: now make it a habit.".into() });
    assert_eq!(stage(&c, "2026-06-08").stage, Stage::Adoption, "90 days after the first result");
    assert!(stage(&c, "2026-03-05").stage == Stage::Onboarding, "a first result in the future does not count yet");
}

#[test]
fn the_renewal_window_opens_ninety_days_before_the_last_day_to_give_notice() {
    let mut c = client();
    first_value(&mut c, "2026-03-10");
    assert_eq!(stage(&c, "2026-09-02").stage, Stage::Adoption, "91 days before the notice day");
    assert_eq!(stage(&c, "2026-09-03"), Lifecycle { stage: Stage::RenewalWindow, why: "They decide by 2 Dec 2026 (notice before the renewal on 31 Jan 2027).".into() });
    assert_eq!(stage(&c, "2026-12-10").why, "Renews on 31 Jan 2027; the last day to give notice was 2 Dec 2026.");
    let early = crate::book::playbook::PlaybookSettings { renewal_lead_days: 120, ..Default::default() };
    assert_eq!(lifecycle(&c, &facts(&c, d("2026-08-10")), d("2026-08-10"), &early).stage, Stage::RenewalWindow, "the window follows the renewal lead set");
}

#[test]
fn a_client_who_refers_quotes_or_promotes_is_an_advocate_outside_the_renewal_window() {
    let mut c = client();
    first_value(&mut c, "2026-03-10");
    c.survey_answers = vec![SurveyAnswer { id: 1, client_id: 1, stakeholder_id: None, kind: SurveyKind::Nps, score: 9, answered_on: d("2026-05-01"), comment: String::new(), followed_up_on: None }];
    assert_eq!(stage(&c, "2026-07-01"), Lifecycle { stage: Stage::Advocate, why: "Answered 9 to “would you recommend us” on 1 May 2026.".into() });
    assert_eq!(stage(&c, "2026-10-01").stage, Stage::RenewalWindow, "a decision due comes first");
    c.survey_answers[0].score = 7;
    assert_eq!(stage(&c, "2026-07-01").stage, Stage::Adoption, "a passive is not an advocate");
    c.testimonials = vec![Testimonial { id: 1, client_id: 1, asked_on: d("2026-06-01"), received_on: Some(d("2026-06-10")), quote: "Great".into() }];
    assert_eq!(stage(&c, "2026-07-01").why, "Gave a testimonial on 10 Jun 2026.");
}

#[test]
fn an_ended_client_says_why_and_a_prospect_is_not_signed() {
    let mut c = client();
    c.client.status = ClientStatus::Ended;
    assert_eq!(stage(&c, "2026-12-01").why, "The work has ended; the reason is not recorded yet.");
    c.ending = Some(Ending { client_id: 1, ended_on: d("2026-11-30"), reason: EndReason::InHouse, notes: "internal".into() });
    assert_eq!(stage(&c, "2026-12-01"), Lifecycle { stage: Stage::Ended, why: "Ended on 30 Nov 2026: taken in-house.".into() });
    c.client.status = ClientStatus::Prospect;
    assert_eq!(stage(&c, "2026-12-01").stage, Stage::Prospect);
}
