//! Portfolio metrics over a period, exactly as DOMAIN.md defines them. Pure functions over the
//! clients' loaded records; periods are half-open [start, end).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use crate::book::contract;
use crate::book::money::sum_cents;
use crate::book::month::Month;
use crate::book::survey::SurveyKind;
use crate::book::records::ClientData;
use crate::health::segment::Segment;

mod breakdown;
pub mod churn;
mod period;
mod settings;
pub use breakdown::Group;
pub use period::{period_choices, Period, PeriodChoice};
pub use settings::{MetricsSettings, MetricsSettingsInput};

/// A share with what it was computed from, so the UI can say "36 of 40".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Type)]
pub struct Share {
    pub part: u32,
    pub whole: u32,
    /// part ÷ whole; None when whole is 0 (shown as "no data", never 0 %).
    #[specta(type = Option<f64>)]
    pub value: Option<f64>,
}

impl Share {
    pub fn of(part: usize, whole: usize) -> Share {
        Share { part: part as u32, whole: whole as u32, value: (whole > 0).then(|| part as f64 / whole as f64) }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Nps {
    pub promoters: u32,
    pub passives: u32,
    pub detractors: u32,
    pub responses: u32,
    /// −100 to +100; None without responses.
    pub score: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Lifetime {
    /// Average realised value (everything invoiced so far) per client, minor units.
    pub realised_per_client_cents: i64,
    /// ARPA × expected lifetime in months; None with "not enough history".
    pub projected_cents: Option<i64>,
    /// How the expected lifetime was estimated, or why it could not be.
    pub method: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Portfolio {
    pub period: Period,
    /// Clients active on the period's first day.
    pub start_clients: u32,
    /// Clients active on the period's last day.
    pub end_clients: u32,
    pub new_clients: u32,
    pub logo_retention: Share,
    pub logo_churn: Share,
    pub mrr_start_cents: i64,
    /// MRR of every client active on the last day.
    pub mrr_end_cents: i64,
    /// MRR on the last day of the clients active on the first day.
    pub cohort_mrr_end_cents: i64,
    pub expansion_cents: i64,
    pub contraction_cents: i64,
    pub churned_cents: i64,
    #[specta(type = Option<f64>)]
    pub nrr: Option<f64>,
    #[specta(type = Option<f64>)]
    pub grr: Option<f64>,
    /// Revenue churn = 1 − GRR: the share of the starting revenue lost to churn and contraction.
    #[specta(type = Option<f64>)]
    pub revenue_churn: Option<f64>,
    /// Average MRR per client active on the last day.
    pub arpa_cents: i64,
    pub nps: Nps,
    /// Share of CSAT answers that are 4 or 5.
    pub csat: Share,
    /// Mean CES answer (1-7); None without answers.
    #[specta(type = Option<f64>)]
    pub ces: Option<f64>,
    pub ces_responses: u32,
    /// Mean answer to "how confident are you that we will reach your goal" (1-10); None without answers.
    #[specta(type = Option<f64>)]
    pub confidence: Option<f64>,
    pub confidence_responses: u32,
    /// Median days from start to first value of clients who started in the period.
    pub median_ttfv_days: Option<i64>,
    /// Invoices due in the period paid on or before their due date (plus grace).
    pub payment_timeliness: Share,
    /// Of the new clients in the period, the share referred by an existing client.
    pub referral_rate: Share,
    pub lifetime: Lifetime,
}

fn active(data: &ClientData, day: NaiveDate) -> bool {
    data.contracts.iter().any(|c| c.covers(day))
}

pub(crate) fn started_on(data: &ClientData) -> NaiveDate {
    data.contracts.iter().map(|c| c.start_date).min().unwrap_or(data.client.start_date)
}

/// The portfolio's metrics over `p`, invoices judged as of `as_of` with `grace_days`.
pub fn portfolio(book: &[ClientData], p: &Period, as_of: NaiveDate, grace_days: i64, acquisition_cost_cents: i64) -> Portfolio {
    portfolio_of(&book.iter().collect::<Vec<_>>(), p, as_of, grace_days, acquisition_cost_cents)
}

/// [`portfolio`] over borrowed clients (a group of the book, without copying it).
pub fn portfolio_of(book: &[&ClientData], p: &Period, as_of: NaiveDate, grace_days: i64, acquisition_cost_cents: i64) -> Portfolio {
    let (first, last) = (p.start, p.last_day());
    let cohort: Vec<&ClientData> = book.iter().copied().filter(|c| active(c, first)).collect();
    let retained: Vec<&&ClientData> = cohort.iter().filter(|c| active(c, last)).collect();
    let end_clients = book.iter().filter(|c| active(c, last)).count();
    let new_clients = book.iter().filter(|c| p.contains(started_on(c))).count();

    let mrr = |c: &ClientData, day| contract::mrr_on(&c.contracts, day);
    let mrr_start = sum_cents(cohort.iter().map(|c| mrr(c, first)));
    let cohort_end = sum_cents(cohort.iter().map(|c| mrr(c, last)));
    let expansion = sum_cents(cohort.iter().map(|c| mrr(c, last).saturating_sub(mrr(c, first)).max(0)));
    let contraction = sum_cents(retained.iter().map(|c| mrr(c, first).saturating_sub(mrr(c, last)).max(0)));
    let churned = sum_cents(cohort.iter().filter(|c| !active(c, last)).map(|c| mrr(c, first)));
    let capped = sum_cents(cohort.iter().map(|c| mrr(c, last).min(mrr(c, first))));
    let mrr_end = sum_cents(book.iter().map(|c| mrr(c, last)));
    let ratio = |a: i64, b: i64| (b > 0).then(|| a as f64 / b as f64);

    Portfolio {
        period: p.clone(),
        start_clients: cohort.len() as u32,
        end_clients: end_clients as u32,
        new_clients: new_clients as u32,
        logo_retention: Share::of(retained.len(), cohort.len()),
        logo_churn: Share::of(cohort.len() - retained.len(), cohort.len()),
        mrr_start_cents: mrr_start,
        mrr_end_cents: mrr_end,
        cohort_mrr_end_cents: cohort_end,
        expansion_cents: expansion,
        contraction_cents: contraction,
        churned_cents: churned,
        nrr: ratio(cohort_end, mrr_start),
        grr: ratio(capped, mrr_start),
        revenue_churn: ratio(capped, mrr_start).map(|grr| 1.0 - grr),
        arpa_cents: if end_clients > 0 { mrr_end / end_clients as i64 } else { 0 },
        nps: nps(book, p),
        csat: {
            let answers: Vec<i64> = answers(book, p, SurveyKind::Csat);
            Share::of(answers.iter().filter(|s| **s >= 4).count(), answers.len())
        },
        ces: {
            let answers = answers(book, p, SurveyKind::Ces);
            (!answers.is_empty()).then(|| answers.iter().sum::<i64>() as f64 / answers.len() as f64)
        },
        ces_responses: answers(book, p, SurveyKind::Ces).len() as u32,
        confidence: {
            let answers = answers(book, p, SurveyKind::Confidence);
            (!answers.is_empty()).then(|| answers.iter().sum::<i64>() as f64 / answers.len() as f64)
        },
        confidence_responses: answers(book, p, SurveyKind::Confidence).len() as u32,
        median_ttfv_days: median_ttfv(book, p),
        payment_timeliness: timeliness(book, p, as_of, grace_days),
        referral_rate: {
            let new: Vec<&ClientData> = book.iter().copied().filter(|c| p.contains(started_on(c))).collect();
            Share::of(new.iter().filter(|c| c.referrals.iter().any(|r| r.to_client_id == c.client.id)).count(), new.len())
        },
        lifetime: lifetime(book, p, if end_clients > 0 { mrr_end / end_clients as i64 } else { 0 }, acquisition_cost_cents),
    }
}

/// One point of a portfolio trend.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TrendPoint {
    pub label: String,
    pub mrr_cents: i64,
    pub clients: u32,
    #[specta(type = Option<f64>)]
    pub logo_retention: Option<f64>,
    pub nps: Option<i32>,
}

/// The period's metrics and the trend over the 12 months ending with it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct PortfolioView {
    pub current: Portfolio,
    pub previous: Portfolio,
    pub trend: Vec<TrendPoint>,
    /// The period's figures by segment, service line and tenure.
    pub groups: Vec<Group>,
    /// Clients active at the period's end by health band (filled in by the review service,
    /// which has the health settings).
    pub health: BandCounts,
    /// Why the period's lost clients left, and the year's lost against kept.
    pub churn: churn::Churn,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Type)]
pub struct BandCounts {
    pub green: u32,
    pub amber: u32,
    pub red: u32,
    pub unknown: u32,
}

/// The portfolio screen's figures; `band_on` is a client's health band on a day (for the lost
/// clients' health before they left).
pub fn portfolio_view(book: &[ClientData], p: &Period, as_of: NaiveDate, grace_days: i64, cac: i64, segment_of: &dyn Fn(&ClientData) -> Segment, band_on: &dyn Fn(&ClientData, NaiveDate) -> crate::health::Band) -> PortfolioView {
    let refs: Vec<&ClientData> = book.iter().collect();
    let mut month = Month::of(p.last_day());
    let mut trend = Vec::new();
    for _ in 0..12 {
        trend.push(trend_point(&refs, month));
        month = month.previous();
    }
    trend.reverse();
    PortfolioView {
        current: portfolio_of(&refs, p, as_of, grace_days, cac),
        previous: portfolio_of(&refs, &p.previous(), as_of, grace_days, cac),
        trend,
        groups: breakdown::breakdowns(&refs, p, as_of, grace_days, cac, segment_of),
        health: BandCounts::default(),
        churn: churn::churn(&refs, p, as_of, grace_days, band_on),
    }
}

/// A month of the trend: only what the chart shows, in one pass over the book.
fn trend_point(book: &[&ClientData], month: Month) -> TrendPoint {
    let p = Period::month(month);
    let (first, last) = (p.start, p.last_day());
    let (mut mrr, mut clients, mut cohort, mut kept) = (0, 0usize, 0usize, 0usize);
    for c in book {
        let (at_start, at_end) = (active(c, first), active(c, last));
        if at_end {
            clients += 1;
            mrr += contract::mrr_on(&c.contracts, last);
        }
        if at_start {
            cohort += 1;
            kept += usize::from(at_end);
        }
    }
    TrendPoint { label: month.short(), mrr_cents: mrr, clients: clients as u32, logo_retention: Share::of(kept, cohort).value, nps: nps(book, &p).score }
}

fn answers(book: &[&ClientData], p: &Period, kind: SurveyKind) -> Vec<i64> {
    book.iter().flat_map(|c| c.survey_answers.iter()).filter(|a| a.kind == kind && p.contains(a.answered_on)).map(|a| a.score).collect()
}

/// NPS over the period; a respondent who answered twice counts once, with their latest answer.
fn nps(book: &[&ClientData], p: &Period) -> Nps {
    let mut latest: HashMap<(i64, Option<i64>), (NaiveDate, i64, i64)> = HashMap::new();
    for a in book.iter().flat_map(|c| c.survey_answers.iter()).filter(|a| a.kind == SurveyKind::Nps && p.contains(a.answered_on)) {
        let key = (a.client_id, a.stakeholder_id);
        let entry = latest.entry(key).or_insert((a.answered_on, a.id, a.score));
        if (a.answered_on, a.id) > (entry.0, entry.1) {
            *entry = (a.answered_on, a.id, a.score);
        }
    }
    let scores: Vec<i64> = latest.values().map(|v| v.2).collect();
    let promoters = scores.iter().filter(|s| **s >= 9).count();
    let detractors = scores.iter().filter(|s| **s <= 6).count();
    let n = scores.len();
    Nps {
        promoters: promoters as u32,
        passives: (n - promoters - detractors) as u32,
        detractors: detractors as u32,
        responses: n as u32,
        score: (n > 0).then(|| ((promoters as f64 - detractors as f64) * 100.0 / n as f64).round() as i32),
    }
}

fn median_ttfv(book: &[&ClientData], p: &Period) -> Option<i64> {
    median(
        book.iter()
            .filter(|c| p.contains(started_on(c)))
            .filter_map(|c| c.milestones.iter().find(|m| m.first_value).and_then(|m| m.done_on).map(|done| (done - started_on(c)).num_days()))
            .collect(),
    )
}

/// The middle value (the mean of the two middle ones, rounded down); None without values.
fn median(mut values: Vec<i64>) -> Option<i64> {
    values.sort_unstable();
    match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[n / 2]),
        n => Some((values[n / 2 - 1] + values[n / 2]) / 2),
    }
}

fn timeliness(book: &[&ClientData], p: &Period, as_of: NaiveDate, grace: i64) -> Share {
    let due: Vec<_> = book.iter().flat_map(|c| c.invoices.iter()).filter(|i| !i.void && p.contains(i.due_on) && i.due_on <= as_of).collect();
    let on_time = due.iter().filter(|i| i.paid_on.is_some_and(|paid| paid <= as_of && (paid - i.due_on).num_days() <= grace)).count();
    Share::of(on_time, due.len())
}

/// Realised value per client, and the projection from the trailing 12 months' logo churn.
/// Projected lifetime value: monthly revenue × expected lifetime in months, minus the cost of
/// acquiring the client. DOMAIN.md's example in its annual form: $2,000 a year for 15 years
/// minus $1,500 = $28,500.
pub fn projected_value(monthly_cents: i64, lifetime_months: f64, acquisition_cost_cents: i64) -> i64 {
    ((monthly_cents as f64 * lifetime_months).round() as i64).saturating_sub(acquisition_cost_cents)
}

fn lifetime(book: &[&ClientData], p: &Period, arpa: i64, cac: i64) -> Lifetime {
    let invoiced = sum_cents(book.iter().flat_map(|c| c.invoices.iter()).filter(|i| !i.void && i.issued_on < p.end).map(|i| i.total_cents()));
    let with_history = book.iter().filter(|c| c.invoices.iter().any(|i| !i.void && i.issued_on < p.end)).count().max(1);
    // Monthly logo churn over the 12 months ending with the period.
    let mut lost = 0usize;
    let mut exposed = 0usize;
    let mut month = Month::of(p.last_day());
    for _ in 0..12 {
        let (first, last) = (month.first_day(), month.last_day());
        let cohort: Vec<_> = book.iter().filter(|c| active(c, first)).collect();
        exposed += cohort.len();
        lost += cohort.iter().filter(|c| !active(c, last)).count();
        month = month.previous();
    }
    let (projected, method) = if lost == 0 || exposed == 0 {
        (None, "Not enough history: no client has left in the last 12 months, so an expected lifetime cannot be estimated yet.".to_owned())
    } else {
        let churn = lost as f64 / exposed as f64;
        let months = 1.0 / churn;
        let minus = if cac > 0 { " minus the acquisition cost" } else { "" };
        (Some(projected_value(arpa, months, cac)), format!("ARPA × expected lifetime of {months:.0} months (1 ÷ average monthly logo churn of {:.1}% over the last 12 months){minus}.", churn * 100.0))
    };
    Lifetime { realised_per_client_cents: invoiced / with_history as i64, projected_cents: projected, method }
}

#[cfg(test)]
mod tests;
