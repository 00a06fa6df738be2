//! The records of one client, as the store loads them, and the facts every view derives from
//! them (renewal, first value, last two-way contact, next check-in). Health, metrics, the client
//! page, the review and the reports all read this one aggregate.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use super::ask::{Ask, KpiNote};
use super::activity::{Complaint, Deliverable, Milestone, Touchpoint, TouchpointKind};
use super::contract::Contract;
use super::ending::Ending;
use super::growth::{HoursUsed, Opportunity, Testimonial};
use super::risk::Risk;
use super::invoice::Invoice;
use super::kpi::{Kpi, Measurement};
use super::overrides::HealthOverride;
use super::referral::Referral;
use super::stakeholder::{PrimaryContactChange, Stakeholder};
use super::survey::SurveyAnswer;
use super::Client;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Renewal {
    pub date: NaiveDate,
    pub days_away: i64,
    pub notice_days: i64,
}

impl Renewal {
    /// The last day to give notice: when the client decides.
    pub fn notice_by(&self) -> NaiveDate {
        super::contract::notice_deadline(self.date, self.notice_days)
    }
}

/// When a client's records were read: a number no other read in this process has. Work derived
/// from a client (its review) may be kept for as long as the stamp is the same, since the store
/// replaces the whole `ClientData` whenever it reads a client again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReadStamp(u64);

impl ReadStamp {
    pub fn next() -> ReadStamp {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        ReadStamp(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

/// The raw records of one client.
#[derive(Debug, Clone, Serialize)]
pub struct ClientData {
    /// Which read of the records this is (not part of the records).
    #[serde(skip)]
    pub stamp: ReadStamp,
    pub client: Client,
    pub kpis: Vec<Kpi>,
    pub measurements: Vec<Measurement>,
    pub milestones: Vec<Milestone>,
    pub stakeholders: Vec<Stakeholder>,
    pub primary_contact_changes: Vec<PrimaryContactChange>,
    pub contracts: Vec<Contract>,
    pub invoices: Vec<Invoice>,
    pub touchpoints: Vec<Touchpoint>,
    pub deliverables: Vec<Deliverable>,
    pub complaints: Vec<Complaint>,
    pub survey_answers: Vec<SurveyAnswer>,
    pub opportunities: Vec<Opportunity>,
    /// The account plan's risks (internal unless marked for the client's QBR).
    pub risks: Vec<Risk>,
    pub hours_used: Vec<HoursUsed>,
    /// The owner's overrides of health signals (internal).
    pub overrides: Vec<HealthOverride>,
    /// Referrals the client made or came from.
    pub referrals: Vec<Referral>,
    pub testimonials: Vec<Testimonial>,
    /// Why and when the work ended, once the owner has said (internal).
    pub ending: Option<Ending>,
    /// What the studio needs from the client (client-facing), soonest due first.
    pub asks: Vec<Ask>,
    /// The owner's words for why a result moved, per period (client-facing).
    pub kpi_notes: Vec<KpiNote>,
    /// Which of its documents were reviewed, saved and sent, newest period first.
    pub documents: Vec<super::sending::DocumentState>,
}

impl ClientData {
    /// Onboarding, active or paused, and not archived: the clients the review, the reports and
    /// the calendar look after.
    pub fn is_current(&self) -> bool {
        self.client.is_current()
    }

    /// The name of the client's person `id`, where a record names one.
    pub fn person_name(&self, id: Option<i64>) -> Option<&str> {
        id.and_then(|id| self.stakeholders.iter().find(|s| s.id == id)).map(|s| s.name.as_str())
    }

    /// For tests: an active client (id, name) who started on 5 Jan 2026 with a 14-day cadence
    /// and no records yet.
    #[cfg(test)]
    pub(crate) fn sample(id: i64, name: &str) -> ClientData {
        ClientData::new(Client {
            id,
            name: name.into(),
            status: super::ClientStatus::Active,
            goal: String::new(),
            start_date: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default(),
            notes: String::new(),
            archived_at: None,
            plan: super::SuccessPlan { cadence_days: Some(14), owner: String::new(), recap: String::new(), fiscal_year_start: 1, annual_budget_cents: None },
            created_at: String::new(),
            updated_at: String::new(),
        })
    }

    /// A client with no records yet.
    pub fn new(client: Client) -> ClientData {
        ClientData {
            stamp: ReadStamp::next(),
            client,
            kpis: vec![],
            measurements: vec![],
            milestones: vec![],
            stakeholders: vec![],
            primary_contact_changes: vec![],
            contracts: vec![],
            invoices: vec![],
            touchpoints: vec![],
            deliverables: vec![],
            complaints: vec![],
            survey_answers: vec![],
            opportunities: vec![],
            risks: vec![],
            hours_used: vec![],
            overrides: vec![],
            referrals: vec![],
            testimonials: vec![],
            ending: None,
            asks: vec![],
            kpi_notes: vec![],
            documents: vec![],
        }
    }
}

/// What the page and the weekly review both derive from a client's records as of a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub renewal: Option<Renewal>,
    /// Days from the start of work to the first-value milestone, once it is done.
    pub time_to_first_value_days: Option<i64>,
    pub last_two_way_contact: Option<NaiveDate>,
    pub next_check_in: Option<NaiveDate>,
    /// When the work began: the earliest contract's start, else the client's start date.
    pub work_started: NaiveDate,
    /// The last quarterly review held (a QBR touchpoint) on or before the day.
    pub last_qbr: Option<NaiveDate>,
}

pub fn facts(data: &ClientData, as_of: NaiveDate) -> Facts {
    // The next renewal on or after today among contracts still running.
    let renewal = data
        .contracts
        .iter()
        .filter_map(|c| c.renewal_date.filter(|d| *d >= as_of && c.end_date.is_none_or(|end| end >= as_of)).map(|d| (d, c)))
        .min_by_key(|(d, _)| *d)
        .map(|(date, c)| Renewal { date, days_away: (date - as_of).num_days(), notice_days: c.notice_days });

    let work_started = data.contracts.iter().map(|c| c.start_date).min().unwrap_or(data.client.start_date);
    let time_to_first_value_days = data
        .milestones
        .iter()
        .find(|m| m.first_value)
        .and_then(|m| m.done_on)
        .map(|done| (done - work_started).num_days());

    let last_two_way_contact = data
        .touchpoints
        .iter()
        .filter(|t| t.happened_on <= as_of && (t.client_replied || t.attended))
        .map(|t| t.happened_on)
        .max();
    let next_check_in = data
        .client
        .plan
        .cadence_days
        .map(|days| last_two_way_contact.unwrap_or(work_started) + chrono::Days::new(days.max(0) as u64));

    let last_qbr = data.touchpoints.iter().filter(|t| t.kind == TouchpointKind::Qbr && t.happened_on <= as_of).map(|t| t.happened_on).max();

    Facts { renewal, time_to_first_value_days, last_two_way_contact, next_check_in, work_started, last_qbr }
}

