//! The messages an owner sends, drafted from templates filled with the client's own data:
//! the owner can rewrite any template (Settings), edits each draft and sends it from their mail
//! app. Written for the client, so the fields never include health or notes.

use serde::Serialize;
use specta::Type;

use crate::book::invoice::InvoiceStatus;
use crate::book::kpi::KpiStatus;
use crate::book::stakeholder::{Stakeholder, StakeholderRole};
use crate::book::templates::{Script, Template};
use crate::client_page::ClientPage;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Draft {
    pub script: Script,
    /// The chosen person's email ("" when none is recorded).
    pub to: String,
    /// Who it is addressed to (the greeting uses their first name); None: no one recorded.
    pub to_id: Option<i64>,
    /// Copied in: the finance contact on a quarterly-review agenda, so the money side reaches them.
    pub cc: Vec<String>,
    /// The client's people the owner may send it to instead, the chosen one first.
    pub recipients: Vec<Recipient>,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Recipient {
    pub id: i64,
    pub name: String,
    pub role: StakeholderRole,
    pub email: String,
}

/// Who a message is from, and how its amounts are written.
pub struct Sender<'a> {
    pub studio: &'a str,
    pub owner: &'a str,
    pub currency: &'a str,
    pub minor_digits: u8,
}

/// Who a script goes to unless the owner chooses: money to the finance contact, the renewal and
/// more work to the person who decides them, everything else to the main contact.
fn default_recipient(script: Script, people: &[Stakeholder]) -> Option<&Stakeholder> {
    let role = |r: StakeholderRole| people.iter().find(|s| s.role == r);
    let main = || main_contact(people);
    match script {
        Script::PaymentReminder | Script::PaymentFirm => for_money(people),
        // More work is a spending decision, and NPS is about the whole relationship: the sponsor's.
        Script::Renewal | Script::Expansion | Script::NpsRequest => role(StakeholderRole::ExecutiveSponsor).or_else(|| role(StakeholderRole::Finance)).or_else(main),
        _ => main(),
    }
}

fn main_contact(people: &[Stakeholder]) -> Option<&Stakeholder> {
    people.iter().find(|s| s.is_primary).or(people.first())
}

/// Who money matters and what was paid for go to: the finance contact, else the main contact
/// (payment reminders, and the reports of the month's close).
pub fn for_money(people: &[Stakeholder]) -> Option<&Stakeholder> {
    people.iter().find(|s| s.role == StakeholderRole::Finance).or_else(|| main_contact(people))
}

/// The overdue invoices, one line each, and their total.
fn overdue_lines(page: &ClientPage, from: &Sender<'_>) -> (String, String) {
    let money = |cents| crate::report::format::money(cents, from.currency, from.minor_digits);
    let overdue: Vec<_> = page.invoices.iter().filter(|v| v.status == InvoiceStatus::Overdue).collect();
    if overdue.is_empty() {
        return ("- (nothing is overdue today)".to_owned(), money(0));
    }
    let lines = overdue
        .iter()
        .map(|v| format!("- Invoice {}: {}, due on {} ({} day{} ago)", v.invoice.number, money(v.total_cents), v.invoice.due_on.format("%-d %B %Y"), v.days_overdue, if v.days_overdue == 1 { "" } else { "s" }))
        .collect::<Vec<_>>()
        .join("\n");
    (lines, money(crate::book::money::sum_cents(overdue.iter().map(|v| v.total_cents))))
}

fn number(v: f64) -> String {
    crate::report::format::number(v)
}

/// Progress on each KPI in one line each.
fn progress_lines(page: &ClientPage) -> String {
    if page.kpis.is_empty() {
        return "- (no measurable results agreed yet)".to_owned();
    }
    page.kpis
        .iter()
        .map(|k| match &k.progress.latest {
            Some(m) => format!("- {}: {} {} (from {} toward {} by {})", k.kpi.name, number(m.value), k.kpi.unit, number(k.kpi.baseline), number(k.kpi.target), k.kpi.target_date.format("%B %Y")).replace("  ", " "),
            None => format!("- {}: no figure yet (target {})", k.kpi.name, number(k.kpi.target)),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Fills `template` with the client's data, addressed to `to` (one of the client's people) or
/// to the person the script goes to by default.
pub fn draft(template: &Template, page: &ClientPage, from: &Sender<'_>, to: Option<i64>) -> Result<Draft> {
    let c = &page.client;
    let contact = match to {
        Some(id) => Some(page.stakeholders.iter().find(|s| s.id == id).ok_or_else(|| Error::validation("to", format!("{} has no person number {id}; choose one of their people.", c.name)))?),
        None => default_recipient(template.script, &page.stakeholders),
    };
    let next = page.milestones.iter().filter(|m| m.done_on.is_none() && m.due_on >= page.as_of).min_by_key(|m| m.due_on);
    let (overdue, overdue_total) = overdue_lines(page, from);
    let delivered = page.milestones.iter().filter_map(|m| m.done_on.filter(|d| *d <= page.as_of).map(|d| (d, m))).max_by_key(|(d, m)| (*d, m.id));
    let values: Vec<(&str, String)> = vec![
        ("hello", contact.map_or("Hello,".to_owned(), |s| format!("Hi {},", s.name.split_whitespace().next().unwrap_or(&s.name)))),
        ("client", c.name.clone()),
        ("goal", if c.goal.trim().is_empty() { "the goal we agreed".to_owned() } else { format!("“{}”", c.goal.trim()) }),
        ("progress", progress_lines(page)),
        ("on_track", page.kpis.iter().filter(|k| k.progress.status == KpiStatus::OnTrack).count().to_string()),
        ("kpi_count", page.kpis.len().to_string()),
        ("next_step", next.map_or("the next step we agree together".to_owned(), |m| format!("{} (by {})", m.title, m.due_on.format("%-d %B")))),
        ("renewal_date", page.renewal.as_ref().map_or("soon".to_owned(), |r| format!("on {}", r.date.format("%-d %B %Y")))),
        ("overdue", overdue),
        ("overdue_total", overdue_total),
        ("studio", from.studio.to_owned()),
        ("delivered", delivered.map_or("our latest work".to_owned(), |(d, m)| format!("“{}” ({})", m.title, d.format("%-d %B")))),
        ("delivered_short", delivered.map_or("our latest work".to_owned(), |(_, m)| m.title.clone())),
        ("signature", if from.owner.trim().is_empty() { from.studio.to_owned() } else { format!("{}\n{}", from.owner.trim(), from.studio) }),
    ];
    let fill = |text: &str| values.iter().fold(text.to_owned(), |acc, (name, value)| acc.replace(&format!("{{{name}}}"), value));
    let mut recipients: Vec<Recipient> = page.stakeholders.iter().map(|s| Recipient { id: s.id, name: s.name.clone(), role: s.role, email: s.email.clone() }).collect();
    if let Some(chosen) = contact {
        recipients.sort_by_key(|r| r.id != chosen.id);
    }
    // The agenda of a quarterly review carries the money side: the finance contact sees it too.
    let cc = match template.script {
        Script::QbrAgenda => page.stakeholders.iter().filter(|s| s.role == StakeholderRole::Finance && Some(s.id) != contact.map(|c| c.id) && !s.email.is_empty()).map(|s| s.email.clone()).collect(),
        _ => Vec::new(),
    };
    Ok(Draft { script: template.script, to: contact.map_or(String::new(), |s| s.email.clone()), to_id: contact.map(|s| s.id), cc, recipients, subject: fill(&template.subject), body: fill(&template.body) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::templates::{default_template, TemplateInput};

    #[test]
    fn templates_may_only_use_known_fields() {
        let ok = TemplateInput { subject: "Hi {client}".into(), body: "{hello}\n{progress}\n{signature}".into() };
        assert!(ok.validate().is_ok());
        let typo = TemplateInput { subject: "Hi".into(), body: "{helo} there".into() };
        let e = typo.validate().unwrap_err();
        assert_eq!(e.field.as_deref(), Some("body"));
        assert!(e.message.starts_with("{helo} is not a field Clientwell can fill; use {hello}, {client}"));
        assert_eq!(TemplateInput { subject: String::new(), body: "x".into() }.validate().unwrap_err().field.as_deref(), Some("subject"));
    }

    #[test]
    fn every_default_template_uses_only_known_fields() {
        for script in Script::ALL {
            let t = default_template(script);
            assert!(TemplateInput { subject: t.subject, body: t.body }.validate().is_ok(), "{script:?}");
        }
    }
}

#[cfg(test)]
#[path = "recipient_tests.rs"]
mod recipient_tests;
