//! Everything the client page shows, assembled for one client as of one day: the success plan
//! with KPI progress, money, people, a single timeline, and the open items to act on.
//! Loading is in [`load`]; everything derived is computed by the pure [`assemble`].

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use crate::book::activity::{Complaint, Deliverable, Milestone, Touchpoint};
use crate::book::contract::{self, Contract};
use crate::book::ending::Ending;
use crate::health::lifecycle::Lifecycle;
use crate::book::growth::{HoursUsed, Opportunity, Testimonial};
use crate::book::risk::Risk;
use crate::book::referral::Referral;
use crate::book::invoice::{Invoice, InvoiceStatus};
use crate::book::kpi::{Kpi, KpiProgress, Measurement};
use crate::book::stakeholder::{PrimaryContactChange, Stakeholder};
use crate::book::survey::{SurveyAnswer, SurveyKind};
use crate::book::records::{facts, Facts};
pub use crate::book::records::{ClientData, Renewal};
use crate::book::Client;
use crate::error::Result;
use crate::store::{RecordRef, Store};

mod plan;
pub use plan::plan_text;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct KpiView {
    pub kpi: Kpi,
    /// Values oldest first, for the chart.
    pub measurements: Vec<Measurement>,
    pub progress: KpiProgress,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct InvoiceView {
    pub invoice: Invoice,
    pub total_cents: i64,
    pub status: InvoiceStatus,
    pub days_overdue: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Touchpoint,
    Deliverable,
    Invoice,
    Survey,
    Complaint,
    Milestone,
    Measurement,
}

/// One line of the client's history, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TimelineEvent {
    pub date: NaiveDate,
    pub kind: TimelineKind,
    pub title: String,
    pub detail: String,
    pub record: RecordRef,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct OpenItem {
    pub text: String,
    /// Which section of the page the item is about (e.g. "invoices").
    pub area: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ClientPage {
    pub client: Client,
    pub as_of: NaiveDate,
    /// Where they are in their journey with the studio, and why.
    pub lifecycle: Lifecycle,
    pub mrr_cents: i64,
    pub renewal: Option<Renewal>,
    pub kpis: Vec<KpiView>,
    pub milestones: Vec<Milestone>,
    /// Days from the start of work to the first-value milestone, once it is done.
    pub time_to_first_value_days: Option<i64>,
    pub stakeholders: Vec<Stakeholder>,
    /// When each person was last spoken with, and the deciders gone quiet (internal).
    pub contacts: Vec<crate::book::stakeholder::Contact>,
    /// Set when nobody recorded decides the renewal (internal).
    pub missing_deciders: Option<String>,
    pub primary_contact_changes: Vec<PrimaryContactChange>,
    pub contracts: Vec<Contract>,
    pub invoices: Vec<InvoiceView>,
    pub touchpoints: Vec<Touchpoint>,
    pub deliverables: Vec<Deliverable>,
    pub complaints: Vec<Complaint>,
    pub survey_answers: Vec<SurveyAnswer>,
    pub opportunities: Vec<Opportunity>,
    /// The account plan's risks, open ones first (internal unless marked for the QBR).
    pub risks: Vec<Risk>,
    /// Hours used per month, oldest first, against the retainer's included hours.
    pub hours_used: Vec<HoursUsed>,
    /// Referrals the client made or came from.
    pub referrals: Vec<Referral>,
    pub testimonials: Vec<Testimonial>,
    /// Why and when they left, once the owner has said (internal).
    pub ending: Option<Ending>,
    /// What the studio needs from the client, soonest due first (carried to their documents
    /// while open).
    pub asks: Vec<crate::book::ask::Ask>,
    /// The asks past the day they were needed by and still open, as of the page's day.
    pub late_asks: Vec<i64>,
    /// The documents sent to the client, latest sent first (at most three).
    pub sent: Vec<crate::book::sending::SentDocument>,
    /// The last touchpoint where the client replied or attended.
    pub last_two_way_contact: Option<NaiveDate>,
    /// When the next value check-in is due, from the last two-way contact and the cadence.
    pub next_check_in: Option<NaiveDate>,
    pub timeline: Vec<TimelineEvent>,
    pub open_items: Vec<OpenItem>,
}

pub fn client_page(store: &Store, client_id: i64, as_of: NaiveDate) -> Result<ClientPage> {
    Ok(assemble_with(store.client_data(client_id)?, as_of, &store.playbook_settings()?))
}

fn short(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

fn invoice_views(data: &ClientData, as_of: NaiveDate) -> Vec<InvoiceView> {
    data
        .invoices
        .iter()
        .map(|inv| InvoiceView {
            invoice: inv.clone(),
            total_cents: inv.total_cents(),
            status: inv.status_on(as_of),
            days_overdue: inv.days_overdue_on(as_of),
        })
        .collect()
}

/// The page with the playbook's default settings (for tests and previews without a book).
pub fn assemble(data: ClientData, as_of: NaiveDate) -> ClientPage {
    assemble_with(data, as_of, &crate::book::playbook::PlaybookSettings::default())
}

pub fn assemble_with(data: ClientData, as_of: NaiveDate, rules: &crate::book::playbook::PlaybookSettings) -> ClientPage {
    let kpis: Vec<KpiView> = data
        .kpis
        .iter()
        .map(|kpi| {
            let measurements: Vec<Measurement> = data.measurements.iter().filter(|m| m.kpi_id == kpi.id).cloned().collect();
            let progress = kpi.progress(&measurements, as_of);
            KpiView { kpi: kpi.clone(), measurements, progress }
        })
        .collect();

    let all_facts = facts(&data, as_of);
    let lifecycle = crate::health::lifecycle::lifecycle(&data, &all_facts, as_of, rules);
    let Facts { renewal, time_to_first_value_days, last_two_way_contact, next_check_in, .. } = all_facts;
    let invoices = invoice_views(&data, as_of);
    let open_items = open_items(&data, &invoices, next_check_in, as_of);
    let timeline = timeline(&data, &kpis);
    let year_starts = data.client.plan.year_starts();
    let mut sent: Vec<_> = data.documents.iter().filter_map(|d| d.sent(year_starts)).collect();
    sent.sort_by(|a, b| b.sent_on.cmp(&a.sent_on));
    sent.truncate(3);

    ClientPage {
        lifecycle,
        mrr_cents: contract::mrr_on(&data.contracts, as_of),
        client: data.client,
        as_of,
        renewal,
        kpis,
        milestones: data.milestones,
        time_to_first_value_days,
        contacts: crate::book::stakeholder::contacts(&data.stakeholders, &data.touchpoints, as_of),
        missing_deciders: crate::book::stakeholder::missing_deciders(&data.stakeholders),
        stakeholders: data.stakeholders,
        primary_contact_changes: data.primary_contact_changes,
        contracts: data.contracts,
        invoices,
        touchpoints: data.touchpoints,
        deliverables: data.deliverables,
        complaints: data.complaints,
        survey_answers: data.survey_answers,
        opportunities: data.opportunities,
        risks: data.risks,
        hours_used: data.hours_used,
        referrals: data.referrals,
        testimonials: data.testimonials,
        ending: data.ending,
        late_asks: data.asks.iter().filter(|a| a.late_on(as_of)).map(|a| a.id).collect(),
        asks: data.asks,
        sent,
        last_two_way_contact,
        next_check_in,
        timeline,
        open_items,
    }
}

fn open_items(data: &ClientData, invoices: &[InvoiceView], next_check_in: Option<NaiveDate>, as_of: NaiveDate) -> Vec<OpenItem> {
    let item = |area: &str, text: String| OpenItem { text, area: area.into() };
    let mut items = Vec::new();
    if let Some(due) = next_check_in.filter(|d| *d < as_of) {
        items.push(item("touchpoints", format!("A value check-in has been due since {} ({} days ago).", short(due), (as_of - due).num_days())));
    }
    for inv in invoices.iter().filter(|i| i.status == InvoiceStatus::Overdue) {
        let days = inv.days_overdue;
        items.push(item("invoices", format!("Invoice {} is {days} day{} overdue.", inv.invoice.number, if days == 1 { "" } else { "s" })));
    }
    for c in data.complaints.iter().filter(|c| c.closed_on.is_none() && c.opened_on <= as_of) {
        items.push(item("complaints", format!("Open {} issue since {}: {}", c.tag.as_str(), short(c.opened_on), c.summary)));
    }
    for m in data.milestones.iter().filter(|m| m.done_on.is_none() && m.due_on < as_of) {
        items.push(item("milestones", format!("Milestone “{}” was due {}.", m.title, short(m.due_on))));
    }
    for a in data.survey_answers.iter().filter(|a| a.kind == SurveyKind::Nps && a.score <= 6 && a.followed_up_on.is_none()) {
        items.push(item("surveys", format!("NPS answer of {} on {} has no follow-up yet.", a.score, short(a.answered_on))));
    }
    items
}

fn timeline(data: &ClientData, kpis: &[KpiView]) -> Vec<TimelineEvent> {
    let mut events = Vec::new();
    // " with Ana Ribeiro", " from Ana Ribeiro": the person a record names, where it names one.
    let person = |word: &str, id: Option<i64>| data.person_name(id).map(|name| format!(" {word} {name}")).unwrap_or_default();
    for t in &data.touchpoints {
        let mut flags = Vec::new();
        if t.no_show {
            flags.push("no-show");
        }
        if t.rescheduled {
            flags.push("rescheduled");
        }
        if t.client_replied {
            flags.push("client replied");
        }
        let with = person("with", t.stakeholder_id);
        let title = format!("{}{with} {}", capitalise(t.kind.as_str()), if flags.is_empty() { String::new() } else { format!("({})", flags.join(", ")) });
        events.push(TimelineEvent { date: t.happened_on, kind: TimelineKind::Touchpoint, title: title.trim().to_owned(), detail: t.summary.clone(), record: RecordRef::Touchpoint(t.id) });
    }
    for d in &data.deliverables {
        events.push(TimelineEvent { date: d.delivered_on, kind: TimelineKind::Deliverable, title: format!("Delivered: {}", d.title), detail: String::new(), record: RecordRef::Deliverable(d.id) });
    }
    for i in &data.invoices {
        events.push(TimelineEvent { date: i.issued_on, kind: TimelineKind::Invoice, title: format!("Invoice {} issued", i.number), detail: String::new(), record: RecordRef::Invoice(i.id) });
    }
    for a in &data.survey_answers {
        events.push(TimelineEvent { date: a.answered_on, kind: TimelineKind::Survey, title: format!("{} answer: {}{}", a.kind.as_str().to_uppercase(), a.score, person("from", a.stakeholder_id)), detail: a.comment.clone(), record: RecordRef::SurveyAnswer(a.id) });
    }
    for c in &data.complaints {
        events.push(TimelineEvent { date: c.opened_on, kind: TimelineKind::Complaint, title: format!("Issue raised ({})", c.tag.as_str()), detail: c.summary.clone(), record: RecordRef::Complaint(c.id) });
    }
    for m in data.milestones.iter().filter_map(|m| m.done_on.map(|d| (d, m))) {
        let (date, m) = m;
        events.push(TimelineEvent { date, kind: TimelineKind::Milestone, title: format!("Milestone reached: {}", m.title), detail: String::new(), record: RecordRef::Milestone(m.id) });
    }
    for view in kpis {
        for m in &view.measurements {
            let unit = if view.kpi.unit.is_empty() { String::new() } else { format!(" {}", view.kpi.unit) };
            events.push(TimelineEvent { date: m.measured_on, kind: TimelineKind::Measurement, title: format!("{}: {}{unit}", view.kpi.name, m.value), detail: m.note.clone(), record: RecordRef::Measurement(m.id) });
        }
    }
    // Newest first; on one day, keep a stable order by kind.
    events.sort_by(|a, b| b.date.cmp(&a.date).then((a.kind as u8).cmp(&(b.kind as u8))));
    events
}

fn capitalise(word: &str) -> String {
    match word {
        "qbr" => "QBR".into(),
        _ => {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests;
