//! The six messages an owner sends, drafted from templates filled with the client's own data:
//! the owner can rewrite any template (Settings), edits each draft and sends it from their mail
//! app. Written for the client, so the fields never include health or notes.

use serde::Serialize;
use specta::Type;

use crate::book::kpi::KpiStatus;
use crate::book::templates::{Script, Template};
use crate::client_page::ClientPage;

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

/// Fills `template` with the client's data.
pub fn draft(template: &Template, page: &ClientPage, studio: &str, owner: &str) -> Draft {
    let c = &page.client;
    let contact = page.stakeholders.iter().find(|s| s.is_primary).or(page.stakeholders.first());
    let next = page.milestones.iter().filter(|m| m.done_on.is_none() && m.due_on >= page.as_of).min_by_key(|m| m.due_on);
    let values: Vec<(&str, String)> = vec![
        ("hello", contact.map_or("Hello,".to_owned(), |s| format!("Hi {},", s.name.split_whitespace().next().unwrap_or(&s.name)))),
        ("client", c.name.clone()),
        ("goal", if c.goal.trim().is_empty() { "the goal we agreed".to_owned() } else { format!("“{}”", c.goal.trim()) }),
        ("progress", progress_lines(page)),
        ("on_track", page.kpis.iter().filter(|k| k.progress.status == KpiStatus::OnTrack).count().to_string()),
        ("kpi_count", page.kpis.len().to_string()),
        ("next_step", next.map_or("the next step we agree together".to_owned(), |m| format!("{} (by {})", m.title, m.due_on.format("%-d %B")))),
        ("renewal_date", page.renewal.as_ref().map_or("soon".to_owned(), |r| format!("on {}", r.date.format("%-d %B %Y")))),
        ("signature", if owner.trim().is_empty() { studio.to_owned() } else { format!("{}\n{studio}", owner.trim()) }),
    ];
    let fill = |text: &str| values.iter().fold(text.to_owned(), |acc, (name, value)| acc.replace(&format!("{{{name}}}"), value));
    Draft { script: template.script, to: contact.map_or(String::new(), |s| s.email.clone()), subject: fill(&template.subject), body: fill(&template.body) }
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
