//! The customer-success moves that keep a client, beyond reacting to red: following through on
//! amber until the client has answered, asking right after a win, reaching the people who decide
//! the renewal, keeping the surveys coming, and recovering from an issue.

use chrono::{Datelike, Days, NaiveDate};

use super::{ItemKind, NextStep, ReviewItem, Script};
use crate::book::playbook::PlaybookSettings;
use crate::book::records::{ClientData, Facts};
use crate::book::stakeholder::StakeholderRole;
use crate::book::survey::SurveyKind;
use crate::book::text::{capitalised, short_date as short};
use crate::health::{Band, Health, HealthSettings};

/// Ask for a referral or testimonial within this many days of a win: asking works then.
pub const WIN_DAYS: i64 = 14;
/// The people who decide the renewal should hear from the studio at least this often.
pub const DECIDER_DAYS: i64 = crate::book::stakeholder::QUIET_DAYS;
/// An issue open this long is urgent.
pub const ISSUE_URGENT_DAYS: i64 = 7;
/// After an issue is resolved, check the fix held between this many days…
pub const CHECK_AFTER_DAYS: i64 = 7;
/// …and this many.
pub const CHECK_UNTIL_DAYS: i64 = 30;
/// How far back an amber spell is traced, in weeks (the health card's history); a longer
/// spell is "more than 12 weeks".
pub const AMBER_WEEKS: u64 = 12;

fn quarter(d: NaiveDate) -> String {
    format!("{}-Q{}", d.year(), d.month0() / 3 + 1)
}

/// The first of the weekly checks (every 7 days back from `as_of`) of the amber spell the client
/// is in now, or None when it is not amber. `band_on` is the client's band on a day. The trace
/// stops at `replied` (the latest two-way contact): a spell that reaches back to it has been
/// answered, and None says so without computing health for the weeks before.
pub fn amber_since(as_of: NaiveDate, band_now: Band, replied: Option<NaiveDate>, band_on: impl Fn(NaiveDate) -> Band) -> Option<NaiveDate> {
    if band_now != Band::Amber {
        return None;
    }
    let mut since = as_of;
    for week in 1..=AMBER_WEEKS {
        if replied.is_some_and(|r| r >= since) {
            return None;
        }
        let day = as_of - Days::new(7 * week);
        if band_on(day) != Band::Amber {
            break;
        }
        since = day;
    }
    Some(since).filter(|s| replied.is_none_or(|r| r < *s))
}

/// `amber_since` with the client's own health (`week_ago` is the check a week back, known).
pub fn amber_since_for(data: &ClientData, facts: &Facts, as_of: NaiveDate, now: &Health, week_ago: &Health, settings: &HealthSettings) -> Option<NaiveDate> {
    let week_back = as_of - Days::new(7);
    amber_since(as_of, now.band, facts.last_two_way_contact, |day| if day == week_back { week_ago.band } else { crate::health::health(data, day, settings).band })
}

/// The latest win in the last `WIN_DAYS`: what it was, and its day.
fn latest_win(data: &ClientData, as_of: NaiveDate) -> Option<(NaiveDate, String)> {
    let recent = |d: NaiveDate| d <= as_of && (as_of - d).num_days() < WIN_DAYS;
    let mut wins: Vec<(NaiveDate, String)> = Vec::new();
    for m in &data.milestones {
        if let Some(done) = m.done_on.filter(|d| recent(*d)) {
            wins.push((done, format!("“{}” was done on {}", m.title, short(done))));
        }
    }
    for k in &data.kpis {
        let mut values: Vec<_> = data.measurements.iter().filter(|m| m.kpi_id == k.id && m.measured_on <= as_of).collect();
        values.sort_by_key(|m| m.measured_on);
        // The day it first got there, after a value that had not.
        let first = values.windows(2).find(|w| !k.reaches(w[0].value) && k.reaches(w[1].value)).map(|w| w[1]);
        if let Some(m) = first.filter(|m| recent(m.measured_on)) {
            wins.push((m.measured_on, format!("{} reached its target on {}", k.name, short(m.measured_on))));
        }
    }
    for a in data.survey_answers.iter().filter(|a| a.kind == SurveyKind::Nps && a.score >= 9 && recent(a.answered_on)) {
        wins.push((a.answered_on, format!("they answered {} to the NPS question on {}", a.score, short(a.answered_on))));
    }
    wins.into_iter().max_by_key(|(d, _)| *d)
}

/// Whether anyone asked for a referral or a testimonial on or after `since`.
fn asked_since(data: &ClientData, since: NaiveDate, as_of: NaiveDate) -> bool {
    let within = |d: NaiveDate| d >= since && d <= as_of;
    data.testimonials.iter().any(|t| within(t.asked_on))
        || data.referrals.iter().any(|r| r.from_client_id == data.client.id && within(r.referred_on))
        || data.touchpoints.iter().any(|t| within(t.happened_on) && {
            let s = t.summary.to_lowercase();
            s.contains("referr") || s.contains("testimonial")
        })
}

/// A two-way contact (they replied, or attended), as `Facts::last_two_way_contact` counts it.
fn two_way_since(data: &ClientData, since: NaiveDate, as_of: NaiveDate) -> bool {
    data.touchpoints.iter().any(|t| (t.client_replied || t.attended) && t.happened_on >= since && t.happened_on <= as_of)
}

/// The first characters of an owner's text, for a title (cut at a character, never a byte).
fn brief(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= 60 {
        return text.to_owned();
    }
    format!("{}…", text.chars().take(59).collect::<String>().trim_end())
}

/// The playbook's items for one current client as of `as_of`.
pub fn items(data: &ClientData, facts: &Facts, as_of: NaiveDate, now: &Health, week_ago: &Health, amber_since: Option<NaiveDate>, rules: &PlaybookSettings) -> Vec<ReviewItem> {
    let c = &data.client;
    let mut out = Vec::new();
    let mut add = |key: String, kind, urgency, title: String, reason: String, action: &str, next_step| {
        out.push(ReviewItem { key, kind, client_id: c.id, client: c.name.clone(), urgency, title, reason, action_label: action.to_owned(), next_step });
    };
    let tenure = (as_of - facts.work_started).num_days();

    // Amber stays on the list until the client has answered since it turned (the week it
    // dropped has its own item).
    if let Some(since) = amber_since.filter(|_| week_ago.band == Band::Amber) {
        if !two_way_since(data, since, as_of) {
            let weeks = (as_of - since).num_days() / 7 + 1;
            let weeks = if weeks > AMBER_WEEKS as i64 { format!("more than {AMBER_WEEKS}") } else { weeks.to_string() };
            add(
                format!("amber:{}:{since}", c.id),
                ItemKind::AmberFollowThrough,
                1,
                format!("Amber for {weeks} weeks, no reply from them since"),
                format!("{} Act before it turns red: a call where they talk, not a report.", now.summary),
                "Draft the check-in",
                NextStep::DraftMessage { script: Script::ValueCheckIn },
            );
        }
    }

    let open_issue = data.complaints.iter().any(|i| i.closed_on.is_none() && i.opened_on <= as_of);
    if let Some((won_on, what)) = latest_win(data, as_of).filter(|_| now.band != Band::Red && !open_issue) {
        if !asked_since(data, won_on, as_of) {
            add(
                format!("referral:{}:{won_on}", c.id),
                ItemKind::AskReferral,
                2,
                "A win: ask for a referral or testimonial".into(),
                format!("{}. Asking within two weeks of a win works best.", capitalised(&what)),
                "Draft the ask",
                NextStep::DraftMessage { script: Script::ReferralAsk },
            );
        }
    }

    for issue in data.complaints.iter().filter(|i| i.opened_on <= as_of) {
        match issue.closed_on {
            None => {
                let days = (as_of - issue.opened_on).num_days();
                add(
                    format!("issue:{}:{}", c.id, issue.id),
                    ItemKind::OpenIssue,
                    if days >= ISSUE_URGENT_DAYS { 1 } else { 2 },
                    format!("Issue open for {days} day{}: {}", if days == 1 { "" } else { "s" }, brief(&issue.summary)),
                    format!("Raised on {}. Agree the fix and a date with them, then mark it resolved.", short(issue.opened_on)),
                    "Open the client",
                    NextStep::OpenClient,
                );
            }
            Some(closed) => {
                let since = (as_of - closed).num_days();
                if (CHECK_AFTER_DAYS..=CHECK_UNTIL_DAYS).contains(&since) && !two_way_since(data, closed + Days::new(1), as_of) {
                    add(
                        format!("issue-check:{}:{}", c.id, issue.id),
                        ItemKind::IssueCheck,
                        3,
                        format!("Check the fix held: {}", brief(&issue.summary)),
                        format!("Resolved on {} after {} days; no word from them since.", short(closed), (closed - issue.opened_on).num_days()),
                        "Log the check",
                        NextStep::LogTouchpoint,
                    );
                }
            }
        }
    }

    // The people who decide the renewal: one item naming each one not heard from this quarter.
    if tenure >= DECIDER_DAYS {
        let unheard: Vec<(&str, &str, Option<NaiveDate>)> = data
            .stakeholders
            .iter()
            .filter(|s| s.role.decides())
            .map(|s| {
                let last = crate::book::stakeholder::last_contact(s.id, &data.touchpoints, as_of);
                (s.name.as_str(), if s.role == StakeholderRole::Finance { "finance contact" } else { "executive sponsor" }, last)
            })
            .filter(|(_, _, last)| last.is_none_or(|d| (as_of - d).num_days() >= DECIDER_DAYS))
            .collect();
        if !unheard.is_empty() {
            let who = unheard.iter().map(|(name, role, _)| format!("{name} ({role})")).collect::<Vec<_>>().join(" or ");
            let when = unheard.iter().map(|(name, _, last)| last.map_or(format!("nothing logged with {name} yet"), |d| format!("{name} last on {}", short(d)))).collect::<Vec<_>>().join("; ");
            let qbr = if facts.last_qbr.is_none_or(|d| (as_of - d).num_days() >= super::items::QBR_DAYS) { ", before the quarterly review" } else { "" };
            add(
                format!("decider:{}:{}", c.id, quarter(as_of)),
                ItemKind::DecisionMaker,
                4,
                format!("No contact this quarter with {who}"),
                format!("They decide the renewal: speak to them this quarter{qbr} ({when})."),
                "Log a conversation",
                NextStep::LogTouchpoint,
            );
        }
    }

    // Sentiment goes unknown when answers age out: ask before it does.
    if tenure >= rules.nps_every_days {
        let last = data.survey_answers.iter().filter(|a| a.kind == SurveyKind::Nps && a.answered_on <= as_of).map(|a| a.answered_on).max();
        if last.is_none_or(|d| (as_of - d).num_days() >= rules.nps_every_days) {
            // Keyed by the day it fell due, so a question marked done comes back one cadence later.
            let due = last.unwrap_or(facts.work_started) + Days::new(rules.nps_every_days.max(0) as u64);
            add(
                format!("nps:{}:{due}", c.id),
                ItemKind::SurveyDue,
                5,
                "NPS question due".into(),
                format!("{} Asked every {} days (Settings → Weekly review).", last.map_or("No NPS answer recorded yet.".to_owned(), |d| format!("Last NPS answer on {}.", short(d))), rules.nps_every_days),
                "Draft the question",
                NextStep::DraftMessage { script: Script::NpsRequest },
            );
        }
    }
    // One satisfaction question, about the latest delivery (the draft names the same one).
    let latest = data.milestones.iter().filter_map(|m| m.done_on.filter(|d| *d <= as_of).map(|d| (d, m))).max_by_key(|(d, m)| (*d, m.id));
    if let Some((done, m)) = latest.filter(|(d, _)| (as_of - *d).num_days() < WIN_DAYS) {
        if !data.survey_answers.iter().any(|a| a.kind == SurveyKind::Csat && a.answered_on >= done && a.answered_on <= as_of) {
            add(
                format!("csat:{}:{}", c.id, m.id),
                ItemKind::SurveyDue,
                4,
                format!("Ask how “{}” went (CSAT)", brief(&m.title)),
                format!("Delivered on {}; a satisfaction score while it is fresh.", short(done)),
                "Draft the question",
                NextStep::DraftMessage { script: Script::CsatRequest },
            );
        }
    }
    out.extend(super::expansion::item(data, as_of, now));
    out
}

#[cfg(test)]
#[path = "playbook_tests.rs"]
mod tests;
