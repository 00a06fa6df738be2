//! The messages an owner sends (scripts) and their templates: Clientwell's own wording, or the
//! owner's, with the {fields} a template may use. Filled by `review::drafts`.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::text;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    ValueCheckIn,
    EarlyWarning,
    QbrAgenda,
    Renewal,
    ReferralAsk,
    NpsFollowUp,
    /// An invoice is overdue: a friendly reminder, to the finance contact.
    PaymentReminder,
    /// Still unpaid a month after it was due: a firm reminder.
    PaymentFirm,
    /// Green and growing: opening a conversation about more work.
    Expansion,
    /// The quarterly NPS question, in plain text for the owner's form tool or a reply.
    NpsRequest,
    /// How a delivery went (CSAT), while it is fresh.
    CsatRequest,
}

impl Script {
    pub const ALL: [Script; 11] = [Script::ValueCheckIn, Script::EarlyWarning, Script::QbrAgenda, Script::Renewal, Script::ReferralAsk, Script::NpsFollowUp, Script::PaymentReminder, Script::PaymentFirm, Script::Expansion, Script::NpsRequest, Script::CsatRequest];

    pub fn label(self) -> &'static str {
        match self {
            Script::ValueCheckIn => "Value check-in",
            Script::EarlyWarning => "Early-warning note",
            Script::QbrAgenda => "QBR agenda",
            Script::Renewal => "Renewal note",
            Script::ReferralAsk => "Referral and testimonial ask",
            Script::NpsFollowUp => "Follow-up on a low score",
            Script::PaymentReminder => "Friendly payment reminder",
            Script::PaymentFirm => "Firm payment reminder",
            Script::Expansion => "What comes next (more work)",
            Script::NpsRequest => "NPS question",
            Script::CsatRequest => "How did it go? (CSAT)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Template {
    pub script: Script,
    pub label: String,
    pub subject: String,
    pub body: String,
    /// Written by the owner (false: Clientwell's own wording).
    pub custom: bool,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct TemplateInput {
    pub subject: String,
    pub body: String,
}

/// The fields a template may use, each written {like_this}.
pub const FIELDS: &[(&str, &str)] = &[
    ("hello", "“Hi Ana,” with the main contact's first name (or “Hello,”)"),
    ("client", "The client's name"),
    ("goal", "Their goal, in quotes"),
    ("progress", "One line per KPI: where it is and where it is going"),
    ("on_track", "How many KPIs are on track"),
    ("kpi_count", "How many KPIs there are"),
    ("next_step", "The next milestone and its date"),
    ("renewal_date", "When their agreement renews"),
    ("overdue", "The overdue invoices, one per line: number, amount, due date"),
    ("overdue_total", "What is overdue in all"),
    ("studio", "The studio's name"),
    ("delivered", "The latest delivered milestone, in quotes, with its date"),
    ("delivered_short", "The latest delivered milestone's title"),
    ("signature", "Your name and the studio's"),
];

impl TemplateInput {
    /// Checks lengths and that every {field} is one of [`FIELDS`].
    pub fn validate(&self) -> Result<(String, String)> {
        let subject = text::text("subject", "Subject", &self.subject, 1, 200)?;
        let body = text::text("body", "Message", &self.body, 1, 5_000)?;
        for (field, value) in [("subject", &subject), ("body", &body)] {
            for name in placeholders(value) {
                if !FIELDS.iter().any(|(known, _)| *known == name) {
                    let known: Vec<String> = FIELDS.iter().map(|(k, _)| format!("{{{k}}}")).collect();
                    return Err(Error::validation(field, format!("{{{name}}} is not a field Clientwell can fill; use {}.", known.join(", "))));
                }
            }
        }
        Ok((subject, body))
    }
}

fn placeholders(text: &str) -> Vec<&str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect()
}

/// Clientwell's own wording of each script.
pub fn default_template(script: Script) -> Template {
    let (subject, body) = match script {
        Script::ValueCheckIn => ("{client}: where we are on your goal", "{hello}\n\nA quick update on {goal}.\n\nWhere we are:\n{progress}\n\nNext: {next_step}.\n\nHas anything changed on your side that we should know about?\n\nBest,\n{signature}"),
        Script::EarlyWarning => ("15 minutes to recalibrate?", "{hello}\n\nI noticed we haven't properly connected in a while, and I want to make sure our work is still aimed at what matters most to you: {goal}.\n\nCould we find 15 minutes this week to recalibrate? I'll bring the latest numbers and one or two ideas.\n\nBest,\n{signature}"),
        Script::QbrAgenda => ("Agenda for our quarterly review — {client}", "{hello}\n\nHere is what I suggest we cover in our quarterly review:\n\n1. Results against {goal} ({on_track} of {kpi_count} measures on track):\n{progress}\n2. What is working, and what we will adjust\n3. The plan for next quarter, starting with {next_step}\n4. Opportunities we see together\n\nI'll send the one-page summary and the money side beforehand, so your finance team has it too.\n\nBest,\n{signature}"),
        Script::Renewal => ("Looking ahead: our agreement renews {renewal_date}", "{hello}\n\nOur agreement renews {renewal_date}, so it's a good moment to look back and ahead.\n\nWhat we set out to do: {goal}.\nWhat we achieved:\n{progress}\n\nWhat I recommend next: {next_step}, and I'd welcome your thoughts on what would make the next term even more valuable.\n\nCould we set up a short call?\n\nBest,\n{signature}"),
        Script::ReferralAsk => ("A small favour?", "{hello}\n\nIt's been great to see the progress on {goal}:\n{progress}\n\nIf you know another business that could use the same kind of help, an introduction would mean a lot to us. And if you'd be happy to share a sentence or two about working together, we'd love to quote you.\n\nThank you,\n{signature}"),
        Script::PaymentReminder => ("A friendly reminder: invoice overdue — {client}", "{hello}\n\nA quick, friendly reminder that this has not reached us yet:\n{overdue}\n\nIf it is already on its way, thank you and please ignore this. If anything is missing on your side (a purchase order number, a different address), just tell me and I will send what you need.\n\nBest,\n{signature}"),
        Script::PaymentFirm => ("Overdue: {overdue_total} — {client}", "{hello}\n\nI'm writing again about what is still unpaid:\n{overdue}\n\nThat is {overdue_total} in all. Could you let me know by the end of this week when it will be paid? If there is a problem with any of it, I would rather hear now so we can sort it out together.\n\nThank you,\n{signature}"),
        Script::Expansion => ("An idea for what comes next — {client}", "{hello}\n\nHere is where we are on {goal}:\n{progress}\n\nWith that in place, I have an idea for what could come next and would like to run it past you before anything else. Could we find 20 minutes in the next couple of weeks?\n\nBest,\n{signature}"),
        Script::NpsRequest => ("One quick question — {client}", "{hello}\n\nOne quick question, so we keep improving:\n\nOn a scale of 0 to 10, how likely are you to recommend {studio} to a friend or colleague? (0 = not at all likely, 10 = extremely likely)\n\nAnd what is the main reason for your score?\n\nA number and a sentence in reply to this email is all it takes.\n\nThank you,\n{signature}"),
        Script::CsatRequest => ("How did it go? — {delivered_short}", "{hello}\n\nWe have just delivered {delivered}. While it is fresh:\n\nHow satisfied are you with it, from 1 to 5? (1 = very dissatisfied, 5 = very satisfied)\n\nIf anything could have been better, I would like to hear it.\n\nThank you,\n{signature}"),
        Script::NpsFollowUp => ("Thank you for your honest feedback", "{hello}\n\nThank you for telling us how we're doing — I read your answer carefully. I'd like to understand what would make working with us better, and fix it.\n\nCould we talk for 15 minutes this week? You can also simply reply to this email.\n\nBest,\n{signature}"),
    };
    Template { script, label: script.label().to_owned(), subject: subject.to_owned(), body: body.to_owned(), custom: false }
}

