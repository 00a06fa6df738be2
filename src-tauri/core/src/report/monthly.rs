//! What the monthly results summary says, assembled from the client's records for one month.
//!
//! [`MonthlySummary`] is the only input the page is drawn from, and it has no field for health,
//! segment, internal notes, complaints or risk: a client document cannot show what it is never
//! given.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use super::format;
use crate::book::month::Month;
use crate::book::invoice::InvoiceStatus;
use crate::book::kpi::{Kpi, Measurement};
use crate::book::{PaperSize, Studio};
use crate::book::records::ClientData;

/// The headline KPI's chart covers this many months, ending with the report's month.
pub const CHART_MONTHS: usize = 12;

/// One KPI in a document's results table: two values to compare (this month and last, or the
/// ends of this quarter and the last), with progress judged at the period's end.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct KpiRow {
    pub kpi_id: i64,
    pub name: String,
    pub unit: String,
    pub baseline: String,
    pub target: String,
    /// The value the period is compared with, if any.
    pub previous: Option<String>,
    /// The period's value, if any.
    pub current: Option<String>,
    /// current − previous, when both exist.
    pub change: Option<String>,
    /// Share of the way from baseline to target, as of the period's end.
    pub progress: Option<String>,
    /// Where the straight line from baseline to target puts the KPI at the period's end.
    pub expected: String,
    /// "On track", "Slipping", "Off track" or "No figure yet" (`KpiStatus::label`).
    pub status: String,
    /// The owner's words for why it moved in the document's period, when written.
    pub why: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ChartPoint {
    pub month: Month,
    #[specta(type = f64)]
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct KpiChart {
    pub name: String,
    pub unit: String,
    /// The months shown, oldest first; the points are those months that have a value.
    pub months: Vec<Month>,
    pub points: Vec<ChartPoint>,
    #[specta(type = f64)]
    pub target: f64,
    /// The months shown in which work for this result (or for the client in general) was
    /// delivered: marked on the chart, so the reader sees what the work did to the line.
    pub delivered: Vec<Month>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Line {
    pub text: String,
    /// Secondary text (a date, an amount, what it was for).
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct InvoiceBlock {
    pub number: String,
    pub total: String,
    /// "Issued 3 Oct 2026 · due 2 Nov 2026 · paid 28 Oct 2026".
    pub dates: String,
    pub lines: Vec<Line>,
}

/// Everything the monthly results summary shows — and nothing else.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct MonthlySummary {
    pub studio: String,
    /// The studio's accent colour, "#1f6f6b".
    pub accent: String,
    /// The studio's logo (PNG or JPEG bytes); drawn, never sent to the UI.
    #[serde(skip)]
    pub logo: Option<Vec<u8>>,
    pub paper: PaperSize,
    pub client: String,
    pub month: Month,
    pub headline: String,
    /// What the agreed results are worth to date against what was invested (None when no
    /// result has an agreed worth: nothing is claimed then).
    pub value: Option<String>,
    pub goal: String,
    pub kpis: Vec<KpiRow>,
    pub chart: Option<KpiChart>,
    pub delivered: Vec<Line>,
    pub next_focus: Vec<Line>,
    pub asks: Vec<Line>,
    pub invoices: Vec<InvoiceBlock>,
    pub contact: String,
}

/// The latest value measured within `[from, to)`.
pub(super) fn latest_between(measurements: &[&Measurement], from: NaiveDate, to: NaiveDate) -> Option<f64> {
    measurements.iter().filter(|m| from <= m.measured_on && m.measured_on < to).max_by_key(|m| m.measured_on).map(|m| m.value)
}

fn latest_in(measurements: &[&Measurement], month: Month) -> Option<f64> {
    latest_between(measurements, month.first_day(), month.end())
}

pub(super) fn with_unit(value: &str, unit: &str) -> String {
    match unit {
        "" => value.to_owned(),
        "%" => format!("{value}%"),
        _ => format!("{value} {unit}"),
    }
}

/// A KPI's name for a table, with its unit when the name does not already say it ("Website
/// conversion rate (%)", but "Online orders a week", not "… (orders)"), so names are not cut.
pub fn name_with_unit(name: &str, unit: &str) -> String {
    let said = unit.is_empty() || name.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| w == unit.to_lowercase());
    if said {
        name.to_owned()
    } else {
        format!("{name} ({unit})")
    }
}

/// The row of `kpi`: the latest values measured in `current` and `previous` (half-open
/// ranges), progress judged on `judged_on`.
pub(super) fn kpi_row(kpi: &Kpi, ms: &[&Measurement], current: (NaiveDate, NaiveDate), previous: (NaiveDate, NaiveDate), judged_on: NaiveDate) -> KpiRow {
    let owned: Vec<Measurement> = ms.iter().map(|m| (*m).clone()).collect();
    let progress = kpi.progress(&owned, judged_on);
    let now = latest_between(ms, current.0, current.1);
    let before = latest_between(ms, previous.0, previous.1);
    KpiRow {
        kpi_id: kpi.id,
        name: kpi.name.clone(),
        unit: kpi.unit.clone(),
        baseline: format::number(kpi.baseline),
        target: format::number(kpi.target),
        previous: before.map(format::number),
        current: now.map(format::number),
        change: now.zip(before).map(|(now, before)| format::change(now - before)),
        progress: progress.progress.map(|p| format::share(p.max(0.0))),
        expected: format::number(kpi.expected_value_on(judged_on)),
        status: progress.label,
        why: None,
    }
}

/// What the studio still needs from the client on `today`, as a document lists it.
pub(super) fn open_asks(data: &ClientData, today: NaiveDate) -> Vec<Line> {
    data.asks.iter().filter(|a| a.open_on(today)).map(|a| Line { text: a.what.clone(), detail: a.detail(format::date) }).collect()
}

/// The owner's words for why KPI `kpi_id` moved in `period` ("2026-10", "2027-Q2").
pub(super) fn why(data: &ClientData, kpi_id: i64, period: &str) -> Option<String> {
    data.kpi_notes.iter().find(|n| n.kpi_id == kpi_id && n.period == period).map(|n| n.why.clone())
}

/// The KPI's latest value in each of `months` (oldest first), with its target and the months
/// in which work tied to it, or to no result in particular, was delivered.
pub(super) fn chart(kpi: &Kpi, ms: &[&Measurement], months: Vec<Month>, data: &ClientData) -> KpiChart {
    let points = months.iter().filter_map(|&m| latest_in(ms, m).map(|value| ChartPoint { month: m, value })).collect();
    let work = data.deliverables.iter().filter(|d| d.kpi_id.is_none_or(|id| id == kpi.id));
    let delivered = months.iter().copied().filter(|m| work.clone().any(|d| m.contains(d.delivered_on))).collect();
    KpiChart { name: kpi.name.clone(), unit: kpi.unit.clone(), months, points, target: kpi.target, delivered }
}

/// `count` months ending with `last`, oldest first.
pub(super) fn months_ending(last: Month, count: usize) -> Vec<Month> {
    let mut months = vec![last];
    while months.len() < count {
        let earlier = months[months.len() - 1].previous();
        months.push(earlier);
    }
    months.reverse();
    months
}

/// How a KPI moved, as a person would say it: "rose by 10 to 150 orders", "rose 3 points to
/// 47%", "stayed at 44%", "fell by 5 to 120 orders", or "reached 150 orders" with nothing to
/// compare with.
pub(super) fn movement(now: f64, before: Option<f64>, unit: &str) -> String {
    let value = with_unit(&format::number(now), unit);
    let Some(before) = before else { return format!("reached {value}") };
    let by = format::number((now - before).abs());
    if by == "0" {
        return format!("stayed at {value}");
    }
    let verb = if now > before { "rose" } else { "fell" };
    if unit == "%" {
        let points = if by == "1" { "point" } else { "points" };
        format!("{verb} {by} {points} to {value}")
    } else {
        format!("{verb} by {by} to {value}")
    }
}

/// The verdict first: how the headline KPI moved, how far it is toward the target and where the
/// plan expected it, then what was delivered.
fn headline(client_kpi: Option<(&Kpi, &[&Measurement], &KpiRow)>, month: Month, delivered: &[Line]) -> String {
    let work = match delivered.len() {
        0 => String::new(),
        1 => format!(" We delivered “{}”.", delivered[0].text),
        n => format!(" We delivered {n} pieces of work, including “{}”.", delivered[0].text),
    };
    let kpi = match client_kpi {
        // The row holds progress and the expected value as of the month's end already.
        Some((kpi, ms, row)) => match latest_in(ms, month) {
            Some(now) => {
                let before = latest_in(ms, month.previous());
                let share = row.progress.as_ref().map_or_else(String::new, |p| format!(", {p} of the way"));
                let target = with_unit(&row.target, &kpi.unit);
                let expected = with_unit(&row.expected, &kpi.unit);
                // The same month a year earlier, where one was recorded: the seasonal comparison.
                let year_before = Month { year: month.year - 1, month: month.month };
                let earlier = latest_in(ms, year_before).map_or_else(String::new, |v| format!("; {} in {}", with_unit(&format::number(v), &kpi.unit), year_before.label()));
                format!(
                    "In {}, {} {}{share} from {} to the target of {target} ({expected} expected by the end of {}{earlier}).",
                    month.label(),
                    kpi.name,
                    movement(now, before, &kpi.unit),
                    with_unit(&row.baseline, &kpi.unit),
                    month.first_day().format("%B"),
                )
            }
            None => format!("No new figure for {} was recorded in {}.", kpi.name, month.label()),
        },
        None => format!("Here is what we did together in {}.", month.label()),
    };
    format!("{kpi}{work}")
}

/// Builds the summary of `month` from a client's records; `today` decides which invoices are
/// already paid or overdue.
pub fn build(studio: &Studio, brand: &super::Brand, data: &ClientData, month: Month, today: NaiveDate) -> MonthlySummary {
    let measurements_of = |kpi: &Kpi| -> Vec<&Measurement> { data.measurements.iter().filter(|m| m.kpi_id == kpi.id).collect() };
    let kpi_name = |id: Option<i64>| id.and_then(|id| data.kpis.iter().find(|k| k.id == id)).map(|k| k.name.clone());
    let (this, last) = ((month.first_day(), month.end()), (month.previous().first_day(), month.first_day()));
    let kpis: Vec<KpiRow> = data.kpis.iter().map(|k| KpiRow { why: why(data, k.id, &month.key()), ..kpi_row(k, &measurements_of(k), this, last, month.last_day()) }).collect();

    let mut delivered: Vec<&_> = data.deliverables.iter().filter(|d| month.contains(d.delivered_on)).collect();
    delivered.sort_by_key(|d| (d.delivered_on, d.id));
    let delivered: Vec<Line> = delivered
        .into_iter()
        .map(|d| Line { text: d.title.clone(), detail: kpi_name(d.kpi_id).map_or_else(|| format::date(d.delivered_on), |k| format!("{} · for {k}", format::date(d.delivered_on))) })
        .collect();

    // Next month's focus: milestones not yet reached that are due by the end of next month.
    let mut focus: Vec<&_> = data.milestones.iter().filter(|m| m.done_on.is_none_or(|done| done > month.last_day()) && m.due_on < month.next().end()).collect();
    focus.sort_by_key(|m| (m.due_on, m.id));
    let next_focus = focus.into_iter().map(|m| Line { text: m.title.clone(), detail: format!("due {}", format::date(m.due_on)) }).collect();

    let minor = crate::book::currency::minor_digits(&studio.currency);
    let money = |cents: i64| format::money(cents, &studio.currency, minor);
    // What the owner asked for and is still open on the day the summary is made comes first,
    // then what the records show is missing.
    let mut asks = open_asks(data, today);
    for k in data.kpis.iter().filter(|k| latest_in(&measurements_of(k), month).is_none()) {
        asks.push(Line { text: format!("Your {} figure for {}", month.label(), k.name), detail: "so we can report progress".into() });
    }
    // A renewal whose last day to give notice is still ahead and within two months: the client
    // has a decision to make, by a date.
    if let Some(r) = crate::book::records::facts(data, today).renewal.filter(|r| r.notice_days > 0) {
        let by = r.notice_by();
        if by >= today && by < month.end() + chrono::Days::new(61) {
            asks.push(Line { text: format!("Your decision on the renewal of {}", format::date(r.date)), detail: format!("notice by {}", format::date(by)) });
        }
    }
    let mut unpaid: Vec<&_> = data.invoices.iter().filter(|i| i.status_on(today) == InvoiceStatus::Overdue).collect();
    unpaid.sort_by_key(|i| i.due_on);
    for i in unpaid {
        asks.push(Line { text: format!("Payment of invoice {}", i.number), detail: format!("{} · was due {}", money(i.total_cents()), format::date(i.due_on)) });
    }

    let mut issued: Vec<&_> = data.invoices.iter().filter(|i| !i.void && month.contains(i.issued_on)).collect();
    issued.sort_by_key(|i| (i.issued_on, i.number.clone()));
    let invoices = issued
        .into_iter()
        .map(|i| {
            let state = match (i.status_on(today), i.paid_on) {
                (InvoiceStatus::Paid, Some(paid)) => format!("paid {}", format::date(paid)),
                (InvoiceStatus::Overdue, _) => "awaiting payment".to_owned(),
                _ => "open".to_owned(),
            };
            let lines = i
                .lines
                .iter()
                .map(|l| {
                    let bought = kpi_name(l.kpi_id).or_else(|| l.deliverable_id.and_then(|id| data.deliverables.iter().find(|d| d.id == id)).map(|d| d.title.clone()));
                    Line { text: l.description.clone(), detail: bought.map_or_else(|| money(l.amount_cents), |b| format!("{} · for {b}", money(l.amount_cents))) }
                })
                .collect();
            InvoiceBlock { number: i.number.clone(), total: money(i.total_cents()), dates: format!("Issued {} · due {} · {state}", format::date(i.issued_on), format::date(i.due_on)), lines }
        })
        .collect();

    let headline_ms = data.kpis.first().map(|k| measurements_of(k));
    let headline_kpi = data.kpis.first().zip(headline_ms.as_deref()).zip(kpis.first()).map(|((k, ms), row)| (k, ms, row));
    let owner = data.client.plan.owner.trim();
    MonthlySummary {
        studio: studio.name.clone(),
        accent: brand.accent.clone(),
        logo: brand.logo.clone(),
        paper: studio.paper_size,
        client: data.client.name.clone(),
        month,
        headline: headline(headline_kpi, month, &delivered),
        value: super::value::value_sentence(&super::value::value_to_date(data, month.end(), &studio.currency, minor), &studio.currency, minor),
        goal: data.client.goal.clone(),
        chart: data.kpis.first().map(|k| chart(k, &measurements_of(k), months_ending(month, CHART_MONTHS), data)),
        kpis,
        delivered,
        next_focus,
        asks,
        invoices,
        contact: if owner.is_empty() { format!("Questions about this summary? Contact {}.", studio.name) } else { format!("Questions about this summary? Contact {owner} at {}.", studio.name) },
    }
}
