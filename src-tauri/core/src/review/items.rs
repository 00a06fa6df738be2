//! Which items a client gives the weekly review, from its records and health.

use chrono::{Days, NaiveDate};

use super::{ItemKind, NextStep, ReviewItem, Script};
use crate::book::activity::TouchpointKind;
use crate::book::invoice::InvoiceStatus;
use crate::book::playbook::{renewal_steps, PlaybookSettings};
use crate::book::survey::SurveyKind;
use crate::book::ClientStatus;
use crate::book::records::{ClientData, Facts};
use crate::health::{Band, Health};

// When a first result is expected and how early the renewal conversation starts are the
// owner's settings (`PlaybookSettings`). The renewal is counted from the last day to give
// notice: a renewal with 90 days' notice is decided 90 days before it, so counting from the
// renewal date would raise it on the very day the decision is due.
/// An invoice overdue longer than this gets a firm reminder instead of a friendly one.
pub const FIRM_AFTER_DAYS: i64 = 30;
/// A quarterly review is due when the last one is this old.
pub const QBR_DAYS: i64 = 90;

fn short(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// The review items of one client as of `as_of`, given its health now and a week ago.
pub fn items(data: &ClientData, facts: &Facts, as_of: NaiveDate, now: &Health, week_ago: &Health, rules: &PlaybookSettings) -> Vec<ReviewItem> {
    let c = &data.client;
    if c.archived_at.is_some() || matches!(c.status, ClientStatus::Ended | ClientStatus::Prospect) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut add = |key: String, kind, urgency, title: String, reason: String, action: &str, next_step| {
        out.push(ReviewItem { key, kind, client_id: c.id, client: c.name.clone(), urgency, title, reason, action_label: action.to_owned(), next_step });
    };

    if now.band == Band::Red {
        add(format!("red:{}:{}", c.id, crate::health::week_end(as_of)), ItemKind::Red, 0, "Red: real risk of losing them".into(), now.summary.clone(), "Plan a recovery call", NextStep::DraftMessage { script: Script::EarlyWarning });
    } else if now.band < week_ago.band && week_ago.band != Band::Unknown {
        add(
            format!("dropped:{}:{}", c.id, crate::health::week_end(as_of)),
            ItemKind::DroppedBand,
            1,
            format!("Dropped from {} to {} this week", week_ago.band.label().to_lowercase(), now.band.label().to_lowercase()),
            now.summary.clone(),
            "Check in this week",
            NextStep::DraftMessage { script: Script::EarlyWarning },
        );
    }

    for a in data.survey_answers.iter().filter(|a| a.kind == SurveyKind::Nps && a.score <= 6 && a.followed_up_on.is_none() && (as_of - a.answered_on).num_days() <= 180 && a.answered_on <= as_of) {
        add(format!("detractor:{}:{}", c.id, a.id), ItemKind::Detractor, 1, format!("NPS answer of {} without a follow-up", a.score), format!("Answered on {}{}", short(a.answered_on), if a.comment.is_empty() { ".".to_owned() } else { format!(": “{}”", a.comment) }), "Follow up", NextStep::DraftMessage { script: Script::NpsFollowUp });
    }

    for inv in data.invoices.iter().filter(|i| i.status_on(as_of) == InvoiceStatus::Overdue) {
        add(format!("invoice:{}:{}", c.id, inv.id), ItemKind::OverdueInvoice, 2, { let days = inv.days_overdue_on(as_of); format!("Invoice {} is {days} day{} overdue", inv.number, if days == 1 { "" } else { "s" }) }, format!("Due on {}.", short(inv.due_on)), if inv.days_overdue_on(as_of) > FIRM_AFTER_DAYS { "Draft a firm reminder" } else { "Draft a friendly reminder" }, NextStep::DraftMessage { script: if inv.days_overdue_on(as_of) > FIRM_AFTER_DAYS { Script::PaymentFirm } else { Script::PaymentReminder } });
    }

    if let Some(due) = facts.next_check_in.filter(|d| *d < as_of) {
        let days = (as_of - due).num_days();
        add(format!("checkin:{}:{due}", c.id), ItemKind::CheckInDue, 2, "Value check-in overdue".into(), format!("Due since {} ({days} day{}); last two-way contact {}.", short(due), if days == 1 { "" } else { "s" }, facts.last_two_way_contact.map_or("never".to_owned(), short)), "Draft the check-in", NextStep::DraftMessage { script: Script::ValueCheckIn });
    }

    // Counted from the last day to give notice: that is when the client decides.
    if let Some((r, deadline)) = facts.renewal.as_ref().map(|r| (r, r.notice_by())).filter(|(_, deadline)| (*deadline - as_of).num_days() <= rules.renewal_lead_days) {
        let talked = data.touchpoints.iter().any(|t| t.happened_on <= as_of && t.happened_on + Days::new(rules.renewal_lead_days.max(120) as u64) >= deadline && (t.kind == TouchpointKind::Qbr || t.summary.to_lowercase().contains("renew")));
        if !talked {
            let to_deadline = (deadline - as_of).num_days();
            let urgency = if to_deadline <= 30 { 1 } else { 3 };
            let title = match to_deadline {
                d if d < 0 => format!("Renews in {} days; the last day to give notice has passed", r.days_away),
                0 => "Last day to give notice is today, no renewal conversation yet".to_owned(),
                d => format!("Last day to give notice in {d} days, no renewal conversation yet"),
            };
            // One item per step (90, 60, 30 days before the notice day): done at 90, it comes back at 60.
            let step = renewal_steps(rules.renewal_lead_days).into_iter().filter(|s| to_deadline <= *s).min().unwrap_or(0);
            let reason = format!("Renewal on {} with {} days' notice: decided by {}. The talk starts {} days before it (Settings → Weekly review).", short(r.date), r.notice_days, short(deadline), rules.renewal_lead_days);
            add(format!("renewal:{}:{}:{step}", c.id, r.date), ItemKind::Renewal, urgency, title, reason, "Draft the renewal note", NextStep::DraftMessage { script: Script::Renewal });
        }
    }

    for ch in data.primary_contact_changes.iter().filter(|ch| ch.changed_on <= as_of && (as_of - ch.changed_on).num_days() <= 30) {
        add(format!("contact:{}:{}", c.id, ch.changed_on), ItemKind::ContactChanged, 3, "New main contact".into(), format!("{} became the main contact on {}: an early churn signal; introduce yourself and restate the goal.", ch.name, short(ch.changed_on)), "Open the client", NextStep::OpenClient);
    }

    for r in data.risks.iter().filter(|r| r.open_on(as_of) && r.lacks_a_plan()) {
        let missing = match (r.mitigation.trim().is_empty(), r.owner.trim().is_empty()) {
            (true, true) => "what you will do about it and who does it",
            (true, false) => "what you will do about it",
            _ => "who does it",
        };
        let reason = format!("Raised on {}. Write {missing} in the account plan on their page, before it shows in their results.", short(r.raised_on));
        add(format!("risk:{}:{}", c.id, r.id), ItemKind::RiskWithoutPlan, 3, format!("A risk without a plan: {}", r.title), reason, "Open the client", NextStep::OpenClient);
    }

    let tenure = (as_of - facts.work_started).num_days();
    if facts.time_to_first_value_days.is_none() && tenure > rules.first_value_days {
        add(format!("ttfv:{}", c.id), ItemKind::NoFirstValue, 3, format!("No first result after {tenure} days"), format!("A first visible win is expected within {} days (Settings → Weekly review); mark a first-value milestone when it lands.", rules.first_value_days), "Open the client", NextStep::OpenClient);
    }

    let last_qbr = facts.last_qbr;
    if tenure >= QBR_DAYS && last_qbr.is_none_or(|d| (as_of - d).num_days() >= QBR_DAYS) {
        let reason = last_qbr.map_or("No quarterly review logged yet.".to_owned(), |d| format!("Last one on {}.", short(d)));
        add(format!("qbr:{}:{}", c.id, last_qbr.map_or("none".to_owned(), |d| d.to_string())), ItemKind::QbrDue, 4, "Quarterly review due".into(), reason, "Draft the QBR agenda", NextStep::DraftMessage { script: Script::QbrAgenda });
    }

    out
}
