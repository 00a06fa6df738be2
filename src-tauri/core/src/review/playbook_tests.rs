use chrono::NaiveDate;

use super::*;
use crate::book::activity::{Complaint, ComplaintTag, Milestone, Touchpoint, TouchpointKind};
use crate::book::kpi::{Direction, Kpi, Measurement, WorthCounts};
use crate::book::stakeholder::Stakeholder;
use crate::book::survey::SurveyAnswer;
use crate::health::Health;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn health(band: Band, on: &str) -> Health {
    Health { as_of: d(on), score: 5, max: 8, band, signals: vec![], summary: "Replies have slowed.".into() }
}

fn client() -> ClientData {
    ClientData::sample(1, "Harbour Bakery")
}

fn call(id: i64, on: &str, replied: bool, with: Option<i64>) -> Touchpoint {
    Touchpoint { id, client_id: 1, kind: TouchpointKind::Call, happened_on: d(on), summary: "Weekly call".into(), client_replied: replied, attended: replied, rescheduled: false, no_show: false, reply_days: None, stakeholder_id: with }
}

fn nps(id: i64, score: i64, on: &str) -> SurveyAnswer {
    SurveyAnswer { id, client_id: 1, stakeholder_id: None, kind: SurveyKind::Nps, score, answered_on: d(on), comment: String::new(), followed_up_on: None }
}

/// The playbook's items on `on` for a client whose band is `band` now and a week ago.
fn run(data: &ClientData, on: &str, band: Band, week_ago: Band, amber_since: Option<&str>) -> Vec<ReviewItem> {
    let day = d(on);
    items(data, &crate::book::records::facts(data, day), day, &health(band, on), &health(week_ago, on), amber_since.map(d), &Default::default())
}

fn of(items: &[ReviewItem], kind: ItemKind) -> Vec<&ReviewItem> {
    items.iter().filter(|i| i.kind == kind).collect()
}

#[test]
fn an_amber_spell_is_traced_back_week_by_week_to_where_it_began() {
    let as_of = d("2026-11-26");
    // Amber on the checks of 19 Nov and 12 Nov, green on 5 Nov.
    let band_on = |day: NaiveDate| if day >= d("2026-11-12") { Band::Amber } else { Band::Green };
    assert_eq!(amber_since(as_of, Band::Amber, None, band_on), Some(d("2026-11-12")));
    assert_eq!(amber_since(as_of, Band::Amber, Some(d("2026-11-05")), band_on), Some(d("2026-11-12")), "the last reply came before the spell");
    assert_eq!(amber_since(as_of, Band::Amber, Some(d("2026-11-14")), band_on), None, "they replied during the spell");
    assert_eq!(amber_since(as_of, Band::Green, None, band_on), None, "not amber now: no spell");
    assert_eq!(amber_since(as_of, Band::Amber, None, |_| Band::Red), Some(as_of), "turned amber this week");
    assert_eq!(amber_since(as_of, Band::Amber, None, |_| Band::Amber), Some(as_of - chrono::Days::new(7 * AMBER_WEEKS)), "traced 12 weeks at most");
    let mut silent = client();
    silent.touchpoints.clear();
    let long = run(&silent, "2026-11-26", Band::Amber, Band::Amber, Some("2026-09-03"));
    assert_eq!(of(&long, ItemKind::AmberFollowThrough)[0].title, "Amber for more than 12 weeks, no reply from them since");
    // A reply stops the trace: no health is computed for the weeks before it.
    let asked = std::cell::Cell::new(0);
    let counting = |day: NaiveDate| { asked.set(asked.get() + 1); band_on(day) };
    assert_eq!(amber_since(as_of, Band::Amber, Some(d("2026-11-20")), counting), None);
    assert_eq!(asked.get(), 1, "one week traced (19 Nov, before the reply), not 26");
}

#[test]
fn amber_stays_on_the_list_until_the_client_replies_after_it_turned() {
    let mut data = client();
    data.touchpoints = vec![call(1, "2026-11-05", true, None), call(2, "2026-11-20", false, None)];
    let got = run(&data, "2026-11-26", Band::Amber, Band::Amber, Some("2026-11-12"));
    let amber = of(&got, ItemKind::AmberFollowThrough);
    assert_eq!(amber.len(), 1, "a call they did not answer does not count: {got:?}");
    assert_eq!(amber[0].title, "Amber for 3 weeks, no reply from them since");
    assert_eq!(amber[0].key, "amber:1:2026-11-12", "one key for the whole spell, so done sticks to it");
    assert!(amber[0].reason.starts_with("Replies have slowed."));

    data.touchpoints.push(call(3, "2026-11-24", true, None));
    assert!(of(&run(&data, "2026-11-26", Band::Amber, Band::Amber, Some("2026-11-12")), ItemKind::AmberFollowThrough).is_empty(), "they replied: followed through");
    assert!(of(&run(&client(), "2026-11-26", Band::Amber, Band::Green, Some("2026-11-26")), ItemKind::AmberFollowThrough).is_empty(), "the week it dropped has the drop item instead");
    assert!(of(&run(&client(), "2026-11-26", Band::Green, Band::Green, None), ItemKind::AmberFollowThrough).is_empty());
}

#[test]
fn a_win_in_the_last_two_weeks_asks_for_a_referral_unless_already_asked_or_the_client_is_unhappy() {
    let mut data = client();
    data.milestones = vec![Milestone { id: 4, client_id: 1, title: "New shop launched".into(), due_on: d("2026-11-20"), done_on: Some(d("2026-11-18")), first_value: false }];
    let got = run(&data, "2026-11-26", Band::Amber, Band::Amber, None);
    let ask = of(&got, ItemKind::AskReferral);
    assert_eq!(ask.len(), 1, "{got:?}");
    assert_eq!(ask[0].reason, "“New shop launched” was done on 18 Nov 2026. Asking within two weeks of a win works best.");
    assert_eq!(ask[0].next_step, NextStep::DraftMessage { script: Script::ReferralAsk });
    assert!(of(&run(&data, "2026-12-02", Band::Green, Band::Green, None), ItemKind::AskReferral).is_empty(), "14 days on: the moment has passed");
    assert!(of(&run(&data, "2026-11-26", Band::Red, Band::Red, None), ItemKind::AskReferral).is_empty(), "not while red");

    let mut asked = data.clone();
    asked.testimonials = vec![crate::book::growth::Testimonial { id: 1, client_id: 1, asked_on: d("2026-11-19"), received_on: None, quote: String::new() }];
    assert!(of(&run(&asked, "2026-11-26", Band::Green, Band::Green, None), ItemKind::AskReferral).is_empty(), "asked after the win");

    let mut unhappy = data.clone();
    unhappy.complaints = vec![Complaint { id: 1, client_id: 1, opened_on: d("2026-11-22"), closed_on: None, tag: ComplaintTag::Quality, summary: "Photos late".into() }];
    assert!(of(&run(&unhappy, "2026-11-26", Band::Green, Band::Green, None), ItemKind::AskReferral).is_empty(), "not with an issue open");
}

#[test]
fn a_kpi_reaching_its_target_and_a_promoter_answer_are_wins_too() {
    let mut data = client();
    data.kpis = vec![Kpi { id: 7, client_id: 1, name: "Cost per lead".into(), unit: "€".into(), direction: Direction::Down, baseline: 80.0, target: 50.0, baseline_date: d("2026-01-01"), target_date: d("2026-12-31"), cents_per_unit: None, worth_counts: WorthCounts::Once, share_low_pct: 100, share_high_pct: 100, below_baseline_counts: false }];
    let m = |id, on: &str, value| Measurement { id, kpi_id: 7, measured_on: d(on), value, note: String::new() };
    data.measurements = vec![m(1, "2026-10-31", 55.0), m(2, "2026-11-20", 49.0), m(3, "2026-11-24", 51.0)];
    let ask = run(&data, "2026-11-26", Band::Green, Band::Green, None);
    assert_eq!(of(&ask, ItemKind::AskReferral)[0].reason, "Cost per lead reached its target on 20 Nov 2026. Asking within two weeks of a win works best.", "down is better: 49 reaches 50");
    assert_eq!(of(&ask, ItemKind::AskReferral)[0].key, "referral:1:2026-11-20");

    let mut promoter = client();
    promoter.survey_answers = vec![nps(1, 8, "2026-11-23"), nps(2, 9, "2026-11-24")];
    assert!(of(&run(&promoter, "2026-11-26", Band::Green, Band::Green, None), ItemKind::AskReferral)[0].reason.starts_with("They answered 9 to the NPS question on 24 Nov 2026."));
    promoter.survey_answers.pop();
    assert!(of(&run(&promoter, "2026-11-26", Band::Green, Band::Green, None), ItemKind::AskReferral).is_empty(), "an 8 is not a promoter");
}

#[test]
fn an_open_issue_is_an_item_and_its_fix_is_checked_a_week_after_it_is_resolved() {
    let mut data = client();
    let long = "The product photos for the autumn menu arrived a week late and two were the wrong dishes entirely";
    data.complaints = vec![Complaint { id: 3, client_id: 1, opened_on: d("2026-11-16"), closed_on: None, tag: ComplaintTag::Deadline, summary: long.into() }];
    let open = run(&data, "2026-11-26", Band::Green, Band::Green, None);
    let item = of(&open, ItemKind::OpenIssue)[0];
    assert_eq!((item.urgency, item.key.as_str()), (1, "issue:1:3"), "open 10 days: urgent");
    assert!(item.title.starts_with("Issue open for 10 days: The product photos") && item.title.ends_with('…') && item.title.chars().count() < 90, "{}", item.title);
    assert_eq!(of(&run(&data, "2026-11-18", Band::Green, Band::Green, None), ItemKind::OpenIssue)[0].urgency, 2, "two days: not yet urgent");

    data.complaints[0].closed_on = Some(d("2026-11-18"));
    assert!(of(&run(&data, "2026-11-20", Band::Green, Band::Green, None), ItemKind::IssueCheck).is_empty(), "too soon to check");
    let check = run(&data, "2026-11-26", Band::Green, Band::Green, None);
    assert_eq!(of(&check, ItemKind::IssueCheck)[0].reason, "Resolved on 18 Nov 2026 after 2 days; no word from them since.");
    data.touchpoints = vec![call(1, "2026-11-25", true, None)];
    assert!(of(&run(&data, "2026-11-26", Band::Green, Band::Green, None), ItemKind::IssueCheck).is_empty(), "they answered since the fix");
    assert!(of(&run(&client(), "2026-11-26", Band::Green, Band::Green, None), ItemKind::OpenIssue).is_empty());
}

#[test]
fn the_finance_contact_and_the_sponsor_must_hear_from_the_studio_each_quarter() {
    let mut data = client();
    let person = |id, name: &str, role| Stakeholder { id, client_id: 1, name: name.into(), role, email: String::new(), phone: String::new(), is_primary: false };
    data.stakeholders = vec![person(1, "Mia Day", StakeholderRole::DayToDay), person(2, "Jonas Weber", StakeholderRole::ExecutiveSponsor), person(3, "Ana Ruiz", StakeholderRole::Finance)];
    data.touchpoints = vec![call(1, "2026-11-20", true, Some(1)), call(2, "2026-10-01", true, Some(3)), call(3, "2026-06-01", true, Some(2))];
    let got = run(&data, "2026-11-26", Band::Green, Band::Green, None);
    let deciders = of(&got, ItemKind::DecisionMaker);
    assert_eq!(deciders.len(), 1, "{deciders:?}");
    assert_eq!(deciders[0].title, "No contact this quarter with Jonas Weber (executive sponsor)", "the finance contact was spoken to 56 days ago");
    assert_eq!(deciders[0].reason, "They decide the renewal: speak to them this quarter, before the quarterly review (Jonas Weber last on 1 Jun 2026).");
    data.touchpoints.retain(|t| t.stakeholder_id != Some(3));
    let both = run(&data, "2026-11-26", Band::Green, Band::Green, None);
    assert_eq!(of(&both, ItemKind::DecisionMaker)[0].title, "No contact this quarter with Jonas Weber (executive sponsor) or Ana Ruiz (finance contact)", "one item for the client");
    assert_eq!(deciders[0].next_step, NextStep::LogTouchpoint);
    data.touchpoints.extend([call(4, "2026-11-25", true, Some(2)), call(5, "2026-11-25", false, Some(3))]);
    assert!(of(&run(&data, "2026-11-26", Band::Green, Band::Green, None), ItemKind::DecisionMaker).is_empty());
}

#[test]
fn an_nps_question_is_due_each_quarter_and_a_csat_after_each_delivery() {
    let mut data = client();
    data.survey_answers = vec![nps(1, 9, "2026-08-01")];
    let due = run(&data, "2026-11-26", Band::Green, Band::Green, None);
    let nps_due = of(&due, ItemKind::SurveyDue);
    assert_eq!(nps_due.len(), 1);
    assert_eq!((nps_due[0].key.as_str(), nps_due[0].reason.as_str()), ("nps:1:2026-10-30", "Last NPS answer on 1 Aug 2026. Asked every 90 days (Settings → Weekly review)."));
    assert_eq!(nps_due[0].next_step, NextStep::DraftMessage { script: Script::NpsRequest }, "the question is drafted");
    data.survey_answers.push(nps(2, 7, "2026-10-15"));
    assert!(of(&run(&data, "2026-11-26", Band::Green, Band::Green, None), ItemKind::SurveyDue).is_empty(), "answered this quarter");

    data.milestones = vec![Milestone { id: 5, client_id: 1, title: "Menu shoot".into(), due_on: d("2026-11-20"), done_on: Some(d("2026-11-21")), first_value: false }];
    let csat = run(&data, "2026-11-26", Band::Green, Band::Green, None);
    assert_eq!(of(&csat, ItemKind::SurveyDue)[0].title, "Ask how “Menu shoot” went (CSAT)");
    assert_eq!(of(&csat, ItemKind::SurveyDue)[0].next_step, NextStep::DraftMessage { script: Script::CsatRequest });
    let mut two = data.clone();
    two.milestones.push(Milestone { id: 4, client_id: 1, title: "Logo".into(), due_on: d("2026-11-15"), done_on: Some(d("2026-11-15")), first_value: false });
    let asked: Vec<String> = of(&run(&two, "2026-11-26", Band::Green, Band::Green, None), ItemKind::SurveyDue).iter().map(|i| i.title.clone()).collect();
    assert_eq!(asked, vec!["Ask how “Menu shoot” went (CSAT)".to_owned()], "one question, about the latest delivery, as the draft names it");
    data.survey_answers.push(SurveyAnswer { kind: SurveyKind::Csat, score: 5, ..nps(3, 5, "2026-11-24") });
    assert!(of(&run(&data, "2026-11-26", Band::Green, Band::Green, None), ItemKind::SurveyDue).is_empty());
}
