//! How each signal is derived from the records, with the thresholds the owner can change.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Signal, SignalScore};
use crate::book::kpi::KpiStatus;
use crate::book::survey::SurveyKind;
use crate::book::records::ClientData;

/// The numbers behind the signals (DOMAIN.md's defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Thresholds {
    /// Days between check-ins for a client with no agreed cadence.
    pub default_cadence_days: i64,
    /// Days after the due date an invoice may be paid and still count as on time.
    pub payment_grace_days: i64,
    /// How many of the latest invoices due are judged.
    pub invoices_judged: u32,
    /// Survey answers older than this many months no longer count.
    pub survey_months: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { default_cadence_days: 30, payment_grace_days: 3, invoices_judged: 6, survey_months: 12 }
    }
}

fn scored(signal: Signal, score: Option<u8>, reason: String) -> SignalScore {
    SignalScore { signal, label: signal.label().to_owned(), score, reason, overridden: false }
}

fn days(n: i64) -> String {
    if n == 1 { "1 day".to_owned() } else { format!("{n} days") }
}

pub fn engagement(data: &ClientData, as_of: NaiveDate, t: &Thresholds) -> SignalScore {
    let past: Vec<_> = data.touchpoints.iter().filter(|tp| tp.happened_on <= as_of).collect();
    if past.is_empty() {
        return scored(Signal::Engagement, None, "No touchpoints logged yet.".into());
    }
    let cadence = data.client.plan.cadence_days.filter(|d| *d > 0).unwrap_or(t.default_cadence_days);
    let first = past.iter().map(|tp| tp.happened_on).min().unwrap_or(as_of);
    let last_two_way = past.iter().filter(|tp| tp.client_replied || tp.attended).map(|tp| tp.happened_on).max();
    let since = (as_of - last_two_way.unwrap_or(first)).num_days();
    let recent: Vec<_> = past.iter().filter(|tp| (as_of - tp.happened_on).num_days() <= 90).collect();
    let missed = recent.iter().filter(|tp| tp.no_show || tp.rescheduled).count();
    let replies: Vec<i64> = recent.iter().filter_map(|tp| tp.reply_days).collect();
    let slow = !replies.is_empty() && replies.iter().sum::<i64>() as f64 / replies.len() as f64 > 5.0;
    let agreed = format!("agreed: every {}", days(cadence));
    if last_two_way.is_none() && since > cadence {
        return scored(Signal::Engagement, Some(0), format!("No reply or meeting in {} of contact ({agreed}).", days(since)));
    }
    if since > 2 * cadence {
        return scored(Signal::Engagement, Some(0), format!("No two-way contact for {} ({agreed}).", days(since)));
    }
    let mut worries = Vec::new();
    if since > cadence {
        worries.push(format!("last two-way contact {} ago ({agreed})", days(since)));
    }
    if missed >= 2 {
        worries.push(format!("{missed} rescheduled or missed meetings in 90 days"));
    }
    if slow {
        worries.push(format!("replies take {:.0} days on average", replies.iter().sum::<i64>() as f64 / replies.len() as f64));
    }
    if worries.is_empty() {
        scored(Signal::Engagement, Some(2), format!("Last two-way contact {} ago, within the {agreed}.", days(since)))
    } else {
        let text = worries.join("; ");
        let mut chars = text.chars();
        let text: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
        scored(Signal::Engagement, Some(1), format!("{text}."))
    }
}

pub fn outcome(data: &ClientData, as_of: NaiveDate) -> SignalScore {
    let judged: Vec<_> = data
        .kpis
        .iter()
        .map(|k| {
            let ms: Vec<_> = data.measurements.iter().filter(|m| m.kpi_id == k.id).cloned().collect();
            (k, k.progress(&ms, as_of))
        })
        .filter(|(_, p)| p.status != KpiStatus::NoData)
        .collect();
    if judged.is_empty() {
        return scored(Signal::Outcome, None, if data.kpis.is_empty() { "No KPIs agreed yet.".into() } else { "No KPI values recorded yet.".into() });
    }
    let points: u32 = judged.iter().map(|(_, p)| match p.status {
        KpiStatus::OnTrack => 2,
        KpiStatus::Slipping => 1,
        _ => 0,
    }).sum();
    let on_track = judged.iter().filter(|(_, p)| p.status == KpiStatus::OnTrack).count();
    // The mean of the KPIs' points (2 on track, 1 slipping, 0 off track), rounded.
    let score = match (2 * points) / judged.len() as u32 {
        3.. => 2,
        1..=2 => 1,
        _ => 0,
    };
    let mut reason = format!("{on_track} of {} KPIs on track", judged.len());
    if let Some((k, p)) = judged.iter().filter(|(_, p)| p.status != KpiStatus::OnTrack).min_by(|a, b| a.1.progress.partial_cmp(&b.1.progress).unwrap_or(std::cmp::Ordering::Equal)) {
        let word = if p.status == KpiStatus::OffTrack { "off track" } else { "slipping" };
        let reached = p.progress.map_or(0, |v| (v * 100.0).round() as i64);
        reason.push_str(&format!("; {} is {word} ({reached}% of the way, {}% expected by now)", k.name, (p.expected * 100.0).round() as i64));
    }
    scored(Signal::Outcome, Some(score), format!("{reason}."))
}

pub fn payment(data: &ClientData, as_of: NaiveDate, t: &Thresholds) -> SignalScore {
    let mut due: Vec<_> = data.invoices.iter().filter(|i| !i.void && i.due_on <= as_of).collect();
    if due.is_empty() {
        return scored(Signal::Payment, None, "No invoices due yet.".into());
    }
    due.sort_by_key(|i| std::cmp::Reverse(i.due_on));
    due.truncate(t.invoices_judged.max(1) as usize);
    let paid_by = |i: &&crate::book::invoice::Invoice| i.paid_on.filter(|p| *p <= as_of);
    let lateness = |i: &&crate::book::invoice::Invoice| match paid_by(i) {
        Some(paid) => (paid - i.due_on).num_days(),
        None => (as_of - i.due_on).num_days(),
    };
    let late: Vec<_> = due.iter().filter(|i| lateness(i) > t.payment_grace_days).collect();
    let overdue = due.iter().filter(|i| paid_by(i).is_none() && lateness(i) > t.payment_grace_days).max_by_key(|i| lateness(i));
    let n = due.len();
    if let Some(i) = overdue.filter(|i| lateness(i) > 30) {
        return scored(Signal::Payment, Some(0), format!("Invoice {} is {} overdue.", i.number, days(lateness(i))));
    }
    if late.len() >= 2 && late.len() * 2 >= n {
        return scored(Signal::Payment, Some(0), format!("{} of the last {n} invoices were paid late or are overdue.", late.len()));
    }
    match late.first() {
        None => scored(Signal::Payment, Some(2), if n == 1 { "The invoice due was paid on time.".into() } else { format!("All of the last {n} invoices were paid on time.") }),
        Some(latest_late) => {
            let was_punctual = late.len() == 1 && due.first().map(|i| i.id) == Some(latest_late.id) && n >= 3;
            let tail = if was_punctual { ", after a history of paying on time" } else { "" };
            let what = if paid_by(latest_late).is_some() { format!("paid {} late", days(lateness(latest_late))) } else { format!("{} overdue", days(lateness(latest_late))) };
            scored(Signal::Payment, Some(1), format!("{} of the last {n} invoices late; invoice {} {what}{tail}.", late.len(), latest_late.number))
        }
    }
}

pub fn sentiment(data: &ClientData, as_of: NaiveDate, t: &Thresholds) -> SignalScore {
    let since = as_of.checked_sub_months(Months::new(t.survey_months)).unwrap_or(NaiveDate::MIN);
    let answers: Vec<_> = data.survey_answers.iter().filter(|a| since < a.answered_on && a.answered_on <= as_of).collect();
    let open: Vec<_> = data.complaints.iter().filter(|c| c.opened_on <= as_of && c.closed_on.is_none_or(|closed| closed > as_of)).collect();
    if let Some(c) = open.iter().min_by_key(|c| c.opened_on) {
        return scored(Signal::Sentiment, Some(0), format!("Open {} issue since {}: {}", c.tag.as_str(), c.opened_on.format("%-d %b %Y"), c.summary.trim_end_matches('.').to_owned() + "."));
    }
    let latest = |kind: SurveyKind| answers.iter().filter(|a| a.kind == kind).max_by_key(|a| a.answered_on);
    let mut parts: Vec<(u8, String)> = Vec::new();
    if let Some(a) = latest(SurveyKind::Nps) {
        let (score, word) = match a.score {
            9.. => (2, "a promoter"),
            7..=8 => (1, "passive"),
            _ => (0, "a detractor"),
        };
        parts.push((score, format!("latest NPS answer {} ({word})", a.score)));
    }
    if let Some(a) = latest(SurveyKind::Csat) {
        parts.push((match a.score { 4.. => 2, 3 => 1, _ => 0 }, format!("latest satisfaction score {} of 5", a.score)));
    }
    if let Some(a) = latest(SurveyKind::Ces) {
        parts.push((match a.score { 5.. => 2, 4 => 1, _ => 0 }, format!("latest ease score {} of 7", a.score)));
    }
    // Low confidence that the goal will be reached is a risk, as a low satisfaction score is.
    if let Some(a) = latest(SurveyKind::Confidence) {
        parts.push((match a.score { 8.. => 2, 6..=7 => 1, _ => 0 }, format!("latest confidence in reaching the goal {} of 10", a.score)));
    }
    if parts.is_empty() {
        return scored(Signal::Sentiment, None, format!("No survey answers or open issues in the last {} months.", t.survey_months));
    }
    let score = parts.iter().map(|p| p.0).min().unwrap_or(1);
    let text = parts.into_iter().map(|p| p.1).collect::<Vec<_>>().join("; ");
    scored(Signal::Sentiment, Some(score), format!("{}.", crate::book::text::capitalised(&text)))
}
