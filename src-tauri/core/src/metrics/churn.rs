//! Why clients leave: the reasons the owner gave for the clients who left in a period, and how the
//! clients lost in the last twelve months differed from the ones kept (tenure, health before
//! leaving, NPS, paying on time). A client left in the period when their last day of work (the
//! end of their last contract) falls in it; those who were clients on its first day are logo
//! churn's count, which the screen states beside it.

use chrono::{Months, NaiveDate};
use serde::Serialize;
use specta::Type;

use super::{active, median, started_on, timeliness, Period, Share};
use crate::book::contract;
use crate::book::ending::EndReason;
use crate::book::money::sum_cents;
use crate::book::records::ClientData;
use crate::book::survey::SurveyKind;
use crate::health::Band;

/// Health is judged this many days before a lost client's last day of work.
pub const HEALTH_BEFORE_DAYS: u64 = 30;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Churn {
    /// Clients whose last day of work fell in the period.
    pub lost: u32,
    /// Of them, the ones under contract on the period's first day: logo churn's count.
    pub lost_from_start: u32,
    /// The reasons of the clients who left, most clients first; `reason` None: not recorded.
    pub reasons: Vec<ReasonCount>,
    pub compared: LostVsKept,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ReasonCount {
    pub reason: Option<EndReason>,
    pub label: String,
    /// Their names (an internal screen: the owner knows them).
    pub clients: Vec<String>,
    /// What they paid a month on their last day of work.
    pub mrr_cents: i64,
}

/// The clients lost in the twelve months up to the period's end against the ones kept at its end.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct LostVsKept {
    /// The first day of the twelve months (the last is the period's last day).
    pub since: NaiveDate,
    pub until: NaiveDate,
    pub lost: Profile,
    pub kept: Profile,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Profile {
    pub clients: u32,
    /// Months from the first day of work to the last (kept: to the period's end); median.
    pub median_tenure_months: Option<u32>,
    /// The mean of each client's latest NPS answer (0–10) up to that day.
    #[specta(type = Option<f64>)]
    pub mean_nps_answer: Option<f64>,
    pub nps_answers: u32,
    /// Their invoices due in the twelve months, paid on time (with the grace days).
    pub paid_on_time: Share,
    /// Of those whose health could be judged: amber or red a month before they left (kept: at
    /// the period's end).
    pub amber_or_red: Share,
}

/// The reason the owner gave, while the client is ended (one who came back and lapsed again
/// without saying why has no reason yet).
fn ending(c: &ClientData) -> Option<&crate::book::ending::Ending> {
    c.ending.as_ref().filter(|_| c.client.status == crate::book::ClientStatus::Ended)
}

/// The last day of work: the one the owner gave when ending the client, else the end of the
/// last contract; None while a contract runs open-ended or there is none.
fn last_day_of_work(c: &ClientData) -> Option<NaiveDate> {
    if let Some(e) = ending(c) {
        return Some(e.ended_on);
    }
    if c.contracts.is_empty() || c.contracts.iter().any(|k| k.end_date.is_none()) {
        return None;
    }
    c.contracts.iter().filter_map(|k| k.end_date).max()
}

fn tenure_months(from: NaiveDate, to: NaiveDate) -> u32 {
    // Whole months, as a person counts them: 1 Feb to 31 Jul is 5 months and 30 days → 6.
    ((to - from).num_days().max(0) as f64 / 30.4375).round() as u32
}

/// One group's profile; `until_of` gives each client's last day counted (leaving, or the end).
fn profile(group: &[(&ClientData, NaiveDate)], window: &Period, as_of: NaiveDate, grace: i64, band_on: &dyn Fn(&ClientData, NaiveDate) -> Band, before_days: u64) -> Profile {
    let tenures = group.iter().map(|(c, until)| i64::from(tenure_months(started_on(c), *until))).collect();
    let latest_nps: Vec<i64> = group
        .iter()
        .filter_map(|(c, until)| {
            c.survey_answers.iter().filter(|a| a.kind == SurveyKind::Nps && a.answered_on <= *until).max_by_key(|a| (a.answered_on, a.id)).map(|a| a.score)
        })
        .collect();
    let clients: Vec<&ClientData> = group.iter().map(|(c, _)| *c).collect();
    let bands: Vec<Band> = group.iter().map(|(c, until)| band_on(c, *until - chrono::Days::new(before_days))).filter(|b| *b != Band::Unknown).collect();
    Profile {
        clients: group.len() as u32,
        median_tenure_months: median(tenures).and_then(|m| u32::try_from(m).ok()),
        mean_nps_answer: (!latest_nps.is_empty()).then(|| latest_nps.iter().sum::<i64>() as f64 / latest_nps.len() as f64),
        nps_answers: latest_nps.len() as u32,
        paid_on_time: timeliness(&clients, window, as_of, grace),
        amber_or_red: Share::of(bands.iter().filter(|b| matches!(b, Band::Amber | Band::Red)).count(), bands.len()),
    }
}

/// Why the clients who left in the period left, and the twelve months' lost against kept. `band_on` is
/// a client's health band on a day.
pub fn churn(book: &[&ClientData], p: &Period, as_of: NaiveDate, grace: i64, band_on: &dyn Fn(&ClientData, NaiveDate) -> Band) -> Churn {
    let (first, last) = (p.start, p.last_day());
    let left_on = |c: &ClientData, within: &Period| if active(c, last) { None } else { last_day_of_work(c).filter(|d| within.contains(*d)) };
    let lost: Vec<(&ClientData, NaiveDate)> = book.iter().copied().filter_map(|c| left_on(c, p).map(|d| (c, d))).collect();
    let mut reasons: Vec<ReasonCount> = Vec::new();
    for (c, left) in &lost {
        let reason = ending(c).map(|e| e.reason);
        let mrr = contract::mrr_on(&c.contracts, *left);
        match reasons.iter_mut().find(|r| r.reason == reason) {
            Some(r) => {
                r.clients.push(c.client.name.clone());
                r.mrr_cents = sum_cents([r.mrr_cents, mrr]);
            }
            None => reasons.push(ReasonCount {
                reason,
                label: reason.map_or("Not recorded yet", EndReason::label).to_owned(),
                clients: vec![c.client.name.clone()],
                mrr_cents: mrr,
            }),
        }
    }
    // Most clients first; a recorded reason before "not recorded"; then by the words.
    reasons.sort_by(|a, b| b.clients.len().cmp(&a.clients.len()).then(a.reason.is_none().cmp(&b.reason.is_none())).then(a.label.cmp(&b.label)));

    let since = p.end.checked_sub_months(Months::new(12)).unwrap_or(p.start);
    let window = Period { start: since, end: p.end, label: String::new() };
    let left: Vec<(&ClientData, NaiveDate)> = book.iter().copied().filter_map(|c| left_on(c, &window).map(|d| (c, d))).collect();
    let judged_on = last.min(as_of);
    let kept: Vec<(&ClientData, NaiveDate)> = book.iter().copied().filter(|c| active(c, last)).map(|c| (c, judged_on)).collect();
    Churn {
        lost: lost.len() as u32,
        lost_from_start: lost.iter().filter(|(c, _)| active(c, first)).count() as u32,
        reasons,
        compared: LostVsKept {
            since,
            until: last,
            lost: profile(&left, &window, as_of, grace, band_on, HEALTH_BEFORE_DAYS),
            kept: profile(&kept, &window, as_of, grace, band_on, 0),
        },
    }
}

#[cfg(test)]
#[path = "churn_tests.rs"]
mod tests;
