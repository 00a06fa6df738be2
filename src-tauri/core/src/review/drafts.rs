//! The six messages an owner sends, drafted from the client's own data: the owner edits and
//! sends them from their mail app. Written for the client, so they never mention health.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::book::kpi::KpiStatus;
use crate::client_page::ClientPage;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    ValueCheckIn,
    EarlyWarning,
    QbrAgenda,
    Renewal,
    ReferralAsk,
    NpsFollowUp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Draft {
    pub script: Script,
    /// The main contact's email, when known.
    pub to: String,
    pub subject: String,
    pub body: String,
}

fn number(v: f64) -> String {
    crate::report::format::number(v)
}

/// Progress on each KPI in one line each: "Qualified leads: 48 (target 60)".
fn progress_lines(page: &ClientPage) -> Vec<String> {
    page.kpis
        .iter()
        .map(|k| match &k.progress.latest {
            Some(m) => format!("- {}: {} {} (from {} toward {} by {})", k.kpi.name, number(m.value), k.kpi.unit, number(k.kpi.baseline), number(k.kpi.target), k.kpi.target_date.format("%B %Y")).replace("  ", " "),
            None => format!("- {}: no figure yet (target {})", k.kpi.name, number(k.kpi.target)),
        })
        .collect()
}

pub fn draft(script: Script, page: &ClientPage, studio: &str, owner: &str) -> Draft {
    let c = &page.client;
    let contact = page.stakeholders.iter().find(|s| s.is_primary).or(page.stakeholders.first());
    let hello = contact.map_or("Hello,".to_owned(), |s| format!("Hi {},", s.name.split_whitespace().next().unwrap_or(&s.name)));
    let goal = if c.goal.trim().is_empty() { "the goal we agreed".to_owned() } else { format!("“{}”", c.goal.trim()) };
    let sign = if owner.trim().is_empty() { studio.to_owned() } else { format!("{}\n{studio}", owner.trim()) };
    let next = page.milestones.iter().filter(|m| m.done_on.is_none() && m.due_on >= page.as_of).min_by_key(|m| m.due_on);
    let next_line = next.map_or("the next step we agree together".to_owned(), |m| format!("{} (by {})", m.title, m.due_on.format("%-d %B")));
    let progress = progress_lines(page).join("\n");
    let on_track = page.kpis.iter().filter(|k| k.progress.status == KpiStatus::OnTrack).count();
    let (subject, body) = match script {
        Script::ValueCheckIn => (
            format!("{}: where we are on {}", c.name, goal.trim_matches(['“', '”'])),
            format!("{hello}\n\nA quick update on {goal}.\n\nWhere we are:\n{progress}\n\nNext: {next_line}.\n\nHas anything changed on your side that we should know about?\n\nBest,\n{sign}"),
        ),
        Script::EarlyWarning => (
            "15 minutes to recalibrate?".to_owned(),
            format!("{hello}\n\nI noticed we haven't properly connected in a while, and I want to make sure our work is still aimed at what matters most to you: {goal}.\n\nCould we find 15 minutes this week to recalibrate? I'll bring the latest numbers and one or two ideas.\n\nBest,\n{sign}"),
        ),
        Script::QbrAgenda => (
            format!("Agenda for our quarterly review — {}", c.name),
            format!("{hello}\n\nHere is what I suggest we cover in our quarterly review:\n\n1. Results against {goal} ({on_track} of {} measures on track):\n{progress}\n2. What is working, and what we will adjust\n3. The plan for next quarter, starting with {next_line}\n4. Opportunities we see together\n\nI'll send the one-page summary and the money side beforehand, so your finance team has it too.\n\nBest,\n{sign}", page.kpis.len()),
        ),
        Script::Renewal => {
            let when = page.renewal.as_ref().map_or("coming up".to_owned(), |r| format!("on {}", r.date.format("%-d %B %Y")));
            (
                format!("Looking ahead: our agreement renews {when}"),
                format!("{hello}\n\nOur agreement renews {when}, so it's a good moment to look back and ahead.\n\nWhat we set out to do: {goal}.\nWhat we achieved:\n{progress}\n\nWhat I recommend next: {next_line}, and I'd welcome your thoughts on what would make the next term even more valuable.\n\nCould we set up a short call?\n\nBest,\n{sign}"),
            )
        }
        Script::ReferralAsk => (
            "A small favour?".to_owned(),
            format!("{hello}\n\nIt's been great to see the progress on {goal}:\n{progress}\n\nIf you know another business that could use the same kind of help, an introduction would mean a lot to us. And if you'd be happy to share a sentence or two about working together, we'd love to quote you.\n\nThank you,\n{sign}"),
        ),
        Script::NpsFollowUp => (
            "Thank you for your honest feedback".to_owned(),
            format!("{hello}\n\nThank you for telling us how we're doing — I read your answer carefully. I'd like to understand what would make working with us better, and fix it.\n\nCould we talk for 15 minutes this week? You can also simply reply to this email.\n\nBest,\n{sign}"),
        ),
    };
    Draft { script, to: contact.map_or(String::new(), |s| s.email.clone()), subject, body }
}
