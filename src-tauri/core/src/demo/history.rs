//! One demo client's history, written straight into the book inside the demo's transaction.
//! Each client follows an archetype, so the book shows every situation the app must handle.

use chrono::{Datelike, Days, Months, NaiveDate};
use rusqlite::{OptionalExtension, Transaction};

use super::pools;
use super::rng::Rng;
use crate::book::activity::{ComplaintFields, ComplaintTag, MilestoneFields, TouchpointFields, TouchpointKind};
use crate::book::client::ClientFields;
use crate::book::contract::{ContractFields, ContractKind, UnusedHours};
use crate::book::ending::EndingFields;
use crate::book::invoice::{InvoiceFields, InvoiceLine};
use crate::book::kpi::{Direction, KpiFields, MeasurementFields, WorthCounts};
use crate::book::stakeholder::{StakeholderFields, StakeholderRole};
use crate::book::survey::{SurveyAnswerFields, SurveyKind};
use crate::book::{ClientStatus, SuccessPlan};
use crate::error::Result;
use crate::store::{activity, clients, contracts, endings, invoices, kpis, stakeholders, surveys};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Archetype {
    Healthy,
    /// Contact thinning out, KPI stalled.
    Drifting,
    LatePayer,
    /// Unhappy: a low NPS with no follow-up and an open complaint.
    Detractor,
    /// Left a few months ago.
    Lost,
    /// Signed this month.
    New,
    /// A fixed-price project rather than a retainer.
    Project,
}

/// The mix of a demo book: repeated for books larger than fifteen clients.
pub const MIX: [Archetype; 15] = {
    use Archetype::*;
    [New, Lost, Detractor, LatePayer, LatePayer, Drifting, Drifting, Project, Healthy, Healthy, Healthy, Healthy, Healthy, Healthy, Drifting]
};

pub struct Context<'a> {
    pub tx: &'a Transaction<'a>,
    pub rng: &'a mut Rng,
    pub seed: u64,
    pub today: NaiveDate,
    pub now: &'a str,
    /// The earliest start date (today minus the book's span in years).
    pub earliest: NaiveDate,
    pub invoice_seq: &'a mut u32,
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

pub(super) fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64)).unwrap_or(d)
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs())).unwrap_or(d)
    }
}

fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(Months::new(n)).unwrap_or(d)
}

pub fn write_client(cx: &mut Context<'_>, index: usize, archetype: Archetype) -> Result<()> {
    let (base_name, goal, measures) = pools::CLIENTS[index % pools::CLIENTS.len()];
    let round = index / pools::CLIENTS.len();
    let name = if round == 0 { base_name.to_owned() } else { format!("{base_name} {}", round + 1) };
    let today = cx.today;
    let span_days = (today - cx.earliest).num_days().max(200);

    let start = match archetype {
        Archetype::New => add_days(month_start(today), cx.rng.between(0, i64::from(today.day0()).min(10))),
        Archetype::Lost => add_days(today, -cx.rng.between(300, span_days.max(301))),
        _ => add_days(today, -cx.rng.between(120, span_days)),
    };
    let ended = (archetype == Archetype::Lost).then(|| add_days(month_start(today), -30 * cx.rng.between(2, 4) - 1));
    let last_day = ended.unwrap_or(today);
    let status = match archetype {
        Archetype::New => ClientStatus::Onboarding,
        Archetype::Lost => ClientStatus::Ended,
        _ => ClientStatus::Active,
    };
    let notes = if cx.rng.chance(40) { "Finance signs off anything above the retainer; keep their CFO in the loop." } else { "" };
    let fields = ClientFields { name, status, goal: goal.into(), start_date: start, notes: notes.into() };
    let id = clients::insert(cx.tx, &fields, cx.now)?;
    let cadence = if cx.rng.chance(50) { 14 } else { 30 };
    let plan = SuccessPlan {
        cadence_days: Some(cadence),
        owner: cx.rng.pick(pools::OWNERS).to_string(),
        recap: format!("Goal: {goal}. We meet every {cadence} days to review progress and agree next steps."),
        fiscal_year_start: if cx.rng.chance(30) { 4 } else { 1 },
        annual_budget_cents: None,
    };
    clients::update_plan(cx.tx, id, &plan, cx.now)?;

    write_people(cx, id, archetype)?;
    let monthly = write_contracts(cx, id, archetype, start, ended)?;
    if let Some(ended) = ended {
        // Why they left, by their place in the book (no draw: the rest of the book stays as it was).
        let (reason, notes) = pools::ENDINGS[index % pools::ENDINGS.len()];
        endings::upsert(cx.tx, id, &EndingFields { ended_on: ended, reason, notes: notes.into() }, cx.now)?;
    }
    let kpi_ids = write_kpis(cx, id, archetype, start, last_day, measures)?;
    write_milestones(cx, id, archetype, start)?;
    write_touchpoints(cx, id, archetype, start, last_day, cadence)?;
    super::deliverables::write(cx, id, start, last_day, kpi_ids.first().copied())?;
    write_invoices(cx, id, archetype, start, last_day, monthly, kpi_ids.first().copied())?;
    write_surveys(cx, id, archetype, start, last_day)?;
    write_complaints(cx, id, archetype, start)?;
    let g = super::growth::Growth { client_id: id, archetype, start, last_day, retainer: monthly > 0, fiscal_year_start: plan.fiscal_year_start as u32 };
    super::growth::write(cx.tx, &g, cx.seed, today, cx.now)
}

fn write_people(cx: &mut Context<'_>, id: i64, archetype: Archetype) -> Result<()> {
    let first = cx.rng.below(pools::PEOPLE.len() as u64) as usize;
    let person = |n: usize| pools::PEOPLE[(first + n) % pools::PEOPLE.len()];
    let email = |name: &str| format!("{}@example.com", name.split(' ').next().unwrap_or("contact").to_lowercase());
    let people = [(person(0), StakeholderRole::DayToDay, true), (person(1), StakeholderRole::Finance, false), (person(2), StakeholderRole::ExecutiveSponsor, false)];
    for (name, role, is_primary) in people {
        let f = StakeholderFields { name: name.into(), role, email: email(name), phone: String::new(), is_primary, changed_on: None };
        stakeholders::upsert(cx.tx, id, None, &f, cx.now)?;
    }
    if archetype == Archetype::Drifting && cx.rng.chance(60) {
        // Their main contact changed two weeks ago: an early churn signal.
        let f = StakeholderFields {
            name: person(3).into(),
            role: StakeholderRole::DayToDay,
            email: email(person(3)),
            phone: String::new(),
            is_primary: true,
            changed_on: Some(add_days(cx.today, -14)),
        };
        stakeholders::demote_primary(cx.tx, id, None, &f, cx.today)?;
        stakeholders::upsert(cx.tx, id, None, &f, cx.now)?;
    }
    Ok(())
}

/// Writes the contracts; returns the retainer's monthly value (0 for a project).
fn write_contracts(cx: &mut Context<'_>, id: i64, archetype: Archetype, start: NaiveDate, ended: Option<NaiveDate>) -> Result<i64> {
    if archetype == Archetype::Project {
        let f = ContractFields {
            kind: ContractKind::Project,
            service_line: "Website".into(),
            monthly_cents: 0,
            fixed_cents: cx.rng.between(80, 300) * 100_00,
            start_date: start,
            end_date: Some(add_months(start, 6)),
            renewal_date: None,
            notice_days: 0,
            included_hundredths: 0,
            unused_hours: UnusedHours::NotAgreed,
        };
        contracts::upsert(cx.tx, id, None, &f, cx.now)?;
        return Ok(0);
    }
    let monthly = cx.rng.between(30, 120) * 50_00;
    let mut renewal = add_months(start, 12);
    while renewal < cx.today {
        renewal = add_months(renewal, 12);
    }
    let service_line = cx.rng.pick(&["Growth marketing", "SEO & content", "Brand & design"]).to_string();
    // Each rule for unused hours shows somewhere in the demo, without a draw of its own.
    let unused_hours = match service_line.as_str() {
        "Growth marketing" => UnusedHours::NextMonth,
        "Brand & design" => UnusedHours::Lapse,
        _ => UnusedHours::NotAgreed,
    };
    let f = ContractFields {
        kind: ContractKind::Retainer,
        service_line,
        monthly_cents: monthly,
        fixed_cents: 0,
        start_date: start,
        end_date: ended,
        renewal_date: if ended.is_some() { None } else { Some(renewal) },
        notice_days: 30,
        included_hundredths: cx.rng.between(10, 40) * 100,
        unused_hours,
    };
    contracts::upsert(cx.tx, id, None, &f, cx.now)?;
    Ok(monthly)
}

/// How far along the way to target a client of this archetype is after `t` of the plan (0..).
fn trajectory(archetype: Archetype, t: f64, wobble: f64) -> f64 {
    let base = match archetype {
        Archetype::Healthy | Archetype::Project => t * 1.05,
        Archetype::Drifting => t.min(0.35),
        Archetype::LatePayer => t * 0.9,
        Archetype::Detractor | Archetype::Lost => t * 0.5,
        Archetype::New => 0.0,
    };
    base + wobble
}

/// The client's KPIs: one or two of those that measure its goal (`measures`, headline first).
fn write_kpis(cx: &mut Context<'_>, id: i64, archetype: Archetype, start: NaiveDate, last_day: NaiveDate, measures: &[usize]) -> Result<Vec<i64>> {
    let count = (1 + cx.rng.below(2) as usize).min(measures.len());
    // Still drawn, so the rest of the demo is the same as when templates were picked at random.
    let _ = cx.rng.below(pools::KPIS.len() as u64);
    let mut ids = Vec::new();
    for &template in &measures[..count] {
        let (name, unit, up, baseline, target, worth) = pools::KPIS[template % pools::KPIS.len()];
        // Plans run a year at a time: the target falls on the next anniversary a month or more away.
        let mut target_date = add_months(start, 12);
        while target_date < add_days(last_day, 30) {
            target_date = add_months(target_date, 12);
        }
        // Drawn for every KPI, so the rest of the demo stays the same whatever the template.
        let claim = cx.rng.between(2, 40);
        let f = KpiFields {
            name: name.into(),
            unit: unit.into(),
            direction: if up { Direction::Up } else { Direction::Down },
            baseline,
            target,
            baseline_date: start,
            target_date,
            cents_per_unit: worth.map(|(cents, _)| cents),
            // The demo's worths are for flows (leads, bookings a month); the studio claims a range
            // of the improvement for some clients, all of it for others.
            worth_counts: worth.map_or(WorthCounts::Once, |(_, counts)| counts),
            share_low_pct: if claim % 2 == 0 { 50 } else { 100 },
            share_high_pct: 100,
            below_baseline_counts: false,
        };
        let kpi_id = kpis::upsert_kpi(cx.tx, id, None, &f, cx.now)?;
        ids.push(kpi_id);
        let plan_days = (target_date - start).num_days() as f64;
        let mut month_end = add_days(add_months(month_start(start), 1), -1);
        while month_end <= last_day && archetype != Archetype::New {
            let t = (month_end - start).num_days() as f64 / plan_days;
            let wobble = (cx.rng.between(-4, 4) as f64) / 100.0;
            let share = trajectory(archetype, t, wobble).max(0.0);
            let raw = baseline + share * (target - baseline);
            let value = if baseline.fract() == 0.0 && raw.abs() >= 10.0 { raw.round() } else { (raw * 10.0).round() / 10.0 };
            kpis::upsert_measurement(cx.tx, kpi_id, None, &MeasurementFields { measured_on: month_end, value, note: String::new() }, cx.now)?;
            month_end = add_days(add_months(month_start(month_end), 2), -1);
        }
    }
    Ok(ids)
}

fn write_milestones(cx: &mut Context<'_>, id: i64, archetype: Archetype, start: NaiveDate) -> Result<()> {
    let today = cx.today;
    let first_due = add_days(start, 30);
    let first_done = add_days(start, cx.rng.between(14, 60));
    let first = MilestoneFields {
        title: pools::MILESTONES[1].into(),
        due_on: first_due,
        done_on: (archetype != Archetype::New && first_done <= today).then_some(first_done),
        first_value: true,
    };
    activity::upsert_milestone(cx.tx, id, None, &first, cx.now)?;
    let next_due = add_days(today, cx.rng.between(7, 45));
    let next = MilestoneFields { title: pools::MILESTONES[2 + cx.rng.below(3) as usize].into(), due_on: next_due, done_on: None, first_value: false };
    activity::upsert_milestone(cx.tx, id, None, &next, cx.now)?;
    if archetype == Archetype::Drifting {
        let late = MilestoneFields { title: "Content plan approved by the client".into(), due_on: add_days(today, -12), done_on: None, first_value: false };
        activity::upsert_milestone(cx.tx, id, None, &late, cx.now)?;
    }
    Ok(())
}

fn write_touchpoints(cx: &mut Context<'_>, id: i64, archetype: Archetype, start: NaiveDate, last_day: NaiveDate, cadence: i64) -> Result<()> {
    // Drifting clients have gone quiet: nothing in the last two cadences.
    let quiet_from = if archetype == Archetype::Drifting { add_days(last_day, -2 * cadence - 5) } else { last_day };
    // Who each was with: the main contact, and the executive sponsor for reviews.
    let (contact, sponsor) = (person_with_role(cx, id, "day_to_day")?, person_with_role(cx, id, "executive_sponsor")?);
    let mut day = add_days(start, cx.rng.between(2, 6));
    let mut n = 0;
    while day <= quiet_from {
        let recent = (cx.today - day).num_days() < 75;
        let kind = if n % 6 == 5 { TouchpointKind::Qbr } else { *cx.rng.pick(&[TouchpointKind::Call, TouchpointKind::Meeting, TouchpointKind::Email, TouchpointKind::Call]) };
        let is_email = kind == TouchpointKind::Email;
        let struggling = archetype == Archetype::Drifting && recent;
        let no_show = struggling && !is_email && cx.rng.chance(40);
        let f = TouchpointFields {
            kind,
            happened_on: day,
            summary: if kind == TouchpointKind::Qbr { "Quarterly business review".into() } else { cx.rng.pick(pools::TOUCHPOINT_SUMMARIES).to_string() },
            client_replied: is_email && !struggling,
            attended: !is_email && !no_show,
            rescheduled: struggling && !no_show && cx.rng.chance(50),
            no_show,
            reply_days: is_email.then(|| if struggling { cx.rng.between(5, 9) } else { cx.rng.between(0, 2) }),
            stakeholder_id: if kind == TouchpointKind::Qbr { sponsor } else { contact },
        };
        activity::upsert_touchpoint(cx.tx, id, None, &f, cx.now)?;
        day = add_days(day, cadence + cx.rng.between(-2, 3));
        n += 1;
    }
    Ok(())
}

fn invoice_number(cx: &mut Context<'_>, issued: NaiveDate) -> String {
    *cx.invoice_seq += 1;
    format!("{}-{:05}", issued.year(), cx.invoice_seq)
}

#[allow(clippy::too_many_arguments)]
fn write_invoices(cx: &mut Context<'_>, id: i64, archetype: Archetype, start: NaiveDate, last_day: NaiveDate, monthly: i64, kpi: Option<i64>) -> Result<()> {
    let today = cx.today;
    let mut issued = add_months(month_start(start), 1);
    if archetype == Archetype::New {
        issued = start;
    }
    let project_total = if monthly == 0 { cx.rng.between(80, 300) * 100_00 } else { 0 };
    let mut n = 0;
    while issued <= last_day && (monthly > 0 || n < 2) {
        let due = add_days(issued, 30);
        let months_ago = (today - issued).num_days() / 30;
        let delay = match archetype {
            Archetype::LatePayer if months_ago <= 1 => None,
            Archetype::LatePayer => Some(cx.rng.between(8, 35)),
            Archetype::Drifting if months_ago <= 2 => Some(cx.rng.between(5, 12)),
            _ => Some(-cx.rng.between(0, 10)),
        };
        let paid_on = delay.map(|d| add_days(due, d)).filter(|p| *p <= today && *p >= issued);
        let amount = if monthly > 0 { monthly } else { project_total / 2 };
        let month = issued.format("%B %Y");
        let description = if monthly > 0 { format!("Retainer, {month}") } else { format!("Project instalment {} of 2", n + 1) };
        let f = InvoiceFields {
            number: invoice_number(cx, issued),
            issued_on: issued,
            due_on: due,
            paid_on,
            void: false,
            lines: vec![InvoiceLine { description, amount_cents: amount, kpi_id: kpi, deliverable_id: None }],
        };
        invoices::upsert(cx.tx, id, None, &f, cx.now)?;
        issued = if monthly > 0 { add_months(month_start(issued), 1) } else { add_months(issued, 3) };
        n += 1;
    }
    Ok(())
}

/// The client's person in `role` (the main one first), else their main contact. Read, not drawn,
/// so the rest of the demo stays as it was before touchpoints and answers named people.
fn person_with_role(cx: &Context<'_>, client_id: i64, role: &str) -> Result<Option<i64>> {
    let sql = "SELECT id FROM stakeholder WHERE client_id = ?1 ORDER BY (role = ?2) DESC, is_primary DESC, id LIMIT 1";
    Ok(cx.tx.query_row(sql, rusqlite::params![client_id, role], |r| r.get(0)).optional()?)
}

fn write_surveys(cx: &mut Context<'_>, id: i64, archetype: Archetype, start: NaiveDate, last_day: NaiveDate) -> Result<()> {
    // The sponsor answers the NPS question (would they recommend us), the main contact rates the work.
    let (contact, sponsor) = (person_with_role(cx, id, "day_to_day")?, person_with_role(cx, id, "executive_sponsor")?);
    let mut day = add_days(start, 90);
    while day <= last_day {
        let latest = add_days(day, 180) > last_day;
        let score = match archetype {
            Archetype::Healthy | Archetype::Project => cx.rng.between(9, 10),
            Archetype::Drifting | Archetype::LatePayer => cx.rng.between(7, 8),
            Archetype::Detractor if latest => 4,
            _ => cx.rng.between(6, 8),
        };
        let unanswered_detractor = archetype == Archetype::Detractor && latest;
        let f = SurveyAnswerFields {
            stakeholder_id: sponsor,
            kind: SurveyKind::Nps,
            score,
            answered_on: day,
            comment: if score <= 6 { "Results have been slow and we are not sure what we pay for.".into() } else { String::new() },
            followed_up_on: (!unanswered_detractor).then(|| add_days(day, 3)).filter(|d| *d <= cx.today),
        };
        surveys::upsert(cx.tx, id, None, &f, cx.now)?;
        let csat = SurveyAnswerFields { stakeholder_id: contact, kind: SurveyKind::Csat, score: if score >= 9 { 5 } else { 3 + cx.rng.between(0, 1) }, answered_on: add_days(day, 7).min(cx.today), comment: String::new(), followed_up_on: None };
        surveys::upsert(cx.tx, id, None, &csat, cx.now)?;
        day = add_days(day, 180);
    }
    Ok(())
}

fn write_complaints(cx: &mut Context<'_>, id: i64, archetype: Archetype, start: NaiveDate) -> Result<()> {
    let (tag, summary) = *cx.rng.pick(pools::COMPLAINTS);
    let tag = ComplaintTag::parse(tag).unwrap_or(ComplaintTag::Other);
    let f = match archetype {
        Archetype::Detractor => ComplaintFields { opened_on: add_days(cx.today, -20), closed_on: None, tag, summary: summary.into() },
        Archetype::LatePayer => {
            let opened = add_days(start, 100).min(cx.today);
            ComplaintFields { opened_on: opened, closed_on: Some(add_days(opened, 6).min(cx.today)), tag: ComplaintTag::Billing, summary: "Invoice did not match the agreed retainer".into() }
        }
        Archetype::Healthy if cx.rng.chance(20) => {
            let opened = add_days(start, 60).min(cx.today);
            ComplaintFields { opened_on: opened, closed_on: Some(add_days(opened, 4).min(cx.today)), tag, summary: summary.into() }
        }
        _ => return Ok(()),
    };
    activity::upsert_complaint(cx.tx, id, None, &f, cx.now)?;
    Ok(())
}
